"""Arabic trigger words in another sense (``[senses]`` of ``extractors/lang/ar/events.toml``,
``extractors/events/senses.py``): a match is no meeting, a place name no visit, a suspended strike
no statement, "is considered" no statement, leaving a team no departure. Short sentences of our own,
through recorded analyses (``backend``); each pair has a control where the event stays."""

from __future__ import annotations

from event_helpers import fixture_events, only


def types(backend, text: str) -> list[str]:
    return [e.type for e in fixture_events(backend, text, "ar")]


def test_a_match_between_two_teams_is_no_meeting(backend):
    text = "وأدار الحكم سامي الهادي لقاء الترجي والنجم في ملعب رادس يوم الأحد."
    assert "meeting" not in types(backend, text)


def test_a_meeting_with_an_ambassador_stays_a_meeting(backend):
    text = "وعقد الوزير سامي الهادي لقاء مع سفير فرنسا يوم الأحد."
    assert "meeting" in types(backend, text)


def test_a_verb_inside_a_place_name_is_no_event(backend):
    """'بوادي زار': the valley of Zar, nobody visited."""
    text = "ودخل عمال الحقل بوادي زار في اعتصام مفتوح منذ أسبوع."
    assert "visit" not in types(backend, text)


def test_suspending_a_strike_is_no_statement(backend):
    """'علّق' without 'على' suspends; with it, comments."""
    text = "وعلّق الاتحاد العام للشغل الإضراب الذي كان مقررا يوم الخميس."
    assert "announcement" not in types(backend, text)


def test_commenting_on_a_decision_is_a_statement(backend):
    text = "وعلّق الأمين العام للنقابة سامي الهادي على القرار في تدوينة له."
    assert "announcement" in types(backend, text)


def test_an_imperfective_consider_is_no_statement(backend):
    """'لا تعتبر هذه الأرقام نهائية': the figures are not considered final; nobody spoke."""
    text = "ولا تعتبر هذه الأرقام نهائية إلى حد الآن."
    assert "announcement" not in types(backend, text)


def test_leaving_a_campaign_team_is_no_departure(backend):
    text = "وبعد الانتخابات غادر سامي الهادي فريق حملة المرشح الخاسر."
    assert "departure" not in types(backend, text)


def test_leaving_a_city_stays_a_departure(backend):
    text = "وبعد الانتخابات غادر سامي الهادي تونس متوجها إلى باريس."
    assert "departure" in types(backend, text)


def test_his_ministry_is_no_visit(backend):
    """'وزارته' (his ministry), which a tokenizer may split as و + زارت + ه ('and she visited him')."""
    text = "وقال الوزير سامي الهادي إن وزارته ستوزع مساعدات على العائلات في الولايات الداخلية."
    assert "visit" not in types(backend, text)


def test_and_she_visited_stays_a_visit(backend):
    """Without a possessive pronoun, 'وزارت' is the conjunction and the verb."""
    text = "وزارت الوزيرة ليلى سالم معرض الكتاب بالعاصمة يوم الأحد."
    assert "visit" in types(backend, text)


def test_the_passive_yudaa_names_someone_and_calls_for_nothing(backend):
    """"شابا يدعى سامي الهادي": a young man named Sami Hadi (يُدعى, passive of دعا), no statement."""
    events = fixture_events(backend, "أوقفت الشرطة شابا يدعى سامي الهادي في صفاقس.", "ar")
    assert [e for e in events if e.type == "announcement"] == []


def test_form_v_taakkada_made_sure_and_confirmed_nothing(backend):
    """"حين تأكّد الحارس أنّ الباب مغلق": when the guard made sure (تأكّد, form V), not confirmed (أكّد)."""
    events = fixture_events(backend, "وحين تأكّد الحارس أنّ الباب مغلق غادر المبنى.", "ar")
    assert [e for e in events if e.type == "announcement"] == []


def test_is_considered_is_no_statement_even_when_the_tagger_calls_it_perfect(backend):
    """'تُعتبر تونس من …' (Tunisia is considered): the imperfective of 'اعتبر' states nothing; its person prefix
    says so when the tagger's Aspect says perfect. 'اعتبرت الوزيرة أن' (the minister considered) still does."""
    assert [e.type for e in fixture_events(backend, "وتُعتبر تونس من أكثر البلدان استقرارا في المنطقة.", "ar")] == []
    said = [e for e in fixture_events(backend, "واعتبرت الوزيرة أن القرار صائب.", "ar") if e.type == "announcement"]
    assert [e.actor for e in said] == ["الوزيرة"]


def test_speaking_about_something_is_a_statement(backend):
    """"تحدث … عن وضعيات شائكة" (spoke about) states something; "تحدث إلى نظيره" (spoke to) alone does not."""
    about = [e for e in fixture_events(backend, "وتحدث وزير الهجرة سامي الهادي على هامش مشاركته اليوم في جلسة استماع عن وضعيات قانونية شائكة.", "ar")
             if e.type == "announcement"]
    assert [(e.trigger, e.date) for e in about] == [("تحدث", "2023-09-12")]
    assert [e for e in fixture_events(backend, "وتحدث وزير الهجرة سامي الهادي إلى نظيره الفرنسي.", "ar") if e.type == "announcement"] == []


def test_a_tour_is_a_visit_and_a_league_s_round_is_not(backend):
    """"قامت الوزيرة … بجولة ترويجية" is a visit of hers, not of the governor
    who goes along ("رفقة", roles.companion); "الجولة الخامسة من الرابطة" is a
    round of a league (senses.context_nouns)."""
    visit = only(fixture_events(backend, "وقد قامت وزيرة المالية رفقة محافظ البنك المركزي بجولة ترويجية بأهم الأسواق المالية العالمية.", "ar"), "visit")
    assert visit.actor == "وزيرة المالية"
    league = fixture_events(backend, "وتعادل الترجي مع النادي الصفاقسي في الجولة الخامسة من الرابطة المحترفة الأولى.", "ar")
    assert [e for e in league if e.type == "visit"] == []
