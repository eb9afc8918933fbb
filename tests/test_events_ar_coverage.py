"""Arabic event coverage (issue 15): general rules and lexicon data checked on
short Arabic sentences of our own, through recorded analyses (``backend``)."""

from __future__ import annotations

from event_helpers import fixture_events


def events_of(backend, text: str):
    return fixture_events(backend, text, "ar")


def actors(events, type_: str) -> list:
    return [e.actor for e in events if e.type == type_]


def test_a_noun_after_a_preposition_is_no_speaker(backend):
    """'عبروا عن شكرهم' / 'أكد على أهمية الحوار': the thanks and the importance say nothing."""
    for text in ("وعبروا عن شكرهم للحكومة.", "وأكد على أهمية الحوار بين الأطراف."):
        found = actors(events_of(backend, text), "announcement")
        assert not any(a and ("شكر" in a or "أهمية" in a) for a in found), (text, found)


def test_a_described_speaker_after_the_verb_is_still_found(backend):
    e = [x for x in events_of(backend, "وأكدت وزارة الصحة أن الوضع مستقر.") if x.type == "announcement"]
    assert [x.actor for x in e] == ["وزارة الصحة"]
