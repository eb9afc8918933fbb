"""Time expressions: spans exact, values right, relative to the publication date.

Cases are tables of (text, anchor, expected text, expected value) so that a
language's rules read at a glance. Anchor 2023-09-12 is a Tuesday.
"""

from datetime import date

import pytest

from extractors.timex import find_time_expressions

TUE = date(2023, 9, 12)

EN_CASES = [
    # weekdays: same day, past by default, future when the clause says so
    ("KCNA said on Tuesday.", TUE, "Tuesday", "2023-09-12"),
    ("He left on Sunday.", TUE, "Sunday", "2023-09-10"),
    ("He will meet Putin on Wednesday.", TUE, "Wednesday", "2023-09-13"),
    ("They are expected to meet on Sunday.", TUE, "Sunday", "2023-09-17"),
    ("Kim arrived on Monday afternoon.", TUE, "Monday afternoon", "2023-09-11TAF"),
    # calendar dates, months, years, decades
    ("The White House said on Sept. 5 that...", TUE, "Sept. 5", "2023-09-05"),
    ("It happened on 5 September 2021.", TUE, "5 September 2021", "2021-09-05"),
    ("Talks were held in March.", TUE, "March", "2023-03"),
    ("Talks will be held in March.", TUE, "March", "2024-03"),
    ("Sales fell in May 1986.", TUE, "May 1986", "1986-05"),
    ("He took power in 2012.", TUE, "2012", "2012"),
    ("Prices soared in the 1990s.", TUE, "the 1990s", "199"),
    ("Growth slowed in the first quarter.", TUE, "the first quarter", "2023-Q1"),
    # relative expressions
    ("Officials met yesterday.", TUE, "yesterday", "2023-09-11"),
    ("The vote is tomorrow.", TUE, "tomorrow", "2023-09-13"),
    ("He visited last week.", TUE, "last week", "2023-W36"),
    ("Prices rose last month.", TUE, "last month", "2023-08"),
    ("It was announced earlier this month.", TUE, "earlier this month", "2023-09"),
    ("The plan starts next year.", TUE, "next year", "2024"),
    ("He resigned three years ago.", TUE, "three years ago", "2020"),
    # ranges and durations
    ("The forum runs from 10 to 12 September.", TUE, "10 to 12 September", "2023-09-10/2023-09-12"),
    ("The war was to last for a month.", TUE, "a month", "P1M"),
    ("Over the past two years prices doubled.", TUE, "the past two years", "P2Y"),
    ("Rallies went on for weeks.", TUE, "weeks", "PXW"),
    ("Wages grew over the past decade.", TUE, "the past decade", "P10Y"),
    # seasons and reporting periods
    ("The doctor was killed last fall.", TUE, "last fall", "2022-FA"),
    ("Protests are expected this summer.", TUE, "this summer", "2023-SU"),
    ("Profit fell in the latest quarter.", TUE, "the latest quarter", "2023-Q2"),
    ("Profit fell in the third quarter to $5 million from $7 million a year earlier.", TUE, "a year earlier", "2022-Q3"),
    ("He left the company a year earlier.", TUE, "a year earlier", "2022"),
    # no publication date: absolute values survive, relative ones stay open
    ("He took power in 2012.", None, "2012", "2012"),
    ("Prices rose last month.", None, "last month", "XXXX-XX"),
    ("He left on Sunday.", None, "Sunday", "XXXX-WXX-7"),
]

AR_CASES = [
    ("أعلنت الوكالة يوم الثلاثاء.", TUE, "يوم الثلاثاء", "2023-09-12"),
    ("غادر بيونغ يانغ يوم الأحد.", TUE, "يوم الأحد", "2023-09-10"),
    ("غادر في قطاره بعد ظهر الأحد.", TUE, "بعد ظهر الأحد", "2023-09-10TAF"),
    ("من المقرر أن يلتقي بوتين يوم الأربعاء.", TUE, "يوم الأربعاء", "2023-09-13"),
    ("وقال البيت الأبيض في 5 سبتمبر إن الزيارة مهمة.", TUE, "في 5 سبتمبر", "2023-09-05"),
    ("عرض الفيلم في 18 جانفي 2017.", TUE, "في 18 جانفي 2017", "2017-01-18"),
    ("منذ توليه السلطة في عام 2012.", TUE, "في عام 2012", "2012"),
    ("وصل الوفد أمس.", TUE, "أمس", "2023-09-11"),
    ("تعقد القمة غدا.", TUE, "غدا", "2023-09-13"),
    ("زار الرئيس موسكو الأسبوع الماضي.", TUE, "الأسبوع الماضي", "2023-W36"),
    ("تبدأ المحادثات الشهر المقبل.", TUE, "الشهر المقبل", "2023-10"),
    ("كان يأمل في الفوز بها خلال شهر.", TUE, "خلال شهر", "P1M"),
    ("استمرت الحرب لمدة ثلاثة أيام.", TUE, "لمدة ثلاثة أيام", "P3D"),
    ("قبل يومين غادر الوفد.", TUE, "قبل يومين", "2023-09-10"),
    ("سوف يزور موسكو يوم الخميس.", TUE, "يوم الخميس", "2023-09-14"),
    ("عقد الاجتماع في مارس.", TUE, "في مارس", "2023-03"),
    ("تفشى الوباء عام 2020.", TUE, "عام 2020", "2020"),
    ("ازدهرت الصناعة في الثمانينيات.", TUE, "في الثمانينيات", "198"),
    ("يعقد المنتدى من 10 إلى 12 سبتمبر.", TUE, "10 إلى 12 سبتمبر", "2023-09-10/2023-09-12"),
    ("أعلن ذلك في وقت سابق من هذا الشهر.", TUE, "في وقت سابق من هذا الشهر", "2023-09"),
    ("ارتفعت الأسعار العام الماضي.", TUE, "العام الماضي", "2022"),
    ("أقيم المعرض في الصيف الماضي.", TUE, "في الصيف الماضي", "2023-SU"),
    ("استمرت الاحتجاجات لمدة أيام.", TUE, "لمدة أيام", "PXD"),
    # spellings without hamza, with final ه and ى; a glued conjunction; Maghrebi "الفارط"
    ("قال الوزير امس إن الطريق مفتوح.", TUE, "امس", "2023-09-11"),
    ("قال الوزير يوم الجمعه إن الطريق مفتوح.", TUE, "يوم الجمعه", "2023-09-08"),
    ("أعلنت الشركة الأسبوع الماضى عن أرباحها.", TUE, "الأسبوع الماضى", "2023-W36"),
    ("وأمس الاثنين، أعلنت الوزارة خطتها.", TUE, "أمس الاثنين", "2023-09-11"),
    ("زار الوزير المدينة يوم الثلاثاء الفارط.", TUE, "يوم الثلاثاء", "2023-09-05"),
    ("ارتفعت الأسعار الشهر الفارط.", TUE, "الشهر الفارط", "2023-08"),
    # an ambiguous weekday before a clause break or a statement's content
    ("وقال الوزير الأحد إن الطريق مفتوح.", TUE, "الأحد", "2023-09-10"),
    ("وأعلنت الوزارة، السبت، أن الطريق مفتوح.", TUE, "السبت", "2023-09-09"),
    # numeric dates, days of a relative month, "15 من مارس", days ahead
    ("وأعلن الجيش يوم 15/3/2017 انتهاء العملية.", TUE, "15/3/2017", "2017-03-15"),
    ("وأعلن الجيش بتاريخ 2017/3/15 انتهاء العملية.", TUE, "2017/3/15", "2017-03-15"),
    ("وقع الاتفاق في 5 مارس.", TUE, "في 5 مارس", "2023-03-05"),
    ("وأعلن الوزير في 5 من الشهر الجاري استقالته.", TUE, "في 5 من الشهر الجاري", "2023-09-05"),
    ("وقع الاتفاق في 15 من مارس.", TUE, "في 15 من مارس", "2023-03-15"),
    ("انتخبت النائبة الأحد 18 جوان2017 عضوا في البرلمان.", TUE, "الأحد 18 جوان2017", "2017-06-18"),
    ("يصل الوفد بعد غد.", TUE, "بعد غد", "2023-09-14"),
    ("يصل الوفد يوم غد.", TUE, "يوم غد", "2023-09-13"),
    ("ويلتقي الوزير نظيره غدا الأربعاء.", TUE, "الأربعاء", "2023-09-13"),
    ("اندلع الحريق الليلة الماضية.", TUE, "الليلة الماضية", "2023-09-11TNI"),
    ("ينطلق السباق صباح غد الأربعاء.", TUE, "الأربعاء", "2023-09-13"),
    ("وصل الوفد يوم الأحد والتقى الوزير في اليوم التالي.", TUE, "في اليوم التالي", "2023-09-11"),
    ("وصل الوفد أمس والتقى الوزير في نفس اليوم.", TUE, "في نفس اليوم", "2023-09-11"),
    ("يزور الرئيس البلاد خلال الأيام المقبلة.", TUE, "الأيام المقبلة", "FUTURE_REF"),
    # no publication date
    ("غادر يوم الأحد.", None, "يوم الأحد", "XXXX-WXX-7"),
    ("منذ توليه السلطة في عام 2012.", None, "في عام 2012", "2012"),
    ("زار الرئيس موسكو الأسبوع الماضي.", None, "الأسبوع الماضي", "XXXX-WXX"),
]

NOT_DATES = [
    ("en", "The army sent 2,012 troops and paid $1,998 for 2012 rifles."),
    ("en", "The chairman, 60 years old, may retire."),
    ("en", "The score was 3:1 and he wore number 12."),
    ("en", "Revenue was $2012 million, 2012.5 tons, 20120 units and 12.2012 percent."),
    ("en", "Call 555-2012 or dial 2012-555; the ratio was 10.30 to 1."),
    ("en", "A 2015-strong crowd and 1999 delegates gathered."),
    ("en", "Version 3.2.2012 was installed on 32/14/2019 machines."),
    ("ar", "بلغ عدد الجنود 2,012 جنديا."),
    ("ar", "دفع 2015 دولارا ثمنا للسيارة."),
    ("ar", "يبلغ من العمر 60 عاما ورقم هاتفه 20123456."),
    ("ar", "انتهت المباراة بنتيجة 3:1."),
    ("ar", "وقف الرجلان الاثنان وتحدث الاثنين معا عن الأحد عشر لاعبا."),
    ("ar", "احتفلت الجمعية باليوم العالمي للمرأة ونظمت اليوم الدراسي الأول."),
]


def _one(text, lang, anchor, expected_text):
    found = find_time_expressions(text, lang, anchor)
    match = [t for t in found if t.text == expected_text]
    assert match, f"{expected_text!r} not found in {[t.text for t in found]}"
    return match[0]


@pytest.mark.parametrize("text,anchor,expected_text,value", EN_CASES)
def test_english(text, anchor, expected_text, value):
    assert _one(text, "en", anchor, expected_text).value == value


@pytest.mark.parametrize("text,anchor,expected_text,value", AR_CASES)
def test_arabic(text, anchor, expected_text, value):
    assert _one(text, "ar", anchor, expected_text).value == value


@pytest.mark.parametrize("lang,text", NOT_DATES)
def test_numbers_prices_and_ages_are_not_dates(lang, text):
    dated = [t for t in find_time_expressions(text, lang, TUE) if t.kind in ("date", "time")]
    assert dated == [], [t.text for t in dated]


def test_spans_are_exact_and_repeated_strings_all_found():
    text = "He left on Sunday. She left on Sunday, too."
    found = find_time_expressions(text, "en", TUE)
    assert [t.span.start for t in found] == [11, 31]
    assert all(t.span.of(text) == t.text == "Sunday" for t in found)


def test_ranges_and_granularities_are_never_more_precise_than_the_text():
    (year,) = find_time_expressions("in 2012", "en", TUE)
    assert (year.granularity, year.date_start, year.date_end) == ("year", date(2012, 1, 1), date(2012, 12, 31))
    (week,) = find_time_expressions("last week", "en", TUE)
    assert (week.date_start, week.date_end) == (date(2023, 9, 4), date(2023, 9, 10))
    (duration,) = find_time_expressions("for a month", "en", TUE)
    assert (duration.kind, duration.date_start) == ("duration", None)


def _seed_gold():
    import json
    from pathlib import Path

    gold = json.loads((Path(__file__).parent / "fixtures" / "seed.expected.json").read_text(encoding="utf-8"))
    # The annotation keeps "في" in "في عام 2012" and "في 5 سبتمبر" but not in
    # "(في) عام 2020"; one span convention cannot give both.
    inconsistent = pytest.mark.xfail(strict=True, reason="gold leaves out the preposition here only")
    return [pytest.param(g, marks=inconsistent) if g["text"] == "عام 2020" else g for g in gold["time_expressions"]]


@pytest.mark.parametrize("gold", _seed_gold(), ids=lambda g: g["value"])
def test_every_seed_time_expression_with_exact_text_and_value(seed_article, gold):
    found = find_time_expressions(seed_article.text, "ar", seed_article.published)
    assert (gold["text"], gold["value"]) in {(t.text, t.value) for t in found}, [(t.text, t.value) for t in found]


def test_every_seed_time_expression_is_found_inside_a_span(seed_article, seed_expected):
    found = find_time_expressions(seed_article.text, "ar", seed_article.published)
    for gold in seed_expected["time_expressions"]:
        assert any(gold["text"] in t.text and t.value == gold["value"] for t in found), gold


def test_the_rule_and_anchor_are_recorded():
    (t,) = find_time_expressions("He left on Sunday.", "en", TUE)
    assert (t.rule, t.anchor) == ("weekday_past", TUE)


def test_unknown_language_has_no_expressions():
    assert find_time_expressions("Il est parti dimanche.", "fr", TUE) == ()


def test_arabic_future_clitic_is_read_from_the_parse(backend):
    """"سيلتقي" carries its future in a clitic no cue word shows: only the
    parse (سـ + verb in one token) turns "يوم الأربعاء" into the coming one."""
    from extractors.records import Article

    text = "سيلتقي الرئيس بوتين يوم الأربعاء في فلاديفوستوك."
    article = Article("fixture", text, "0" * 64, "mem", "ar", "metadata", TUE, "metadata")
    sentences = backend.analyze([article])[0].sentences
    (with_parse,) = [t for t in find_time_expressions(text, "ar", TUE, sentences) if t.granularity == "day"]
    (without,) = [t for t in find_time_expressions(text, "ar", TUE) if t.granularity == "day"]
    assert (with_parse.value, with_parse.rule) == ("2023-09-13", "weekday_future")
    assert without.value == "2023-09-06"


def test_a_participle_gives_no_tense_to_the_month_after_it(backend):
    """'expected in June': a past participle's Tense=Past is no past time; with no other cue
    the nearest June (next month, from May 1) is meant, not last year's."""
    from extractors.records import Article

    text = "A shareholders' meeting expected in June must approve the merger."
    may = date(2023, 5, 1)
    article = Article("fixture", text, "0" * 64, "mem", "en", "metadata", may, "metadata")
    sentences = backend.analyze([article])[0].sentences
    (june,) = [t for t in find_time_expressions(text, "en", may, sentences) if t.granularity == "month"]
    assert june.value == "2023-06"


@pytest.mark.parametrize("text,lang,expected_text", [
    ("The board meets every three months.", "en", "every three months"),
    ("ويجتمع المجلس مرة كل ثلاثة أشهر.", "ar", "كل ثلاثة أشهر"),
])
def test_a_duration_after_every_recurs(text, lang, expected_text):
    """"every three months" is a TIMEX3 SET (P3M), not a three-month duration."""
    found = _one(text, lang, TUE, expected_text)
    assert (found.kind, found.value) == ("set", "P3M")


THU = date(2017, 3, 30)


@pytest.mark.parametrize("text,lang,expected_text,value", [
    ('وقال مدير المستشفى الخميس "لن نقبل بهذا الوضع أبدا".', "ar", "الخميس", "2023-09-07"),
    ('Police chief Ana Costa on Thursday called it "a thing we will never tolerate".', "en", "Thursday", "2023-09-07"),
])
def test_a_quotation_is_not_the_tense_of_the_clause_that_reports_it(text, lang, expected_text, value):
    """The future inside the quoted words ("لن", "will") is the speaker's, not the day's: the
    quotation marks end the clause the weekday's direction is read from."""
    assert _one(text, lang, TUE, expected_text).value == value


@pytest.mark.parametrize("text,lang,anchor,value", [
    ("The minister arrived last Thursday.", "en", THU, "2017-03-23"),  # a week ago, not today
    ("The minister arrived on Thursday.", "en", THU, "2017-03-30"),  # a bare weekday is still today
    ("He will meet them next Monday.", "en", date(2017, 3, 27), "2017-04-03"),
    ("He met them last Monday, officials said.", "en", THU, "2017-03-27"),
    ("وكان الوزير قد وصل يوم الخميس الماضي إلى تونس.", "ar", THU, "2017-03-23"),
    ("وصل الوزير يوم الخميس إلى تونس.", "ar", THU, "2017-03-30"),
    ("يزور الوزير تونس يوم الاثنين المقبل.", "ar", date(2017, 3, 27), "2017-04-03"),
])
def test_last_and_next_put_a_weekday_in_its_week(text, lang, anchor, value):
    (found,) = [t for t in find_time_expressions(text, lang, anchor) if t.kind == "date"]
    assert found.value == value


@pytest.mark.parametrize("text,start,end", [
    ("He goes to Canada later this week.", date(2023, 9, 13), date(2023, 9, 17)),
    ("He went to Canada earlier this week.", date(2023, 9, 11), date(2023, 9, 11)),
    ("Sales rose earlier this month.", date(2023, 9, 1), date(2023, 9, 11)),
    ("He goes to Canada this week.", date(2023, 9, 11), date(2023, 9, 17)),
])
def test_later_and_earlier_cover_their_side_of_the_publication_day(text, start, end):
    """The value stays the whole period's (TIMEX3), the range only the side the text names."""
    (found,) = [t for t in find_time_expressions(text, "en", TUE) if t.kind == "date"]
    assert (found.date_start, found.date_end) == (start, end)
    assert found.value in ("2023-W37", "2023-09")


def test_a_wrapped_line_does_not_end_the_clause_of_its_tense():
    """Wire copy wraps its lines at about 65 characters: "will visit Rome and\\nMadrid … in June" is one
    clause, so June (published in March) is the coming one, not last year's."""
    march = date(1987, 3, 4)
    text = "President Pedro Alves will visit Rome and\nMadrid during a trip to Europe in June to attend a summit."
    (june,) = [t for t in find_time_expressions(text, "en", march) if t.granularity == "month"]
    assert june.value == "1987-06"
    paragraph = "Pedro Alves will visit Rome.\n    Prices fell sharply in June, dealers said."
    (fell,) = [t for t in find_time_expressions(paragraph, "en", march) if t.granularity == "month"]
    assert fell.value == "1986-06"  # a new paragraph: "will" is not its tense


def test_a_fronted_phrase_takes_the_future_of_the_verb_it_hangs_on(backend):
    """"After the December 8-10 summit, Pedro Alves will travel …": no verb before the comma; the parse
    hangs the summit on "will travel", so December (published in September) is the coming one."""
    from extractors.records import Article

    text = "After the December 8-10 summit, Pedro Alves will travel to Madrid."
    article = Article("fixture", text, "0" * 64, "mem", "en", "metadata", TUE, "metadata")
    sentences = backend.analyze([article])[0].sentences
    (summit,) = [t for t in find_time_expressions(text, "en", TUE, sentences) if t.granularity == "range"]
    assert summit.value == "2023-12-08/2023-12-10"


def test_the_modal_may_after_a_fraction_is_no_date():
    """"rates of 7-1/2 may prompt": a month is written with a capital in English."""
    assert [t.text for t in find_time_expressions("Increases to 7-1/2 may prompt banks to follow suit.", "en", TUE)] == []


@pytest.mark.parametrize("text,published,value,start,end", [
    ("The banks will meet this weekend.", date(1987, 4, 1), "1987-W14-WE", date(1987, 4, 4), date(1987, 4, 5)),
    ("He met them last weekend.", date(1987, 4, 1), "1987-W13-WE", date(1987, 3, 28), date(1987, 3, 29)),
    ("Talks over the weekend failed.", date(1987, 4, 6), "1987-W14-WE", date(1987, 4, 4), date(1987, 4, 5)),
])
def test_a_weekend_is_its_saturday_and_sunday(text, published, value, start, end):
    """"this weekend" in a Wednesday story is the coming Saturday and Sunday; "over the weekend" in a Monday
    story the one just past (TIMEX3 week-end value)."""
    (found,) = find_time_expressions(text, "en", published)
    assert (found.value, found.date_start, found.date_end) == (value, start, end)


def test_a_day_of_the_current_month_is_this_year_s_whatever_the_tense(backend):
    """"دعت إلى تحرك يوم 21 سبتمبر الجاري": "الجاري" (current) makes it this
    month's day; the past verb would otherwise put it a year back."""
    from extractors.records import Article

    text = "دعت الهيئة إلى تحرك احتجاجي وطني يوم 21 سبتمبر الجاري أمام البرلمان."
    article = Article("fixture", text, "0" * 64, "mem", "ar", "metadata", TUE, "metadata")
    sentences = backend.analyze([article])[0].sentences
    (day,) = [t for t in find_time_expressions(text, "ar", TUE, sentences) if t.granularity == "day"]
    assert (day.text, day.value, day.rule) == ("21 سبتمبر الجاري", "2023-09-21", "day_month_current")
