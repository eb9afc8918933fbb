"""Every place an article names, geocoded: its LOC entities and the places
its events go from, to and happen in (one :class:`Place` per mention)."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.entities.geocode import Geocode, geocode_names
from extractors.records import Analysis, Entity, Event, Place, Span, sentence_index_at

PLACE_ROLES = ("origin", "destination", "location")


def place_mentions(text: str, analysis: Analysis, events: Sequence[Event]) -> tuple[tuple[Place, ...], dict[str, Geocode]]:
    """The article's place mentions, and each place name's geocode.

    Names are geocoded together, so the article's unambiguous places settle
    its ambiguous ones.
    """
    spans: dict[Span, set[str]] = {e.span: set() for e in analysis.entities if e.label == "LOC"}
    for event in events:
        for role in PLACE_ROLES:
            name = getattr(event, role)
            span = _span_of(name, event, analysis.entities, text, analysis) if name else None
            if span is not None:
                spans.setdefault(span, set()).add(role)
    geocodes = geocode_names([s.of(text) for s in sorted(spans)], analysis.lang)
    places = tuple(_place(analysis, text, span, roles, geocodes.get(span.of(text))) for span, roles in sorted(spans.items()))
    return places, geocodes


def _span_of(name: str, event: Event, entities: Sequence[Entity], text: str, analysis: Analysis) -> Span | None:
    """Where an event's place argument is written: the entity of that text in
    the event's sentence, else the text itself in that sentence, else anywhere."""
    same = [e for e in entities if e.text == name]
    in_sentence = [e for e in same if e.sentence_index == event.sentence_index]
    if in_sentence or same:
        return (in_sentence or same)[0].span
    sentence = next((s for s in analysis.sentences if s.index == event.sentence_index), None)
    start = text.find(name, sentence.span.start, sentence.span.end) if sentence else -1
    start = start if start >= 0 else text.find(name)
    return Span(start, start + len(name)) if start >= 0 else None


def _place(analysis: Analysis, text: str, span: Span, roles: set[str], found: Geocode | None) -> Place:
    base = dict(article_id=analysis.article_id, text=span.of(text), span=span,
                sentence_index=sentence_index_at(analysis.sentences, span.start),
                roles=tuple(r for r in PLACE_ROLES if r in roles))
    if found is None:
        return Place(method="unresolved", **base)
    p = found.place
    return Place(method=found.method, geonames_id=p.geonames_id, name=p.name, country_code=p.country_code,
                 admin1=p.admin1, lat=p.lat, lon=p.lon, place_kind=p.kind, **base)
