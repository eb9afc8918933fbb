"""Who holds an event named by a noun: the parse shapes around it.

``actors`` decides which entity or phrase is the actor; these helpers say
which verb takes the event noun as its object ("held talks", "had nine hours
of talks", "عقد اجتماعا"), whether that verb is a light verb that lends its
subject to the noun, and when the definite noun after the event noun holds it
("اجتماع اللجنة") rather than undergoes it ("استقبال الطلبة").
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.entities import canonical
from extractors.events.clause import Clause, Query, parse_subjects
from extractors.events.triggers import lemma_keys
from extractors.events.wordsets import canonical_set, normalized_set
from extractors.records import Word


def verb_with_subject(words: Sequence[Word], trigger: Word) -> Word | None:
    """The verb whose object the event noun is, when that verb has a subject."""
    noun = light_verb_object(words, trigger)
    head = next((w for w in words if w.index == noun.head), None)
    if head is None or noun.deprel != "obj" or head.upos not in ("VERB", "AUX") or not parse_subjects(words, head):
        return None
    return head


def light_verb_object(words: Sequence[Word], trigger: Word, depth: int = 2) -> Word:
    """The noun a verb takes as object for this event noun: itself ("held
    talks") or a measure of it ("had nine hours of talks", "a round of talks")."""
    noun = trigger
    for _ in range(depth):
        if noun.deprel != "nmod":
            break
        head = next((w for w in words if w.index == noun.head), None)
        if head is None or head.upos != "NOUN":
            break
        noun = head
    return noun


def is_light(verb: Word, query: Query) -> bool:
    """A verb that adds nothing to its event noun ("held talks", "عقد اجتماعا"): only then does a
    described subject hold the event; "السائح يفضل زيارة تونس" (prefers to visit) is no visit of his."""
    syntax = query.lex["syntax"]
    return bool(lemma_keys(verb, syntax, query.lang) & normalized_set(tuple(syntax["light_verbs"]), query.lang))


def genitive_holder(clause: Clause, child: Word, query: Query) -> bool:
    """The definite common noun right after the event noun, with no preposition of its own."""
    at = clause.words.index(child)
    trigger = clause.words[clause.trigger]
    patients = canonical_set(tuple(query.lex["actors"]["genitive_patient_nouns"]), query.lang)
    if canonical(trigger.lemma or trigger.text, query.lang) in patients:
        return False  # "استقبال الطلبة": the students are received, they hold nothing
    return (query.event_type in query.lex["actors"]["genitive_holder_types"] and at == clause.trigger + 1 and child.upos == "NOUN"
            and "Definite=Def" in (child.feats or "") and not any(w.head == child.index and w.deprel == "case" for w in clause.words))
