"""Which way a time expression points: the tense of the clause it sits in.

"Sunday" in a story published on Tuesday is the Sunday before, unless the
clause is about the future ("will meet on Sunday", "سيلتقي يوم الأحد", "من
المقرر أن ..."), then the Sunday after. The answer comes from, in order:

1. the tense cue word nearest to the expression inside its clause (data file
   ``tense.future`` / ``tense.past`` / ``tense.past_patterns``) — nearest,
   because a clause may hold both ("said he will leave on Friday");
2. the parse, when the NLP layer gave sentences: a future clitic on a verb of
   the clause, else the tense of the verb governing the expression.
"""

from __future__ import annotations

import re
from functools import cache

from extractors import lexicon
from extractors.records import Span
from extractors.timex.spelling import spelled


def direction(ctx, span: Span) -> str | None:
    """``future``, ``past`` or None for the expression at ``span``."""
    start, end = clause(ctx, span)
    start = _over_complementizer(ctx, start)
    cue = _nearest_cue(ctx, span, start, end)
    if cue is not None:
        return cue
    if _future_clitic(ctx, start, end, span):
        return "future"
    tense = _parsed_tense(ctx, start, end, span) or _governing_tense(ctx, span)
    return {"Past": "past", "Fut": "future"}.get(tense or "")


def _nearest_cue(ctx, span: Span, start: int, end: int) -> str | None:
    """The tense of the verb group nearest the expression. Adjacent cues form
    one group, future if any of them is: "will be held", "were planning to"."""
    cues = sorted(
        (m.start(), m.end(), which)
        for which in ("future", "past")
        for m in _cue_regex(ctx.lang, which).finditer(ctx.text, start, end)
        if not span.start <= m.start() < span.end  # "next" in "next week" is the expression itself
    )
    groups: list[list[tuple[int, int, str]]] = []
    for cue in cues:
        if groups and cue[0] - groups[-1][-1][1] <= _GROUP_GAP and not groups[-1][-1][1] <= span.start <= cue[0]:
            groups[-1].append(cue)
        else:
            groups.append([cue])
    best: tuple[int, str] | None = None
    for group in groups:
        g_start, g_end = group[0][0], group[-1][1]
        distance = span.start - g_end if g_end <= span.start else g_start - span.end + _AFTER_PENALTY
        tense = "future" if any(which == "future" for _, _, which in group) else "past"
        if best is None or distance < best[0]:
            best = (distance, tense)
    return best[1] if best else None


#: Cues at most this many characters apart belong to one verb group.
_GROUP_GAP = 8

#: Characters added to the distance of a cue that follows the expression.
_AFTER_PENALTY = 15


def _over_complementizer(ctx, start: int) -> int:
    """Reach back over "أن"/"that" when a future cue governs it
    ("من المقرر أن يلتقي", "is expected that"): the cue is the clause's tense."""
    before = ctx.text[max(0, start - 30) : start].casefold()
    words = before.split()
    if words and words[-1] in ctx.data["tense"]["complementizers"]:
        if _cue_regex(ctx.lang, "future").search(" ".join(words[-3:-1])):
            return max(0, start - 30)
    return start


@cache
def _cue_regex(lang: str, which: str) -> re.Pattern:
    tense = lexicon.load(lang, "time")["tense"]
    cues = [re.escape(c) for c in tense[which] if not c.endswith("ـ")]
    if which == "past":
        cues += tense["past_patterns"]
    alternation = "|".join(sorted(cues, key=len, reverse=True))
    return re.compile(spelled(rf"(?<!\w)(?:{alternation})(?!\w)", lang) if alternation else "(?!)", re.IGNORECASE)


def clause(ctx, span: Span) -> tuple[int, int]:
    """The stretch of text between the clause breaks around ``span``."""
    breaks = ctx.data["tense"]["clause_breaks"]
    text = ctx.text
    lo = max(0, span.start - 400)
    start = max((text.rfind(b, lo, span.start) + len(b) for b in breaks if text.rfind(b, lo, span.start) >= 0), default=lo)
    start = max(start, _paragraph_start(text, lo, span.start))
    hi = min(len(text), span.end + 400)
    ends = [text.find(b, span.end, hi) for b in breaks]
    end = min((e for e in ends if e >= 0), default=hi)
    return start, end


def _paragraph_start(text: str, lo: int, at: int) -> int:
    """Where the paragraph holding ``at`` starts: after a blank line or a
    line break followed by indentation, or a line that ends a sentence or
    a headline. Wire copy wraps its lines at about 65 characters ("will visit
    Rome and\nWest Berlin … in June"): such a break is inside the clause."""
    newline = text.rfind("\n", lo, at)
    while newline >= 0:
        before = text[lo:newline].rstrip(" \t")
        after = text[newline + 1 : newline + 3]
        if not before or before[-1] in ".!?:;\"”" or after[:1] in ("\n", "\t") or after == "  " or not before[-1].isalnum() and before[-1] != ",":
            return newline + 1
        newline = text.rfind("\n", lo, newline)
    return lo


def _words_in(ctx, start: int, end: int, span: Span):
    for sentence in ctx.sentences:
        if sentence.span.end < start or sentence.span.start > end:
            continue
        yield [w for w in sentence.words if start <= w.span.start < end and not span.contains(w.span)]


def _parsed_tense(ctx, start: int, end: int, span: Span) -> str | None:
    """The tense feature of the verb nearest the expression in its clause."""
    best: tuple[int, str] | None = None
    for words in _words_in(ctx, start, end, span):
        for word in words:
            match = re.search(r"Tense=(\w+)", word.feats or "")
            if word.upos in ("VERB", "AUX") and match and "VerbForm=Part" not in (word.feats or ""):  # "expected in June": a participle has no time of its own
                distance = min(abs(word.span.start - span.end), abs(span.start - word.span.end))
                if best is None or distance < best[0]:
                    best = (distance, match.group(1))
    return best[1] if best else None


def _governing_tense(ctx, span: Span) -> str | None:
    """With no verb in its own stretch of text ("After the June 8-10 summit,
    Reagan will travel …"), the verb the expression hangs on in the parse:
    ``Fut`` when a future auxiliary of the language's cues serves it. Its own
    tense feature is not used: on TempEval-3 it put more expressions wrong
    than right (value F1 76.93 → 76.54)."""
    future = {c.casefold() for c in ctx.data["tense"]["future"] if " " not in c and not c.endswith("ـ")}
    for sentence in ctx.sentences:
        if not (sentence.span.start <= span.start < sentence.span.end):
            continue
        words = {w.index: w for w in sentence.words}
        inside = [w for w in sentence.words if span.contains(w.span)]
        word = next((w for w in inside if w.head not in {x.index for x in inside}), None)
        for _ in range(8):
            if word is None or word.head in (None, 0):
                return None
            word = words.get(word.head)
            if word is not None and word.upos in ("VERB", "AUX"):
                auxiliaries = [w for w in sentence.words if w.head == word.index and w.deprel == "aux"]
                return "Fut" if any(w.text.casefold() in future for w in auxiliaries) else None
    return None


def _future_clitic(ctx, start: int, end: int, span: Span) -> bool:
    """A future prefix glued to a verb ("سيلتقي"), seen only through the parse:
    a bare string test would also fire on nouns such as "سيارة" (car)."""
    prefixes = [c[:-1] for c in ctx.data["tense"]["future"] if c.endswith("ـ")]
    if not prefixes:
        return False
    for words in _words_in(ctx, start, end, span):
        for first, second in zip(words, words[1:]):
            if first.text in prefixes and first.token_index == second.token_index and second.upos in ("VERB", "AUX"):
                return True
    return False
