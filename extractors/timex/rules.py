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

from extractors.records import TimeExpression
from extractors.timex import rules_calendar as cal
from extractors.timex import rules_relative as rel
from extractors.timex.context import Context

__all__ = ["Context", "normalize"]


def normalize(candidate, ctx: Context) -> TimeExpression | None:
    handler = _HANDLERS[candidate.pattern]
    return handler(candidate, ctx)


_HANDLERS = {
    "iso_date": cal.iso_date,
    "numeric_date": cal.numeric_date,
    "numeric_ymd": cal.iso_date,
    "day_of_month": rel.day_of_month,
    "day_range": cal.day_range,
    "month_day_range": cal.day_range,
    "day_month": cal.calendar_day,
    "month_day": cal.calendar_day,
    "month_year": cal.month_year,
    "month": cal.month_alone,
    "year_bare": cal.year,
    "weekday": rel.weekday,
    "relative": rel.relative,
    "offset": rel.offset,
    "offset_prefix": rel.offset,
    "duration": rel.duration,
    "duration_cued": rel.duration,
    "year": cal.year,
    "decade": cal.decade,
    "decade_word": cal.decade,
    "quarter": cal.quarter,
    "set": rel.frequency,
    "clock": rel.clock,
    "season": rel.season,
}

