"""Dates from the dependency tree, arguments that survive parse errors, wording
as data, one statement per speaker (issue 15), on short sentences of our own
run through recorded analyses (the ``backend`` fixture)."""

from __future__ import annotations

import pytest
from event_helpers import fixture_events, only


def events_of(backend, text: str, lang: str = "en"):
    return fixture_events(backend, text, lang)


# ---- 1. dates from the tree ----

def test_a_reported_complement_keeps_its_own_date_and_the_statement_gets_none(backend):
    events = events_of(backend, "Ana Costa said the next round of talks would be on Monday.")
    said, talks = only(events, "announcement"), only(events, "meeting")
    assert (said.date, said.date_basis) == (None, "none")
    assert (talks.date_text, talks.date_basis, talks.modality) == ("Monday", "explicit", "planned")


def test_a_sentence_initial_expression_dates_the_main_predicate(backend):
    e = only(events_of(backend, "Tomorrow, Pedro Alves is to meet the Senate Finance Committee."), "meeting")
    assert (e.actor, e.date, e.date_basis, e.modality) == ("Pedro Alves", "2023-09-13", "explicit", "planned")


def test_a_coordinated_predicate_inherits_the_date_of_the_one_it_depends_on(backend):
    events = events_of(backend, "Maria Lopes arrived in Rome on Friday and met Prime Minister Giorgia Meloni.")
    arrival, meeting = only(events, "arrival"), only(events, "meeting")
    assert (arrival.date, arrival.date_basis) == ("2023-09-08", "explicit")
    assert (meeting.date, meeting.date_basis) == ("2023-09-08", "sentence")


def test_a_plan_does_not_inherit_the_date_of_a_past_event(backend):
    text = "Kim Jong Un left Pyongyang on Sunday for Russia, where he is expected to meet Vladimir Putin."
    meeting = only(events_of(backend, text), "meeting")
    assert (meeting.modality, meeting.date, meeting.date_basis) == ("planned", None, "none")


def test_an_expression_of_another_clause_dates_no_event(backend):
    e = only(events_of(backend, "Ana Costa said that the price of milk rose on Monday."), "announcement")
    assert (e.date, e.date_basis) == (None, "none")


def test_a_present_tense_trip_is_dated_the_day_of_publication(backend):
    e = only(events_of(backend, "Pedro Alves goes to Canada."), "departure")
    assert (e.destination, e.date, e.date_text, e.date_basis) == ("Canada", "2023-09-12", None, "publication")


def test_an_undated_statement_is_not_dated_by_publication(backend):
    e = only(events_of(backend, "Ana Costa says the dairy market is weak."), "announcement")
    assert (e.date, e.date_basis) == (None, "none")


def test_context_carries_a_date_to_the_next_sentence_on_the_same_actor(backend):
    events = events_of(backend, "Maria Lopes arrived in Lisbon on Friday. Lopes then met Pedro Alves.")
    meeting = only(events, "meeting")
    assert (meeting.date, meeting.date_basis) == ("2023-09-08", "context")


def test_arabic_statement_does_not_take_the_date_of_its_complement(backend):
    text = "قال وزير الخارجية أحمد سالم إن المحادثات مع تونس ستعقد يوم الخميس."
    e = only(events_of(backend, text, "ar"), "announcement")
    assert (e.date, e.date_basis) == (None, "none")


def test_arabic_light_verb_meeting_dated_in_its_clause(backend):
    text = "وعقد وزير الخارجية أحمد سالم اجتماعا مع السفير الفرنسي يوم الأحد."
    e = only(events_of(backend, text, "ar"), "meeting")
    assert (e.actor, e.date, e.date_basis) == ("أحمد سالم", "2023-09-10", "explicit")


# ---- 2. arguments that survive parse errors; planned modality ----

def test_an_appositive_subject_across_commas_is_the_actor(backend):
    e = only(events_of(backend, "Pedro Alves, head of the dairy group, met this morning with members of the Senate."), "meeting")
    assert (e.actor, e.date, e.date_basis) == ("Pedro Alves", "2023-09-12", "explicit")


@pytest.mark.parametrize("text", [
    "Pedro Alves is due to arrive in Madrid.",
    "Pedro Alves is expected to arrive in Madrid.",
    "Pedro Alves will arrive in Madrid.",
])
def test_planned_wording(backend, text):
    assert only(events_of(backend, text), "arrival").modality == "planned"


def test_arabic_planned_wording(backend):
    text = "ومن المقرر أن يصل الرئيس أحمد سالم إلى تونس يوم الخميس."
    e = only(events_of(backend, text, "ar"), "arrival")
    assert (e.modality, e.date) == ("planned", "2023-09-14")


# ---- 3. ordinary wording, as data ----

def test_light_verbs_name_meetings(backend):
    e = only(events_of(backend, "Pedro Alves had contacts with Senate leaders on Thursday."), "meeting")
    assert (e.actor, e.date) == ("Pedro Alves", "2023-09-07")


def test_going_somewhere_is_travel_but_going_on_is_not(backend):
    assert only(events_of(backend, "Maria Lopes goes to Brussels on Friday."), "departure").destination == "Brussels"
    assert not [e for e in events_of(backend, "The strike goes on, Pedro Alves said.") if e.type == "departure"]


def test_a_gerund_takes_the_subject_of_its_governor(backend):
    e = only(events_of(backend, "Maria Lopes stopped in Paris before visiting Berlin."), "visit")
    assert (e.actor, e.destination) == ("Maria Lopes", "Berlin")


# ---- 4. one statement per speaker and day ----

def test_repeated_statements_of_one_speaker_are_one_event_with_all_mentions(backend):
    events = events_of(backend, "Ana Costa said prices would rise. Costa said the bank would act.")
    e = only(events, "announcement")
    assert len(e.mentions) == 2 and [m.sentence_index for m in e.mentions] == [0, 1]


def test_statements_of_one_speaker_on_different_days_stay_apart(backend):
    events = events_of(backend, "Ana Costa said on Monday that prices would rise. Costa told reporters on Friday that the bank would act.")
    said = [e for e in events if e.type == "announcement"]
    assert sorted(e.date for e in said) == ["2023-09-08", "2023-09-11"]
