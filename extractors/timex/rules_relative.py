"""Rules for dates counted from the publication date: weekdays, "today"/"أمس",
"two weeks ago", "last fall", and the values that are not dates at all
(durations, sets, clock times).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from extractors.records import Span
from extractors.timex import periods
from extractors.timex.context import (
    Context,
    add_months,
    count,
    expr,
    folded_words,
    iso_week,
    lookup,
    month_bounds,
    name_is_date,
    safe_date,
)
from extractors.timex.spelling import fold
from extractors.timex.tense import direction


def weekday(c, ctx):
    name_span = c.group_span("w")
    prefixed = any(c.group(k) for k in ("pre", "wp", "post"))
    if not name_is_date(ctx, c.group("w"), name_span, prefixed):
        return None
    weekday = lookup(ctx, "weekdays", c.group("w"))
    part = lookup(ctx, "parts_of_day", c.group("pre") or c.group("post"))
    if ctx.anchor is None:
        value = f"XXXX-WXX-{weekday}" + (f"T{part}" if part else "")
        return expr(ctx, c.span, "time" if part else "date", value, "day", None, None, "weekday")
    tense = direction(ctx, c.span)
    delta = (ctx.anchor.isoweekday() - weekday) % 7
    week = _week_marker(ctx, c.span)
    if week == "last":
        d, rule = ctx.anchor - timedelta(days=delta or 7), "weekday_last"
    elif week == "next":
        d, rule = ctx.anchor + timedelta(days=7 - delta), "weekday_next"
    elif delta == 0:
        d, rule = ctx.anchor, "weekday_same_day"
    elif tense == "future":
        d, rule = ctx.anchor + timedelta(days=7 - delta), "weekday_future"
    else:
        d, rule = ctx.anchor - timedelta(days=delta), "weekday_past"
    if part:
        return expr(ctx, c.span, "time", f"{d.isoformat()}T{part}", "time", d, d, rule + "_part_of_day")
    return expr(ctx, c.span, "date", d.isoformat(), "day", d, d, rule)


def _week_marker(ctx, span: Span) -> str | None:
    """``last`` or ``next`` when a word of ``[weekday_week]`` stands right
    before or after the weekday ("last Thursday", "الخميس الماضي")."""
    before = fold(" ".join(re.findall(r"\w+", ctx.text[max(0, span.start - 40) : span.start])[-2:]), ctx.lang)
    after = fold(" ".join(re.findall(r"\w+", ctx.text[span.end : span.end + 40])[:2]), ctx.lang)
    markers = {k: [fold(w, ctx.lang) for w in v] for k, v in ctx.data["weekday_week"].items()}
    for week in ("last", "next"):
        if any(before == w or before.endswith(" " + w) for w in markers[f"{week}_before"]):
            return week
        if any(after == w or after.startswith(w + " ") for w in markers[f"{week}_after"]):
            return week
    return None


def relative(c, ctx):
    spec = lookup(ctx, "relative", c.group("rel"))
    if spec is None:
        return None
    unit, _, rest = spec.partition(":")
    if unit == "ref":
        return expr(ctx, c.span, "date", rest, "ref", None, None, "reference")
    if unit == "previous":  # "اليوم التالي": counted from the day named before (finder.counted_from_previous)
        return expr(ctx, c.span, "date", f"PREVIOUS{int(rest):+d}", "ref", None, None, "previous_day")
    if _day_noun(ctx, c.group("rel"), c.span):
        return None
    offset, _, part = rest.partition(":")
    return _shifted(c.span, ctx, unit, int(offset), part or None, "relative")


def _day_noun(ctx, word: str, span: Span) -> bool:
    """The word for "today" used as the noun "the day" ("اليوم" in "في نفس اليوم",
    "اليوم التالي", "اليوم العالمي للمرأة", "اليوم الدراسي"): a word of
    ``[day_noun]`` right before or after it, or an adjective the parse hangs on
    it, makes it a day already named or an occasion, not the publication day."""
    if fold(word, ctx.lang) not in folded_words(ctx.lang, "day_noun", "words"):
        return False
    before = ctx.text[max(0, span.start - 20) : span.start].split()[-1:]
    after = ctx.text[span.end : span.end + 30].split()[:1]
    if before and fold(before[0], ctx.lang) in folded_words(ctx.lang, "day_noun", "before"):
        return True
    if after and fold(after[0].strip(".,،"), ctx.lang) in folded_words(ctx.lang, "day_noun", "after"):
        return True
    return any(w.upos == "ADJ" and w.deprel == "amod" and _head_span(s, w) == (span.start, span.end)
               for s in ctx.sentences if s.span.start <= span.start < s.span.end for w in s.words)


def _head_span(sentence, word) -> tuple[int, int] | None:
    head = next((h for h in sentence.words if h.index == word.head), None)
    return (head.span.start, head.span.end) if head is not None else None


def day_of_month(c, ctx):
    """ "في 5 من الشهر الجاري", "يوم 28 من الشهر الماضي": a day of the month
    the relative expression names, at day precision."""
    spec = lookup(ctx, "relative", c.group("rel")) or ""
    unit, _, rest = spec.partition(":")
    day = int(re.sub(r"\D", "", c.group("d")) or 0)
    if unit != "month" or ctx.anchor is None:
        return None
    y, m = add_months(ctx.anchor, int(rest.partition(":")[0]))
    d = safe_date(y, m, day)
    return expr(ctx, c.span, "date", d.isoformat(), "day", d, d, "day_of_month") if d else None


def _side(anchor: date, start: date, end: date, side: str | None) -> tuple[date, date]:
    """The part of a period on one side of the anchor: "later this week" is
    the rest of the week after the publication day, "earlier this month" the
    part before it (``after``/``before`` in the data); the TIMEX3 value stays
    the whole period's."""
    if side == "after" and start <= anchor < end:
        return anchor + timedelta(days=1), end
    if side == "before" and start < anchor <= end:
        return start, anchor - timedelta(days=1)
    return start, end


def _shifted(span: Span, ctx: Context, unit: str, offset: int, part: str | None, rule: str):
    """The day/week/month/year ``offset`` units from the anchor."""
    if ctx.anchor is None:
        return expr(ctx, span, "date", {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX"), unit, None, None, rule)
    a = ctx.anchor
    if unit == "day":
        d = a + timedelta(days=offset)
        if part:
            return expr(ctx, span, "time", f"{d.isoformat()}T{part}", "time", d, d, rule)
        return expr(ctx, span, "date", d.isoformat(), "day", d, d, rule)
    if unit == "week":
        value, start, end = iso_week(a + timedelta(weeks=offset))
        return expr(ctx, span, "date", value, "week", *_side(a, start, end, part), rule)
    if unit == "weekend":
        return _weekend(span, ctx, offset, part, rule)
    if unit == "month":
        y, m = add_months(a, offset)
        start, end = month_bounds(y, m)
        return expr(ctx, span, "date", f"{y}-{m:02d}", "month", *_side(a, start, end, part), rule)
    if unit == "year":
        y = a.year + offset
        return expr(ctx, span, "date", str(y), "year", *_side(a, date(y, 1, 1), date(y, 12, 31), part), rule)
    if unit == "quarter":
        value, start, end = periods.quarter_from_anchor(a, offset)
        return expr(ctx, span, "date", value, "quarter", start, end, rule)
    return None


def _weekend(span: Span, ctx: Context, offset: int, part: str | None, rule: str):
    """Saturday and Sunday of the anchor's ISO week, ``offset`` weeks on
    ("this weekend", "last weekend": TIMEX3 ``1987-W14-WE``); ``latest``
    ("over the weekend") is the last one begun by the publication day."""
    a = ctx.anchor
    if part == "latest" and a.isoweekday() < 6:
        offset -= 1
    saturday = a - timedelta(days=a.isoweekday() - 1) + timedelta(weeks=offset, days=5)
    year, week, _ = saturday.isocalendar()
    return expr(ctx, span, "date", f"{year}-W{week:02d}-WE", "week", saturday, saturday + timedelta(days=1), rule)


def season(c, ctx):
    """ "last fall", "this summer", "the summer of 1994", "الصيف الماضي"."""
    code = lookup(ctx, "seasons", c.group("season"))
    modifier = c.group("mod") or c.group("mod2")
    offset = lookup(ctx, "season_modifiers", modifier)
    if code is None or (offset is None and not c.group("y")):
        return None  # a bare "fall" or "spring" is too often a verb or a noun
    if c.group("y"):
        year, rule = int(c.group("y")), "season_year"
    elif ctx.anchor is None:
        return expr(ctx, c.span, "date", f"XXXX-{code}", "season", None, None, "season")
    else:
        year, rule = periods.season_year(code, ctx.anchor, offset)
    start, end = periods.season_bounds(code, year)
    return expr(ctx, c.span, "date", f"{year}-{code}", "season", start, end, rule)


_UNIT_NAMES = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def offset(c, ctx):
    unit = lookup(ctx, "units", c.group("u"))
    n = count(ctx, c.group("n"), c.group("u"))
    sign = lookup(ctx, "offsets", (c.group("off") or "").replace(" ", "_")) or lookup(ctx, "offset_prefixes", c.group("offp"))
    if unit not in _UNIT_NAMES or sign is None:
        return None
    if n == "X":
        return expr(ctx, c.span, "date", "PAST_REF" if sign < 0 else "FUTURE_REF", "ref", None, None, "offset_unspecified")
    return _shifted(c.span, ctx, _UNIT_NAMES[unit], sign * n, None, "offset")


def duration(c, ctx):
    after = (c.group("after") or "").strip(" -").casefold()
    if any(after.startswith(w.casefold().strip(" -")) for w in ctx.data["not_time_after"]["words"]):
        return None  # an age ("60 years old")
    if any(after.startswith(k.replace("_", " ")) for k in ctx.data["offsets"]):
        return None  # "two days ago" is an offset, matched by its own pattern
    unit = lookup(ctx, "units", c.group("u"))
    if unit is None:
        return None
    n = count(ctx, c.group("n"), c.group("u"))
    cue = c.group("cue")
    span = c.span
    if cue and cue.casefold() not in {w.casefold() for w in ctx.data["duration_cues"]["in_span"]}:
        span = Span(c.group_span("n").start if c.group("n") else c.group_span("u").start, span.end)
    if c.group("n") is None and cue is None:
        return None
    every = re.search(r"(\w+)\s+$", ctx.text[max(0, span.start - 20) : span.start])
    if every and every.group(1).casefold() in {w.casefold() for w in ctx.data["set_quantifiers"]["words"]}:
        return expr(ctx, Span(span.start - len(every.group(0)), span.end), "set", _duration_value(n, unit), "set", None, None, "set_every")
    return expr(ctx, span, "duration", _duration_value(n, unit), "duration", None, None, "duration")


#: Units TIMEX3 writes as multiples of another: a decade is P10Y, a quarter P3M.
_MULTIPLES = {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M")}


def _duration_value(n: int | str, unit: str) -> str:
    if unit in ("H", "MIN"):
        return f"PT{n}{unit[0]}"
    if unit in _MULTIPLES and isinstance(n, int):
        factor, unit = _MULTIPLES[unit]
        n *= factor
    return f"P{n}{unit}"


def frequency(c, ctx):
    value = lookup(ctx, "sets", c.group("set"))
    return expr(ctx, c.span, "set", value, "set", None, None, "set") if value else None


def clock(c, ctx):
    hour = int(c.group("h"))
    minute = int(c.group("mi") or 0)
    pm = c.group("ap").casefold() in {p.casefold() for p in ctx.data["clock"]["pm"]}
    if not 1 <= hour <= 12:
        return None
    hour = hour % 12 + (12 if pm else 0)
    day = ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"
    return expr(ctx, c.span, "time", f"{day}T{hour:02d}:{minute:02d}", "time", ctx.anchor, ctx.anchor, "clock")


