"""What the verb above an event makes of it: an infinitive or subjunctive
complement states no fact of its own ("hopes to visit", "قرر أن يزور"), a
refused event did not happen ("refused to meet", "رفض لقاء"), an implicative
verb keeps it ("managed to meet"). Short sentences of our own through
recorded analyses (the ``backend`` fixture), published Tuesday 2023-09-12."""

from __future__ import annotations

import pytest

from event_helpers import fixture_events


def modalities(backend, text: str, lang: str, event_type: str) -> list[str]:
    return [e.modality for e in fixture_events(backend, text, lang) if e.type == event_type]


@pytest.mark.parametrize("text,lang,event_type,expected", [
    ("Pedro Alves hopes to visit Madrid.", "en", "visit", "planned"),
    ("Pedro Alves asked to meet the Spanish trade minister on Friday.", "en", "meeting", "planned"),
    ("The ministers agreed to mandate the Commission to open talks with Portugal.", "en", "meeting", "planned"),
    ("Pedro Alves sought talks with the Spanish trade minister.", "en", "meeting", "planned"),
    ("Pedro Alves refused to meet the Spanish trade minister.", "en", "meeting", "negated"),
    ("قرر وزير التجارة سامي الهادي أن يزور صفاقس.", "ar", "visit", "planned"),
    ("طلب وزير التجارة سامي الهادي لقاء والي صفاقس.", "ar", "meeting", "planned"),
    ("قرر وزير التجارة سامي الهادي عقد اجتماع مع النقابة.", "ar", "meeting", "planned"),
    ("رفض وزير التجارة سامي الهادي لقاء وفد النقابة.", "ar", "meeting", "negated"),
    ("دعا مجلس الهيئة المحامين بالجهة إلى اجتماع عام يوم الجمعة.", "ar", "meeting", "planned"),  # called for, by its preposition
])
def test_an_event_only_wanted_or_refused_is_not_asserted(backend, text, lang, event_type, expected):
    assert modalities(backend, text, lang, event_type) == [expected]


def test_a_wanted_visit_takes_no_date_of_publication(backend):
    """"قرر أن يزور": a present-tense verb that is only a decision's content was not done on the day of publication."""
    (visit,) = [e for e in fixture_events(backend, "قرر وزير التجارة سامي الهادي أن يزور صفاقس.", "ar") if e.type == "visit"]
    assert (visit.date, visit.date_basis) == (None, "none")


def test_an_implicative_verb_keeps_the_event(backend):
    (meeting,) = [e for e in fixture_events(backend, "Pedro Alves managed to meet the Spanish trade minister on Friday.", "en")
                  if e.type == "meeting"]
    assert (meeting.modality, meeting.date) == ("asserted", "2023-09-08")


def test_a_statement_only_expected_is_no_statement(backend):
    """"said it expects to report record sales": one statement (the saying), undated; the report is still to come."""
    found = [e for e in fixture_events(backend, "Alves Textiles Inc said it expects to report record sales for its first quarter.", "en")
             if e.type == "announcement"]
    assert [(e.trigger, e.modality) for e in found] == [("said", "asserted")]


def test_a_fact_reported_after_that_is_not_a_complement(backend):
    """"أكد أن الوزير يزور صفاقس اليوم": "أن" before a noun introduces a fact, not a wish."""
    assert modalities(backend, "أكد وزير التجارة سامي الهادي أن الوزير يزور صفاقس اليوم.", "ar", "visit") == ["asserted"]


def test_a_meeting_the_clause_happened_at_is_held_by_the_subject(backend):
    """"failed to reach an agreement during its meeting": "its" is the committee's (not the
    agreement's), and the negation denies the agreement, not the meeting it was sought at."""
    (meeting,) = [e for e in fixture_events(backend, "The finance committee failed to reach an agreement during its meeting on Wednesday.", "en")
                  if e.type == "meeting"]
    assert (meeting.actor, meeting.modality, meeting.date) == ("finance committee", "asserted", "2023-09-06")


def test_a_clause_negation_does_not_deny_the_meeting_it_happened_at(backend):
    (ar,) = [e for e in fixture_events(backend, "لم تتوصل لجنة المالية خلال اجتماعها أمس إلى اتفاق حول الميزانية.", "ar") if e.type == "meeting"]
    assert (ar.actor, ar.modality, ar.date) == ("لجنة المالية", "asserted", "2023-09-11")


def test_his_visit_is_not_the_last_of_a_list_of_people_met(backend):
    """"talks with the president, businessmen and other ministers during his visit": "his" is not the ministers'."""
    text = "Pedro Alves is to hold talks with the president, businessmen and other government ministers during his visit."
    assert [e.actor for e in fixture_events(backend, text, "en") if e.type == "visit" and "ministers" in (e.actor or "")] == []


def test_the_one_told_holds_no_meeting_named_after(backend):
    """"told the Lisbon Daily News the banks may raise rates at this weekend's meeting": the paper was told."""
    text = "Dealers told the Lisbon Daily News the banks may raise rates at this weekend's routine meeting."
    assert [e.actor for e in fixture_events(backend, text, "en") if e.type == "meeting" and "News" in (e.actor or "")] == []
