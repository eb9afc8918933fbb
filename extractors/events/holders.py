"""Who holds an event named by a noun: the parse shapes around it.

``actors`` decides which entity or phrase is the actor; these helpers say
which verb takes the event noun as its object ("held talks", "had nine hours
of talks", "عقد اجتماعا"), whether that verb is a light verb that lends its
subject to the noun, and when the definite noun after the event noun holds it
("اجتماع اللجنة") rather than undergoes it ("استقبال الطلبة"), and who issued a
document-like statement noun ("بلاغ لوزارة الداخلية").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extractors.entities import canonical
from extractors.events.clause import Argument, Clause, Query, parse_subjects
from extractors.events.triggers import lemma_listed
from extractors.events.wordsets import canonical_set
from extractors.events.tree import descendants, subtree_span
from extractors.records import Entity, Word

#: A definite noun, or one in the construct state, which its genitive makes definite ("وزير المالية").
DEFINITE_FEATS = ("Definite=Def", "Definite=Cons", "Definite=Red")


def verb_with_subject(words: Sequence[Word], trigger: Word) -> Word | None:
    """The verb whose object the event noun is, when that verb has a subject.
    An oblique without a preposition counts as the object: the parse gives
    that relation to an accusative noun after a time word ("عقدت اللجنة يوم
    الأحد اجتماعا"), and no preposition means no other role."""
    noun = light_verb_object(words, trigger)
    head = next((w for w in words if w.index == noun.head), None)
    bare = noun.deprel == "obl" and not any(w.head == noun.index and w.deprel == "case" for w in words)
    if head is None or (noun.deprel != "obj" and not bare) or head.upos not in ("VERB", "AUX") or not parse_subjects(words, head):
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
    return lemma_listed(verb, query.lex["syntax"]["light_verbs"], query.lex["syntax"], query.lang)


def genitive_holder(clause: Clause, child: Word, query: Query) -> bool:
    """The definite common noun right after the event noun, with no preposition
    of its own. Never a time word: "اجتماعا يوم الأحد" is the meeting's day
    (the construct state of "يوم" reads as definite), not who held it."""
    if any(child.span.overlaps(t) for t in clause.times):
        return False
    at = clause.words.index(child)
    trigger = clause.words[clause.trigger]
    patients = canonical_set(tuple(query.lex["actors"]["genitive_patient_nouns"]), query.lang)
    if canonical(trigger.lemma or trigger.text, query.lang) in patients:
        return False  # "استقبال الطلبة": the students are received, they hold nothing
    if at == clause.trigger + 1 and described_agent_word(child, query):
        return True  # "زيارة وفد سوري": a delegation after any event noun is who holds it, even indefinite
    if any(trigger.text.startswith(a) for a in query.lex.get("senses", {}).get("articles", ())):
        return False  # "وتناول اللقاء مشاغل القطاع", "خلال هذا اللقاء إقالة": a noun written with the article heads no genitive
    definite = any(f in (child.feats or "") for f in DEFINITE_FEATS)  # "اللجنة", or a title in the construct state: "وزير المالية"
    return (query.event_type in query.lex["actors"]["genitive_holder_types"] and at == clause.trigger + 1 and child.upos == "NOUN"
            and definite and not any(w.head == child.index and w.deprel == "case" for w in clause.words))


def holder_after_preposition(clause: Clause, child: Word, query: Query) -> bool:
    """A plural common noun after one of ``actors.holder_prepositions`` ("the
    meeting of six major industrial nations", "a meeting of shareholders"):
    the group that holds the event. A singular one is what it is about
    ("talks of a merger"); a time is never a holder ("a meeting of two hours").
    The preposition follows the noun: "talks … because of rising sentiments" holds no one."""
    marks, right_after = query.lex["actors"]["holder_prepositions"], clause.words[clause.trigger + 1 : clause.trigger + 2]
    return (query.event_type in query.lex["actors"]["genitive_holder_types"] and child.upos == "NOUN"
            and "Number=Plur" in (child.feats or "") and not any(child.span.overlaps(t) for t in clause.times)
            and any(w.head == child.index and w.deprel == "case" and w.text.casefold() in marks for w in right_after))


def described_agent_word(word: Word, query: Query) -> bool:
    """A delegation, committee or mission (``actors.described_agents``): a clearly described actor."""
    return canonical(word.lemma or word.text, query.lang) in canonical_set(tuple(query.lex["actors"]["described_agents"]), query.lang)


def gathers(clause: Clause, child: Word, query: Query) -> bool:
    """A verb of bringing together right after a meeting noun ("لقاء جمعه بالمرزوقي": a meeting that
    brought him together with X), which the tagger often reads as the noun's genitive: its object,
    not the verb, holds the meeting (``actors.gathering_verbs``)."""
    return clause.words.index(child) == clause.trigger + 1 and lemma_listed(child, query.lex["actors"]["gathering_verbs"], query.lex["syntax"], query.lang)


def name_in_genitive(clause: Clause, child: Word, entities: Sequence[Entity]) -> Entity | None:
    """The person or organization a genitive phrase names ("تصريحات وزير المالية أحمد العلوي"
    → "أحمد العلوي"), when the recognizer did not take in its title: the first one in its subtree."""
    lo, hi = subtree_span(clause.words, child)
    return next((e for e in entities if lo <= e.span.start < hi and e.label in ("PER", "ORG")), None)


def issued_by(clause: Clause, child: Word, query: Query) -> bool:
    """The issuer of a communique or statement (``issued_nouns``): the noun after
    ``issuer_prepositions`` hanging from it ("بلاغ لوزارة الداخلية", "بيان صادر عن
    الرئاسة"). A document has an issuer; its ل is never the one told."""
    return issued_document(clause.words[clause.trigger], query.lex, query.lang) and _issuer_marked(clause.words, child, query.lex)


def _issuer_marked(words: Sequence[Word], word: Word, lex: dict) -> bool:
    """A noun with one of ``actors.issuer_prepositions`` of its own: who a document comes from."""
    marks = {m.casefold() for m in lex["actors"].get("issuer_prepositions", ())}
    return word.upos in ("NOUN", "PROPN", "X") and any(c.head == word.index and c.deprel == "case" and c.text.casefold() in marks for c in words)


def issued_document(word: Word, lex: dict, lang: str) -> bool:
    """A communique or statement noun (``actors.issued_nouns``)."""
    return canonical(word.lemma or word.text, lang) in canonical_set(tuple(lex["actors"].get("issued_nouns", ())), lang)


def document_issuer(words: Sequence[Word], document: Word, lex: dict, lang: str) -> Word | None:
    """Who issued a document that is the subject of a statement verb ("أفاد بيان للوزارة", "قال بيان
    صادر عن الرئاسة", "a statement from the ministry said"): the first noun of its phrase under an
    issuer preposition. A document says what its issuer says; the issuer is the speaker."""
    if not issued_document(document, lex, lang):
        return None
    below = descendants(words, document)
    return next((w for w in words if w.index in below and _issuer_marked(words, w, lex)), None)


def unglued_issuer(phrase: Argument, lex: dict, lang: str) -> Argument:
    """An issuer's phrase without the preposition written onto it ("للوزارة" → "الوزارة": ل before
    the article drops its alif), by the language's ``actors.issuer_glued`` rewrites."""
    for glued, written in lex["actors"].get("issuer_glued", ()):
        if phrase.text.startswith(glued) and len(phrase.text) > len(glued) + 1:
            text = written + phrase.text[len(glued):]
            return replace(phrase, text=text, resolved=canonical(text, lang))
    return phrase


#: Words a document noun's issuer phrase may stand after: the participle "issued" and time words ("بيان صادر اليوم عن").
MAX_ISSUER_GAP = 6


def issuer_after(clause: Clause, query: Query) -> Word | None:
    """The issuer of a document noun found on the surface when the parse hung it
    elsewhere ("بيان صادر اليوم الثلاثاء عن الخارجية الفرنسية", the issuer
    under the time word): the first noun after the document, within a few
    words, that an issuer preposition introduces. Only the participle "issued"
    (``actors.issuing_participles``) and time words may stand between."""
    words, trigger = clause.words, clause.words[clause.trigger]
    if not issued_document(trigger, query.lex, query.lang) or "Number=Plur" in (trigger.feats or ""):
        return None  # "بيانات" is data far more often than statements
    issuing = canonical_set(tuple(query.lex["actors"].get("issuing_participles", ())), query.lang)
    for word in words[clause.trigger + 1 : min(clause.end, clause.trigger + 1 + MAX_ISSUER_GAP)]:
        if _issuer_marked(words, word, query.lex):
            return word
        timed = any(word.span.overlaps(t) for t in clause.times)
        if not (timed or word.deprel == "case" or canonical(word.lemma or word.text, query.lang) in issuing):
            return None  # "هذا البيان منافيا لقرارات": only "issued" and the day may stand between
    return None
