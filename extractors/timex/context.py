"""What every normalization rule needs: the context of one article (text,
language, anchor, parse, data file), lookups in the language's tables, calendar
arithmetic, and the year a day or month without one falls in.

The rules themselves are in :mod:`extractors.timex.rules_calendar` (explicit
dates, months, years, decades, quarters) and :mod:`extractors.timex.rules_relative`
(weekdays, today/tomorrow, offsets, seasons, durations, sets, clock times).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from extractors import lexicon
from extractors.records import Sentence, Span, TimeExpression
from extractors.timex.spelling import fold


@dataclass(frozen=True)
class Context:
    text: str
    lang: str
    anchor: date | None
    sentences: Sequence[Sentence]
    data: dict



def expr(ctx, span, kind, value, granularity, start, end, rule) -> TimeExpression:
    if ctx.anchor is None and rule.split(":")[0] in RELATIVE_RULES:
        rule += ":no_anchor"
    return TimeExpression(
        text=span.of(ctx.text), span=span, kind=kind, value=value, granularity=granularity,
        date_start=start, date_end=end, rule=rule, anchor=ctx.anchor,
    )


# --- lookups -----------------------------------------------------------------


def lookup(ctx: Context, table: str, key: str | None):
    if key is None:
        return None
    return _folded(ctx.lang, table).get(" ".join(fold(key, ctx.lang).split()).rstrip("."))


@cache
def _folded(lang: str, table: str) -> dict:
    """The table's keys case-, spelling- and space-folded, once per language."""
    return {" ".join(fold(k, lang).split()): v for k, v in lexicon.load(lang, "time")[table].items()}


@cache
def folded_words(lang: str, section: str, *keys: str) -> frozenset[str]:
    """The words of lists ``keys`` of the ``[section]`` table, folded, once per language
    (name and word checks run for every month, weekday and "today" found)."""
    table = lexicon.load(lang, "time")[section]
    return frozenset(fold(w, lang) for key in keys for w in table.get(key, ()))


def count(ctx: Context, text: str | None, unit: str | None) -> int | str:
    """An int, or "X" for "several"; a unit alone counts 1, an Arabic dual 2,
    a plural alone ("for weeks", "لمدة أيام") an unspecified number."""
    if text:
        text = text.strip()
        if text.isdigit():
            return int(text)
        value = lookup(ctx, "numbers", text)
        return value if value is not None else 1
    if unit and unit in ctx.data["dual"]["units"]:
        return 2
    if unit and unit.casefold() in {u.casefold() for u in ctx.data["dual"]["plural_units"]}:
        return "X"
    return 1


# --- calendar helpers --------------------------------------------------------


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, k: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + k
    return total // 12, total % 12 + 1


def iso_week(d: date) -> tuple[str, date, date]:
    year, week, weekday = d.isocalendar()
    monday = d - timedelta(days=weekday - 1)
    return f"{year}-W{week:02d}", monday, monday + timedelta(days=6)


#: With no tense cue, a day or month later than the publication date is taken
#: from the previous year, unless it is at most this many days ahead (news
#: mostly reports the past; "on Sept. 20" in a Sept. 12 story is upcoming).
NO_TENSE_POLICY = "past"
FUTURE_GRACE_DAYS = 45


def pick_year(anchor: date, month: int, day: int | None, tense: str | None) -> tuple[int, str]:
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


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None



def name_is_date(ctx: Context, name: str, span: Span, prefixed: bool) -> bool:
    """Month and weekday names that are also ordinary words ("May", "الأحد")
    count only after a preposition or a prefix word such as "يوم", or before a
    word that only follows a date (:func:`_date_follows`)."""
    if ctx.data["case"]["names_capitalized"] and not name[:1].isupper():
        return False
    if fold(name, ctx.lang).rstrip(".") not in folded_words(ctx.lang, "ambiguous", "names") or prefixed:
        return True
    before = ctx.text[max(0, span.start - 25) : span.start].split()
    preps = folded_words(ctx.lang, "prepositions", "date")
    if bool(before) and (fold(before[-1], ctx.lang) in preps or before[-1][-1:] in preps):
        return True
    return _date_follows(ctx, span)


def _date_follows(ctx: Context, span: Span) -> bool:
    """A name followed by a clause break or by what opens a statement's
    content is the day of the statement before it ("قال الوزير السبت إن",
    "أعلنت الوزارة الأحد،"): "the one" and "the two" end no clause and
    introduce no content. A week word ("السبت الماضي") makes it a date too."""
    ambiguous = ctx.data["ambiguous"]
    rest = ctx.text[span.end : span.end + 30].lstrip()
    if rest[:1] and rest[:1] in ambiguous.get("date_before_marks", ()):
        return True
    words = rest.split(maxsplit=1)
    follows = folded_words(ctx.lang, "ambiguous", "date_before") | folded_words(ctx.lang, "weekday_week", "last_after", "next_after")
    return bool(words) and fold(words[0].rstrip("".join(ambiguous.get("date_before_marks", ()))), ctx.lang) in follows



#: Rules whose value depends on the anchor; without one they are marked so.
RELATIVE_RULES = {"season", "relative", "day_of_month", "offset", "weekday", "day_month", "day_range", "month", "quarter", "clock"}
