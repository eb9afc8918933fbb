"""The first acceptance test: the seed article's hand annotation.

The extracted events are matched one to one against the annotation: every
"required" event must be found (after merging) with its type, actor,
counterpart/origin/destination, date and modality, each by its own extracted
event; no "forbidden" event may appear as asserted, and a prediction that
leaves one of its attributes empty still counts as that forbidden event (an
undated departure from the wrong place is still the wrong departure). Every
annotated time expression must be found, each by its own extracted expression
(the annotated text inside the extracted one, with the same value).

These run on the recorded analysis of the seed (the ``backend`` fixture); the
one test marked ``stanza`` scores the same way on the real models, end to end.
"""

import pytest

from extractors.entities import canonical
from extractors.events import extract_events
from extractors.timex import find_time_expressions

ROLES = ("counterpart", "origin", "destination")


def extract(article, analysis):
    times = find_time_expressions(article.text, "ar", article.published, analysis.sentences)
    return times, extract_events(article, analysis, times)


@pytest.fixture(scope="module")
def seed_output(seed_article, seed_analysis):
    return extract(seed_article, seed_analysis)


@pytest.fixture(scope="module")
def seed_events(seed_output):
    return seed_output[1]


def same_name(gold, surface, resolved):
    key = canonical(gold, "ar")
    return key in (canonical(surface or "", "ar"), resolved)


def same_actor(gold, event):
    actor = gold.get("actor_resolves_to", gold.get("actor"))
    return (same_name(gold["actor"], event.actor, event.actor_resolved) and same_name(actor, event.actor, event.actor_resolved)
            or same_name(actor, None, event.actor_resolved))


def matches(gold, event):
    """``event`` is the required ``gold`` event: every annotated attribute equal."""
    if event.type != gold["type"] or (gold.get("actor") and not same_actor(gold, event)):
        return False
    if any(gold.get(r) and not same_name(gold[r], getattr(event, r), getattr(event, f"{r}_resolved", None)) for r in ROLES):
        return False
    return event.date == gold["date"] and event.modality == gold["modality"]


def could_be(gold, event):
    """``event`` may be the forbidden ``gold`` event: asserted, same type, and no
    annotated attribute contradicted. An attribute the prediction leaves empty
    contradicts nothing."""
    if event.type != gold["type"] or event.modality != gold.get("modality", "asserted"):
        return False
    if gold.get("actor") and (event.actor or event.actor_resolved) and not same_actor(gold, event):
        return False
    for role in ROLES:
        predicted = getattr(event, role), getattr(event, f"{role}_resolved", None)
        if gold.get(role) and any(predicted) and not same_name(gold[role], *predicted):
            return False
    return not (gold.get("date") and event.date and not event.date.startswith(gold["date"]))


def one_to_one(golds, predictions, fits) -> dict[int, int]:
    """A maximum matching of gold index -> prediction index (augmenting paths):
    one extracted item can stand for one annotated item only."""
    owner: dict[int, int] = {}

    def place(g, seen):
        for p, prediction in enumerate(predictions):
            if p not in seen and fits(golds[g], prediction):
                seen.add(p)
                if p not in owner or place(owner[p], seen):
                    owner[p] = g
                    return True
        return False

    for g in range(len(golds)):
        place(g, set())
    return {g: p for p, g in owner.items()}


def score(expected, times, events):
    """(required found, forbidden found, time expressions found), with what is missing."""
    required = one_to_one(expected["required"], events, matches)
    forbidden = [(gold["why"], [(e.trigger, e.actor, e.origin, e.date) for e in events if could_be(gold, e)])
                 for gold in expected["forbidden"]]
    timex = one_to_one(expected["time_expressions"], times, lambda g, t: g["text"] in t.text and t.value == g["value"])
    return {
        "required": len(required), "forbidden": sum(bool(found) for _, found in forbidden), "time_expressions": len(timex),
        "missing": [g for i, g in enumerate(expected["required"]) if i not in required],
        "forbidden_found": [f for f in forbidden if f[1]],
        "missing_times": [g for i, g in enumerate(expected["time_expressions"]) if i not in timex],
        "events": [(e.type, e.trigger, e.actor, e.date, e.modality) for e in events],
    }


def assert_seed_score(expected, times, events):
    result = score(expected, times, events)
    counts = (result["required"], result["forbidden"], result["time_expressions"])
    assert counts == (7, 0, 8), result


def test_seed_output_matches_the_annotation_one_to_one(seed_expected, seed_output):
    assert_seed_score(seed_expected, *seed_output)


@pytest.mark.stanza
def test_seed_end_to_end_on_the_real_models(seed_expected, seed_article, stanza_seed_analysis):
    assert_seed_score(seed_expected, *extract(seed_article, stanza_seed_analysis))


def test_one_event_cannot_stand_for_two_required_ones(seed_expected, seed_events):
    """The matching itself: a duplicated gold entry needs a second event."""
    departure = seed_expected["required"][0]
    assert len(one_to_one([departure], seed_events, matches)) == 1
    assert len(one_to_one([departure, departure], seed_events, matches)) == 1


def test_an_undated_departure_from_the_wrong_place_is_forbidden(seed_expected, seed_events):
    """The forbidden check fires on a prediction that leaves attributes empty."""
    from dataclasses import replace

    (departure,) = [e for e in seed_events if e.type == "departure" and e.modality == "asserted"]
    gold = seed_expected["forbidden"][0]
    assert not could_be(gold, departure)  # from Pyongyang on Sunday: not the one he never made
    assert could_be(gold, replace(departure, origin=None, date=None))
    assert not could_be(gold, replace(departure, origin=None, date=None, modality="negated"))


def test_departure_mentions_are_merged_with_spans(seed_article, seed_events):
    (departure,) = [e for e in seed_events if e.type == "departure" and e.modality == "asserted"]
    assert len(departure.mentions) == 2
    for mention in departure.mentions:
        assert mention.span.of(seed_article.text) == mention.trigger


def test_events_are_never_dated_by_the_publication_day_by_default(seed_events):
    undated = [e for e in seed_events if e.date_text is None]
    assert undated and all(e.date is None for e in undated)
