"""Rules for dates the text spells out: calendar days ("5 سبتمبر", "March 3,
1987"), ISO dates, day ranges, months with or without a year, years,
decades and quarters. A day or month without a year takes the year the
clause's tense points to (:func:`extractors.timex.context.pick_year`).
"""

from __future__ import annotations

import re
from datetime import date

from extractors.records import Span
from extractors.timex import dateparser_adapter
from extractors.timex.context import (
    Context,
    expr,
    lookup,
    month_bounds,
    name_is_date,
    pick_year,
    safe_date,
)
from extractors.timex.tense import direction


def calendar_day(c, ctx):
    month = month_number(ctx, c)
    day = int(re.sub(r"\D", "", c.group("d") or "0") or 0)
    if month is None or not 1 <= day <= 31:
        return None
    if not name_is_date(ctx, c.group("month"), c.span, prefixed=True):
        return None  # "7-1/2 may prompt": a month is written with a capital where the language does
    year_text = c.group("y") or c.group("y2")
    if year_text:
        parsed = dateparser_adapter.parse_calendar_date(f"{day} {c.group('month')} {year_text}", ctx.lang, ctx.anchor)
        d = parsed or safe_date(int(year_text), month, day)
        rule = "calendar_date"
    elif ctx.anchor is None:
        return expr(ctx, c.span, "date", f"XXXX-{month:02d}-{day:02d}", "day", None, None, "day_month")
    elif c.group("cur"):  # "21 مارس الجاري": of the current month
        d, rule = safe_date(ctx.anchor.year, month, day), "day_month_current"
    else:
        year, how = pick_year(ctx.anchor, month, day, direction(ctx, c.span))
        d, rule = safe_date(year, month, day), f"day_month_{how}"
    if d is None:
        return None
    return expr(ctx, c.span, "date", d.isoformat(), "day", d, d, rule)




def month_number(ctx, c) -> int | None:
    return lookup(ctx, "months", c.group("month"))


def iso_date(c, ctx):
    d = safe_date(int(c.group("y")), int(c.group("m")), int(c.group("d")))
    return expr(ctx, c.span, "date", d.isoformat(), "day", d, d, "iso_date") if d else None


def numeric_date(c, ctx):
    """ "15/3/2017" (Arabic, day first) or "3/15/1987" (English, month first):
    the order is the language's (``[numeric_date]``); an impossible day or
    month in that order is no date."""
    first, second = int(c.group("n1")), int(c.group("n2"))
    day, month = (first, second) if ctx.data["numeric_date"]["order"] == "dmy" else (second, first)
    d = safe_date(int(c.group("y")), month, day) if 1 <= month <= 12 else None
    return expr(ctx, c.span, "date", d.isoformat(), "day", d, d, "numeric_date") if d else None


def day_range(c, ctx):
    month = month_number(ctx, c)
    d1, d2 = (int(re.sub(r"\D", "", c.group(k))) for k in ("d1", "d2"))
    if month is None or not 1 <= d1 < d2 <= 31:
        return None
    if c.group("y"):
        year, rule = int(c.group("y")), "day_range"
    elif ctx.anchor is None:
        return expr(ctx, c.span, "date", f"XXXX-{month:02d}-{d1:02d}/XXXX-{month:02d}-{d2:02d}", "range", None, None, "day_range")
    else:
        year, how = pick_year(ctx.anchor, month, d1, direction(ctx, c.span))
        rule = f"day_range_{how}"
    start, end = safe_date(year, month, d1), safe_date(year, month, d2)
    if not start or not end:
        return None
    return expr(ctx, c.span, "date", f"{start.isoformat()}/{end.isoformat()}", "range", start, end, rule)


def month_year(c, ctx):
    month = month_number(ctx, c)
    if month is None:
        return None
    start, end = month_bounds(int(c.group("y")), month)
    return expr(ctx, c.span, "date", f"{start.year}-{month:02d}", "month", start, end, "month_year")


def month_alone(c, ctx):
    name_span = c.group_span("month")
    if not name_is_date(ctx, c.group("month"), name_span, prefixed=name_span.start > c.span.start):
        return None
    month = month_number(ctx, c)
    if ctx.anchor is None:
        return expr(ctx, c.span, "date", f"XXXX-{month:02d}", "month", None, None, "month")
    year, how = pick_year(ctx.anchor, month, None, direction(ctx, c.span))
    start, end = month_bounds(year, month)
    return expr(ctx, c.span, "date", f"{year}-{month:02d}", "month", start, end, f"month_{how}")


def year(c, ctx):
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
    return expr(ctx, span, "date", str(year), "year", date(year, 1, 1), date(year, 12, 31), rule)


def _counts_things(ctx: Context, end: int) -> bool:
    """A number followed by a counted noun ("2012 rifles", "2015 دولارا") is
    a quantity: an English plural, or a noun of the data file's count list."""
    following = re.match(r"\s+(\w+)", ctx.text[end : end + 30])
    if following is None:
        return False
    word = following.group(1)
    nouns = {w.casefold() for w in ctx.data["years"]["count_nouns"]}
    return word.casefold() in nouns or bool(re.fullmatch(ctx.data["years"]["plural_pattern"], word))


def decade(c, ctx):
    if c.group("dec"):
        first = int(c.group("dec"))
    else:
        digit = lookup(ctx, "decades", c.group("decw"))
        if digit is None:
            return None
        century = (ctx.anchor or date.today()).year // 100 * 100
        first = century + digit * 10
        if ctx.anchor and first > ctx.anchor.year:
            first -= 100
    return expr(ctx, c.span, "date", str(first)[:3], "decade", date(first, 1, 1), date(first + 9, 12, 31), "decade")


_QUARTER_MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12)}


def quarter(c, ctx):
    code = lookup(ctx, "quarters", c.group("q"))
    year_text = c.group("y") or c.group("y1")
    if code is None:
        return None
    if year_text:
        year = int(year_text)
    elif ctx.anchor is None:
        return expr(ctx, c.span, "date", f"XXXX-{code}", "quarter", None, None, "quarter")
    else:
        first_month = _QUARTER_MONTHS[code][0]
        past = direction(ctx, c.span) != "future" and first_month > ctx.anchor.month
        year = ctx.anchor.year - 1 if past else ctx.anchor.year
    m1, m2 = _QUARTER_MONTHS[code]
    return expr(ctx, c.span, "date", f"{year}-{code}", "quarter", date(year, m1, 1), month_bounds(year, m2)[1], "quarter")


