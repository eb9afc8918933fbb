"""An event mention while it is being assembled: the one mutable record of
the event stage, filled in by the argument, modality and date steps and
frozen into an :class:`~extractors.records.Event` by :mod:`.merge`."""

from __future__ import annotations

from dataclasses import dataclass

from extractors.events.clause import Argument, Clause
from extractors.records import Sentence, TimeExpression


@dataclass
class Draft:
    """An event mention while it is being assembled (internal, mutable)."""

    type: str
    sentence: Sentence
    position: int
    is_noun: bool
    clause: Clause
    actor: Argument | None = None
    roles: dict | None = None
    modality: str = "asserted"
    time: TimeExpression | None = None
    date_basis: str = "none"  # explicit | sentence | context | publication | none (see .dates)
    pronoun_subject: bool = False
    recurring: bool = False  # said to happen regularly ("meets every three months"): no one day is its date
    intended: bool = False  # a statement only intended ("expects to report", "too early to say"): dates it, then dropped

    @property
    def trigger(self):
        return self.sentence.words[self.position]
