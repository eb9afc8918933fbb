"""The first acceptance test: the seed article's hand annotation.

Every "required" event must be found (after merging) with its type, actor,
counterpart/origin/destination, date and modality; no "forbidden" event may
appear as asserted.
"""

import pytest

from extractors.entities import canonical
from extractors.events import extract_events
from extractors.timex import find_time_expressions


@pytest.fixture(scope="module")
def seed_events(seed_article, seed_analysis):
    times = find_time_expressions(seed_article.text, "ar", seed_article.published, seed_analysis.sentences)
    return extract_events(seed_article, seed_analysis, times)


def same_name(gold, surface, resolved):
    key = canonical(gold, "ar")
    return key in (canonical(surface or "", "ar"), resolved)


def matches(gold, event):
    if event.type != gold["type"]:
        return False
    actor = gold.get("actor_resolves_to", gold.get("actor"))
    if actor and not (same_name(gold["actor"], event.actor, event.actor_resolved) and same_name(actor, event.actor, event.actor_resolved) or same_name(actor, None, event.actor_resolved)):
        return False
    for role in ("counterpart", "origin", "destination"):
        if gold.get(role) and not same_name(gold[role], getattr(event, role), getattr(event, f"{role}_resolved", None)):
            return False
    return True


def test_seed_has_annotation(seed_expected):
    assert len(seed_expected["required"]) == 7 and len(seed_expected["forbidden"]) == 2


@pytest.mark.parametrize("index", range(7))
def test_required_event(seed_expected, seed_events, index):
    gold = seed_expected["required"][index]
    candidates = [e for e in seed_events if matches(gold, e)]
    assert candidates, f"missing {gold}"
    assert any(e.date == gold["date"] and e.modality == gold["modality"] for e in candidates), (
        gold, [(e.trigger, e.date, e.modality) for e in candidates])


@pytest.mark.parametrize("index", range(2))
def test_forbidden_event_is_not_asserted(seed_expected, seed_events, index):
    gold = seed_expected["forbidden"][index]
    wrong = [e for e in seed_events if matches(gold, e) and e.modality == "asserted"
             and (gold.get("date") is None or e.date == gold["date"])]
    assert not wrong, [(e.trigger, e.date, e.modality) for e in wrong]


def test_departure_mentions_are_merged_with_spans(seed_article, seed_events):
    (departure,) = [e for e in seed_events if e.type == "departure" and e.modality == "asserted"]
    assert len(departure.mentions) == 2
    for mention in departure.mentions:
        assert mention.span.of(seed_article.text) == mention.trigger


def test_events_are_never_dated_by_the_publication_day_by_default(seed_events):
    undated = [e for e in seed_events if e.date_text is None]
    assert undated and all(e.date is None for e in undated)
