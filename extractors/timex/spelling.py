"""Letters a language's writers use for one another, so that time words match
however they are spelt: Arabic news often drops the hamza seat ("الاربعاء",
"امس"), writes a final ة as ه ("الجمعه") and a final ي as ى ("الماضى").

The language's ``time.toml`` ``[spelling]`` table maps each variant letter to
the letter it stands for. Regexes built from the data accept every variant
(:func:`spelled`) and table lookups compare folded keys (:func:`fold`), so
the data lists one spelling of each word.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from extractors import lexicon


@cache
def _table(lang: str) -> Mapping[str, str]:
    return dict(lexicon.load(lang, "time").get("spelling", {}))


def fold(text: str, lang: str) -> str:
    """``text`` case-folded with every variant letter written as the one it stands for."""
    table = _table(lang)
    text = text.casefold()
    return "".join(table.get(c, c) for c in text) if table else text


@cache
def _classes(lang: str) -> dict[str, str]:
    """Each letter that has variants → a regex class of all its spellings."""
    groups: dict[str, set[str]] = {}
    for variant, letter in _table(lang).items():
        groups.setdefault(letter, {letter}).add(variant)
    return {c: "[" + "".join(sorted(g)) + "]" for g in groups.values() for c in g}


def spelled(regex: str, lang: str) -> str:
    """``regex`` with each letter that has variants matching all of them. Only
    letters of the table are touched: they never occur in regex syntax."""
    classes = _classes(lang)
    return "".join(classes.get(c, c) for c in regex) if classes else regex
