"""Actors that survive parse errors.

Compact models often miss a verb's subject or build an implausible tree: a
name made the root with the verb hanging on it, or "met" parsed as a relative
clause of the noun before it ("Aart de Zeeuw, chairman of the group, met …").
Two fallbacks, both read on the tree and the entity mentions, never on words:

* a subordinate, coordinated or controlled predicate without a subject takes
  the subject of the predicate it depends on ("arrived in Rome before
  visiting the Pope", "left and headed to Rome");
* otherwise the nearest preceding PER/ORG mention of the clause — the
  clause taken back over commas of appositions to the previous verb or hard
  break — that is neither governed by a preposition nor an object: never an
  object, never a place.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.entities import canonical
from extractors.events.agents import is_title_word
from extractors.events.clause import Argument, Clause, from_entity, parse_subjects
from extractors.events.names import name_after_title_phrase
from extractors.events.phrases import noun_phrase
from extractors.events.tree import COMMAS
from extractors.events.wordsets import canonical_set
from extractors.records import Entity, Word

#: Predicates whose missing subject is their governor's.
CONTROLLED = ("advcl", "xcomp", "conj", "acl")
#: Relations of a name that is not the one acting.
NOT_ACTOR = ("obj", "iobj", "obl", "nmod", "nmod:poss", "obl:tmod")
ACTOR_LABELS = ("PER", "ORG")
#: Words after a complementizer its subject's name may start at (a first name NER missed: "أن ناجي جلول").
TOPIC_REACH = 2


def implausible(words: Sequence[Word], trigger: Word) -> bool:
    """A proper noun made the root with the event verb below it, or the verb
    made a modifier of a noun with no subject of its own (no relative word, no
    "officials" in "…, ministry officials told Reuters" misread as a relative)."""
    if trigger.head in (None, 0):
        return False
    root = next((w for w in words if w.head == 0), None)
    if root is not None and root.upos == "PROPN" and trigger.deprel not in ("conj",):
        return True
    if trigger.deprel in ("acl", "acl:relcl"):  # a verb with a subject of its own is a clause, however attached
        own_subject = any(w.head == trigger.index and w.deprel.startswith("nsubj") for w in words)
        return not own_subject and "VerbForm=Fin" in (trigger.feats or "")
    return False


def governor_subjects(words: Sequence[Word], trigger: Word, control_marks: Sequence[str] = (), infinitive_subjects: dict | None = None) -> list[Word]:
    """The subjects of the predicate a subjectless one depends on, up the chain
    of controlled predicates ("left and then headed to Rome"); first, those of
    a participle clause before it that the parse gave the shared subject ("X,
    speaking in Geneva on Tuesday, said": X is made the subject of "speaking").
    A governing verb with an object before a predicate marked by one of
    ``control_marks`` passes the object on ("quoted X as saying"): object
    control."""
    own = for_subject(words, trigger, infinitive_subjects or {})
    if own is not None:  # "plans for Funaro to meet": Funaro meets, not who has the plans
        return [own]
    fronted = [w for w in words if w.head == trigger.index and w.deprel == "advcl" and w.index < trigger.index
               and "VerbForm=Part" in (w.feats or "")]
    for participle in fronted:
        subjects = [w for w in parse_subjects(words, participle) if w.index < participle.index]
        if subjects:
            return subjects
    by_index = {w.index: w for w in words}
    node, seen = trigger, set()
    while node.deprel in CONTROLLED and node.head in by_index and node.index not in seen:
        seen.add(node.index)
        controlled, node = node, by_index[node.head]
        if node.upos not in ("VERB", "AUX", "NOUN", "ADJ"):
            return []
        objects = [w for w in words if w.head == node.index and w.deprel == "obj" and w.index < controlled.index]
        if objects and node.upos == "VERB" and any(w.head == controlled.index and w.deprel == "mark" and w.text.casefold() in control_marks for w in words):
            return objects[-1:]  # object control: "quoted X as saying": X said it
        subjects = parse_subjects(words, node)
        if subjects:
            return subjects
    return []


def nearest_preceding_actor(clause: Clause, entities: Sequence[Entity], lex: dict) -> Entity | None:
    """The nearest PER/ORG mention before the trigger, back over appositive
    commas to the previous verb or hard break, that is no object and has no
    preposition of its own."""
    words, trigger = clause.words, clause.words[clause.trigger]
    hard = set(lex["actors"]["hard_breaks"])
    start = clause.trigger
    while start > 0:
        word = words[start - 1]
        if word.text in hard or (word.upos in ("VERB", "AUX") and word.deprel not in ("amod", "acl")):
            break
        start -= 1
    lo = words[start].span.start if start < len(words) else trigger.span.start
    prepositions = {p for preps in lex["roles"].values() for p in preps} | set(lex["actors"]["governing_words"])
    candidates = [e for e in entities if lo <= e.span.start and e.span.end <= trigger.span.start and e.label in ACTOR_LABELS]
    for entity in sorted(candidates, key=lambda e: -e.span.start):
        head = head_word(words, entity)
        if head is None or _governed(words, entity, head, prepositions):
            continue
        if head.deprel in NOT_ACTOR and not (head.deprel == "nmod" and _apposed_before(words, entity, clause.trigger)):
            continue
        return entity
    return None


def _apposed_before(words: Sequence[Word], entity: Entity, trigger: int) -> bool:
    """The name is an apposition closed by the comma right before the verb
    ("The mission's head, Ana Costa, told the press"): whatever the
    parse hangs it on, the phrase it names is the verb's subject."""
    after = [w for w in words[:trigger] if w.span.start >= entity.span.end]
    return len(after) == 1 and after[0].upos == "PUNCT" and after[0].text in COMMAS


def head_word(words: Sequence[Word], entity: Entity) -> Word | None:
    inside = [w for w in words if entity.span.start <= w.span.start < entity.span.end]
    indices = {w.index for w in inside}
    return next((w for w in inside if w.head not in indices), None)


def _governed(words: Sequence[Word], entity: Entity, head: Word, prepositions: set[str]) -> bool:
    """A preposition of its own: a ``case`` dependent, or a preposition right before it."""
    if any(w.head == head.index and w.deprel == "case" for w in words):
        return True
    before = [w for w in words if w.span.end <= entity.span.start]
    return bool(before) and before[-1].text.casefold() in prepositions


def complement_topic(words: Sequence[Word], position: int, entities: Sequence[Entity], complementizers: Sequence[str], lang: str) -> tuple[int, Entity] | None:
    """The latest PER/ORG name right after a complementizer before ``position``
    ("غير أن ناجي جلول … لم يلتزم … وكشف … وقال"): the subject of that clause,
    which its later coordinated verbs without a subject continue. Returns its
    word position, to weigh against the previous event of the sentence."""
    keys = canonical_set(tuple(complementizers), lang)
    longest = max((len(c) for c in complementizers), default=0) + 1
    for at in range(position - 1, 0, -1):
        if len(words[at - 1].text) > longest or canonical(words[at - 1].text, lang) not in keys:
            continue
        starts = {w.span.start for w in words[at : min(at + TOPIC_REACH, position)] if w.upos not in ("VERB", "AUX")}
        named = next((e for e in entities if e.label in ACTOR_LABELS and e.span.start in starts), None)
        if named is not None:
            return at, named
    return None


def speaker_past_comma(clause: Clause, entities: Sequence[Entity], lex: dict, lang: str) -> Argument | None:
    """The speaker of "according to what … said" ("وفق ما أكده لإذاعة الجوهرة،
    الناطق باسم المحكمة، سامي الهمامي"): Arabic puts the subject of a statement
    verb after "ما" last, after its obliques and a comma, where the clause has
    ended and the parse rarely finds it. The person named after the title, else
    the title's phrase, else a name right after the comma; nothing past a verb."""
    words = clause.words
    before = words[clause.trigger - 1] if clause.trigger > 0 else None
    if before is None or before.text not in lex["actors"].get("relative_what", ()) or clause.end >= len(words):
        return None
    if words[clause.end].text not in COMMAS:
        return None
    comma = words[clause.end]
    rest = [w for w in words[clause.end + 1 :] if w.upos != "PUNCT" or w.text in COMMAS]
    if not rest or rest[0].upos in ("VERB", "AUX"):
        return None
    person = name_after_title_phrase(words, comma.span.end, entities, preposition=False)
    if person is not None and not any(w.upos in ("VERB", "AUX") for w in words if comma.span.end <= w.span.start < person.span.start):
        return from_entity(person, "parse")
    first = next((e for e in entities if e.span.start == rest[0].span.start and e.label in ("PER", "ORG")), None)
    if first is not None:
        return from_entity(first, "parse")
    if rest[0].upos not in lex["syntax"]["phrase_upos"]:
        return None
    tail = Clause(words, clause.trigger, clause.start, len(words), clause.text, clause.times)
    return noun_phrase(tail, rest[0], lex, lang)


def title_past_comma(clause: Clause, lex: dict, lang: str) -> Argument | None:
    """"قال علي قيقة، الناطق الرسمي باسم المحكمة، اليوم، إن": when the name after
    the verb is misread (here "علي" as the preposition "على"), the parse still
    makes the title in apposition after the comma the verb's subject. Only a
    title or office word right after the comma that closes the verb's clause,
    and only as the verb's parsed subject; its phrase runs to the next comma."""
    words = clause.words
    if clause.end + 1 >= len(words) or words[clause.end].text not in COMMAS:
        return None
    title = words[clause.end + 1]
    if title.head != words[clause.trigger].index or not title.deprel.startswith("nsubj"):
        return None
    if not is_title_word(title.text, lang, lex["actors"].get("travellers", ())):
        return None
    end = next((i for i in range(clause.end + 1, len(words)) if words[i].text in COMMAS), len(words))
    tail = Clause(words, clause.trigger, clause.end + 1, end, clause.text, clause.times)
    return noun_phrase(tail, title, lex, lang)


def for_subject(words: Sequence[Word], verb: Word, marks: dict) -> Word | None:
    """"for X to meet": the noun right before the infinitive's mark, in a phrase opened by a preposition
    of ``actors.infinitive_subjects`` (mark → prepositions)."""
    mark = next((i for i, w in enumerate(words) if w.head == verb.index and w.deprel == "mark" and w.text.casefold() in marks), None)
    if mark is None or mark == 0 or words[mark - 1].upos not in ("NOUN", "PROPN"):
        return None
    noun, by_index = words[mark - 1], {w.index: w for w in words}
    for _ in range(3):  # up the name to its head ("Dilson" → "Funaro")
        if any(w.head == noun.index and w.deprel == "case" and w.text.casefold() in marks[words[mark].text.casefold()] for w in words):
            return noun
        noun = by_index.get(noun.head)
        if noun is None or noun.upos not in ("NOUN", "PROPN"):
            return None
    return None
