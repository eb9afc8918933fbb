"""How Arabic wire stories date events: an inventory of short sentences of our
own (no corpus wording), each with its publication date and the event, actor
and date a reader gives it — ``None`` when the text does not date that event.

The figure that matters is how many cases get the right date: each case is a
test, and a case Dateline still gets wrong is marked ``xfail`` (strict) with
the reason, so that the count is honest and a fix shows up as an XPASS to
unmark. Run through recorded analyses (the ``backend`` fixture).
"""

from __future__ import annotations

from datetime import date

import pytest

from event_helpers import check_inventory_case, check_inventory_ids, inventory_params

MON, TUE, WED, THU = date(2023, 9, 11), date(2023, 9, 12), date(2023, 9, 13), date(2023, 9, 14)
MAR17 = date(2017, 3, 20)  # a Monday

# (case id, text, publication date, event type, actor as written, expected date or None)
CASES = [
    # statements dated by relative days
    ("today_weekday", "قال وزير الخارجية خالد ناصر اليوم الثلاثاء إن بلاده تدعم الحوار.", TUE, "announcement", "خالد ناصر", "2023-09-12"),
    ("today_monday_hamza", "أعلن رئيس الوزراء سامي فريد اليوم الإثنين عن خطة جديدة للنقل.", MON, "announcement", "سامي فريد", "2023-09-11"),
    ("yesterday", "أكد المتحدث باسم الحكومة نبيل حداد أمس أن الانتخابات ستجرى في موعدها.", TUE, "announcement", "نبيل حداد", "2023-09-11"),
    ("yesterday_evening", "وقال الرئيس مراد عيسى مساء أمس إن الوضع تحت السيطرة.", TUE, "announcement", "مراد عيسى", "2023-09-11"),
    ("this_morning", "صرح وزير المالية كريم يوسف صباح اليوم بأن الميزانية جاهزة.", TUE, "announcement", "كريم يوسف", "2023-09-12"),
    ("earlier_today", "وكانت وزارة الصحة قد أعلنت في وقت سابق اليوم عن إصابات جديدة.", TUE, "announcement", "وزارة الصحة", "2023-09-12"),
    ("last_saturday", "وقال وزير الداخلية فؤاد جابر يوم السبت الماضي إن الشرطة اعتقلت عشرة أشخاص.", TUE, "announcement", "فؤاد جابر", "2023-09-09"),
    ("last_week", "أعلنت الشركة الوطنية للنفط الأسبوع الماضي عن اكتشاف حقل جديد.", TUE, "announcement", "الشركة الوطنية للنفط", "2023-W36"),
    ("last_month", "انتقد النائب حسن علوان الشهر الماضي قرار رفع الأسعار.", TUE, "announcement", "حسن علوان", "2023-08"),
    ("yesterday_no_hamza", "وقال وزير النقل علي حمدان امس إن الطريق سيفتح قريبا.", TUE, "announcement", "علي حمدان", "2023-09-11"),
    ("day_of_yesterday", "وقال رئيس البلدية جمال عثمان يوم أمس إن الأشغال انتهت.", TUE, "announcement", "جمال عثمان", "2023-09-11"),
    ("day_before_yesterday", "وأعلن وزير الزراعة رامي صالح أول أمس عن دعم للمزارعين.", TUE, "announcement", "رامي صالح", "2023-09-10"),
    ("this_evening_tunisian", "وصرح وزير التجارة منير بلحاج عشية اليوم بأن الأسعار ستنخفض.", TUE, "announcement", "منير بلحاج", "2023-09-12"),
    ("yesterday_weekday", "وأمس الاثنين، أعلنت وزارة الداخلية عن خطة أمنية جديدة.", TUE, "announcement", "وزارة الداخلية", "2023-09-11"),
    # explicit calendar dates
    ("day_month", "وأكد وزير الخارجية خالد ناصر في 15 مارس أن المفاوضات مستمرة.", TUE, "announcement", "خالد ناصر", "2023-03-15"),
    ("day_month_levantine", "قال رئيس البرلمان عادل منصور في 15 آذار إن الجلسة ستعقد قريبا.", TUE, "announcement", "عادل منصور", "2023-03-15"),
    ("numeric_date", "وأعلن الجيش اللبناني في بيان يوم 15/3/2017 عن انتهاء العملية.", MAR17, "announcement", "الجيش اللبناني", "2017-03-15"),
    ("day_of_this_month", "وكان وزير الصحة هشام كمال قد أعلن في 5 من الشهر الجاري عن حملة للتلقيح.", TUE, "announcement", "هشام كمال", "2023-09-05"),
    ("day_month_last", "وقال وزير العدل سليم زكي يوم 15 مارس الماضي إن القانون سيعدل.", TUE, "announcement", "سليم زكي", "2023-03-15"),
    # weekdays, spellings and the publication weekday
    ("wednesday_no_hamza", "أعرب الأمين العام للجامعة العربية سمير رضا اليوم الاربعاء عن قلقه.", WED, "announcement", "سمير رضا", "2023-09-13"),
    ("monday_with_yawm", "وقال الرئيس مراد عيسى يوم الإثنين إن الحكومة ستستقيل.", TUE, "announcement", "مراد عيسى", "2023-09-11"),
    ("bare_monday_after_name", "وقال الرئيس مراد عيسى الاثنين إن الحكومة ستستقيل.", TUE, "announcement", "مراد عيسى", "2023-09-11"),
    ("bare_saturday_after_name", "وقال وزير الدفاع ماجد سعيد السبت إن الجيش مستعد.", TUE, "announcement", "ماجد سعيد", "2023-09-09"),
    ("bare_thursday_to_press", "وقال وزير الدفاع ماجد سعيد للصحفيين الخميس إن الجيش مستعد.", TUE, "announcement", "ماجد سعيد", "2023-09-07"),
    ("publication_weekday", "وقال وزير الخارجية خالد ناصر الثلاثاء إن الوفد سيغادر.", TUE, "announcement", "خالد ناصر", "2023-09-12"),
    ("publication_weekday_last", "وقال وزير الخارجية خالد ناصر يوم الثلاثاء الماضي إن الوفد غادر.", TUE, "announcement", "خالد ناصر", "2023-09-05"),
    ("publication_thursday", "أعلن وزير الطاقة وليد مراد يوم الخميس أن الإنتاج ارتفع.", THU, "announcement", "وليد مراد", "2023-09-14"),
    ("friday_ha_spelling", "وقال وزير الشباب طارق نور يوم الجمعه إن الملعب جاهز.", TUE, "announcement", "طارق نور", "2023-09-08"),
    ("last_week_alif_maqsura", "أعلنت وزارة الخارجية الأسبوع الماضى عن تعيين سفير جديد.", TUE, "announcement", "وزارة الخارجية", "2023-W36"),
    ("sunday_between_commas", "وأعلنت وزارة الخارجية، الأحد، أن السفير استدعي.", TUE, "announcement", "وزارة الخارجية", "2023-09-10"),
    ("evening_weekday", "وأكدت الرئاسة في بيان مساء الأحد أن الرئيس بصحة جيدة.", TUE, "announcement", "الرئاسة", "2023-09-10"),
    ("maghrebi_last_tuesday", "وأكد وزير التربية ناجي الهادي يوم الثلاثاء الفارط أن الامتحانات ستجرى في موعدها.", TUE, "announcement", "ناجي الهادي", "2023-09-05"),
    ("last_night", "وقال المتحدث العسكري سامر خليل الليلة الماضية إن الهدوء عاد إلى المدينة.", TUE, "announcement", "سامر خليل", "2023-09-11"),
    ("last_friday_evening_commas", "وأعلنت الحكومة، مساء الجمعة الماضي، عن إجراءات جديدة.", TUE, "announcement", "الحكومة", "2023-09-08"),
    # date after the subject; a statement's own frame
    ("after_subject", "أكد الوزير علي حمدان اليوم أن الحكومة ملتزمة بالإصلاح.", TUE, "announcement", "علي حمدان", "2023-09-12"),
    ("date_between_commas", "وقال وزير الخارجية خالد ناصر، اليوم الثلاثاء، إن الحدود ستفتح.", TUE, "announcement", "خالد ناصر", "2023-09-12"),
    ("statement_issued_today", "وقال وزير الخارجية خالد ناصر في بيان أصدره اليوم إن الحوار مستمر.", TUE, "announcement", "خالد ناصر", "2023-09-12"),
    ("own_date_vs_content_date", "قال وزير الخارجية خالد ناصر اليوم إن الوفد وصل أمس.", TUE, "announcement", "خالد ناصر", "2023-09-12"),
    ("fronted_later_today", "وفي وقت لاحق اليوم، قال وزير الخارجية خالد ناصر إن المحادثات كانت مثمرة.", TUE, "announcement", "خالد ناصر", "2023-09-12"),
    ("fronted_sunday_meeting", "ويوم الأحد، التقى الرئيس مراد عيسى بوزير الدفاع الأمريكي جون ميلر.", TUE, "meeting", "مراد عيسى", "2023-09-10"),
    # wire-service framing: an interview, a press conference, a weekday with its date
    ("statement_to_agency", "وأكد وزير الفلاحة منصف العياري، في تصريح لوكالة الأنباء اليوم الأحد، أن الموسم جيد.", date(2023, 9, 10), "announcement", "منصف العياري", "2023-09-10"),
    ("press_conference_this_morning", "وقال وزير التجارة منصف العياري في ندوة صحفية عقدها صباح اليوم بمقر الوزارة إن الأسعار مستقرة.", TUE, "announcement", "منصف العياري", "2023-09-12"),
    ("yesterday_weekday_after_subject", "أعلنت السلطات الليبية أمس الاثنين عن العثور على سفينة مفقودة.", TUE, "announcement", "السلطات الليبية", "2023-09-11"),
    ("weekday_with_glued_year", "وقال وزير الخارجية خالد ناصر الاثنين 11 سبتمبر2023 إن الحدود ستفتح.", TUE, "announcement", "خالد ناصر", "2023-09-11"),
    # the date belongs to another event
    ("reported_meeting_date", "قال وزير الخارجية خالد ناصر إن الاجتماع سيعقد الأحد.", TUE, "announcement", "خالد ناصر", None),
    ("reported_action_date", "وأعلن الجيش اللبناني أنه قتل خمسة مسلحين يوم الجمعة.", TUE, "announcement", "الجيش اللبناني", None),
    ("relative_clause_date", "التقى الرئيس مراد عيسى الوفد الذي وصل أمس إلى العاصمة.", TUE, "meeting", "مراد عيسى", None),
    ("relative_clause_in_content", "وقال وزير الخارجية خالد ناصر إن الاتفاق الذي وقع أمس سيفيد الجميع.", TUE, "announcement", "خالد ناصر", None),
    ("day_as_occasion", "وقال وزير الخارجية خالد ناصر في كلمة باليوم العالمي للمرأة إن المساواة ضرورية.", TUE, "announcement", "خالد ناصر", None),
    ("the_next_day", "وصل الرئيس مراد عيسى إلى الرباط يوم الأحد، وفي اليوم التالي التقى الرئيس مراد عيسى رئيس الحكومة المغربية.", TUE, "meeting", "مراد عيسى", "2023-09-11"),
    ("occasion_visit_yesterday", "وقال الرئيس مراد عيسى خلال زيارته أمس إلى عمان إن العلاقات متينة.", TUE, "visit", "مراد عيسى", "2023-09-11"),
    # meetings, visits and movements, past and planned
    ("met_yesterday", "التقى الرئيس مراد عيسى أمس وفدا من رجال الأعمال.", TUE, "meeting", "مراد عيسى", "2023-09-11"),
    ("met_this_morning", "اجتمع رئيس الوزراء سامي فريد صباح اليوم بسفير فرنسا.", TUE, "meeting", "سامي فريد", "2023-09-12"),
    ("visited_saturday", "وزار وزير الخارجية خالد ناصر مدينة حلب يوم السبت.", TUE, "visit", "خالد ناصر", "2023-09-09"),
    ("left_last_night", "غادر الرئيس مراد عيسى العاصمة مساء أمس متوجها إلى موسكو.", TUE, "departure", "مراد عيسى", "2023-09-11"),
    ("met_last_wednesday", "التقى الرئيس مراد عيسى يوم الأربعاء الماضي بالسفير الياباني.", TUE, "meeting", "مراد عيسى", "2023-09-06"),
    ("meets_next_sunday", "يلتقي الرئيس مراد عيسى نظيره التونسي كمال العربي يوم الأحد المقبل.", TUE, "meeting", "مراد عيسى", "2023-09-17"),
    ("visits_next_week", "يزور وزير الخارجية خالد ناصر القاهرة الأسبوع المقبل.", TUE, "visit", "خالد ناصر", "2023-W38"),
    ("meet_tomorrow", "وسيلتقي وزير الخارجية خالد ناصر نظيره المصري غدا في الرياض.", TUE, "meeting", "خالد ناصر", "2023-09-13"),
    ("meets_tomorrow_weekday", "ويلتقي وزير الخارجية خالد ناصر نظيره الأردني غدا الأربعاء في عمان.", TUE, "meeting", "خالد ناصر", "2023-09-13"),
    ("arrives_after_tomorrow", "ويصل الرئيس مراد عيسى إلى باريس بعد غد في زيارة رسمية.", TUE, "arrival", "مراد عيسى", "2023-09-14"),
    ("visits_coming_days", "ويزور الرئيس مراد عيسى الجزائر خلال الأيام المقبلة.", TUE, "visit", "مراد عيسى", None),
    ("visits_on_day_next_month", "ويزور الرئيس مراد عيسى الرباط في 3 أكتوبر المقبل.", TUE, "visit", "مراد عيسى", "2023-10-03"),
    ("meets_this_coming_day", "ويلتقي الرئيس مراد عيسى رئيس الحكومة يوم 20 سبتمبر الجاري.", TUE, "meeting", "مراد عيسى", "2023-09-20"),
    # a date carried along a chain of events
    ("arrived_then_met", "ووصل الرئيس مراد عيسى إلى بغداد أمس ثم التقى رئيس الوزراء العراقي.", TUE, "meeting", "مراد عيسى", "2023-09-11"),
    ("arrived_next_sentence_met", "وصل الرئيس مراد عيسى إلى بغداد صباح اليوم في زيارة رسمية. والتقى الرئيس مراد عيسى رئيس الوزراء العراقي.", TUE, "meeting", "مراد عيسى", "2023-09-12"),
]

#: Cases Dateline still gets wrong, with the reason (strict: a fix makes them XPASS).
KNOWN_FAILURES: dict[str, str] = {
    "this_evening_tunisian": "actor: the name is cut to its first word (date right)",
    "publication_thursday": "actor: the name after the title is lost (date right)",
    "left_last_night": "no departure found for 'غادر ... متوجها'",
}


@pytest.mark.parametrize(("text", "published", "type_", "actor", "expected"), list(inventory_params(CASES, KNOWN_FAILURES)))
def test_arabic_event_date(backend, text, published, type_, actor, expected):
    check_inventory_case(backend, "ar", text, published, type_, actor, expected)


def test_the_inventory_is_large_and_its_ids_unique():
    check_inventory_ids(CASES, KNOWN_FAILURES, 40)
