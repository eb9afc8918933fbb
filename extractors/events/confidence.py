"""How sure Dateline is of an event: one documented score in [0, 1].

The score adds up the evidence a careful reader would weigh. Each weight is
named here and nowhere else, so what a confidence of 0.8 means can be read off:

=========================  ======  ==============================================
evidence                   weight  why
=========================  ======  ==============================================
base                        0.30   a trigger word of the event lexicon was found
trigger is a verb           0.20   verbs report events; nouns often name them
trigger is a noun           0.10
actor from the parse        0.20   the parser linked the actor to the trigger
actor: named entity         0.15   found by position in the trigger's clause
actor: noun phrase          0.10   a description ("وزارة الخارجية") found by position
actor: inherited            0.05   an unexpressed subject taken from the previous event
actor has a fitting type    0.05   PER/ORG for people's acts
date in the same clause     0.15   the time expression is the trigger's own (basis explicit)
date in the same sentence   0.05   inherited from the predicate it depends on
date from context           0.05   carried from an earlier sentence on the same actor
date of publication         0.00   a present-tense report: a guess, no evidence
each further mention        0.05   up to 0.10: repeated evidence for the same event
=========================  ======  ==============================================
"""

from __future__ import annotations

from dataclasses import dataclass

WEIGHTS = {
    "base": 0.30,
    "verb": 0.20,
    "noun": 0.10,
    "actor:parse": 0.20,
    "actor:entity": 0.15,
    "actor:phrase": 0.10,
    "actor:anaphor": 0.10,
    "actor:inherited": 0.05,
    "actor_type": 0.05,
    "date:explicit": 0.15,
    "date:sentence": 0.05,
    "date:context": 0.05,
    "date:publication": 0.0,
    "mention": 0.05,
}
MAX_MENTION_BONUS = 0.10
#: Names the date evidence had before ``date_basis``: "clause" is explicit.
LEGACY_BASIS = {None: "none", "clause": "explicit"}


@dataclass(frozen=True)
class Evidence:
    trigger_pos: str  # "verb" | "noun"
    actor_source: str | None  # "parse" | "entity" | "phrase" | "anaphor" | "inherited"
    actor_type_fits: bool
    date_basis: str | None  # explicit | sentence | context | publication | none


def score(evidence: Evidence, mentions: int = 1) -> float:
    total = WEIGHTS["base"] + WEIGHTS[evidence.trigger_pos]
    if evidence.actor_source:
        total += WEIGHTS[f"actor:{evidence.actor_source}"]
    if evidence.actor_type_fits:
        total += WEIGHTS["actor_type"]
    basis = LEGACY_BASIS.get(evidence.date_basis, evidence.date_basis)
    if basis != "none":
        total += WEIGHTS[f"date:{basis}"]
    total += min(MAX_MENTION_BONUS, WEIGHTS["mention"] * (mentions - 1))
    return round(min(1.0, total), 3)
