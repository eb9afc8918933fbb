"""Which event a time expression dates around statements and occasions
(:mod:`extractors.events.cues`), on short sentences of our own through
recorded analyses (the ``backend`` fixture). Published Tuesday 2023-09-12.

A date put on the wrong event is worse than no date: a statement takes no
date from what it reports, an occasion keeps its own date."""

from __future__ import annotations

import pytest
from event_helpers import fixture_events, only

from extractors import lexicon
from extractors.events.cues import DateCues


def events_of(backend, text: str, lang: str = "en"):
    return fixture_events(backend, text, lang)


def test_a_postposed_statement_takes_no_date_from_what_it_reports(backend):
    text = "Union leaders of 9,000 dairy farmers began talks with the government today on ways to end their strike, Ana Costa said."
    events = events_of(backend, text)
    said, talks = only(events, "announcement"), only(events, "meeting")
    assert (talks.date, talks.date_basis) == ("2023-09-12", "explicit")
    assert (said.date, said.date_basis) == (None, "none")


def test_an_expression_before_a_postposed_statement_is_the_contents(backend):
    text = "Milk reserves in the areas held by the farmers have been upgraded from the level estimated last May, Ana Costa said."
    e = only(events_of(backend, text), "announcement")
    assert (e.date, e.date_basis) == (None, "none")


def test_a_coordinated_statement_with_its_own_content_is_not_postposed(backend):
    events = events_of(backend, "Pedro Alves visited Madrid on Friday, and Ana Costa said the visit went well.")
    visited = [e for e in events if e.trigger == "visited"]
    assert [(e.date, e.date_basis) for e in visited] == [("2023-09-08", "explicit")]
    assert only(events, "announcement").date == "2023-09-08"  # coordinated: it inherits, as "arrived and said" does


@pytest.mark.parametrize("text,lang", [
    ("سقطت طائرة صغيرة الثلاثاء على مستودع قرب مدينة صفاقس، وقالت الشرطة إن ركابها الخمسة لقوا حتفهم.", "ar"),
    ("A small plane crashed into a warehouse near Porto on Monday, and police said all five people on board died.", "en"),
])
def test_a_statement_coordinated_after_a_dated_clause_of_no_event_takes_nothing(backend, text, lang):
    """The day is the crash's (a clause with no event type); the police's statement is a clause of
    its own, coordinated with its own subject: it is not the main clause's event."""
    said = only(events_of(backend, text, lang), "announcement")
    assert (said.date, said.date_basis) == (None, "none")


def test_an_expression_in_a_relative_clause_before_a_statement_verb_is_the_clause_s(backend):
    """'الانفجار الذي وقع صباح أمس تعلن': the morning is the blast's (a relative clause of its own);
    the letter's statement right after it is undated. A statement's own subject described by such a
    clause ("a statement issued on Monday said") still lends it its day (tested below)."""
    text = "وعثرت الشرطة على رسالة في موقع الانفجار الذي وقع صباح أمس تعلن فيها جماعة مسلحة مسؤوليتها عن الهجوم."
    said = [e for e in events_of(backend, text, "ar") if e.type == "announcement"]
    assert [(e.date, e.date_basis) for e in said] in ([], [(None, "none")])


def test_a_bare_year_dates_no_event(backend):
    e = only(events_of(backend, "Pedro Alves visited the Expo 2020 fair."), "visit")
    assert (e.date, e.date_basis) == (None, "none")


def test_arabic_weekday_after_wa_yawm_dates_the_statement(backend):
    text = "ويوم الخميس قال وزير الخارجية أحمد سالم إن المحادثات ستستمر."
    e = only(events_of(backend, text, "ar"), "announcement")
    assert (e.date, e.date_text, e.date_basis) == ("2023-09-07", "ويوم الخميس", "explicit")


def test_a_statement_issued_on_a_day_is_dated_by_it(backend):
    events = events_of(backend, "The Finance Ministry statement issued on Monday said the tax would rise.")
    e = only(events, "announcement")
    assert (e.date, e.date_basis) == ("2023-09-11", "explicit")


def test_an_event_noun_followed_by_its_expression_takes_it(backend):
    text = "Ana Costa said she and Pedro Alves had set targets for more trade between the two countries during talks earlier today."
    events = events_of(backend, text)
    assert only(events, "meeting").date == "2023-09-12"
    assert only(events, "announcement").date is None


def test_an_occasion_keeps_its_date(backend):
    e = only(events_of(backend, "Pedro Alves said on the occasion of Labour Day on Monday that workers deserved more."), "announcement")
    assert (e.date, e.date_basis) == (None, "none")


def test_arabic_occasion_keeps_its_date(backend):
    text = "وأكد الوزير أحمد سالم بمناسبة العيد الوطني يوم الأحد أن البلاد آمنة."
    e = only(events_of(backend, text, "ar"), "announcement")
    assert (e.date, e.date_basis) == (None, "none")


def test_a_periods_bound_does_not_date_a_statement(backend):
    e = only(events_of(backend, "Sweden announced tax increases on petrol and heating oil from July 1, 2023."), "announcement")
    assert (e.date, e.date_basis) == (None, "none")


@pytest.mark.parametrize("text", ["Earlier a board statement said registrations for May, the only month open, totalled two million bags.",
                                  "The board said sales for March, its best month, were strong."])
def test_the_period_something_is_for_does_not_date_a_statement(backend, text):
    """'registrations for May' is what was reported on, however the parse hangs it on the verb."""
    e = only(events_of(backend, text), "announcement")
    assert (e.date, e.date_basis) == (None, "none")


def test_a_statement_takes_no_date_from_after_the_word_opening_its_content(backend):
    e = only(events_of(backend, "Ana Costa announced that the new hospitals, built by the state, would open on Thursday."), "announcement")
    assert (e.date, e.date_basis) == (None, "none")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_language_has_its_date_cues(lang):
    cues = DateCues.of(lexicon.load(lang, "events")["dates"])
    assert cues.statement_content and cues.occasion_prepositions and cues.bound_prepositions


def test_a_statement_made_during_a_dated_visit_takes_the_visit_s_day(backend):
    """What is said on a visit is said that day, when the tree gave the day to the visit noun."""
    text = "قال وزير الصحة يوسف العلوي خلال زيارة أداها اليوم الثلاثاء إلى صفاقس إن المستشفى الجديد سيفتح قريبا."
    events = events_of(backend, text, "ar")
    visit, said = only(events, "visit"), only(events, "announcement")
    assert (visit.date, visit.date_basis) == ("2023-09-12", "explicit")
    assert (said.date, said.date_basis) == ("2023-09-12", "sentence")


def test_an_event_inside_content_without_that_does_not_date_the_statement(backend):
    """"said she had set targets during talks earlier today": the talks are what she reported."""
    text = "Ana Costa said she and Pedro Alves had agreed on new fishing quotas during talks earlier today."
    said = only(events_of(backend, text), "announcement")
    assert (said.date, said.date_basis) == (None, "none")


def test_a_statement_on_the_sidelines_of_an_occasion_held_that_day_takes_its_day(backend):
    """The occasion's relative clause has a subject of its own ("نظمها اليوم اتحاد الشغل"), so the tree gives the
    day to no event; a statement made on its sidelines was made that day."""
    text = "وأضافت سامية الورتاني في تصريح للإذاعة على هامش وقفة احتجاجية نظمها اليوم اتحاد الشغل، أن القانون مخالف للدستور."
    said = only(events_of(backend, text, "ar"), "announcement")
    assert (said.date, said.date_basis) == ("2023-09-12", "sentence")


@pytest.mark.parametrize("text", [
    "أكدت وزارة الصحة، الثلاثاء أنّه تقرر فتح المستشفى الجديد.",  # "أنّ" with its shadda opens the content
    "أكدت وزارة الصحة في بلاغ أصدرته، الثلاثاء أنه تقرر فتح المستشفى الجديد.",  # issuing the statement is no other event
])
def test_a_day_before_the_content_dates_the_statement_whatever_the_parse(backend, text):
    """The parse puts "الثلاثاء" in the content clause, but it stands before "أن" that opens it."""
    statement = only(events_of(backend, text, "ar"), "announcement")
    assert (statement.date, statement.date_basis) == ("2023-09-12", "explicit")


def test_the_end_of_a_reported_period_is_not_the_day_of_the_report(backend):
    """"For the year ended Feb 27, X reported net income": the date ends the fiscal year the figures cover."""
    statement = only(events_of(backend, "For the year ended February 27, Alves Textiles Inc reported net income of 3.3 mln dlrs."), "announcement")
    assert (statement.date, statement.date_basis) == (None, "none")


def test_according_to_what_a_spokesman_affirmed_today_is_his_dated_statement_not_the_meeting_s_day(backend):
    """'يلتقي الوزراء يومي 12 و13 أكتوبر …، حسبما اكده الناطق … NAME اليوم الثلاثاء': the verb keeps its object
    pronoun unsplit and the parse makes the spokesman its object; he speaks today, and the meeting keeps its own days."""
    text = ("يلتقي وزراء الزراعة في البلدان الثلاثة يومي 12 و13 أكتوبر المقبل بالرباط لإعداد خطة مشتركة، "
            "حسبما اكده الناطق باسم وزارة الزراعة عبد الرحيم بن سالم اليوم الثلاثاء بالرباط.")
    events = fixture_events(backend, text, "ar")
    said, meeting = only(events, "announcement"), only(events, "meeting")
    assert (said.actor, said.date) == ("عبد الرحيم بن سالم", "2023-09-12")
    assert (meeting.date, meeting.modality) == ("2023-10-12/2023-10-13", "planned")


def test_a_day_set_off_by_commas_right_after_a_visit_is_the_visit_s(backend):
    """'وقال الوزير خلال زيارته ، الجمعة، السوق البلدي': the visit is on Friday, and so is what he said during it."""
    events = fixture_events(backend, "وقال الوزير خلال زيارته ، الجمعة، السوق البلدي بأريانة إنه سيتم إعداد خطة.", "ar")
    assert only(events, "visit").date == "2023-09-08"
    assert only(events, "announcement").date == "2023-09-08"


def test_the_day_of_what_a_statement_is_about_is_not_the_statement_s(backend):
    """"اعتبرت الجمعية في تعقيب … بشأن قرار اللجنة … ليوم الثلاثاء الماضي": the
    topic after "بشأن" is dated, not the comment on it, even eleven words on
    (dates.occasion_prepositions, cues.occasion_noun)."""
    said = only(events_of(backend, "واعتبرت الجمعية في تعقيب نشرته مؤخرا على موقعها الرسمي بشأن قرار لجنة المالية والتخطيط "
                                   "والتنمية الجهوية ليوم الثلاثاء الماضي أن القرار خاطئ.", "ar"), "announcement")
    assert (said.actor, said.date) == ("الجمعية", None)


@pytest.mark.parametrize("text,lang", [
    ("وأوضح سامي الفرجاني خلال ندوة صحفية نظمها المنتدى لتقديم تقرير شهر فيفري 2023، أن الوضع خطير.", "ar"),
    ("A 0.4 pct rise in the March index of leading indicators points to moderate growth, economists said.", "en"),
    ("Harbor Motors Inc said car sales for the September 1-10 period rose 12 pct to 4,454 from 3,669 a year earlier.", "en"),
])
def test_the_month_a_report_or_an_index_covers_is_not_the_statement_s(backend, text, lang):
    """"تقرير شهر فيفري", "the March index", "the September 1-10 period": a month
    in the genitive of a thing that is no event and no medium of the statement,
    or any date between a determiner and a noun, is the period it covers
    (noun_dates.period_of_thing, noun_it_modifies)."""
    said = only(events_of(backend, text, lang), "announcement")
    assert said.date is None


CALL_FOR_PROTEST = ("وتجدر الاشارة إلى أن الهيئة الوطنية لعمال الحضائر التابعة للاتحاد العام التونسي للشغل، دعت إلى تحرك احتجاجي "
                    "وطني يوم 21 سبتمبر الجاري أمام مجلس نواب الشعب.")


def test_a_statement_is_never_dated_after_the_article_that_reports_it(backend):
    """"دعت إلى تحرك … يوم 21 سبتمبر الجاري" (published 12 September): the call
    was made by then; the later day is the protest's (dates.future_is_planned)."""
    called = only(events_of(backend, CALL_FOR_PROTEST, "ar"), "announcement")
    assert called.date is None


def test_a_subject_s_phrase_the_parse_cut_reaches_the_comma_before_its_verb(backend):
    """"أن الهيئة الوطنية لعمال الحضائر التابعة للاتحاد …، دعت": the parse hangs
    the phrase's tail on another verb; only the comma closing it stands before
    the verb, so its head is still the subject (tree.ends_right_before)."""
    called = only(events_of(backend, CALL_FOR_PROTEST, "ar"), "announcement")
    assert called.actor == "الهيئة الوطنية"
