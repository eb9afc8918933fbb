"""Periods longer than a month named without a full date: quarters counted
from the publication date ("the latest quarter", "the year-ago quarter") and
seasons ("last fall", "this summer", "الصيف الماضي").

Kept apart from the rule modules because of their own arithmetic; the rules are
the same kind: anchor + text → TIMEX3 value, date range and rule name.
"""

from __future__ import annotations

import calendar
import dataclasses
from datetime import date

#: First month of each season (northern hemisphere, meteorological seasons).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def quarter_from_anchor(anchor: date, offset: int) -> tuple[str, date, date]:
    """The calendar quarter ``offset`` quarters from the anchor's own.

    Financial news says "the quarter"/"the latest quarter" for the quarter
    last reported, i.e. the one before the publication date's (offset -1 in
    the data file); "the year-ago quarter" is four before that (-5).
    """
    index = anchor.year * 4 + (anchor.month - 1) // 3 + offset
    year, q = divmod(index, 4)
    first = q * 3 + 1
    last = first + 2
    return f"{year}-Q{q + 1}", date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def season_bounds(code: str, year: int) -> tuple[date, date]:
    """First and last day of a season; winter runs from December into the next year."""
    first = SEASON_START[code]
    end_year, end_month = (year + 1, 2) if code == "WI" else (year, first + 2)
    return date(year, first, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def season_year(code: str, anchor: date, offset: int) -> tuple[int, str]:
    """The year of "last"/"this"/"next" season relative to the anchor.

    "last fall" is the latest fall already over; "next summer" the first one
    not yet begun; "this winter" the one the anchor's season year names.
    """
    if offset < 0:
        year = anchor.year
        while season_bounds(code, year)[1] >= anchor:
            year -= 1
        return year, "season_past"
    if offset > 0:
        year = anchor.year - 1
        while season_bounds(code, year)[0] <= anchor:
            year += 1
        return year, "season_future"
    year = anchor.year - 1 if code == "WI" and anchor.month <= 2 else anchor.year
    return year, "season_this"


#: How far back (characters) a quarter still sets the topic of "a year earlier".
TOPIC_REACH = 600


def year_ago_of_topic_quarter(found: list, t, offset_words: dict):
    """ "Profit rose to $5 million from $3 million a year earlier": in a
    story about a quarter, "a year earlier/ago" is that quarter a year before
    (TimeML's "1988-Q3"), not the whole previous year. "Last year" is left
    alone: it names the year more often than the quarter."""
    if t.rule not in ("offset", "relative") or t.granularity != "year" or t.anchor is None or t.value != str(t.anchor.year - 1):
        return t
    if t.text.split()[-1].casefold() not in offset_words:
        return t
    topic = next((p for p in reversed(found) if p.granularity == "quarter" and t.span.start - p.span.end < TOPIC_REACH), None)
    if topic is None or topic.date_end is None or (t.anchor - topic.date_end).days > 366 or topic.date_start > t.anchor:
        return t  # no quarter in view, or it is itself a year-ago quarter
    value, start, end = quarter_from_anchor(date(topic.date_start.year - 1, topic.date_start.month, 1), 0)
    return dataclasses.replace(t, value=value, granularity="quarter", date_start=start, date_end=end, rule="offset_topic_quarter")
