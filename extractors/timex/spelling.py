"""Letters a language's writers use for one another, so that time words match
however they are spelt: Arabic news often drops the hamza seat ("الاربعاء",
"امس"), writes a final ة as ه ("الجمعه") and a final ي as ى ("الماضى").

The language's ``time.toml`` ``[spelling]`` table maps each letter of the full
spelling, as the data writes it, to the letter text may write instead.
Regexes built from the data accept both (:func:`spelled`); table lookups
compare keys with every such letter replaced (:func:`fold`), so the data
lists the full spelling of each word. Only the full spelling's letters are
widened (أ, not every bare ا of the article ال): that keeps the patterns fast.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from extractors import lexicon


@cache
def _table(lang: str) -> Mapping[str, str]:
    return dict(lexicon.load(lang, "time").get("spelling", {}))


@cache
def _translation(lang: str) -> dict[int, str]:
    return str.maketrans(dict(_table(lang)))


def fold(text: str, lang: str) -> str:
    """``text`` case-folded with every full-spelling letter written as its short variant."""
    return text.casefold().translate(_translation(lang))


@cache
def _classes(lang: str) -> dict[str, str]:
    """Each full-spelling letter → a regex class of it and its short variant."""
    return {letter: f"[{letter}{variant}]" for letter, variant in _table(lang).items()}


@cache
def _final_only(lang: str) -> frozenset[str]:
    return frozenset(lexicon.load(lang, "time").get("spelling_final", {}).get("letters", ()))


def spelled(regex: str, lang: str) -> str:
    """``regex`` with each full-spelling letter also matching its short
    variant; a letter whose variant is written only at a word's end (ى for
    ي) is widened only there. Only letters of the table are touched: none is
    regex syntax."""
    classes, final = _classes(lang), _final_only(lang)
    if not classes:
        return regex
    out = []
    for i, c in enumerate(regex):
        at_end = i + 1 == len(regex) or not regex[i + 1].isalpha()
        out.append(classes[c] if c in classes and (c not in final or at_end) else c)
    return "".join(out)
