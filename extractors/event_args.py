"""Who, with whom, from where, to where: the arguments of an event trigger.

The dependency parse is used first (subject → actor). Compact models parse
Arabic poorly (LAS 66) and mis-tag foreign names, so every argument also has a
positional fallback inside the trigger's clause, constrained by entity type and
by the preposition in front of it ("إلى"/"to" → destination, "مع"/"with" →
counterpart, "من"/"from" → origin, "في"/"in" → location).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractors.entities import canonical
from extractors.records import Entity, Span, Word


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


def role_of(entity_start: int, clause: Clause, roles: dict, titles: Sequence[str] = ()) -> str | None:
    """The role its preposition gives a mention starting at ``entity_start``.

    A title may stand between the preposition and the name ("بالرئيس
    فلاديمير بوتين", "with President Putin").
    """
    before = [w for w in clause.words[: clause.end] if w.span.end <= entity_start][-2:]
    if len(before) == 2 and before[-1].text.casefold() in titles:
        before = before[:1]
    if not before:
        return None
    key = before[-1].text.casefold()
    return next((role for role, preps in roles.items() if key in preps), None)


def clause_entities(entities: Sequence[Entity], clause: Clause) -> list[Entity]:
    lo = clause.words[clause.start].span.start
    hi = clause.words[clause.end - 1].span.end
    return [e for e in entities if lo <= e.span.start and e.span.end <= hi]


def find_actor(clause: Clause, entities: Sequence[Entity], lex: dict, lang: str) -> Argument | str | None:
    """The actor, or ``"pronoun"`` when the subject is a pronoun to resolve."""
    actors, syntax = lex["actors"], lex["syntax"]
    trigger = clause.words[clause.trigger]
    inside = [e for e in clause_entities(entities, clause) if not e.span.overlaps(trigger.span)]
    free = [e for e in inside if role_of(e.span.start, clause, lex["roles"], _titles(lang)) is None]
    subjects = _parse_subjects(clause)
    if any(w.text.casefold() in actors["pronouns"] and w.upos == "PRON" for w in subjects):
        return "pronoun"
    by_parse = [e for e in free if any(e.span.start <= w.span.start < e.span.end for w in subjects)]
    best = _best(by_parse, actors["labels"] + actors["adjacent_labels"])
    if best:
        return _from_entity(best, "parse")
    after = [e for e in free if e.span.start > trigger.span.start]
    before = [e for e in free if e.span.end <= trigger.span.start]
    adjacent = _adjacent_place(clause, free, actors["adjacent_labels"])
    if syntax["actor_after_trigger_first"]:
        ordered = [_best(after[:2], actors["labels"]), _best(adjacent, actors["adjacent_labels"]), _best(before[-2:][::-1], actors["labels"])]
    else:
        ordered = [_best(before[-3:][::-1], actors["labels"]), _best(adjacent, actors["adjacent_labels"])]
        if lex["is_statement"]:  # quote inversion: "..., said Lankov"
            ordered.append(_best(after[:1], actors["labels"]))
    for found in ordered:
        if found:
            return _from_entity(found, "entity")
    before_words = clause.words[clause.start : clause.trigger]
    if any(w.text.casefold() in actors["pronouns"] for w in before_words):
        return "pronoun"
    if not lex["is_statement"] or (trigger.upos in syntax["noun_upos"] and trigger.upos not in syntax["verb_upos"]):
        return None  # only statements are made by described actors ("the ministry said")
    subject = subjects[0] if subjects else None
    return noun_phrase(clause, subject, lex, lang)


def _best(entities: Sequence[Entity], labels: Sequence[str]) -> Entity | None:
    """The first entity with the most preferred label (labels in preference order)."""
    ranked = [e for e in entities if e.label in labels]
    return min(ranked, key=lambda e: labels.index(e.label), default=None)


def _parse_subjects(clause: Clause) -> list[Word]:
    trigger = clause.words[clause.trigger]
    return [w for w in clause.words[clause.start : clause.end] if w.head == trigger.index and w.deprel == "nsubj"]


def _titles(lang: str) -> tuple[str, ...]:
    from extractors import lexicon

    return tuple(t.casefold() for t in lexicon.load(lang, "entities").get("mentions", {}).get("titles", ()))


def _adjacent_place(clause: Clause, free: Sequence[Entity], labels: Sequence[str]) -> list[Entity]:
    """A state acting through its capital ("وأكدت موسكو", "Moscow said")."""
    trigger = clause.words[clause.trigger]
    neighbours = [w for w in clause.words if w.upos != "PUNCT"]
    i = neighbours.index(trigger)
    near = {w.span.start for w in neighbours[max(0, i - 1) : i + 2] if w is not trigger}
    return [e for e in free if e.label in labels and e.span.start in near][:1]


def noun_phrase(clause: Clause, subject: Word | None, lex: dict, lang: str) -> Argument | None:
    """A described actor ("وكالة الأنباء المركزية الكورية", "the ministry")."""
    syntax = lex["syntax"]
    words = clause.words
    if subject is not None and subject.upos in syntax["phrase_upos"]:
        start = words.index(subject)
    elif syntax["actor_after_trigger_first"]:
        start = next(
            (i for i in range(clause.trigger + 1, clause.end) if words[i].upos in syntax["phrase_upos"] and words[i].token_index != words[i - 1].token_index),
            None,
        )
        if start is None or role_of(words[start].span.start, clause, lex["roles"], _titles(lang)):
            return None
    else:
        return None
    end = start + 1
    if any(words[start].span.overlaps(t) for t in clause.times):
        return None
    while (
        end < clause.end
        and end - start < syntax["max_phrase_words"]
        and words[end].upos in syntax["phrase_continue_upos"]
        and end != clause.trigger
        and not any(words[end].span.overlaps(t) for t in clause.times)
    ):
        end += 1
    span = Span(words[start].span.start, words[end - 1].span.end)
    surface = span.of(clause.text)
    return Argument(surface, canonical(surface, lang), span, None, "phrase")


def _from_entity(entity: Entity, source: str) -> Argument:
    return Argument(entity.text, entity.resolved, entity.span, entity.label, source)


def find_places_and_counterpart(clause: Clause, entities: Sequence[Entity], event_type: str, actor: Argument | None, lex: dict) -> dict[str, Argument]:
    """Counterpart, origin, destination and location by preposition and type."""
    trigger = clause.words[clause.trigger]
    found: dict[str, Argument] = {}
    ranked = sorted(clause_entities(entities, clause), key=lambda e: (e.label == "MISC", e.span.start))
    for entity in ranked:
        if (actor and entity.span.overlaps(actor.span)) or entity.span.overlaps(trigger.span):
            continue
        role = role_of(entity.span.start, clause, lex["roles"], _titles(lex.get("lang", "")))
        after = entity.span.start > trigger.span.start
        role = _role_for_type(role, entity, event_type, after)
        if role and role not in found:
            found[role] = _from_entity(entity, "entity")
    return found


def _role_for_type(role: str | None, entity: Entity, event_type: str, after: bool) -> str | None:
    place = entity.label == "LOC"
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
