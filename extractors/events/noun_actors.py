"""Who holds a meeting or makes a visit or statement named by a noun: the
possessor, the genitive holder, the subject of the light verb it is the
object of ("held talks", "عقد اجتماعا") or of the relative clause that holds
it ("اجتماع عقدته اللجنة"), the first of a pair ("talks between X and Y")."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.events.agents import person_title_test
from extractors.events.clause import Argument, Clause, Query, clause_entities, entity_at, from_entity, parse_subjects, role_of
from extractors.events.holders import (
    described_agent_word, gathers, genitive_holder, holder_after_preposition, is_light, issued_by, issuer_after, name_in_genitive,
    verb_with_subject,
)
from extractors.events.fallback import for_subject
from extractors.events.phrases import described_agent, noun_phrase
from extractors.events.subjects import subject_actor
from extractors.events.tree import children, possessor_clitic, relative_antecedent
from extractors.records import Entity, Word


def noun_actor(clause: Clause, entities: Sequence[Entity], query: Query) -> Argument | str | None:
    """Who holds a meeting or makes a visit named by a noun: the possessor
    ("Kinnock's trip", "زيارته"), else the subject of the verb it is the object
    of ("held talks", "who had talks" → the relative's antecedent)."""
    words, trigger = clause.words, clause.words[clause.trigger]
    labels = [x for x in query.labels() if x in ("PER", "ORG")]
    held = _held_in_relative(clause, trigger, entities, query)
    if held is not None:
        return held
    for child in children(words, trigger):
        if child.deprel not in ("nmod:poss", "nmod") and not described_agent_word(child, query):  # the tagger takes "وفد" for an adjective
            continue
        if child.upos == "PRON" and child.deprel == "nmod:poss" and verb_with_subject(words, trigger) is not None:
            break  # "the board held its first meeting": a possessive in the object is the subject's
        if possessor_clitic(child, trigger):
            return _time_clause_owner(clause, trigger, entities, query) or "pronoun"  # "his visit", "زيارته"
        if is_light(child, query) and child.upos == "NOUN" and any(w.head == child.index and w.upos == "PRON" for w in words) \
                and not any(w.head == child.index and w.upos in ("NOUN", "PROPN") and not any(w.span.overlaps(t) for t in clause.times) for w in words):
            return "pronoun"  # "لقاء عقده أمس": the tagger's "his contract" is "that he held"; with no subject of its own, the one before
        if gathers(clause, child, query) and any(w.head == child.index and w.upos == "PRON" for w in words):
            return "pronoun"  # "لقاء جمعه بالوزير": he met; "لقاء جمع الرئيس بـ" names its holder in the genitive
        owner = entity_at(child, entities, labels)
        if issued_by(clause, child, query):  # "بلاغ لوزارة الداخلية"
            return from_entity(owner, "parse") if owner else noun_phrase(clause, child, query.lex, query.lang)
        if owner and role_of(owner.span.start, clause, query.lex["roles"], entities) is None:
            return from_entity(owner, "parse")
        if not owner and genitive_holder(clause, child, query):  # "اجتماع اللجنة", "تصريحات وزير المالية أحمد العلوي"
            if described_agent_word(child, query):  # "زيارة وفد سوري لتقصي …": the delegation, not a name further on
                return described_agent(clause, query.lex, query.lang)
            named = name_in_genitive(clause, child, entities)
            return from_entity(named, "parse") if named else noun_phrase(clause, child, query.lex, query.lang)
        if not owner and holder_after_preposition(clause, child, query):  # "the meeting of six major industrial nations"
            return noun_phrase(clause, child, query.lex, query.lang)
    issuer = issuer_after(clause, query)  # "بيان صادر اليوم عن الخارجية": the parse hung the issuer on the day
    if issuer is not None:
        owner = entity_at(issuer, entities, labels)
        return from_entity(owner, "parse") if owner else noun_phrase(clause, issuer, query.lex, query.lang)
    pair = _pair(clause, entities, query)
    if pair:
        return pair
    head = verb_with_subject(words, trigger) or _light_verb_by_preposition(words, trigger, query)  # "held talks", "قام بزيارة"
    if head is None:
        return None
    in_clause = clause.words[clause.start : clause.end]
    for subject in parse_subjects(words, head):
        if subject.upos == "PRON" and (antecedent := relative_antecedent(words, head)) is not None:
            subject = antecedent
        named = subject_actor(clause, [subject], entities, query)
        if named is not None:
            return named
        if subject.upos == "PRON":
            return "pronoun"
        if subject.upos in query.lex["syntax"]["phrase_upos"] and subject in in_clause and is_light(head, query):
            return noun_phrase(clause, subject, query.lex, query.lang)  # "the foreign ministers held talks"
    return None


def _light_verb_by_preposition(words: Sequence[Word], trigger: Word, query: Query) -> Word | None:
    """A light verb that takes its event noun after a preposition ("قام الوزير بزيارة إلى صفاقس":
    carried out a visit, ``syntax.light_verb_prepositions``); only a light verb, since "رحب الوزير
    بزيارة الرئيس" (welcomed the president's visit) makes no visit of the minister's."""
    marks = set(query.lex["syntax"].get("light_verb_prepositions", ()))
    if trigger.deprel not in ("obl", "nmod") or not any(w.head == trigger.index and w.deprel == "case" and w.text in marks for w in words):
        return None
    head = next((w for w in words if w.index == trigger.head and w.upos in ("VERB", "AUX")), None)
    return head if head is not None and is_light(head, query) and parse_subjects(words, head) else None


def _held_in_relative(clause: Clause, trigger: Word, entities: Sequence[Entity], query: Query) -> Argument | str | None:
    """"خلال اجتماع عقدته أمس", "at a meeting it held yesterday": a light verb in
    a relative clause on the event noun, whose object is the noun itself (a
    resumptive pronoun, or none), says who holds it: that verb's subject, or —
    when the verb drops its subject — the subject of the verb the noun's
    phrase belongs to."""
    words = clause.words
    verb = next((w for w in children(words, trigger) if w.deprel in ("acl", "acl:relcl") and is_light(w, query)), None)
    if verb is None or any(w.head == verb.index and w.deprel == "obj" and w.upos != "PRON" for w in words):
        return None
    subjects = parse_subjects(words, verb) or _subject_past_time(clause, verb, entities, query)
    if not subjects:
        head = next((w for w in words if w.index == trigger.head), None)
        subjects = parse_subjects(words, head) if head is not None and head.upos in ("VERB", "AUX") else []
    if not subjects:
        return None
    named = subject_actor(clause, subjects[:1], entities, query)
    if named is not None or subjects[0].upos not in query.lex["syntax"]["phrase_upos"]:
        return named
    return noun_phrase(clause, subjects[0], query.lex, query.lang)


def _subject_past_time(clause: Clause, verb: Word, entities: Sequence[Entity], query: Query) -> list[Word]:
    """"زيارة يؤديها منذ صباح اليوم وزير الدفاع": after a time adverbial the parse loses the relative
    verb's subject (VSO); the first word past the times, with no preposition, if it names someone."""
    words = clause.words
    timed = lambda w: any(w.span.overlaps(t) for t in clause.times)  # noqa: E731
    after = [w for i, w in enumerate(words) if words.index(verb) < i < clause.end and w.token_index != verb.token_index
             and not timed(w) and not (w.upos == "ADP" and i + 1 < len(words) and timed(words[i + 1]))]  # "منذ صباح اليوم"
    first = after[0] if after else None
    if first is None or first.upos not in ("NOUN", "PROPN", "X"):
        return []
    person = any(e.label == "PER" and e.span.start <= first.span.start < e.span.end for e in entities)
    return [first] if person or person_title_test(query.lex["actors"], query.lang)(first.text) else []


def _time_clause_owner(clause: Clause, trigger: Word, entities: Sequence[Entity], query: Query) -> Argument | None:
    """"رئيس الحكومة عند استقباله …": a noun trigger in a prepositional phrase
    that modifies a noun phrase belongs to that phrase (upon his receiving …)."""
    words = clause.words
    head = next((w for w in words if w.index == trigger.head), None)
    if head is not None and head.deprel in ("obj", "iobj") and head.upos not in ("VERB", "AUX"):
        head = next((w for w in words if w.index == head.head), None)  # "reached an agreement during its meeting": not the agreement's
    elif head is not None and head.deprel == "conj" and head.upos not in ("VERB", "AUX"):
        return None  # "talks with ministers during his visit": a conjunct of an object is not who "his" is
    if head is not None and head.upos in ("VERB", "AUX"):  # "… عند استقباله … لم يتحدث": the verb's subject
        head = _controlled_subject(words, head, query.lex["actors"]["infinitive_subjects"])
    in_phrase = any(w.head == trigger.index and w.deprel == "case" for w in clause.words)
    if head is None or not in_phrase or head.upos not in (*query.lex["syntax"]["phrase_upos"], "PROPN") or head not in clause.words[: clause.trigger]:
        return None  # the parse links them: the subject may stand before commas of its own apposition ("اللجنة، بالمجلس، خلال اجتماعها")
    named = subject_actor(clause, [head], entities, query)
    return named if isinstance(named, Argument) else noun_phrase(clause, head, query.lex, query.lang)


def _controlled_subject(words: Sequence[Word], verb: Word, marks: dict) -> Word | None:
    """The verb's subject; for an infinitive without one ("failed to reach"), the
    noun "for" introduces right before it ("plans for Funaro to meet"), else its governor's."""
    for _ in range(3):
        subject = next(iter(parse_subjects(words, verb)), None) or for_subject(words, verb, marks)
        if subject is not None or verb.deprel != "xcomp":
            return subject
        verb = next((w for w in words if w.index == verb.head), verb)
    return None


def _pair(clause: Clause, entities: Sequence[Entity], query: Query) -> Argument | None:
    """"talks between X and Y", "قمة بين X و Y": the first of the pair acts."""
    inside = clause_entities(entities, clause)
    pair = [e for e in inside if e.label in ("PER", "ORG", "LOC") and role_of(e.span.start, clause, query.lex["roles"], inside) == "pair"]
    return from_entity(pair[0], "entity") if pair else None
