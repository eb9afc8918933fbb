"""Which time expression dates which event mention.

Clause-level dates first: the time expression in the trigger's own clause.
Then each time still unused goes to the nearest event of its sentence that has
none, unless a verb stands between them (that verb usually owns the time).
Never the publication date by default.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.events.draft import Draft
from extractors.records import TimeExpression

DATED_KINDS = ("date", "time")


def attach_dates(drafts: Sequence[Draft], times: Sequence[TimeExpression]) -> None:
    """Clause-level dates first; then each unused time goes to the nearest
    event of its sentence that still has none."""
    used = set()
    for d in drafts:
        lo, hi = d.clause.words[d.clause.start].span.start, d.clause.words[d.clause.end - 1].span.end
        inside = [t for t in times if lo <= t.span.start and t.span.end <= hi and t.span not in used]
        if inside:
            d.time = min(inside, key=lambda t: abs(t.span.start - d.trigger.span.start))
            d.date_attachment = "clause"
            used.add(d.time.span)
    for t in times:
        if t.span in used:
            continue
        waiting = [d for d in drafts if d.time is None and not _verb_between(d, t)]
        if waiting:
            d = min(waiting, key=lambda d: abs(t.span.start - d.trigger.span.start))
            d.time, d.date_attachment = t, "sentence"
            used.add(t.span)


def _verb_between(d: Draft, t: TimeExpression) -> bool:
    """A verb between a trigger and a time expression usually owns the time."""
    lo, hi = sorted((d.trigger.span.end, t.span.start if t.span.start >= d.trigger.span.end else t.span.end))
    return any(w.upos in ("VERB", "AUX") and lo <= w.span.start < hi and w is not d.trigger for w in d.sentence.words)


