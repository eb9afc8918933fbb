"""An event noun right before a time expression takes it, whatever the parse
says ("the visit on Sunday", "talks earlier today", "زيارة يوم الأحد"), also
across a comma when the expression is set off by commas ("خلال زيارته،
الجمعة، السوق البلدي"). Pure functions over words, like :mod:`.cues`."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.events.cues import NOUN_GAP_UPOS, first_word
from extractors.records import Span, Word

#: Commas that may set a time expression off.
COMMAS = (",", "،")


def noun_before(words: Sequence[Word], span: Span, nouns: Sequence[int], gap: int = 2, skip_comma: bool = False) -> int | None:
    """The event noun (a position in ``nouns``) right before the expression,
    with at most ``gap`` prepositions, determiners or adverbs between (and,
    with ``skip_comma``, the comma that sets the expression off)."""
    j = first_word(words, span) - 1
    if skip_comma and j >= 0 and words[j].text in COMMAS:
        j -= 1
    for _ in range(gap + 1):
        if j < 0:
            return None
        if j in nouns:
            return j
        if words[j].upos not in NOUN_GAP_UPOS:
            return None
        j -= 1
    return None


def commas_around(words: Sequence[Word], span: Span) -> bool:
    """The expression stands between two commas ("زيارته، الجمعة، السوق")."""
    before = [w for w in words if w.span.end <= span.start]
    after = [w for w in words if w.span.start >= span.end]
    return bool(before and after) and before[-1].text in COMMAS and after[0].text in COMMAS
