"""dateparser behind one function: the only module that imports it.

dateparser reads explicit calendar dates in many languages ("5 سبتمبر 2023",
"Sept. 5, 1987") well, but finds expressions poorly and gives no offsets, so
Dateline's own grammar finds the candidates and hands only the short
calendar-date strings to dateparser.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache


@lru_cache(maxsize=20_000)
def parse_calendar_date(text: str, lang: str, anchor: date | None) -> date | None:
    """dateparser's reading of an explicit calendar date ("5 سبتمبر 2023").

    Only called on short candidate strings, and cached per (text, anchor, lang).
    """
    import dateparser

    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"]}
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    try:
        parsed = dateparser.parse(text, languages=[lang], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd strings
        return None
    return parsed.date() if parsed else None
