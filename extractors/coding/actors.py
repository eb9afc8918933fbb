"""Actors coded: kind, role and country of each actor of an article.

The evidence is the text itself, read with the language's data
(``extractors/lang/<lang>/actors.toml``): the actor's own words ("وزارة
الخارجية الأمريكية", "U.S. Treasury") and the words around each of its
mentions — a title before it ("Russian President", "الزعيم الكوري الشمالي"),
an apposition after a comma ("Kim, the North Korean leader") — matched
against role words, nationality words, institutions that name their country
("Kremlin", "البيت الأبيض") and country names (CLDR, through the geocoder).
A place acting ("Moscow said", "وأكدت موسكو") is a state, of its own country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from extractors import lexicon
from extractors.entities.geocode import Geocode, lookup
from extractors.entities.keys import normalize, strippable_prefixes
from extractors.records import Actor, Analysis, Entity, Event, Span, Word

ORGANIZATION_ROLES = ("ministry", "military", "party", "media", "company", "government")
#: Words that end a title window: a verb, punctuation, another name.
STOP_UPOS = ("VERB", "AUX", "PUNCT", "SCONJ", "CCONJ")


@dataclass(frozen=True)
class _Cues:
    role: str | None
    country: str | None
    evidence: tuple[str, ...]


def code_actors(text: str, analysis: Analysis, events: Sequence[Event], geocodes: Mapping[str, Geocode]) -> tuple[Actor, ...]:
    """One :class:`Actor` per actor name of the article: every event actor and
    counterpart, and every person and organization the entities name."""
    lang = analysis.lang
    by_name: dict[str, list[Entity]] = {}
    for e in analysis.entities:
        by_name.setdefault(e.resolved, []).append(e)
    names: dict[str, str] = {}
    for e in analysis.entities:
        if e.label in ("PER", "ORG"):
            names.setdefault(e.resolved, e.text)
    for event in events:
        for name, surface in ((event.actor_resolved, event.actor), (event.counterpart_resolved, event.counterpart)):
            if name and surface:
                names.setdefault(name, surface)
    return tuple(_actor(analysis, text, name, surface, by_name.get(name, []), geocodes, lang) for name, surface in names.items())


def _actor(analysis: Analysis, text: str, name: str, surface: str, mentions: list[Entity], geocodes, lang: str) -> Actor:
    label = Counter(e.label for e in mentions).most_common(1)[0][0] if mentions else None
    spans = [e.span for e in mentions] or _occurrences(text, surface)
    own = _cues(_tokens(surface, lang), lang, own_words=True)
    sides = ("before", "after") if label == "PER" else ("before",)  # "X, the ... of Y": X is not Y's
    around = _merge(_cues(words, lang) for span in spans for side, words in _windows(analysis, span, lang) if side in sides)
    role, country = own.role or around.role, own.country or around.country
    evidence = " | ".join(dict.fromkeys(own.evidence + around.evidence)) or None
    place = geocodes.get(surface) or (_country_geocode(surface, lang) if label in (None, "LOC") else None)
    if label == "LOC" or (label is None and place is not None):
        country = country or (place.place.country_code if place else None)
        return Actor(analysis.article_id, name, surface, "state", role or "government", country, evidence, len(spans))
    if label == "PER":
        kind = "person"
    elif label == "ORG" or role in ORGANIZATION_ROLES:
        kind = "organization"
    else:
        kind = "group"
    return Actor(analysis.article_id, name, surface, kind, role or "other", country, evidence, max(1, len(spans)))


def _country_geocode(surface: str, lang: str) -> Geocode | None:
    options = lookup(surface, lang)
    return Geocode(options[0], "country") if options and options[0].kind == "country" else None


def _occurrences(text: str, surface: str) -> list[Span]:
    spans, start = [], text.find(surface)
    while start >= 0 and surface:
        spans.append(Span(start, start + len(surface)))
        start = text.find(surface, start + len(surface))
    return spans


# --- windows around a mention ---------------------------------------------------------


def _windows(analysis: Analysis, span: Span, lang: str) -> Iterable[tuple[str, list[str]]]:
    """The title words before a mention (nearest last) and an apposition after it."""
    sentence = next((s for s in analysis.sentences if s.span.start <= span.start < s.span.end), None)
    if sentence is None:
        return
    size = int(_data(lang)["matching"]["window"])
    others = [e.span for e in analysis.entities if e.label == "PER" and not e.span.overlaps(span)]
    before = [w for w in sentence.words if w.span.end <= span.start]
    window: list[Word] = []
    for word in reversed(before):
        if len(window) >= size or word.upos in STOP_UPOS or any(o.contains(word.span) for o in others):
            break
        window.insert(0, word)
    yield "before", [normalize(w.text, lang) for w in window]
    after = [w for w in sentence.words if w.span.start >= span.end]
    if after and after[0].upos == "PUNCT" and after[0].text in (",", "،"):
        tail: list[Word] = []
        for word in after[1:]:
            if len(tail) >= size or word.upos in STOP_UPOS:
                break
            tail.append(word)
        yield "after", [normalize(w.text, lang) for w in tail]


def _tokens(surface: str, lang: str) -> list[str]:
    return normalize(surface, lang).replace("'s", " 's").split()


# --- matching cues --------------------------------------------------------------------


def _cues(tokens: Sequence[str], lang: str, own_words: bool = False) -> _Cues:
    """The role, the country and the words that said so, in a run of words.
    Country names count only in the actor's own words ("وزير خارجية روسيا"):
    around a mention they are too often something else ("expert on Korea")."""
    if not tokens:
        return _Cues(None, None, ())
    variants = [_variants(t, lang) for t in tokens]
    role, role_words = _best(variants, lang, "roles")
    country, country_words = _best(variants, lang, "countries")
    if country is None and own_words:
        country, country_words = _named_country(tokens, lang)
    evidence = tuple(w for w in (role_words, country_words) if w)
    return _Cues(role, country, evidence)


def _best(variants: list[set[str]], lang: str, what: str) -> tuple[str | None, str | None]:
    """The longest phrase of the data found in the words (the first in data
    order among equally long ones), looked up by its first word."""
    index = _phrases(lang, what)
    found = None
    for i, forms in enumerate(variants):
        for form in forms:
            for rank, words, value, phrase in index.get(form, ()):
                n = len(words)
                if i + n <= len(variants) and all(words[j] in variants[i + j] for j in range(1, n)):
                    if found is None or rank < found[0]:
                        found = (rank, value, phrase)
    return (found[1], found[2]) if found else (None, None)


def _named_country(tokens: Sequence[str], lang: str) -> tuple[str | None, str | None]:
    for n in (3, 2, 1):
        for i in range(len(tokens) - n + 1):
            phrase = " ".join(tokens[i : i + n])
            options = lookup(phrase, lang)
            if options and options[0].kind == "country" and len(phrase) >= 3:
                return options[0].country_code, phrase
    return None, None


def _merge(cues: Iterable[_Cues]) -> _Cues:
    role = country = None
    evidence: list[str] = []
    for c in cues:
        role, country = role or c.role, country or c.country
        evidence += c.evidence
    return _Cues(role, country, tuple(evidence))


def _variants(token: str, lang: str) -> set[str]:
    """A word as written, without a glued proclitic or article, and without a
    feminine ending: "بالرئيس" → "رئيس", "الروسية" → "روسي"."""
    out = {token}
    out |= {token[len(p):] for p in strippable_prefixes(lang) if token.startswith(p) and len(token) - len(p) >= 2}
    for suffix in _data(lang)["matching"]["feminine_suffixes"]:
        out |= {v[: -len(suffix)] for v in out if v.endswith(suffix) and len(v) - len(suffix) >= 3}
    return out


@cache
def _phrases(lang: str, what: str) -> Mapping[str, tuple[tuple[tuple[int, int], tuple[str, ...], str, str], ...]]:
    """First word → ((-length, data order), words, value, phrase) of every
    phrase of the data. The data's words are matched as written ("الرئيس" is
    not "رئيس", "head of"); the text's words with their variants
    (:func:`_variants`)."""
    data = _data(lang)
    if what == "roles":
        pairs = [(word, role) for role, words in data["roles"].items() for word in words]
    else:
        pairs = list(data["nationalities"].items()) + list(data["institutions"].items())
    index: dict[str, list] = {}
    for order, (phrase, value) in enumerate(pairs):
        words = tuple(_tokens(phrase, lang))
        if words:
            index.setdefault(words[0], []).append(((-len(words), order), words, value, phrase))
    return {k: tuple(v) for k, v in index.items()}


def _data(lang: str) -> Mapping:
    return lexicon.load(lang, "actors")
