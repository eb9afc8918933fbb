"""Schedules, described speakers and held meetings in English news, on short
sentences of our own through recorded analyses (the ``backend`` fixture).
Published Tuesday 2023-09-12.

A present-tense movement or meeting with a date is a schedule (planned, the
coming weekday); a bare time word the parser took as a phrase's head gives the
head back; a possessive or a pronoun subject of the verb that holds an event
noun names the holder."""

from __future__ import annotations

import pytest

from event_helpers import fixture_events, only


def events_of(backend, text: str):
    return fixture_events(backend, text, "en")


def test_a_present_tense_meeting_on_a_weekday_is_the_coming_one_and_planned(backend):
    e = only(events_of(backend, "Pedro Alves meets the Spanish trade minister on Friday."), "meeting")
    assert (e.date, e.modality) == ("2023-09-15", "planned")


def test_a_present_tense_trip_later_this_week_is_planned(backend):
    e = only(events_of(backend, "Prime Minister Pedro Alves goes to Canada later this week."), "departure")
    assert (e.date, e.modality) == ("2023-W37", "planned")


def test_a_past_meeting_on_a_weekday_stays_in_the_past(backend):
    e = only(events_of(backend, "Pedro Alves met the Spanish trade minister on Friday."), "meeting")
    assert (e.date, e.modality) == ("2023-09-08", "asserted")


def test_a_time_word_after_a_described_speaker_is_not_the_speaker(backend):
    e = only(events_of(backend, "A Portuguese official today said the price would rise."), "announcement")
    assert "official" in e.actor
    assert (e.date, e.date_basis) == ("2023-09-12", "explicit")


def test_a_time_word_after_an_event_noun_does_not_hide_it(backend):
    text = "Pedro Alves said earlier he would have contacts later today with the rebels."
    e = only(events_of(backend, text), "meeting")
    assert (e.trigger, e.modality, e.date) == ("contacts", "planned", "2023-09-12")
    assert "Alves" in e.actor


def test_a_pronoun_subject_of_a_light_verb_continues_the_speaker(backend):
    e = only(events_of(backend, "Pedro Alves said he would have contacts with the rebels."), "meeting")
    assert (e.actor, e.modality, e.date) == ("Pedro Alves", "planned", None)


def test_a_possessive_in_the_object_is_the_subjects(backend):
    e = only(events_of(backend, "The Lisbon Dairy Board held its first meeting in February."), "meeting")
    assert (e.actor, e.date) == ("Lisbon Dairy Board", "2023-02")


def test_a_meeting_after_an_apposition_is_dated_by_its_own_expression(backend):
    text = "Ana Costa, chairman of the Lisbon Dairy Board, met this morning with members of the farmers' union."
    e = only(events_of(backend, text), "meeting")
    assert (e.actor, e.date, e.modality) == ("Ana Costa", "2023-09-12", "asserted")


def test_a_fronted_tomorrow_dates_the_planned_meeting(backend):
    e = only(events_of(backend, "Tomorrow, Pedro Alves is to meet the Spanish trade minister in Madrid."), "meeting")
    assert (e.date, e.modality) == ("2023-09-13", "planned")


def test_the_date_of_the_next_talks_is_theirs_not_the_statements(backend):
    events = events_of(backend, "Ana Costa said the next talks would be Monday.")
    assert only(events, "announcement").date is None
    assert (only(events, "meeting").date, only(events, "meeting").modality) == ("2023-09-18", "planned")


@pytest.mark.parametrize("text", [
    "The Lisbon Dairy Board said an agreement was reached with the farmers.",
    "The board will lift the quota after an accord is reached with the farmers, the ministry said.",
    "The dairies will sign the compromise reached by their two unions at the weekend.",
])
def test_a_passive_reach_is_no_arrival(backend, text):
    """What is reached in the passive is an accord or a resolution, whatever the parse makes of it
    (an agent, an open complement): only a place is reached as an arrival."""
    assert [e for e in events_of(backend, text) if e.type == "arrival"] == []


def test_has_left_is_active_whatever_its_tag(backend):
    """The tagger may mark "left" after "has" as passive: the auxiliary says it is a departure."""
    assert [e.type for e in events_of(backend, "Pedro Alves has left for Madrid.")] == ["departure"]


def test_a_visiting_delegation_is_the_visitor(backend):
    text = "The deal was signed by Pedro Alves and a visiting Spanish trade delegation."
    e = only(events_of(backend, text), "visit")
    assert "Spanish trade delegation" in e.actor


def test_visiting_people_who_are_named_by_no_one_are_no_visit(backend):
    text = "The Lisbon Dairy Board sells cheese to local shops and visiting tourists."
    assert [e for e in events_of(backend, text) if e.type == "visit"] == []


def test_a_visit_after_before_is_still_the_subjects(backend):
    text = "Ana Costa spent two days in Washington before visiting Agriculture Secretary John Brook."
    e = only(events_of(backend, text), "visit")
    assert e.actor == "Ana Costa"


def test_a_visit_after_a_planned_stay_is_planned(backend):
    text = "Ana Costa will spend two days in Washington before visiting Agriculture Secretary John Brook."
    e = only(events_of(backend, text), "visit")
    assert (e.actor, e.modality) == ("Ana Costa", "planned")


def test_a_plan_put_in_a_month_already_past_is_for_the_coming_one(backend):
    """"is likely to visit Madrid in June", published in September: the time expressions pick the
    nearest June (the one before); a plan is for the coming June."""
    e = only(events_of(backend, "Pedro Alves is likely to visit Madrid in June."), "visit")
    assert (e.modality, e.date) == ("planned", "2024-06")


def test_a_present_tense_schedule_in_a_month_already_past_is_the_coming_one(backend):
    """"meets … in June", published in September: a schedule, so next June, and planned."""
    e = only(events_of(backend, "Pedro Alves meets the Spanish trade minister in Madrid in June."), "meeting")
    assert (e.modality, e.date) == ("planned", "2024-06")


@pytest.mark.parametrize("text,lang", [
    ("The dairy board meets every three months in Porto.", "en"),
    ("ويجتمع مجلس إدارة الشركة مرة كل ثلاثة أشهر على الأقل.", "ar"),
])
def test_a_recurring_meeting_gets_no_publication_day(backend, text, lang):
    """"every three months", "كل ثلاثة أشهر": a habit, not a meeting held on the day of publication;
    control: the same meeting with no frequency is dated by publication."""
    meetings = [e for e in fixture_events(backend, text, lang) if e.type == "meeting"]
    assert [(e.date, e.date_basis) for e in meetings] in ([], [(None, "none")])
    held = only(events_of(backend, "The dairy board meets in Porto."), "meeting")
    assert (held.date, held.date_basis) == ("2023-09-12", "publication")


@pytest.mark.parametrize("text,lang,moves", [
    ("وتصل المادة الملونة إلى أوراق الوردة خلال يوم واحد.", "ar", 0),
    ("The new rules leave the farmers little room to object.", "en", 0),
    ("وصل وزير الصحة إلى مدينة صفاقس صباح اليوم.", "ar", 1),
    ("The foreign minister left for Madrid on Monday.", "en", 1),
])
def test_only_someone_named_or_titled_travels(backend, text, lang, moves):
    """A described subject moves only when it names someone (a title, an office, a delegation, a
    name in it): goods and rules "arrive" and "leave" figuratively."""
    found = [e for e in fixture_events(backend, text, lang) if e.type in ("departure", "arrival", "visit")]
    assert len(found) == moves, [(e.type, e.actor) for e in found]


@pytest.mark.parametrize("text,lang", [
    ("Pedro Alves cancelled his visit to Madrid.", "en"),
    ("وأعلنت الوزارة إلغاء زيارة الوزير سامي الهادي إلى صفاقس.", "ar"),
])
def test_a_cancelled_visit_is_not_held(backend, text, lang):
    """"cancelled his visit", "إلغاء زيارة": the visit is called off (modality.cancelling)."""
    assert [e.modality for e in fixture_events(backend, text, lang) if e.type == "visit"] == ["negated"]


def test_the_requirements_a_company_failed_to_meet_are_no_meeting(backend):
    """"requirements, which it failed to meet": the relative pronoun stands for the requirements."""
    text = "The company said its shares stay listed despite capital requirements, which it failed to meet as of January 20."
    assert [e for e in events_of(backend, text) if e.type == "meeting"] == []


def test_a_meeting_its_own_expression_dates_after_publication_is_planned(backend):
    """Published Tuesday 2023-09-12: a summit on September 20 has not happened yet, whatever the tense."""
    (summit,) = [e for e in fixture_events(backend, "EU leaders hold a summit in Lisbon on September 20.", "en") if e.type == "meeting"]
    assert (summit.date, summit.modality) == ("2023-09-20", "planned")


def test_demands_met_in_the_passive_are_no_meeting(backend):
    """"would spread unless the demands were met": the passive's subject is what is met, even when the parse
    hangs it elsewhere; one meets a demand without meeting anyone."""
    text = "Union sources said the strike would spread unless the demands were met, with a strike threatened on Thursday."
    assert [e for e in events_of(backend, text) if e.type == "meeting"] == []
