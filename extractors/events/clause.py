"""The trigger's clause and what the argument finders share: the records
they pass around and the preposition that gives a mention its role.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractors.records import Entity, Span, Word

#: Event types whose actor may be a place acting as a state ("Moscow said",
#: "وأكدت موسكو"); a place next to a movement verb is where, never who.
PLACE_ACTOR_TYPES = ("announcement", "meeting")
#: Words a preposition may stand before the name it governs across
#: ("with his Chinese counterpart Wang Yi", "between Deputy Iranian Finance Minister Mehdi Navvab").
MAX_PREP_GAP = 5
#: Words a title phrase may run before the name in apposition to it
#: ("وزير العلاقة مع الهيئات الدستورية … مهدي بن غربية").
MAX_APPOSITION_GAP = 12
_GAP_UPOS = ("NOUN", "ADJ", "PRON", "DET", "PROPN", "X", "NUM")
#: Typographic marks between a preposition and its name that are no word ('لـ"جوهرة أف أم"': the
#: Arabic lengthening stroke after a one-letter preposition, quotation marks around an outlet's name).
_GLUE_MARKS = ("ـ", '"', "«", "“", "'")
#: What :func:`~extractors.events.actors.find_actor` says when the actor is
#: known to be no one it reports (nothing to inherit either).
NO_ACTOR = "none"


@dataclass(frozen=True)
class Argument:
    text: str
    resolved: str
    span: Span
    label: str | None  # entity label, None for a noun phrase
    source: str  # parse | entity | phrase | anaphor | inherited


@dataclass(frozen=True)
class Clause:
    """Words of one sentence and the trigger's clause within them."""

    words: Sequence[Word]
    trigger: int  # position of the trigger in ``words``
    start: int  # clause = words[start:end]
    end: int
    text: str  # the article text
    times: tuple[Span, ...] = ()  # time expressions: never part of an actor


@dataclass(frozen=True)
class Query:
    """What is asked of :func:`find_actor`: the event type and the lexicon."""

    event_type: str
    is_noun: bool
    lex: dict
    lang: str

    @property
    def is_statement(self) -> bool:
        return self.event_type == "announcement"

    def labels(self) -> tuple[str, ...]:
        extra = self.lex["actors"]["adjacent_labels"] if self.event_type in PLACE_ACTOR_TYPES else ()
        return tuple(self.lex["actors"]["labels"]) + tuple(extra)


#: The ``[roles]`` entry of nouns that join a title to what it speaks for ("الناطق باسم",
#: "المتحدث باسم": on behalf of): the preposition before them gives a name after them no role.
TITLE_LINK = "title_link"


def role_of(entity_start: int, clause: Clause, roles: dict, entities: Sequence[Entity] = ()) -> str | None:
    """The role its preposition gives a mention starting at ``entity_start``.

    Titles, possessives and adjectives may stand between the preposition and
    the name ("بالرئيس فلاديمير بوتين", "with his counterpart Wang Yi"), but
    not a verb, another preposition or another name.
    """
    before = [w for w in clause.words[: clause.end] if w.span.end <= entity_start and w.text not in _GLUE_MARKS]
    for gap, word in enumerate(reversed(before)):
        key = word.text.casefold()
        role = next((r for r, preps in roles.items() if key in preps), None)
        if role == TITLE_LINK:  # "المتحدث باسم الكرملين ديمتري بيسكوف": the Kremlin is what the title speaks for,
            return role if gap == 0 else None  # the name after it holds the title, under no preposition
        if role or gap >= MAX_PREP_GAP or word.upos not in _GAP_UPOS:
            return role
        if any(e.span.start < entity_start and e.span.overlaps(word.span) and e.label != "MISC" for e in entities):
            return None  # another name between; a nationality ("Iranian") is part of the title
    return None


def clause_entities(entities: Sequence[Entity], clause: Clause) -> list[Entity]:
    lo = clause.words[clause.start].span.start
    hi = clause.words[clause.end - 1].span.end
    return [e for e in entities if lo <= e.span.start and e.span.end <= hi]


def entity_at(word: Word, entities: Sequence[Entity], labels: Sequence[str]) -> Entity | None:
    return best([e for e in entities if e.span.start <= word.span.start < e.span.end], labels)


def best(entities: Sequence[Entity], labels: Sequence[str]) -> Entity | None:
    """The first entity with the most preferred label (labels in preference order)."""
    ranked = [e for e in entities if e.label in labels]
    return min(ranked, key=lambda e: labels.index(e.label), default=None)


def parse_subjects(words: Sequence[Word], head: Word) -> list[Word]:
    return [w for w in words if w.head == head.index and w.deprel in ("nsubj", "nsubj:pass")]


def from_entity(entity: Entity, source: str) -> Argument:
    return Argument(entity.text, entity.resolved, entity.span, entity.label, source)


