"""The actor a parse's subject names: a subject pronoun, the entity at the
subject, in its phrase or in apposition to it ("Foreign Minister Wang Yi",
"وزير الخارجية … بلينكن"). Shared by verb and noun triggers (:mod:`.actors`,
:mod:`.noun_actors`)."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.events.clause import Argument, Clause, Query, best, from_entity
from extractors.events.agents import person_title_test
from extractors.events.names import apposition, name_after_complements, name_after_title, name_after_title_phrase, told_in_phrase
from extractors.events.tree import subtree_span
from extractors.records import Entity, Word


def subject_actor(clause: Clause, subjects: Sequence[Word], entities: Sequence[Entity], query: Query) -> Argument | str | None:
    """The actor the parse names: a subject pronoun, the entity at the subject
    or in apposition to it ("Foreign Minister Wang Yi", "وزير الخارجية … بلينكن")."""
    pronouns = query.lex["actors"]["pronouns"]
    if any(w.upos == "PRON" and w.text.casefold() in pronouns for w in subjects):
        return "pronoun"
    labels = query.labels()
    people = [x for x in labels if x in ("PER", "ORG")]
    found: list[Entity] = []
    titled: Argument | None = None
    for subject in subjects:  # a bad parse may give several
        covering = [e for e in entities if e.span.start <= subject.span.start < e.span.end]
        lo, hi = subtree_span(clause.words, subject)
        if covering and covering[0].label != "PER":  # "Bank of Portugal Governor Pedro Alves said": the person speaks
            covering = _person_before_verb(clause, entities, covering[0]) or covering
        if covering:
            found += covering
            continue
        inside = [e for e in entities if e.span.start < hi and lo < e.span.end]
        roles = query.lex["roles"]
        named = best([e for e in inside if not told_in_phrase(clause.words, subject, e, roles["recipient"], roles["companion"])], people)
        if named is not None and named.label != "PER" and subject.upos == "NOUN":  # "نائب رئيس حركة النهضة، علي العريض":
            named = name_after_title_phrase(clause.words, hi, entities, preposition=False) or _holder_right_after(
                clause, subject, hi, entities, query) or named  # the title's holder
        named = named or apposition(clause, hi, entities, labels, query.lex["roles"], query.lex["actors"]["quote_marks"])
        after_verb = subject.span.start > clause.words[clause.trigger].span.start
        named = named or (name_after_title_phrase(clause.words, hi, entities) if after_verb else None)
        found += [named] if named else []
        if not named and subject.upos in query.lex["syntax"]["phrase_upos"] and after_verb:
            titled = titled or name_after_title(clause, subject, entities, query.lang, query.lex["actors"]["quote_marks"],
                                                query.lex["roles"]["recipient"], query.is_statement)
            if titled is None and query.is_statement:
                is_title = person_title_test(query.lex["actors"], query.lang)  # a person's, not an office ("باسم وزارة …")
                holder = name_after_complements(clause.words, hi, entities, is_title, query.lex["roles"]["recipient"])
                titled = from_entity(holder, "parse") if holder is not None else None
    chosen = best(found, labels)
    return from_entity(chosen, "parse") if chosen else titled  # "قال وزير التربية، سليم خلبوس"


def _person_before_verb(clause: Clause, entities: Sequence[Entity], organization: Entity) -> list[Entity]:
    """A person named last in the subject phrase, right before the verb, with
    a title between the organization the subject word belongs to and the name
    ("<organization> <title> <person> said"): the organization and the title
    describe the person who spoke. With no title between ("American Can"),
    the two are one name split by the tagger."""
    words, trigger = clause.words, clause.words[clause.trigger]
    for person in (e for e in entities if e.label == "PER" and organization.span.end <= e.span.start and e.span.end <= trigger.span.start):
        after = [w for w in words if person.span.end <= w.span.start < trigger.span.start and w.deprel != "mark"]  # "… Sumita as telling"
        title = [w for w in words if organization.span.end <= w.span.start < person.span.start and w.upos in ("NOUN", "PROPN")]
        if not after and title:
            return [person]
    return []


def _holder_right_after(clause: Clause, subject: Word, end: int, entities: Sequence[Entity], query: Query) -> Entity | None:
    """"أكد مدير المناظرات بوزارة التربية سفيان الخماسي": a person named right after a title's phrase
    that holds its organization, with no comma, holds the title (a statement's speaker, after the verb)."""
    if not query.is_statement or subject.span.start < clause.words[clause.trigger].span.start:
        return None
    if not person_title_test(query.lex["actors"], query.lang)(subject.text):
        return None
    after = next((w for w in clause.words if w.span.start >= end), None)
    return next((e for e in entities if after is not None and e.label == "PER" and e.span.start == after.span.start), None)
