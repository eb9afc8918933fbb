"""The time stage: time expressions found with exact spans and normalized
against the publication date, TIMEX3 style.

    text + language + anchor (+ the NLP stage's sentences) → TimeExpression*

:mod:`.grammar` finds candidates with regexes compiled from
``extractors/lang/<lang>/time.toml``; :mod:`.rules` normalizes each one
(:mod:`.rules_calendar`, :mod:`.rules_relative`, :mod:`.periods`), reading the
clause's tense (:mod:`.tense`) where a date could point either way;
:mod:`.dateparser_adapter` is the only place dateparser is called.
"""

from extractors.timex.finder import find_time_expressions

__all__ = ["find_time_expressions"]
