"""Time expressions: find them with exact spans, normalize them like TIMEX3.

Why not ``dateparser.search.search_dates`` alone: on the seed (published
Tuesday 2023-09-12) it calls "الثلاثاء" 2023-09-05 (a week early — in a wire
story the weekday of publication is that day), turns "في عام 2012" into a day,
misses "عام 2020" and "خلال شهر", gives no offsets and keeps punctuation.

So expressions are found by a small grammar compiled from the language's data
file (``extractors/lang/<lang>/time.toml``) — cheap regexes over the text — and
each candidate is normalized against the anchor (the publication date) by the
rules in :mod:`extractors.timex.rules`, with dateparser parsing the explicit
calendar dates (:mod:`extractors.timex.dateparser_adapter`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache

from extractors.records import Sentence, Span, TimeExpression
from extractors.timex import periods, rules
from extractors.timex.grammar import Grammar, choose, compile_grammar


def find_time_expressions(
    text: str, lang: str, anchor: date | None, sentences: Sequence[Sentence] = ()
) -> tuple[TimeExpression, ...]:
    """Every time expression in ``text``, sorted, non-overlapping, normalized.

    ``anchor`` is the publication date (``None``: relative expressions keep an
    underspecified value). ``sentences`` (from the NLP layer) let the tense of
    the governing clause be read from the parse; without them, cue words are used.
    Results are cached per (text, lang, anchor, sentences): the pipeline, the
    events stage and the CLI may ask for the same article more than once.
    """
    return _find_cached(text, lang, anchor, tuple(sentences))


#: Small on purpose: each entry holds an article's text and its parsed
#: sentences (every Word record), so 256 entries kept the analyses of the last
#: 256 articles alive long after they were written.
@lru_cache(maxsize=8)
def _find_cached(text: str, lang: str, anchor: date | None, sentences: tuple[Sentence, ...]) -> tuple[TimeExpression, ...]:
    grammar = compile_grammar(lang)
    if grammar is None:
        return ()
    context = rules.Context(text, lang, anchor, sentences, grammar.data)
    found: list[TimeExpression] = []
    for candidate in choose(grammar.candidates(text)):
        normalized = rules.normalize(candidate, context)
        if normalized is not None:
            normalized = periods.year_ago_of_topic_quarter(found, normalized, grammar.offset_words)
            normalized = counted_from_previous(found, normalized)
            found.append(_with_leading_preposition(normalized, text, grammar, found[-1] if found else None))
    return tuple(found)


#: How far back (characters) a named day still anchors "the next day".
PREVIOUS_DAY_REACH = 400


def counted_from_previous(found: Sequence[TimeExpression], t: TimeExpression) -> TimeExpression:
    """ "اليوم التالي" (the next day), "في نفس اليوم" (the same day) count from
    the day the text named last, not from the publication date; with no day
    named shortly before, they stay an undated reference."""
    if t.rule != "previous_day":
        return t
    previous = next((p for p in reversed(found) if p.granularity in ("day", "time") and p.date_start is not None), None)
    if previous is None or t.span.start - previous.span.end > PREVIOUS_DAY_REACH:
        return t
    d = previous.date_start + timedelta(days=int(t.value.removeprefix("PREVIOUS")))
    return dataclasses.replace(t, value=d.isoformat(), granularity="day", date_start=d, date_end=d)


def _with_leading_preposition(t: TimeExpression, text: str, grammar: Grammar, previous: TimeExpression | None) -> TimeExpression:
    """Widen a date to the preposition the language counts as part of it
    (Arabic "في 5 سبتمبر", "في عام 2012"; none in English, as in TimeML)."""
    if t.kind not in ("date", "time"):
        return t
    m = grammar.leading.search(text, max(0, t.span.start - 30), t.span.start)
    if m is None or (previous is not None and previous.span.end > m.start()):
        return t
    span = Span(m.start(), t.span.end)
    return dataclasses.replace(t, span=span, text=span.of(text))


