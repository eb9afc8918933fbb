"""Typed, frozen records passed between Dateline's stages.

Every stage of the pipeline (ingestion → NLP → time → events → storage) speaks
in these records and nothing else, so that each module can be read, tested and
replaced on its own. Records are immutable (``frozen=True``) and use tuples, not
lists, so a stage can never change what an earlier stage produced.

All character offsets are into the *original* article text (``Article.text``):
``article.text[span.start:span.end]`` is the surface form, always.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` into an article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        """The slice of ``text`` this span covers."""
        return text[self.start : self.end]

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Article:
    """One article as ingested: its text and what we know about it.

    ``published_source`` and ``lang_source`` say where those values came from
    (``metadata``, ``filename``, ``mtime``, ``detected``, ``none``) so analysts
    can filter out guessed dates.
    """

    article_id: str
    text: str
    content_sha256: str
    path: str
    lang: str | None
    lang_source: str
    published: date | None
    published_source: str
    title: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class IngestError:
    """A file (or one line of a JSONL file) that could not become an article.

    ``reason`` is a short stable code (``empty``, ``binary``, ``encoding``,
    ``malformed_json``, ``missing_text``, ``too_large``, ``unsupported_language``,
    ``no_models``, ``processing``); ``detail`` is the human-readable message.
    """

    path: str
    reason: str
    detail: str
    content_sha256: str | None = None
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class Word:
    """A syntactic word (Stanza ``Word``); Arabic clitics are separate words.

    ``index`` is Stanza's 1-based id within the sentence; ``head`` is 0 for the
    root and ``None`` when the model has no parser. A word of a multi-word token
    carries the span of the exact sub-string when it can be found inside the
    token, else the token's span.
    """

    index: int
    text: str
    lemma: str | None
    upos: str | None
    feats: str | None
    head: int | None
    deprel: str | None
    span: Span
    token_index: int


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    span: Span
    text: str
    words: tuple[Word, ...] = ()


def sentence_index_at(sentences: Sequence[Sentence], offset: int) -> int:
    """The index of the sentence an offset falls in (0 before the first)."""
    starts = [s.span.start for s in sentences]
    i = bisect.bisect_right(starts, offset) - 1
    return sentences[i].index if i >= 0 else 0


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention.

    ``canonical`` is the matching key (diacritics stripped, letter variants
    unified, case-folded); ``resolved`` is the canonical form of the full name
    this mention links to within the article (itself when it is the full name).
    ``origin`` is ``model`` (Stanza NER) or ``gazetteer`` (CLDR names).
    """

    text: str
    label: str
    span: Span
    sentence_index: int
    canonical: str
    resolved: str
    origin: str = "model"


@dataclass(frozen=True, slots=True)
class Analysis:
    """The linguistic analysis of one article."""

    article_id: str
    lang: str
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    processors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression found in an article and normalized against its anchor.

    ``kind`` is a TIMEX3 type (``date``, ``time``, ``duration``, ``set``);
    ``value`` a TIMEX3 value (``2023-09-10``, ``2023-09-10TAF``, ``2023-W37``,
    ``2023``, ``P1M``, ``PAST_REF``); ``granularity`` one of ``day``, ``week``,
    ``month``, ``year``, ``decade``, ``range``, ``time``, ``duration``, ``set``,
    ``ref``; ``date_start``/``date_end`` the inclusive calendar range the value
    covers (``None`` for durations and references). ``rule`` names the rule that
    produced the value, ``anchor`` the date it was resolved against.
    """

    text: str
    span: Span
    kind: str
    value: str
    granularity: str
    date_start: date | None
    date_end: date | None
    rule: str
    anchor: date | None


@dataclass(frozen=True, slots=True)
class EventMention:
    """One place in the text where an event is mentioned."""

    trigger: str
    span: Span
    sentence_index: int
    modality: str
    date_text: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A dated real-world event with its evidence.

    Arguments (actor, counterpart, origin, destination, location) are surface
    forms as written; the ``*_resolved`` fields hold the full name they resolve to
    within the article. ``date`` is ISO at its granularity (``YYYY-MM-DD``,
    ``YYYY-MM``, ``YYYY``) or ``None``; it is never the publication date by
    default. ``modality`` is ``asserted``, ``planned``, ``negated`` or
    ``reported``. ``span`` is the first mention's trigger span.
    """

    event_id: str
    article_id: str
    lang: str
    type: str
    trigger: str
    span: Span
    sentence_index: int
    modality: str
    confidence: float
    actor: str | None = None
    actor_resolved: str | None = None
    counterpart: str | None = None
    counterpart_resolved: str | None = None
    origin: str | None = None
    destination: str | None = None
    location: str | None = None
    date: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    granularity: str | None = None
    date_text: str | None = None
    date_basis: str = "none"
    extractor_version: str = ""
    mentions: tuple[EventMention, ...] = field(default=())
    # Coded after extraction (extractors/coding): ISO 3166-1 alpha-2 codes of
    # the places and actors, and the CAMEO and PLOVER codes of the type.
    origin_country: str | None = None
    destination_country: str | None = None
    location_country: str | None = None
    actor_country: str | None = None
    counterpart_country: str | None = None
    cameo_code: str | None = None
    plover_type: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in an article (a LOC entity or an event's place
    argument), geocoded offline.

    ``geonames_id`` … ``place_kind`` describe the place chosen (``None`` when no
    place matched); ``method`` says how: ``country``, ``alias``, ``unique``,
    ``context``, ``population`` or ``unresolved``. ``roles`` are the event
    arguments the mention fills (``origin``, ``destination``, ``location``).
    """

    article_id: str
    text: str
    span: Span
    sentence_index: int
    method: str
    geonames_id: int | None = None
    name: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    place_kind: str | None = None
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor of one article, coded: who it is, of which country, in which role.

    ``name`` is the canonical resolved name (``Event.actor_resolved``);
    ``kind`` is ``person``, ``organization``, ``state`` or ``group``; ``role``
    one of ``head_of_state``, ``head_of_government``, ``government``,
    ``ministry``, ``military``, ``party``, ``company``, ``media``, ``other``;
    ``evidence`` the words the country and role were read from.
    """

    article_id: str
    name: str
    text: str
    kind: str
    role: str
    country_code: str | None = None
    evidence: str | None = None
    n_mentions: int = 1
