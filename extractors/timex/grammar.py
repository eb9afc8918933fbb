"""The time-expression grammar of one language, compiled from its data file.

Cheap regexes over the text, built once per language from
``extractors/lang/<lang>/time.toml``: each match is a :class:`Candidate`
that the rules of :mod:`extractors.timex.rules` then normalize. Longest
matches win (:func:`choose`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractors import lexicon
from extractors.records import Span
from extractors.timex.spelling import spelled


@dataclass(frozen=True, slots=True)
class Candidate:
    """A grammar match before normalization."""

    span: Span
    pattern: str
    groups: tuple[tuple[str, str, int, int], ...]

    def group(self, name: str) -> str | None:
        return next((g[1] for g in self.groups if g[0] == name), None)

    def group_span(self, name: str) -> Span | None:
        return next((Span(g[2], g[3]) for g in self.groups if g[0] == name), None)



def choose(candidates: list[Candidate]) -> list[Candidate]:
    """Longest matches first; a shorter one overlapping a chosen one is dropped."""
    ranked = sorted(candidates, key=lambda c: (-len(c.span), c.span.start))
    chosen: list[Candidate] = []
    for c in ranked:
        if not any(c.span.overlaps(o.span) for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.span.start)



def _alt(words) -> str:
    """A regex alternation of literal words, longest first (so "May 5" beats "May")."""
    escaped = [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True) if w]
    return "(?:" + "|".join(escaped) + ")" if escaped else "(?!)"


_B = r"(?<![\w])"  # word start (works for Arabic and Latin scripts)
_E = r"(?![\w])"  # word end


def _word_start(proclitics) -> str:
    """A word start, then at most one one-letter proclitic glued to the word
    ("وأمس", "فاليوم"), tried only when the word does not match without it
    (so "ويوم الخميس" keeps its own prefix word). The proclitic (group
    ``pc``) stays outside the expression: :meth:`Grammar.candidates` starts
    the span after it. A group, not a lookbehind alternation: that made the
    Arabic patterns twice as slow."""
    glued = "".join(re.escape(p) for p in proclitics if len(p) == 1)
    return rf"{_B}(?P<pc>[{glued}])??" if glued else _B
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"
_NUM = r"(?:\d{1,3})"


#: Patterns that cannot match a text without this character: not run on it.
NEEDS = {"numeric_date": "/", "numeric_ymd": "/", "iso_date": "-"}


class Grammar:
    """The compiled patterns of one language, built once from its data file."""

    def __init__(self, lang: str, data: dict):
        self.lang = lang
        self.data = data
        joiners = _alt(data["day_of_month"]["joiners"])  # "15 من مارس", like "15th of March"
        # a glued conjunction only before a word: patterns starting with a number keep the plain start
        b = _word_start(data.get("proclitics", {}).get("words", ()))
        months = _alt(data["months"])
        weekdays = _alt(data["weekdays"])
        parts = _alt(data["parts_of_day"])
        units = _alt(data["units"])
        numbers = _alt(k for k, v in data["numbers"].items())
        number = f"(?:{_NUM}|{numbers})"
        ranges = _alt(data["prepositions"]["range"])
        wprefix = _alt(data["weekday_prefix"]["words"])
        mprefix = _alt(data["month_prefix"]["words"])
        offsets = _alt(k.replace("_", " ") for k in data["offsets"])
        offset_prefixes = _alt(data["offset_prefixes"])
        dcues = _alt(data["duration_cues"]["words"])
        ycues = _alt(data["years"]["cues"])
        clock = data["clock"]
        self.offset_words = {k.replace("_", " ").casefold() for k in data["offsets"]}
        self.leading = re.compile(rf"{_B}{_alt(data['span']['leading_prepositions'])}\s+\Z" if data["span"]["leading_prepositions"] else "(?!)")
        self.patterns: list[tuple[str, re.Pattern]] = [
            (name, re.compile(spelled(rx, lang), re.IGNORECASE))
            for name, rx in (
                ("numeric_date", rf"(?<![\d/.-])(?P<n1>[0-3]?\d)/(?P<n2>[0-3]?\d)/(?P<y>{_YEAR})(?![\d/])"),
                ("numeric_ymd", rf"(?<![\d/.-])(?P<y>{_YEAR})/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?![\d/])"),
                ("day_of_month", rf"{_B}(?P<d>{_DAY})\s+{joiners}\s+(?P<rel>{_alt(k for k, v in data['relative'].items() if v.startswith('month:'))}){_E}"),
                ("iso_date", rf"(?<!\d)(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
                ("day_range", rf"{_B}(?P<d1>{_DAY})\s*{ranges}\s*(?P<d2>{_DAY})\s+(?:of\s+)?(?P<month>{months})\.?(?:,?\s+(?P<y>{_YEAR}))?{_E}"),
                ("month_day_range", rf"{b}(?P<month>{months})\.?\s+(?P<d1>{_DAY})\s*{ranges}\s*(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?{_E}"),
                ("day_month", rf"{b}(?:(?P<w>{weekdays}),?\s+)?(?P<d>{_DAY})\s+(?:(?:of|{joiners})\s+)?(?P<month>{months})\.?(?:,?\s*(?P<y>{_YEAR})|\s+(?P<cur>{_alt(data['current_month']['words'])}))?{_E}"),  # "20 مارس2017": a year glued on
                ("month_day", rf"{b}(?:(?P<w>{weekdays}),?\s+)?(?P<month>{months})\.?\s+(?P<d>{_DAY})(?!\d)(?:,\s*(?P<y>{_YEAR})|\s+(?P<y2>{_YEAR}))?{_E}"),
                ("month_year", rf"{b}(?P<month>{months})\.?,?\s+(?:of\s+)?(?P<y>{_YEAR}){_E}"),
                ("month", rf"{b}(?:{mprefix}\s+)?(?P<month>{months}){_E}"),
                ("year_bare", rf"(?<![\d$£€.,/-])(?P<y>{_YEAR})(?![\d%]|,\d|\.\d|-\d|-[^\W\d]){_E}"),
                ("weekday", rf"{b}(?:(?P<pre>{parts})\s+(?:of\s+|on\s+)?)?(?:(?P<wp>{wprefix})\s+)?(?P<w>{weekdays})(?:\s+(?P<post>{parts}))?{_E}"),
                ("season", rf"{b}(?:(?P<mod>{_alt(data['season_modifiers'])})\s+)?(?:the\s+)?(?P<season>{_alt(data['seasons'])})(?:\s+(?P<mod2>{_alt(data['season_modifiers'])}))?(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?{_E}"),
                ("relative", rf"{b}(?P<rel>{_alt(data['relative'])}){_E}"),
                ("decade", rf"{_B}(?:the\s+)?(?P<dec>(?:1[5-9]|20)\d0)'?s{_E}"),
                ("decade_word", rf"{b}(?:the\s+)?(?P<decw>{_alt(data['decades'])}){_E}"),
                ("quarter", rf"{b}(?:the\s+)?(?:(?P<y1>{_YEAR})\s+)?(?P<q>{_alt(data['quarters'])})(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?{_E}"),
                ("set", rf"{b}(?P<set>{_alt(k for k, v in data['sets'].items() if ':' not in v)}){_E}"),
                ("offset", rf"{_B}(?P<n>{number})?\s*(?P<u>{units})\s+(?P<off>{offsets}){_E}"),
                ("offset_prefix", rf"{b}(?P<offp>{offset_prefixes})\s+(?P<n>{number}\s+)?(?P<u>{units}){_E}"),
                ("duration", rf"{_B}(?:(?P<cue>{dcues})\s+)?(?:the\s+)?(?P<n>{number})[\s-]+(?P<u>{units}){_E}(?=(?P<after>[\s-]*\w+(?:\s+\w+)?)|)"),
                ("duration_cued", rf"{b}(?P<cue>{dcues})\s+(?P<u>{units}){_E}"),
                ("year", rf"{b}(?P<cue>{ycues})\s+(?:the\s+)?(?P<y>{_YEAR})(?!\d|,\d|\.\d|%){_E}"),
                ("clock", rf"{_B}(?:{_alt(clock['prefix'])}\s+)?(?P<h>[0-2]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>{_alt(clock['am'] + clock['pm'])})(?!\w)"),
            )
        ]

    def candidates(self, text: str) -> list[Candidate]:
        out = []
        for name, pattern in self.patterns:
            if name in NEEDS and NEEDS[name] not in text:
                continue
            for m in pattern.finditer(text):
                groups = tuple((k, v, *m.span(k)) for k, v in m.groupdict().items() if v is not None and k != "pc")
                start = m.end("pc") if "pc" in pattern.groupindex and m.group("pc") else m.start()
                out.append(Candidate(Span(start, _without_sentence_dot(text, m.end())), name, groups))
        return out


def _without_sentence_dot(text: str, end: int) -> int:
    """Keep the dot of an abbreviation ("Sept.") but not a sentence's full
    stop; only Latin script abbreviates with a dot ("مارس." ends a sentence)."""
    if end and text[end - 1] == ".":
        word = re.search(r"(\w+)\.$", text[max(0, end - 12) : end])
        if word is None or len(word.group(1)) > 4 or not word.group(1).isascii():
            return end - 1
    return end


@cache
def compile_grammar(lang: str) -> Grammar | None:
    """The language's grammar, or None when it has no time data file."""
    data = lexicon.load(lang, "time")
    return Grammar(lang, data) if data else None

