"""Matching keys of names: the same name written two ways gets one key.

Diacritics and tatweel are stripped, letter variants unified and text
case-folded by the language's ``[canonical]`` table (``extractors/lang/<lang>/
entities.toml``); :func:`loose_key` is looser still, for gazetteer lookups of
transliterations. Pure text: no gazetteer, no model.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache, lru_cache
from types import MappingProxyType

from extractors import lexicon

EDGE_PUNCT = "\"'“”‘’«»()[]{}،,.:;!?؟–—-"


#: Words recur across sentences and stages (entities, triggers, actors ask for the same words):
#: a bounded cache of recent ones (a few MB) halves the time spent here.
NORMALIZED_CACHE = 1 << 15


@lru_cache(maxsize=NORMALIZED_CACHE)
def normalize(text: str, lang: str) -> str:
    """Diacritics/tatweel stripped, letter variants unified, case-folded."""
    text = unicodedata.normalize("NFC", text).translate(_variants(lang))
    return " ".join(text.casefold().split()).strip(EDGE_PUNCT + " ")


@cache
def _variants(lang: str) -> dict[int, str | None]:
    """The ``[canonical]`` table as a ``str.translate`` table (stripping wins)."""
    rules = lexicon.load(lang, "entities").get("canonical", {})
    table: dict[int, str | None] = {ord(k): v for k, v in rules.get("map", {}).items()}
    table.update({ord(ch): None for ch in rules.get("strip", "")})
    return table


def loose_key(key: str, lang: str) -> str:
    """A looser gazetteer key: spaces dropped where transliterations vary
    ("بيونغ يانغ" = "بيونغيانغ"), hamza dropped and doubled letters squeezed."""
    rules = matching(lang)
    if rules.get("join_spaces"):
        key = key.replace(" ", "")
    if rules.get("squeeze_repeats"):
        key = re.sub(r"(.)\1+", r"\1", key.replace("ء", ""))
    return key

@cache
def strippable_prefixes(lang: str) -> tuple[str, ...]:
    """Longest first, so "بال" is tried before "ب"."""
    prefixes = {normalize(p, lang) for p in matching(lang).get("strippable_prefixes", ())}
    return tuple(sorted(prefixes, key=len, reverse=True))


@cache
def matching(lang: str) -> Mapping:
    data = lexicon.load(lang, "entities")
    return MappingProxyType({**data.get("mentions", {}), **data.get("matching", {})})


def strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in EDGE_PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in EDGE_PUNCT and not _abbreviation_dot(text, start, end)):
        end -= 1
    return start, end


def _abbreviation_dot(text: str, start: int, end: int) -> bool:
    """A final dot belongs to the name when the name holds other dots ("U.S.")."""
    return text[end - 1] == "." and "." in text[start : end - 1]


