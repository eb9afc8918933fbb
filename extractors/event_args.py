"""Who, with whom, from where, to where: the arguments of an event trigger.

The dependency parse is used first (subject → actor; the subject of a light
verb — "held talks", "عقد محادثات" — or the possessor of an event noun for noun
triggers). Compact models parse Arabic poorly (LAS 66) and mis-tag foreign
names, so every argument also has a positional fallback inside the trigger's
clause, constrained by entity type and by the preposition in front of it
("إلى"/"to" → destination, "مع"/"with" → counterpart, "من"/"from" → origin,
"في"/"in" → location).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.entities import canonical
from extractors.event_parse import children, relative_antecedent, subtree_span
from extractors.records import Entity, Span, Word

#: Event types whose actor may be a place acting as a state ("Moscow said",
#: "وأكدت موسكو"); a place next to a movement verb is where, never who.
PLACE_ACTOR_TYPES = ("announcement", "meeting")
#: Words a preposition may stand before the name it governs across
#: ("with his Chinese counterpart Wang Yi", "مع نظيره الصيني وانغ يي").
MAX_PREP_GAP = 3
#: Words a title phrase may run before the name in apposition to it
#: ("وزير العلاقة مع الهيئات الدستورية … مهدي بن غربية").
MAX_APPOSITION_GAP = 12
_GAP_UPOS = ("NOUN", "ADJ", "PRON", "DET", "PROPN", "X", "NUM")


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

    def labels(self) -> list[str]:
        extra = self.lex["actors"]["adjacent_labels"] if self.event_type in PLACE_ACTOR_TYPES else []
        return self.lex["actors"]["labels"] + extra


def role_of(entity_start: int, clause: Clause, roles: dict, entities: Sequence[Entity] = ()) -> str | None:
    """The role its preposition gives a mention starting at ``entity_start``.

    Titles, possessives and adjectives may stand between the preposition and
    the name ("بالرئيس فلاديمير بوتين", "with his counterpart Wang Yi"), but
    not a verb, another preposition or another name.
    """
    before = [w for w in clause.words[: clause.end] if w.span.end <= entity_start]
    for gap, word in enumerate(reversed(before)):
        key = word.text.casefold()
        role = next((r for r, preps in roles.items() if key in preps), None)
        if role or gap >= MAX_PREP_GAP or word.upos not in _GAP_UPOS:
            return role
        if any(e.span.start < entity_start and e.span.overlaps(word.span) for e in entities):
            return None
    return None


def clause_entities(entities: Sequence[Entity], clause: Clause) -> list[Entity]:
    lo = clause.words[clause.start].span.start
    hi = clause.words[clause.end - 1].span.end
    return [e for e in entities if lo <= e.span.start and e.span.end <= hi]


def find_actor(clause: Clause, entities: Sequence[Entity], query: Query) -> Argument | str | None:
    """The actor, or ``"pronoun"`` when the subject is a pronoun to resolve."""
    if query.is_noun:
        found = _noun_actor(clause, entities, query)
        if found is not None:
            return found
    return _verb_actor(clause, entities, query)


def _verb_actor(clause: Clause, entities: Sequence[Entity], query: Query) -> Argument | str | None:
    actors, syntax, roles = query.lex["actors"], query.lex["syntax"], query.lex["roles"]
    trigger = clause.words[clause.trigger]
    inside = [e for e in clause_entities(entities, clause) if not e.span.overlaps(trigger.span)]
    free = [e for e in inside if role_of(e.span.start, clause, roles, inside) is None]
    in_clause = clause.words[clause.start : clause.end]
    subjects = [w for w in parse_subjects(clause.words, trigger) if w in in_clause]
    by_subject = _subject_actor(clause, subjects, entities, query)
    if by_subject is not None:
        return by_subject
    described = next((w for w in subjects if w.upos in syntax["phrase_upos"] and w.upos != "PROPN"), None)
    if described is not None:  # "the visiting Japanese delegation said": not "Japanese"
        return noun_phrase(clause, described, query.lex, query.lang)
    after = [e for e in free if e.span.start > trigger.span.start]
    before = [e for e in free if e.span.end <= trigger.span.start]
    adjacent = _adjacent_place(clause, free, actors["adjacent_labels"]) if query.event_type in PLACE_ACTOR_TYPES else []
    labels = actors["labels"]
    if syntax["actor_after_trigger_first"]:
        ordered = [_best(after[:2], labels), _best(adjacent, actors["adjacent_labels"]), _best(before[-2:][::-1], labels)]
    else:
        ordered = [_best(before[-3:][::-1], labels), _best(adjacent, actors["adjacent_labels"])]
        if query.is_statement:  # quote inversion: "..., said Lankov"
            ordered.append(_best(after[:1], labels))
    for found in ordered:
        if found:
            return _from_entity(found, "entity")
    before_words = clause.words[clause.start : clause.trigger]
    if any(w.text.casefold() in actors["pronouns"] for w in before_words):
        return "pronoun"
    if not query.is_statement or query.is_noun:
        return None  # only statements are made by described actors ("the ministry said")
    subject = subjects[0] if subjects else None
    return noun_phrase(clause, subject, query.lex, query.lang)


def _subject_actor(clause: Clause, subjects: Sequence[Word], entities: Sequence[Entity], query: Query) -> Argument | str | None:
    """The actor the parse names: a subject pronoun, the entity at the subject
    or in apposition to it ("Foreign Minister Wang Yi", "وزير الخارجية … بلينكن")."""
    pronouns = query.lex["actors"]["pronouns"]
    if any(w.upos == "PRON" and w.text.casefold() in pronouns for w in subjects):
        return "pronoun"
    labels = query.labels()
    people = [x for x in labels if x in ("PER", "ORG")]
    found: list[Entity] = []
    for subject in subjects:  # a bad parse may give several
        covering = [e for e in entities if e.span.start <= subject.span.start < e.span.end]
        if covering:
            found += covering
            continue
        lo, hi = subtree_span(clause.words, subject)
        named = _best([e for e in entities if e.span.start < hi and lo < e.span.end], people)
        named = named or _apposition(clause, hi, entities, labels, query.lex["roles"])
        found += [named] if named else []
    best = _best(found, labels)
    return _from_entity(best, "parse") if best else None


def _apposition(clause: Clause, end: int, entities: Sequence[Entity], labels: Sequence[str], roles: dict) -> Entity | None:
    """The PER/ORG name a subject phrase ends in ("المتحدث باسم الكرملين
    ديمتري بيسكوف", "Foreign Minister, Wang Yi"): the first one after it in
    the clause, with no verb between and no preposition of its own."""
    words = [w for w in clause.words[clause.start : clause.end] if w.span.start >= end][:MAX_APPOSITION_GAP]
    inside = clause_entities(entities, clause)
    for word in words:
        if word.upos in ("VERB", "AUX") or word is clause.words[clause.trigger]:
            return None
        named = next((e for e in inside if e.span.start == word.span.start and e.label in labels and e.label in ("PER", "ORG")), None)
        if named:
            return named if role_of(named.span.start, clause, roles, inside) is None else None
    return None


def _noun_actor(clause: Clause, entities: Sequence[Entity], query: Query) -> Argument | str | None:
    """Who holds a meeting or makes a visit named by a noun: the possessor
    ("Kinnock's trip", "زيارته"), else the subject of the verb it is the object
    of ("held talks", "who had talks" → the relative's antecedent)."""
    words, trigger = clause.words, clause.words[clause.trigger]
    labels = [x for x in query.labels() if x in ("PER", "ORG")]
    for child in children(words, trigger):
        if child.deprel not in ("nmod:poss", "nmod"):
            continue
        if child.upos == "PRON" and (child.deprel == "nmod:poss" or child.token_index == trigger.token_index):
            return "pronoun"  # "his visit", "زيارته"
        owner = _entity_at(child, entities, labels)
        if owner and role_of(owner.span.start, clause, query.lex["roles"], entities) is None:
            return _from_entity(owner, "parse")
    pair = _pair(clause, entities, query)
    if pair:
        return pair
    noun = _light_verb_object(words, trigger)
    head = next((w for w in words if w.index == noun.head), None)
    if head is None or noun.deprel != "obj" or head.upos not in ("VERB", "AUX"):
        return None
    in_clause = clause.words[clause.start : clause.end]
    for subject in parse_subjects(words, head):
        if subject.upos == "PRON" and (antecedent := relative_antecedent(words, head)) is not None:
            subject = antecedent
        named = _subject_actor(clause, [subject], entities, query)
        if named is not None:
            return named
        if subject.upos == "PRON":
            return "pronoun"
        if subject.upos in query.lex["syntax"]["phrase_upos"] and subject in in_clause:
            return noun_phrase(clause, subject, query.lex, query.lang)  # "the foreign ministers held talks"
    return None


def _light_verb_object(words: Sequence[Word], trigger: Word, depth: int = 2) -> Word:
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


def _pair(clause: Clause, entities: Sequence[Entity], query: Query) -> Argument | None:
    """"talks between X and Y", "قمة بين X و Y": the first of the pair acts."""
    inside = clause_entities(entities, clause)
    pair = [e for e in inside if e.label in ("PER", "ORG", "LOC") and role_of(e.span.start, clause, query.lex["roles"], inside) == "pair"]
    return _from_entity(pair[0], "entity") if pair else None


def _entity_at(word: Word, entities: Sequence[Entity], labels: Sequence[str]) -> Entity | None:
    return _best([e for e in entities if e.span.start <= word.span.start < e.span.end], labels)


def _best(entities: Sequence[Entity], labels: Sequence[str]) -> Entity | None:
    """The first entity with the most preferred label (labels in preference order)."""
    ranked = [e for e in entities if e.label in labels]
    return min(ranked, key=lambda e: labels.index(e.label), default=None)


def parse_subjects(words: Sequence[Word], head: Word) -> list[Word]:
    return [w for w in words if w.head == head.index and w.deprel in ("nsubj", "nsubj:pass")]


def _adjacent_place(clause: Clause, free: Sequence[Entity], labels: Sequence[str]) -> list[Entity]:
    """A state acting through its capital ("وأكدت موسكو", "Moscow said")."""
    trigger = clause.words[clause.trigger]
    neighbours = [w for w in clause.words if w.upos != "PUNCT"]
    i = neighbours.index(trigger)
    near = {w.span.start for w in neighbours[max(0, i - 1) : i + 2] if w is not trigger}
    return [e for e in free if e.label in labels and e.span.start in near][:1]


def noun_phrase(clause: Clause, subject: Word | None, lex: dict, lang: str) -> Argument | None:
    """A described actor ("وكالة الأنباء المركزية الكورية", "state media").

    With a parsed subject the phrase is its subtree without determiners
    ("نفى وزير الداخلية وجود …" → "وزير الداخلية", not the object after it);
    without one, Arabic takes the noun run after the verb.
    """
    syntax, words = lex["syntax"], clause.words
    if subject is not None and subject.upos in syntax["phrase_upos"]:
        start, end = _phrase_around(clause, subject, syntax["max_phrase_words"])
    elif syntax["actor_after_trigger_first"]:
        start = next(
            (i for i in range(clause.trigger + 1, clause.end) if words[i].upos in syntax["phrase_upos"] and words[i].token_index != words[i - 1].token_index),
            None,
        )
        if start is None or role_of(words[start].span.start, clause, lex["roles"]):
            return None
        end = start + 1
        while end < clause.end and end - start < syntax["max_phrase_words"] and words[end].upos in syntax["phrase_continue_upos"] and _continues(words, start, end):
            end += 1
    else:
        return None
    if start is None or any(w.span.overlaps(t) for w in words[start:end] for t in clause.times):
        return None
    span = Span(words[start].span.start, words[end - 1].span.end)
    surface = span.of(clause.text)
    return Argument(surface, canonical(surface, lang), span, None, "phrase")


def _continues(words: Sequence[Word], start: int, end: int) -> bool:
    """The next word belongs to the phrase: no parse, or attached inside it."""
    head = words[end].head
    if head is None or head == 0:
        return head is None
    return any(w.index == head for w in words[start:end]) or words[end].upos in ("X", "PROPN")


def _phrase_around(clause: Clause, subject: Word, limit: int) -> tuple[int | None, int]:
    words = clause.words
    at = words.index(subject)
    start, end = at, at + 1
    inside = {subject.index}
    while start > clause.start and words[start - 1].head in inside and words[start - 1].deprel in ("compound", "amod", "flat", "nmod", "nummod"):
        start -= 1
        inside.add(words[start].index)
    while end < clause.end and end - start < limit and end != clause.trigger and words[end].upos != "PUNCT" and words[end].head in inside | {w.index for w in words[at:end]}:
        end += 1
    return start, end


def _from_entity(entity: Entity, source: str) -> Argument:
    return Argument(entity.text, entity.resolved, entity.span, entity.label, source)


def find_places_and_counterpart(clause: Clause, entities: Sequence[Entity], event_type: str, actor: Argument | None, lex: dict) -> dict[str, Argument]:
    """Counterpart, origin, destination and location by preposition and type."""
    trigger = clause.words[clause.trigger]
    found: dict[str, Argument] = {}
    inside = clause_entities(entities, clause)
    ranked = sorted(inside, key=lambda e: (e.label == "MISC", e.span.start))
    for entity in ranked:
        if (actor and entity.span.overlaps(actor.span)) or entity.span.overlaps(trigger.span):
            continue
        role = role_of(entity.span.start, clause, lex["roles"], inside)
        after = entity.span.start > trigger.span.start
        role = _role_for_type(role, entity, event_type, after)
        if role and role not in found:
            found[role] = _from_entity(entity, "entity")
    return found


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
    """A movement verb whose object is not a place is not a movement."""
    if event_type not in MOVEMENT_TYPES:
        return False
    trigger = clause.words[clause.trigger]
    places = _place_noun_keys(lex["lang"], tuple(lex["syntax"]["place_nouns"]))
    for obj in (w for w in children(clause.words, trigger) if w.deprel == "obj" and w.upos in ("NOUN", "NUM")):
        named = any(e.label == "LOC" and e.span.start <= obj.span.start < e.span.end for e in entities)
        if not named and canonical(obj.lemma or obj.text, lex["lang"]) not in places:
            return True
    return False


@functools.cache
def _place_noun_keys(lang: str, nouns: tuple[str, ...]) -> frozenset[str]:
    """Canonical forms of the lexicon's place nouns, computed once per language."""
    return frozenset(canonical(noun, lang) for noun in nouns)


def tidy_entities(entities: Sequence[Entity], words: Sequence[Word], text: str, lex: dict, lang: str) -> list[Entity]:
    """Entity mentions as arguments need them.

    NER glues a neighbour into a name across a preposition ("ماكرون ببوتين"):
    names of people and places are cut at a preposition word of the roles.
    An English possessive ("Kinnock's") is not part of the name.
    """
    preps = {p for values in lex["roles"].values() for p in values}
    tidy: list[Entity] = []
    for entity in entities:
        cuts = [w for i, w in enumerate(words) if entity.label in ("PER", "LOC") and w.upos == "ADP" and w.text.casefold() in preps
                and entity.span.start < w.span.start and w.span.end < entity.span.end and _name_follows(words, i, entities, lang)]
        bounds = [entity.span.start] + [x for w in cuts for x in (w.span.start, w.span.end)] + [entity.span.end]
        for start, end in zip(bounds[::2], bounds[1::2]):
            part = _trimmed(Span(start, end), text)
            if part is not None:
                tidy.append(_part(entity, part, text, entities, lang) if part != entity.span else entity)
    return tidy


def _name_follows(words: Sequence[Word], i: int, entities: Sequence[Entity], lang: str) -> bool:
    """A preposition glued to the next word ("ببوتين") cuts a name only when
    what follows is itself a name (tagged so, or named elsewhere in the
    article); "بيسكوف" split as "ب يسكوف" by the tokenizer stays whole."""
    nxt = words[i + 1] if i + 1 < len(words) else None
    if nxt is None or nxt.token_index != words[i].token_index:
        return True
    key = canonical(nxt.text, lang)
    return nxt.upos in ("X", "PROPN") or any(f" {key} " in f" {e.resolved} " for e in entities if not e.span.contains(nxt.span))


def _trimmed(span: Span, text: str) -> Span | None:
    surface = span.of(text)
    stripped = surface.rstrip()
    for suffix in ("'s", "’s", "'"):
        if stripped.endswith(suffix) and len(stripped) > len(suffix):
            stripped = stripped[: -len(suffix)].rstrip()
            break
    lead = len(surface) - len(surface.lstrip())
    if not stripped.strip():
        return None
    return Span(span.start + lead, span.start + len(stripped))


def _part(entity: Entity, span: Span, text: str, entities: Sequence[Entity], lang: str) -> Entity:
    """A piece of an entity, resolved to a fuller name of the article it is part of."""
    surface = span.of(text)
    key = canonical(surface, lang)
    fuller = next((e.resolved for e in entities if e is not entity and f" {key} " in f" {e.resolved} "), key)
    return Entity(surface, entity.label, span, entity.sentence_index, key, fuller, entity.origin)
