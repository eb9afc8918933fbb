"""With whom, from where, to where: counterpart and places of an event
trigger, by the preposition in front of each mention and the event type; and
movement verbs used figuratively ("reached a decision")."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from extractors.entities import canonical
from extractors.events.clause import (
    Argument,
    Clause,
    clause_entities,
    from_entity,
    role_of,
)
from extractors.events.tree import children
from extractors.records import Entity


def find_places_and_counterpart(clause: Clause, entities: Sequence[Entity], event_type: str, actor: Argument | None, lex: dict) -> dict[str, Argument]:
    """Counterpart, origin, destination and location by preposition and type."""
    trigger = clause.words[clause.trigger]
    found: dict[str, Argument] = {}
    inside = clause_entities(entities, clause)
    ranked = sorted(inside, key=lambda e: (e.label == "MISC", e.span.start))
    for entity in ranked:
        if (actor and entity.span.overlaps(actor.span)) or entity.span.overlaps(trigger.span):
            continue
        if _other_verbs(clause, entity, trigger):
            continue
        role = role_of(entity.span.start, clause, lex["roles"], inside)
        if role == "pair" and actor is not None and entity.span.start < actor.span.start:
            continue  # "between Deputy Iranian Finance Minister X and Y": a word of the first one's title, not the second
        after = entity.span.start > trigger.span.start
        role = _role_for_type(role, entity, event_type, after)
        if role and role not in found:
            found[role] = from_entity(entity, "entity")
    return found


#: Relations inside a noun phrase, walked up to find the verb a place belongs to.
_NOMINAL = ("nmod", "obl", "obj", "compound", "flat", "appos", "conj", "obl:tmod", "nmod:poss")


def _other_verbs(clause: Clause, entity: Entity, trigger) -> bool:
    """A place before a verb trigger that the tree gives to another verb before
    it ("stopped in Paris before visiting Berlin": Paris is not visited)."""
    words = clause.words
    if trigger.upos != "VERB" or entity.span.start > trigger.span.start or words[0].head is None:
        return False
    by_index = {w.index: w for w in words}
    inside = [w for w in words if entity.span.start <= w.span.start < entity.span.end]
    indices = {w.index for w in inside}
    node = next((w for w in inside if w.head not in indices), None)
    seen = set()
    while node is not None and node.deprel in _NOMINAL and node.head in by_index and node.index not in seen:
        seen.add(node.index)
        node = by_index[node.head]
        if node is trigger:
            return False
        if node.upos == "VERB":
            return node.span.start < trigger.span.start
    return False


def _role_for_type(role: str | None, entity: Entity, event_type: str, after: bool) -> str | None:
    place = entity.label == "LOC"
    if role == "pair":
        return "counterpart" if event_type == "meeting" else None
    if role == "counterpart":
        return "counterpart" if event_type == "meeting" and not place else ("destination" if event_type == "visit" and place else None)
    if role in ("destination", "origin") and place:
        return role if event_type in ("departure", "arrival", "visit") else "location"
    if role == "location" and place:
        return "destination" if event_type in ("arrival", "visit") else "location"
    if role is None and after:
        if event_type == "departure" and place:
            return "origin"  # the object of "leave"/"غادر"
        if event_type == "visit" and place:
            return "destination"
        if event_type == "meeting" and not place:
            return "counterpart"
    return None


#: Movement types whose verbs are often figurative ("reached a decision",
#: "left rates unchanged", "بلغ عدد …"): an object must be a place.
MOVEMENT_TYPES = ("departure", "arrival")


def figurative_motion(clause: Clause, entities: Sequence[Entity], event_type: str, lex: dict) -> bool:
    """A movement verb whose object is not a place is not a movement ("reached
    a decision"). A passive one moves only a place ("the border was reached
    at dawn"): whatever the parse makes of its subject ("an accord is
    reached", "the resolution reached by the nations"), anything else was
    reached or left figuratively."""
    if event_type not in MOVEMENT_TYPES:
        return False
    words, trigger = clause.words, clause.words[clause.trigger]
    places = _place_noun_keys(lex["lang"], tuple(lex["syntax"]["place_nouns"]))
    below = children(words, trigger)
    is_place = lambda w: any(e.label == "LOC" and e.span.start <= w.span.start < e.span.end for e in entities) or (  # noqa: E731
        canonical(w.lemma or w.text, lex["lang"]) in places)
    feats = (trigger.feats or "").split("|")
    reduced = "Voice=Pass" in feats and "VerbForm=Part" in feats and not any(w.deprel.startswith("aux") for w in below)
    if reduced or any(w.deprel == "aux:pass" for w in below):  # "has left" (an auxiliary) is active, whatever its tag
        said_of = [w for w in below if w.deprel.startswith("nsubj")] + [w for w in words if w.index == trigger.head]
        return not any(is_place(w) for w in said_of if w.upos in ("NOUN", "PROPN"))
    return any(not is_place(w) for w in below if w.deprel in ("obj", "nsubj:pass") and w.upos in ("NOUN", "NUM"))


@functools.cache
def _place_noun_keys(lang: str, nouns: tuple[str, ...]) -> frozenset[str]:
    """Canonical forms of the lexicon's place nouns, computed once per language."""
    return frozenset(canonical(noun, lang) for noun in nouns)
