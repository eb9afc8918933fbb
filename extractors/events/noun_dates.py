"""An event noun right before a time expression takes it, whatever the parse
says ("the visit on Sunday", "talks earlier today", "زيارة يوم الأحد"), also
across a comma when the expression is set off by commas ("خلال زيارته،
الجمعة، السوق البلدي"), and at the end of the noun's phrase when that
phrase is the subject of the verb right after the expression ("the meeting of
six major industrial nations in Paris last month did not establish …").
Pure functions over words, like :mod:`.cues`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from extractors.events.cues import NOUN_GAP_UPOS, DateCues, first_word, is_word
from extractors.events.tree import COMMAS
from extractors.records import Span, Word

#: Granularities of a period a thing covers ("the February report", "تقرير شهر فيفري").
PERIODS = ("month", "quarter", "year")
#: Words of a noun phrase between its event noun and a time expression that ends it.
PHRASE_UPOS = ("NOUN", "PROPN", "ADP", "DET", "ADJ", "NUM")
#: Most words between the event noun and the expression that ends its phrase.
MAX_PHRASE_GAP = 8


def noun_before(words: Sequence[Word], span: Span, nouns: Sequence[int], gap: int = 2, skip_comma: bool = False) -> int | None:
    """The event noun (a position in ``nouns``) right before the expression,
    with at most ``gap`` prepositions, determiners or adverbs between (and,
    with ``skip_comma``, the comma that sets the expression off)."""
    j = first_word(words, span) - 1
    if skip_comma and j >= 0 and words[j].text in COMMAS:
        j -= 1
    return _noun_back(words, j, nouns, gap, NOUN_GAP_UPOS)


def _noun_back(words: Sequence[Word], j: int, nouns: Sequence[int], gap: int, between: Sequence[str]) -> int | None:
    """The event noun at or back from position ``j`` over at most ``gap`` words of ``between``."""
    for _ in range(gap + 1):
        if j < 0:
            return None
        if j in nouns:
            return j
        if words[j].upos not in between:
            return None
        j -= 1
    return None


def commas_around(words: Sequence[Word], span: Span) -> bool:
    """The expression stands between two commas ("زيارته، الجمعة، السوق")."""
    before = [w for w in words if w.span.end <= span.start]
    after = [w for w in words if w.span.start >= span.end]
    return bool(before and after) and before[-1].text in COMMAS and after[0].text in COMMAS


def subject_phrase_noun(words: Sequence[Word], span: Span, nouns: Sequence[int]) -> int | None:
    """The event noun whose phrase the expression ends, when a verb follows
    right after it: the phrase is that verb's subject, and the expression can
    only be the noun's ("said the meeting … in Paris last month did not …")."""
    after = [w for w in words if w.span.start >= span.end][:1]
    if not after or after[0].upos not in ("VERB", "AUX"):
        return None
    return _noun_back(words, first_word(words, span) - 1, nouns, MAX_PHRASE_GAP, PHRASE_UPOS)


def period_of_thing(words: Sequence[Word], head: int, granularity: str | None, nouns: Sequence[int], cues: DateCues,
                    by_index: Mapping[int, int]) -> bool:
    """A month or year in the genitive of a noun that names no event and no
    medium of a statement ("لتقديم تقرير شهر فيفري 2017", "the February
    report"): the period the thing covers, never when a statement about it
    was made. A period noun between them ("شهر") is looked past. ``by_index``
    maps a word's index to its position."""
    if granularity not in PERIODS or head is None or is_word(words[head], cues.period_nouns):
        return False  # "انتقد النائب X الشهر الماضي": a period noun heading it is an adverb of time (accusative)
    word, noun = words[head], by_index.get(words[head].head)
    if noun is not None and is_word(words[noun], cues.period_nouns) and words[noun].head in by_index:
        word, noun = words[noun], by_index[words[noun].head]
    return (noun is not None and word.deprel in ("nmod", "compound") and words[noun].upos == "NOUN" and noun not in nouns
            and not is_word(words[noun], cues.statement_media) and not any(w.head == word.index and w.deprel == "case" for w in words))


def noun_it_modifies(words: Sequence[Word], span: Span) -> int | None:
    """The noun an expression stands before inside one noun phrase, after a
    determiner ("after the June 8-10 summit", "for the March 21-31 period"):
    an event noun's date, or the period or thing it is about, never a verb's,
    whatever the parse hangs it on."""
    inside = [i for i, w in enumerate(words) if span.start <= w.span.start < span.end]
    if not inside or inside[0] == 0 or words[inside[0] - 1].upos != "DET":
        return None
    j = inside[-1] + 1
    while j < len(words) and words[j].upos == "ADJ":
        j += 1
    return j if j < len(words) and words[j].upos == "NOUN" else None
