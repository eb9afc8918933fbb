"""Word lists of the language data as sets of comparable keys, built once per list.

The event rules compare a word's lemma with lists from ``extractors/lang/<lang>/*.toml``
in canonical form (entity matching) or in normalized form (trigger matching); the
sets are cached because the same list is consulted for every candidate word.
"""

from __future__ import annotations

from functools import cache

from extractors.entities import canonical
from extractors.entities.keys import normalize


@cache
def canonical_set(words: tuple[str, ...], lang: str) -> frozenset[str]:
    return frozenset(canonical(w, lang) for w in words)


@cache
def normalized_set(words: tuple[str, ...], lang: str) -> frozenset[str]:
    return frozenset(normalize(w, lang) for w in words)
