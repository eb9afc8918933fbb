"""Normalization rules: a grammar match + the publication date → a TIMEX3 value.

The rules a reader of news applies, written down once:

* a weekday is the publication day when it is that day, else the most recent
  such day before it — unless its clause is about the future ("will", "سـ",
  "من المقرر"), then the next one (``weekday_same_day/past/future``);
* a day and month without a year, or a month alone, takes the year that puts it
  on the side of the publication date that the clause's tense says; with no
  tense cue, the occurrence nearest the publication date (``*_nearest``);
* values are never more precise than the text: "in 2012" is a year, "last
  week" a week, "for a month" a duration, not a day.

Every value records the rule that produced it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from extractors.records import Sentence, Span, TimeExpression
from extractors import timex_periods
from extractors.timex_tense import direction


@dataclass(frozen=True)
class Context:
    text: str
    lang: str
    anchor: date | None
    sentences: Sequence[Sentence]
    data: dict


def normalize(candidate, ctx: Context) -> TimeExpression | None:
    handler = _HANDLERS[candidate.pattern]
    return handler(candidate, ctx)


def _expr(ctx, span, kind, value, granularity, start, end, rule) -> TimeExpression:
    if ctx.anchor is None and rule.split(":")[0] in _RELATIVE_RULES:
        rule += ":no_anchor"
    return TimeExpression(
        text=span.of(ctx.text), span=span, kind=kind, value=value, granularity=granularity,
        date_start=start, date_end=end, rule=rule, anchor=ctx.anchor,
    )


# --- lookups -----------------------------------------------------------------


def _lookup(ctx: Context, table: str, key: str | None):
    if key is None:
        return None
    return _folded(ctx.lang, table, id(ctx.data)).get(" ".join(key.casefold().split()).rstrip("."))


_FOLDED: dict = {}


def _folded(lang: str, table: str, _data_id: int) -> dict:
    key = (lang, table)
    if key not in _FOLDED:
        from extractors import lexicon

        _FOLDED[key] = {" ".join(k.casefold().split()): v for k, v in lexicon.load(lang, "time")[table].items()}
    return _FOLDED[key]


def _number(ctx: Context, text: str | None, unit: str | None) -> int | str:
    """An int, or "X" for "several"; a unit alone counts 1, an Arabic dual 2,
    a plural alone ("for weeks", "لمدة أيام") an unspecified number."""
    if text:
        text = text.strip()
        if text.isdigit():
            return int(text)
        value = _lookup(ctx, "numbers", text)
        return value if value is not None else 1
    if unit and unit in ctx.data["dual"]["units"]:
        return 2
    if unit and unit.casefold() in {u.casefold() for u in ctx.data["dual"]["plural_units"]}:
        return "X"
    return 1


# --- calendar helpers --------------------------------------------------------


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: date, k: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + k
    return total // 12, total % 12 + 1


def _week(d: date) -> tuple[str, date, date]:
    year, week, weekday = d.isocalendar()
    monday = d - timedelta(days=weekday - 1)
    return f"{year}-W{week:02d}", monday, monday + timedelta(days=6)


#: With no tense cue, a day or month later than the publication date is taken
#: from the previous year, unless it is at most this many days ahead (news
#: mostly reports the past; "on Sept. 20" in a Sept. 12 story is upcoming).
NO_TENSE_POLICY = "past"
FUTURE_GRACE_DAYS = 45


def _pick_year(anchor: date, month: int, day: int | None, tense: str | None) -> tuple[int, str]:
    """The year of a day/month without one: by tense, else the nearest."""

    def at(year: int) -> date:
        return date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))

    this = at(anchor.year)
    if day is None:
        this_key, anchor_key = (anchor.year, month), (anchor.year, anchor.month)
    else:
        this_key, anchor_key = this, anchor
    if tense == "future":
        return (anchor.year if this_key >= anchor_key else anchor.year + 1), "future"
    if tense == "past":
        return (anchor.year if this_key <= anchor_key else anchor.year - 1), "past"
    options = [anchor.year - 1, anchor.year, anchor.year + 1]
    year = min(options, key=lambda y: abs((at(y) - anchor).days))
    if NO_TENSE_POLICY == "past" and (at(year) - anchor).days > FUTURE_GRACE_DAYS:
        return (anchor.year if this_key <= anchor_key else anchor.year - 1), "past_default"
    return year, "nearest"


# --- handlers ----------------------------------------------------------------


def _calendar_day(c, ctx):
    month = _month_number(ctx, c)
    day = int(re.sub(r"\D", "", c.group("d") or "0") or 0)
    if month is None or not 1 <= day <= 31:
        return None
    year_text = c.group("y") or c.group("y2")
    if year_text:
        from extractors.timex import parse_calendar_date

        parsed = parse_calendar_date(f"{day} {c.group('month')} {year_text}", ctx.lang, ctx.anchor)
        d = parsed or _safe_date(int(year_text), month, day)
        rule = "calendar_date"
    elif ctx.anchor is None:
        return _expr(ctx, c.span, "date", f"XXXX-{month:02d}-{day:02d}", "day", None, None, "day_month")
    else:
        year, how = _pick_year(ctx.anchor, month, day, direction(ctx, c.span))
        d, rule = _safe_date(year, month, day), f"day_month_{how}"
    if d is None:
        return None
    return _expr(ctx, c.span, "date", d.isoformat(), "day", d, d, rule)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_number(ctx, c) -> int | None:
    return _lookup(ctx, "months", c.group("month"))


def _iso_date(c, ctx):
    d = _safe_date(int(c.group("y")), int(c.group("m")), int(c.group("d")))
    return _expr(ctx, c.span, "date", d.isoformat(), "day", d, d, "iso_date") if d else None


def _day_range(c, ctx):
    month = _month_number(ctx, c)
    d1, d2 = (int(re.sub(r"\D", "", c.group(k))) for k in ("d1", "d2"))
    if month is None or not 1 <= d1 < d2 <= 31:
        return None
    if c.group("y"):
        year, rule = int(c.group("y")), "day_range"
    elif ctx.anchor is None:
        return _expr(ctx, c.span, "date", f"XXXX-{month:02d}-{d1:02d}/XXXX-{month:02d}-{d2:02d}", "range", None, None, "day_range")
    else:
        year, how = _pick_year(ctx.anchor, month, d1, direction(ctx, c.span))
        rule = f"day_range_{how}"
    start, end = _safe_date(year, month, d1), _safe_date(year, month, d2)
    if not start or not end:
        return None
    return _expr(ctx, c.span, "date", f"{start.isoformat()}/{end.isoformat()}", "range", start, end, rule)


def _month_year(c, ctx):
    month = _month_number(ctx, c)
    if month is None:
        return None
    start, end = _month_bounds(int(c.group("y")), month)
    return _expr(ctx, c.span, "date", f"{start.year}-{month:02d}", "month", start, end, "month_year")


def _month_alone(c, ctx):
    name_span = c.group_span("month")
    if not _name_is_date(ctx, c.group("month"), name_span, prefixed=name_span.start > c.span.start):
        return None
    month = _month_number(ctx, c)
    if ctx.anchor is None:
        return _expr(ctx, c.span, "date", f"XXXX-{month:02d}", "month", None, None, "month")
    year, how = _pick_year(ctx.anchor, month, None, direction(ctx, c.span))
    start, end = _month_bounds(year, month)
    return _expr(ctx, c.span, "date", f"{year}-{month:02d}", "month", start, end, f"month_{how}")


def _name_is_date(ctx: Context, name: str, span: Span, prefixed: bool) -> bool:
    """Month and weekday names that are also ordinary words ("May", "الأحد")
    count only after a preposition or a prefix word such as "يوم"."""
    if ctx.data["case"]["names_capitalized"] and not name[:1].isupper():
        return False
    ambiguous = {n.casefold() for n in ctx.data["ambiguous"]["names"]}
    if name.casefold().rstrip(".") not in ambiguous or prefixed:
        return True
    before = ctx.text[max(0, span.start - 25) : span.start].split()
    preps = {p.casefold() for p in ctx.data["prepositions"]["date"]}
    return bool(before) and (before[-1].casefold() in preps or before[-1][-1:] in preps)


def _weekday(c, ctx):
    name_span = c.group_span("w")
    prefixed = any(c.group(k) for k in ("pre", "wp", "post"))
    if not _name_is_date(ctx, c.group("w"), name_span, prefixed):
        return None
    weekday = _lookup(ctx, "weekdays", c.group("w"))
    part = _lookup(ctx, "parts_of_day", c.group("pre") or c.group("post"))
    if ctx.anchor is None:
        value = f"XXXX-WXX-{weekday}" + (f"T{part}" if part else "")
        return _expr(ctx, c.span, "time" if part else "date", value, "day", None, None, "weekday")
    tense = direction(ctx, c.span)
    delta = (ctx.anchor.isoweekday() - weekday) % 7
    if delta == 0:
        d, rule = ctx.anchor, "weekday_same_day"
    elif tense == "future":
        d, rule = ctx.anchor + timedelta(days=7 - delta), "weekday_future"
    else:
        d, rule = ctx.anchor - timedelta(days=delta), "weekday_past"
    if part:
        return _expr(ctx, c.span, "time", f"{d.isoformat()}T{part}", "time", d, d, rule + "_part_of_day")
    return _expr(ctx, c.span, "date", d.isoformat(), "day", d, d, rule)


def _relative(c, ctx):
    spec = _lookup(ctx, "relative", c.group("rel"))
    if spec is None:
        return None
    unit, _, rest = spec.partition(":")
    if unit == "ref":
        return _expr(ctx, c.span, "date", rest, "ref", None, None, "reference")
    offset, _, part = rest.partition(":")
    return _shifted(c.span, ctx, unit, int(offset), part or None, "relative")


def _shifted(span: Span, ctx: Context, unit: str, offset: int, part: str | None, rule: str):
    """The day/week/month/year ``offset`` units from the anchor."""
    if ctx.anchor is None:
        return _expr(ctx, span, "date", {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX"), unit, None, None, rule)
    a = ctx.anchor
    if unit == "day":
        d = a + timedelta(days=offset)
        if part:
            return _expr(ctx, span, "time", f"{d.isoformat()}T{part}", "time", d, d, rule)
        return _expr(ctx, span, "date", d.isoformat(), "day", d, d, rule)
    if unit == "week":
        value, start, end = _week(a + timedelta(weeks=offset))
        return _expr(ctx, span, "date", value, "week", start, end, rule)
    if unit == "month":
        y, m = _add_months(a, offset)
        start, end = _month_bounds(y, m)
        return _expr(ctx, span, "date", f"{y}-{m:02d}", "month", start, end, rule)
    if unit == "year":
        y = a.year + offset
        return _expr(ctx, span, "date", str(y), "year", date(y, 1, 1), date(y, 12, 31), rule)
    if unit == "quarter":
        value, start, end = timex_periods.quarter_from_anchor(a, offset)
        return _expr(ctx, span, "date", value, "quarter", start, end, rule)
    return None


def _season(c, ctx):
    """ "last fall", "this summer", "the summer of 1994", "الصيف الماضي"."""
    code = _lookup(ctx, "seasons", c.group("season"))
    modifier = c.group("mod") or c.group("mod2")
    offset = _lookup(ctx, "season_modifiers", modifier)
    if code is None or (offset is None and not c.group("y")):
        return None  # a bare "fall" or "spring" is too often a verb or a noun
    if c.group("y"):
        year, rule = int(c.group("y")), "season_year"
    elif ctx.anchor is None:
        return _expr(ctx, c.span, "date", f"XXXX-{code}", "season", None, None, "season")
    else:
        year, rule = timex_periods.season_year(code, ctx.anchor, offset)
    start, end = timex_periods.season_bounds(code, year)
    return _expr(ctx, c.span, "date", f"{year}-{code}", "season", start, end, rule)


_UNIT_NAMES = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def _offset(c, ctx):
    unit = _lookup(ctx, "units", c.group("u"))
    n = _number(ctx, c.group("n"), c.group("u"))
    sign = _lookup(ctx, "offsets", (c.group("off") or "").replace(" ", "_")) or _lookup(ctx, "offset_prefixes", c.group("offp"))
    if unit not in _UNIT_NAMES or sign is None:
        return None
    if n == "X":
        return _expr(ctx, c.span, "date", "PAST_REF" if sign < 0 else "FUTURE_REF", "ref", None, None, "offset_unspecified")
    return _shifted(c.span, ctx, _UNIT_NAMES[unit], sign * n, None, "offset")


def _duration(c, ctx):
    after = (c.group("after") or "").strip(" -").casefold()
    if any(after.startswith(w.casefold().strip(" -")) for w in ctx.data["not_time_after"]["words"]):
        return None  # an age ("60 years old")
    if any(after.startswith(k.replace("_", " ")) for k in ctx.data["offsets"]):
        return None  # "two days ago" is an offset, matched by its own pattern
    unit = _lookup(ctx, "units", c.group("u"))
    if unit is None:
        return None
    n = _number(ctx, c.group("n"), c.group("u"))
    cue = c.group("cue")
    span = c.span
    if cue and cue.casefold() not in {w.casefold() for w in ctx.data["duration_cues"]["in_span"]}:
        span = Span(c.group_span("n").start if c.group("n") else c.group_span("u").start, span.end)
    if c.group("n") is None and cue is None:
        return None
    return _expr(ctx, span, "duration", _duration_value(n, unit), "duration", None, None, "duration")


#: Units TIMEX3 writes as multiples of another: a decade is P10Y, a quarter P3M.
_MULTIPLES = {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M")}


def _duration_value(n: int | str, unit: str) -> str:
    if unit in ("H", "MIN"):
        return f"PT{n}{unit[0]}"
    if unit in _MULTIPLES and isinstance(n, int):
        factor, unit = _MULTIPLES[unit]
        n *= factor
    return f"P{n}{unit}"


def _year(c, ctx):
    year = int(c.group("y"))
    cue = c.group("cue")
    span = c.span
    weak = cue is None or cue.casefold() in {w.casefold() for w in ctx.data["years"]["weak_cues"]}
    if weak and _counts_things(ctx, c.group_span("y").end):
        return None  # "for 2012 rifles": a number of things, not a year
    if cue is None:
        if ctx.anchor is not None and abs(year - ctx.anchor.year) > 40:
            return None  # a bare number far from the publication year is rarely a year
        rule = "year_bare"
    else:
        rule = "year"
        in_span = {w.casefold() for w in ctx.data["years"]["in_span"]}
        if cue.casefold() not in in_span:
            span = Span(c.group_span("y").start, span.end)
    return _expr(ctx, span, "date", str(year), "year", date(year, 1, 1), date(year, 12, 31), rule)


def _counts_things(ctx: Context, end: int) -> bool:
    """A number followed by a counted noun ("2012 rifles", "2015 دولارا") is
    a quantity: an English plural, or a noun of the data file's count list."""
    following = re.match(r"\s+(\w+)", ctx.text[end : end + 30])
    if following is None:
        return False
    word = following.group(1)
    nouns = {w.casefold() for w in ctx.data["years"]["count_nouns"]}
    return word.casefold() in nouns or bool(re.fullmatch(ctx.data["years"]["plural_pattern"], word))


def _decade(c, ctx):
    if c.group("dec"):
        first = int(c.group("dec"))
    else:
        digit = _lookup(ctx, "decades", c.group("decw"))
        if digit is None:
            return None
        century = (ctx.anchor or date.today()).year // 100 * 100
        first = century + digit * 10
        if ctx.anchor and first > ctx.anchor.year:
            first -= 100
    return _expr(ctx, c.span, "date", str(first)[:3], "decade", date(first, 1, 1), date(first + 9, 12, 31), "decade")


_QUARTER_MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12)}


def _quarter(c, ctx):
    code = _lookup(ctx, "quarters", c.group("q"))
    year_text = c.group("y") or c.group("y1")
    if code is None:
        return None
    if year_text:
        year = int(year_text)
    elif ctx.anchor is None:
        return _expr(ctx, c.span, "date", f"XXXX-{code}", "quarter", None, None, "quarter")
    else:
        first_month = _QUARTER_MONTHS[code][0]
        past = direction(ctx, c.span) != "future" and first_month > ctx.anchor.month
        year = ctx.anchor.year - 1 if past else ctx.anchor.year
    m1, m2 = _QUARTER_MONTHS[code]
    return _expr(ctx, c.span, "date", f"{year}-{code}", "quarter", date(year, m1, 1), _month_bounds(year, m2)[1], "quarter")


def _set(c, ctx):
    value = _lookup(ctx, "sets", c.group("set"))
    return _expr(ctx, c.span, "set", value, "set", None, None, "set") if value else None


def _clock(c, ctx):
    hour = int(c.group("h"))
    minute = int(c.group("mi") or 0)
    pm = c.group("ap").casefold() in {p.casefold() for p in ctx.data["clock"]["pm"]}
    if not 1 <= hour <= 12:
        return None
    hour = hour % 12 + (12 if pm else 0)
    day = ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"
    return _expr(ctx, c.span, "time", f"{day}T{hour:02d}:{minute:02d}", "time", ctx.anchor, ctx.anchor, "clock")


_HANDLERS = {
    "iso_date": _iso_date,
    "day_range": _day_range,
    "month_day_range": _day_range,
    "day_month": _calendar_day,
    "month_day": _calendar_day,
    "month_year": _month_year,
    "month": _month_alone,
    "year_bare": _year,
    "weekday": _weekday,
    "relative": _relative,
    "offset": _offset,
    "offset_prefix": _offset,
    "duration": _duration,
    "duration_cued": _duration,
    "year": _year,
    "decade": _decade,
    "decade_word": _decade,
    "quarter": _quarter,
    "set": _set,
    "clock": _clock,
    "season": _season,
}

#: Rules whose value depends on the anchor; without one they are marked so.
_RELATIVE_RULES = {"season", "relative", "offset", "weekday", "day_month", "day_range", "month", "quarter", "clock"}
