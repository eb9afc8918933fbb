"""Arabic actors the tagger hides: a preposition tagged as a noun, a circumstantial
participle's speaker, a described delegation that travels. Short sentences of our
own, through recorded analyses (``backend``)."""

from __future__ import annotations

from event_helpers import fixture_events


def events_of(backend, text: str):
    return fixture_events(backend, text, "ar")


def actors(events, type_: str) -> list:
    return [e.actor for e in events if e.type == type_]


def test_a_preposition_is_never_the_speaker(backend):
    """'ودعا الى الهدوء' without hamza is often tagged a noun; it is never who spoke."""
    texts = ["وعبر النائب عن قلقه من الوضع الامني، ودعا الى الحوار بين الاطراف.",
             "وكشف الوزير عن خطة جديدة للتشغيل، ودعا الى دعم المؤسسات الصغرى."]
    for text in texts:
        speakers = actors(events_of(backend, text), "announcement")
        assert speakers and not any(s is None or s.startswith("الى") for s in speakers), speakers
