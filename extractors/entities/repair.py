"""Model spans cut back to the name they are about.

Statistical NER on compact models runs past names ("كيم جونغ أون بيونغ يانغ
بالقطار"), glues clitics to them ("وكيم") and mislabels well-known places. The
sentence's words, the gazetteer and the article's other mentions show where a
name really ends; then model mentions and gazetteer places are merged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from extractors import lexicon
from extractors.entities.gazetteer import canonical, is_reliable_place
from extractors.entities.keys import matching, normalize, strip_edges
from extractors.entities.mentions import sentence_words
from extractors.records import Entity, Sentence, Span, Word

#: Words that cannot be inside a name (after its first word).
_BREAKING_UPOS = {"AUX", "SCONJ", "PRON"}
_EDGE_UPOS = {"ADP", "CCONJ", "SCONJ", "PUNCT", "PART", "DET"}


def repair(entity: Entity, sentences: Sequence[Sentence], places: Sequence[Entity], text: str, lang: str) -> Entity | None:
    """Cut a model span back to the name it is about.

    Cuts where a known place starts inside the span, at a verb or a clitic
    preposition after the first word, then trims clitics, titles and
    punctuation at the edges. A span left with pronouns only is no name.
    """
    start, end = entity.span.start, entity.span.end
    for place in places:
        if start < place.span.start < end and entity.label != "LOC" and is_reliable_place(place):
            end = place.span.start
    words = [w for w in sentence_words(sentences, entity.sentence_index) if start <= w.span.start < end]
    for i, word in enumerate(words[1:], start=1):
        if word.upos in _BREAKING_UPOS or _starts_common_noun_phrase(word, words[i + 1 : i + 2], lang):
            end = min(end, word.span.start)
            break
    for word in words:
        if word.span.start >= end or word.upos not in _EDGE_UPOS or word.span.end > end:
            break
        start = max(start, word.span.end)
    start, end = _strip_titles(text, start, end, lang)
    start, end = strip_edges(text, start, end)
    if end <= start or all(w.upos == "PRON" for w in words if start <= w.span.start < end):
        return None  # "I've" tagged as a person: a pronoun names no one
    span = Span(start, end)
    surface = span.of(text)
    return replace(entity, span=span, text=surface, canonical=canonical(surface, lang), resolved=canonical(surface, lang))


def _starts_common_noun_phrase(word: Word, following: Sequence[Word], lang: str) -> bool:
    """A clitic preposition glued to a definite noun ("بـ" + "القطار") ends a
    name; one glued to a transliterated name ("ب" + "يسكوف") does not."""
    if word.upos != "ADP" or not following or following[0].token_index != word.token_index:
        return False
    prefixes = lexicon.load(lang, "entities").get("mentions", {}).get("common_noun_prefixes", ())
    return following[0].text.startswith(tuple(prefixes)) if prefixes else True



def strip_clitics_by_mentions(entities: list[Entity], text: str, lang: str) -> list[Entity]:
    """Drop a glued proclitic ("وكيم") when another mention shows the name
    without it ("كيم"); the span moves past the clitic."""
    proclitics = tuple(matching(lang).get("proclitics", ()))
    keys = {e.canonical for e in entities}
    out = []
    for e in entities:
        rest = e.text[1:]
        if proclitics and e.text.startswith(proclitics) and normalize(rest, lang) in keys:
            span = Span(e.span.start + 1, e.span.end)
            e = replace(e, span=span, text=span.of(text), canonical=normalize(rest, lang), resolved=normalize(rest, lang))
        out.append(e)
    return out


def trim_to_known_names(entities: list[Entity], text: str, lang: str) -> list[Entity]:
    """Cut a mention back to a more frequent name it starts with.

    When "كيم جونغ أون" is mentioned five times and "كيم جونغ أون سيلتقي" once,
    the extra word is the model running past the name, not a longer name.
    """
    counts = Counter(e.canonical for e in entities)
    known = sorted((c for c in counts if len(c.split()) >= 2), key=lambda c: -len(c.split()))
    trimmed = []
    for entity in entities:
        words = entity.canonical.split()
        prefix = next(
            (k for k in known if len(k.split()) < len(words) and words[: len(k.split())] == k.split() and counts[k] > counts[entity.canonical]),
            None,
        )
        if prefix:
            surface_words = list(re.finditer(r"\S+", entity.text))[: len(prefix.split())]
            span = Span(entity.span.start, entity.span.start + surface_words[-1].end())
            entity = replace(entity, span=span, text=span.of(text), canonical=prefix, resolved=prefix)
        trimmed.append(entity)
    return trimmed


def _strip_titles(text: str, start: int, end: int, lang: str) -> tuple[int, int]:
    titles = lexicon.load(lang, "entities").get("mentions", {}).get("titles", [])
    surface = text[start:end]
    for title in sorted(titles, key=len, reverse=True):
        if surface.startswith(title + " ") and len(surface) > len(title) + 1:
            return start + len(title) + 1, end
    return start, end



def merge_places(model: list[Entity], places: list[Entity]) -> list[Entity]:
    """Model entities plus places. A place the model also found keeps the
    model's mention but takes the LOC label, since the gazetteer knows it; a
    model mention inside a longer place ("كوريا" of "كوريا الشمالية") gives way
    to the place."""
    merged = []
    for entity in model:
        place = next((p for p in places if p.span == entity.span), None)
        if place is None and any(p.span.contains(entity.span) and is_reliable_place(p) for p in places):
            continue
        merged.append(replace(entity, label="LOC") if place and entity.label != "LOC" else entity)
    taken = [e.span for e in merged]
    merged += [p for p in places if not any(p.span.overlaps(s) for s in taken)]
    return sorted(merged, key=lambda e: (e.span.start, e.span.end))


def cut_at_prepositions(entities: Sequence[Entity], words: Sequence[Word], text: str, lang: str) -> list[Entity]:
    """The mentions of one sentence, as the events stage needs them.

    NER glues a neighbour into a name across a preposition ("ماكرون ببوتين"):
    names of people and places are cut at a preposition of the language's
    ``mentions.breaking_prepositions``. An English possessive ("Kinnock's")
    is not part of the name.
    """
    preps = set(lexicon.load(lang, "entities")["mentions"]["breaking_prepositions"])
    tidy: list[Entity] = []
    for entity in entities:
        cuts = [w for i, w in enumerate(words) if entity.label in ("PER", "LOC") and w.upos == "ADP" and w.text.casefold() in preps
                and entity.span.start < w.span.start and w.span.end < entity.span.end and _name_follows(words, i, entities, lang)]
        bounds = [entity.span.start] + [x for w in cuts for x in (w.span.start, w.span.end)] + [entity.span.end]
        for start, end in zip(bounds[::2], bounds[1::2]):
            part = _trimmed(Span(start, end), text)
            if part is not None and entity.label in ("PER", "LOC"):
                part = _without_edge_prepositions(part, words, preps)
            if part is not None:
                tidy.append(_part(entity, part, text, entities, lang) if part != entity.span else entity)
    return tidy


def _without_edge_prepositions(span: Span, words: Sequence[Word], preps: set[str]) -> Span | None:
    """A name does not begin or end with a preposition written as a word of its own, whatever its tag
    ("حسن الى ان": NER took "to" for part of the name); one that is nothing else is no name."""
    inside = [w for w in words if span.start <= w.span.start and w.span.end <= span.end]
    alone = lambda w: sum(v.token_index == w.token_index for v in words) == 1  # noqa: E731
    removable = lambda w: len(w.text) > 1 and w.text.casefold() in preps and alone(w)  # noqa: E731
    lo, hi = 0, len(inside)
    while hi > lo and removable(inside[hi - 1]):
        hi -= 1
    while lo < hi and removable(inside[lo]):
        lo += 1
    if lo >= hi:
        return None if inside else span
    return Span(span.start if lo == 0 else inside[lo].span.start, span.end if hi == len(inside) else inside[hi - 1].span.end)


def _name_follows(words: Sequence[Word], i: int, entities: Sequence[Entity], lang: str) -> bool:
    """A preposition glued to the next word ("ببوتين") cuts a name only when
    what follows is itself a name (tagged so, or named elsewhere in the
    article); "بيسكوف" split as "ب يسكوف" by the tokenizer stays whole."""
    nxt = words[i + 1] if i + 1 < len(words) else None
    if nxt is None or nxt.token_index != words[i].token_index:
        return True
    key = canonical(nxt.text, lang)
    return nxt.upos in ("X", "PROPN") or any(f" {key} " in f" {e.resolved} " for e in entities if not e.span.contains(nxt.span))


def _trimmed(span: Span, text: str) -> Span | None:
    surface = span.of(text)
    stripped = surface.rstrip()
    for suffix in ("'s", "’s", "'"):
        if stripped.endswith(suffix) and len(stripped) > len(suffix):
            stripped = stripped[: -len(suffix)].rstrip()
            break
    lead = len(surface) - len(surface.lstrip())
    if not stripped.strip():
        return None
    return Span(span.start + lead, span.start + len(stripped))


def _part(entity: Entity, span: Span, text: str, entities: Sequence[Entity], lang: str) -> Entity:
    """A piece of an entity, resolved to a fuller name of the article it is part of."""
    surface = span.of(text)
    key = canonical(surface, lang)
    fuller = next((e.resolved for e in entities if e is not entity and e.label == entity.label and e.resolved != entity.resolved
                   and f" {key} " in f" {e.resolved} "), key)  # a place is no piece of a company named after it
    return Entity(surface, entity.label, span, entity.sentence_index, key, fuller, entity.origin)
