"""Who acted: the actor of an event trigger.

The dependency parse is used first (subject → actor; the subject of a light
verb — "held talks", "عقد محادثات" — or the possessor of an event noun for noun
triggers). Compact models parse Arabic poorly (LAS 66) and mis-tag foreign
names, so every argument also has a positional fallback inside the trigger's
clause, constrained by entity type and by the preposition in front of it
("إلى"/"to" → destination, "مع"/"with" → counterpart, "من"/"from" → origin,
"في"/"in" → location).
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.entities import canonical
from extractors.events.clause import (
    PLACE_ACTOR_TYPES,
    Argument,
    NO_ACTOR,
    Clause,
    Query,
    best,
    clause_entities,
    from_entity,
    parse_subjects,
    role_of,
)
from extractors.events.agents import TRAVEL_TYPES, names_someone, person_words
from extractors.events.holders import document_issuer, unglued_issuer
from extractors.events.names import name_after_title_phrase
from extractors.events.fallback import governor_subjects, head_word, implausible, nearest_preceding_actor, speaker_past_comma, title_past_comma
from extractors.events.noun_actors import noun_actor
from extractors.events.phrases import described_agent, noun_phrase
from extractors.events.relative import relative_actor
from extractors.events.subjects import subject_actor
from extractors.events.tree import descendants, ends_right_before, passive_agents, possessor_clitic
from extractors.events.triggers import is_manner_word, lemma_listed, verbal_ending
from extractors.events.wordsets import canonical_set
from extractors.records import Entity, Span, Word


def find_actor(clause: Clause, entities: Sequence[Entity], query: Query) -> Argument | str | None:
    """The actor, or ``"pronoun"`` when the subject is a pronoun to resolve."""
    if query.is_statement and is_manner_word(query.lex)(clause.words[clause.trigger]):
        return _manner_speaker(clause, entities, query)
    attributive = attributive_head(clause.words, clause.trigger, clause.times)
    if attributive is not None:
        return _attributive_actor(clause, attributive, entities, query)
    if query.is_statement and _what_it_called(clause, query):
        return "pronoun"
    found = noun_actor(clause, entities, query) if query.is_noun else relative_actor(clause, entities, query)
    if found is None:
        found = _verb_actor(clause, entities, query)
    if isinstance(found, Argument) and found.label not in (None, "PER") and not query.is_noun and _hosts(clause, query):
        return NO_ACTOR  # "تستقبل تونس أول رحلة": a country or a company receiving flights or tourists meets no one
    return found


def _what_it_called(clause: Clause, query: Query) -> bool:
    """"أدان X ما اعتبره التهميش": after the relative "what", a verb of two
    objects with its object clitic has its subject dropped (he considered it
    marginalization): the noun after it is the second object, not the speaker."""
    words, actors = clause.words, query.lex["actors"]
    trigger = words[clause.trigger]
    if clause.trigger == 0 or words[clause.trigger - 1].text not in actors.get("relative_what", ()):
        return False
    if not lemma_listed(trigger, actors.get("two_object_verbs", ()), query.lex["syntax"], query.lang):
        return False
    return any(w.head == trigger.index and w.upos == "PRON" and w.token_index == trigger.token_index for w in words)


def _object_after_what(clause: Clause, query: Query) -> list[Word]:
    """"حسبما أكده الناطق …": after the relative "what", the verb's object is the pronoun that points
    back to it, so a noun the parse makes its object is its subject (not with a verb of two objects,
    :func:`_what_it_called`)."""
    words, actors = clause.words, query.lex["actors"]
    trigger = words[clause.trigger]
    if clause.trigger == 0 or words[clause.trigger - 1].text not in actors.get("relative_what", ()) or _what_it_called(clause, query):
        return []
    if lemma_listed(trigger, actors.get("two_object_verbs", ()), query.lex["syntax"], query.lang):
        return []
    return [w for w in words[clause.trigger + 1 : clause.end] if w.head == trigger.index and w.deprel == "obj" and w.upos == "NOUN"][:1]


def _hosts(clause: Clause, query: Query) -> bool:
    """The trigger is a verb of meeting by receiving someone (``actors.hosting_verbs``): only a person
    receives a guest; a described host must name one (a title), a named one be a person."""
    return lemma_listed(clause.words[clause.trigger], query.lex["actors"]["hosting_verbs"], query.lex["syntax"], query.lang)


def _manner_speaker(clause: Clause, entities: Sequence[Entity], query: Query) -> Argument | str | None:
    """"قررت الهيئة … مؤكدة": a circumstantial participle is said by the subject of the verb before it."""
    complementizers = set(query.lex["modality"]["complementizers"])  # "وبين أن تونس ستستقبل … مؤكدا": not the complement's subject
    opened = next((i for i, w in enumerate(clause.words) if w.text.casefold() in complementizers), clause.trigger)
    # Not a relative clause's verb ("القانون الذي سيتم تمريره … مؤكدا"): the participle describes the main subject.
    verb = next((w for w in reversed(clause.words[: min(opened, clause.trigger)]) if w.upos in ("VERB", "AUX") and w.deprel != "acl" and parse_subjects(clause.words, w)), None)
    subject = parse_subjects(clause.words, verb)[0] if verb is not None else None
    if subject is None:
        return None
    whole = Clause(clause.words, clause.words.index(verb), 0, len(clause.words), clause.text, clause.times)
    return subject_actor(whole, [subject], entities, query) or noun_phrase(whole, subject, query.lex, query.lang)


def attributive_head(words: Sequence[Word], trigger: int, times: Sequence[Span] = ()) -> Word | None:
    """The noun a participle trigger modifies ("a visiting Ghanaian
    delegation", "officials and visiting foreigners"): its head when parsed as
    a modifier, else — the parse often reads it as a verb or a compound — the
    noun after an active participle that follows a determiner, adjective or
    conjunction, where no clause can start. A time word before it starts no
    noun phrase, whatever its tag ("is today visiting Cairo": a progressive)."""
    word = words[trigger]
    if word.deprel == "amod":
        return next((w for w in words if w.index == word.head and w.upos in ("NOUN", "PROPN")), None)
    feats = set((word.feats or "").split("|"))
    if ("VerbForm=Part" not in feats or "Tense=Past" in feats) and not (word.upos == "NOUN" and word.deprel == "compound"):
        return None
    if trigger == 0 or words[trigger - 1].upos not in ("DET", "ADJ", "CCONJ"):
        return None
    if any(words[trigger - 1].span.overlaps(t) for t in times):
        return None
    after = [w for w in words[trigger + 1 : trigger + 4]]
    run = []
    for w in after:
        if w.upos not in ("NOUN", "PROPN", "ADJ"):
            break
        run.append(w)
    nouns = [w for w in run if w.upos in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else None


def _attributive_actor(clause: Clause, head: Word, entities: Sequence[Entity], query: Query) -> Argument | str:
    """What a participle says of the noun it modifies is done by that noun's
    referent: the phrase is the actor, never a name elsewhere in the clause. A
    phrase that names no one ("visiting foreigners") is a class of people, not
    an event."""
    trigger = clause.words[clause.trigger]
    if head.upos not in query.lex["syntax"]["phrase_upos"]:
        return NO_ACTOR
    lo, hi = sorted((trigger.span.start, head.span.end))
    if not any(lo <= e.span.start and e.span.end <= hi for e in entities if not e.span.overlaps(trigger.span)):
        return NO_ACTOR
    return noun_phrase(clause, head, query.lex, query.lang) or NO_ACTOR


def _verb_actor(clause: Clause, entities: Sequence[Entity], query: Query) -> Argument | str | None:
    actors, syntax, roles = query.lex["actors"], query.lex["syntax"], query.lex["roles"]
    trigger = clause.words[clause.trigger]
    inside = [e for e in clause_entities(entities, clause) if not e.span.overlaps(trigger.span)]
    free = [e for e in inside if role_of(e.span.start, clause, roles, inside) is None and not _modifier(clause.words, e)]
    in_clause = clause.words[clause.start : clause.end]
    broken = implausible(clause.words, trigger)
    subjects = [] if broken else [w for w in parse_subjects(clause.words, trigger) if w in in_clause or ends_right_before(clause.words, w, trigger)]
    subjects = passive_agents(clause.words, trigger, subjects)
    subjects = [w for w in subjects if w.text not in actors.get("relative_what", ())]  # "حسبما" is what was said, not who
    subjects = subjects or _auxiliary_subjects(clause, query) or _object_after_what(clause, query)
    if query.is_statement and any(lemma_listed(w, actors.get("evidence_nouns", ()), syntax, query.lang) for w in subjects):
        return NO_ACTOR  # "تفيد المعطيات الأولية أنه": the data indicate; nobody said it, not even the one before
    subjects = [w for w in subjects if not any(w.span.overlaps(t) for t in clause.times)]  # "يصل صباح غد": a time is no subject
    told = set(roles["recipient"])  # 'وقال لـ"X"': a noun under the preposition of the one told is never the subject
    subjects = [w for w in subjects if not any(d.head == w.index and d.deprel == "case" and d.text in told for d in clause.words)]
    issuers = [document_issuer(clause.words, w, query.lex, query.lang) for w in subjects] if query.is_statement else []
    subjects = [issuer or w for issuer, w in zip(issuers, subjects)] or subjects  # "أفاد بيان للوزارة": the ministry speaks
    if verbal_ending(trigger, syntax, query.lang):  # "ودعوا كل الأطراف": a verb before its subject is
        subjects = [w for w in subjects if w.span.end <= trigger.span.start]  # singular, so what follows is no subject
        if not subjects:
            group = _group_subject(clause, query)
            return subject_actor(clause, [group], entities, query) or "pronoun" if group else "pronoun"
    by_subject = subject_actor(clause, subjects, entities, query)
    if by_subject is not None:
        return by_subject
    if not subjects and not broken:  # "arrived in Rome before visiting the Pope": the governor's subject
        by_governor = subject_actor(clause, governor_subjects(clause.words, trigger, actors["control_marks"], actors["infinitive_subjects"]), entities, query)
        if by_governor is not None:
            return by_governor
    described = next((w for w in subjects if w.upos in syntax["phrase_upos"] and w.upos != "PROPN"), None)
    if described is not None:  # "the visiting Japanese delegation said": not "Japanese"
        phrase = noun_phrase(clause, described, query.lex, query.lang, before_times=described in issuers)
        someone = query.event_type in TRAVEL_TYPES or _hosts(clause, query)
        if phrase is not None and someone and not names_someone(phrase, entities, query.lang, actors["travellers"]):
            return NO_ACTOR  # "وصلت المادة", "the proposal leaves it little", "استقبل المستشفى": no one travelled or met
        return unglued_issuer(phrase, query.lex, query.lang) if phrase is not None and described in issuers else phrase
    after = [e for e in free if e.span.start > trigger.span.start and not _in_oblique(clause.words, trigger, e)]
    before = [e for e in free if e.span.end <= trigger.span.start and not _told(clause.words, e, query)]
    adjacent = _adjacent_place(clause, free, actors["adjacent_labels"]) if query.event_type in PLACE_ACTOR_TYPES else []
    labels = actors["labels"]
    if syntax["actor_after_trigger_first"]:
        ordered = [best(after[:2], labels), best(adjacent, actors["adjacent_labels"]), best(before[-2:][::-1], labels)]
    else:
        ordered = [best(before[-3:][::-1], labels), best(adjacent, actors["adjacent_labels"])]
        if query.is_statement and not _passive(clause.words, trigger):  # quote inversion: "..., said Lankov"
            told = lemma_listed(trigger, actors["recipient_verbs"], syntax, query.lang)  # "…, told a House subcommittee": the
            ordered.append(best([] if told else after[:1], labels))  # one told; never after a passive ("After the rule was criticized the FCC …")
    for found in ordered:
        if found:
            return from_entity(found, "entity")
    if not subjects and query.is_statement:
        past = speaker_past_comma(clause, entities, query.lex, query.lang) or title_past_comma(clause, query.lex, query.lang)
        if past is not None:  # "وفق ما أكده لـX، الناطق …، فلان"; "قال علي قيقة، الناطق …،"
            return past
    if not subjects and not syntax["actor_after_trigger_first"]:
        found = nearest_preceding_actor(clause, entities, query.lex)
        if found is not None:
            return from_entity(found, "entity")
    before_words = clause.words[clause.start : clause.trigger]
    if any(w.text.casefold() in actors["pronouns"] for w in before_words):
        return "pronoun"
    if not query.is_statement or query.is_noun:  # only statements are made by described actors ("the ministry said"),
        return None if query.is_noun else described_agent(clause, query.lex, query.lang)  # save a delegation
    subject = subjects[0] if subjects else None
    phrase = noun_phrase(clause, subject, query.lex, query.lang)
    if phrase is not None and subject is None and names_someone(phrase, (), query.lang, person_words(query.lex["actors"])):
        holder = name_after_title_phrase(clause.words, phrase.span.end, entities, preposition=False)
        return from_entity(holder, "parse") if holder is not None else phrase  # "أعلن رئيسها التنفيذي، بيار فاقو،"
    return phrase


def _told(words: Sequence[Word], entity: Entity, query: Query) -> bool:
    """"They told Reuters banks may decide at the routine meeting": the one told (the object of a verb of
    telling, ``actors.telling_verbs``) is no actor of what follows."""
    head = head_word(words, entity)
    if head is None or head.deprel not in ("obj", "iobj"):
        return False
    verb = next((w for w in words if w.index == head.head), None)
    return verb is not None and lemma_listed(verb, query.lex["actors"].get("telling_verbs", ()), query.lex["syntax"], query.lang)


def _auxiliary_subjects(clause: Clause, query: Query) -> list[Word]:
    """The subject of an auxiliary before the verb ("وكان المتحدث … قد أكد": the
    spokesman had said), which the parse gives to the auxiliary, not to the verb."""
    keys = canonical_set(tuple(query.lex["actors"]["subject_auxiliaries"]), query.lang)
    trigger = clause.words[clause.trigger]
    for word in reversed(clause.words[clause.start : clause.trigger]):
        if canonical(word.lemma or word.text, query.lang) in keys:
            return [w for w in parse_subjects(clause.words, word) if word.span.end <= w.span.start < trigger.span.start]
    return []


def _group_subject(clause: Clause, query: Query) -> Word | None:
    """The plural or coordinated subject of the nearest verb before a plural verb in its
    sentence ("وقدم كل من الرئيس … ورئيس الحكومة … تعازيهم وعبروا"): who "they" are."""
    words = clause.words
    verb = next((w for w in reversed(words[: clause.trigger]) if w.upos in ("VERB", "AUX")), None)
    for subject in parse_subjects(words, verb) if verb is not None else ():
        below = descendants(words, subject)
        if "Number=Plur" in (subject.feats or "") or any(w.index in below and w.deprel == "conj" for w in words):
            return subject
    return None


def _adjacent_place(clause: Clause, free: Sequence[Entity], labels: Sequence[str]) -> list[Entity]:
    """A state acting through its capital ("وأكدت موسكو", "Moscow said")."""
    trigger = clause.words[clause.trigger]
    neighbours = [w for w in clause.words if w.upos != "PUNCT"]
    i = neighbours.index(trigger)
    near = {w.span.start for w in neighbours[max(0, i - 1) : i + 2] if w is not trigger}
    return [e for e in free if e.label in labels and e.span.start in near][:1]


def _possessed(words: Sequence[Word], noun: Word | None) -> bool:
    """The noun carries a possessive pronoun in its own token ("تركيبتها")."""
    return noun is not None and any(possessor_clitic(w, noun) and w.token_index == noun.token_index for w in words)


def _modifier(words: Sequence[Word], entity: Entity) -> bool:
    """A name that is an adjective of a noun ("on Japanese imports"), or a nationality set before a common
    noun ("a visiting Ghanaian delegation"): it describes the noun, it does nothing."""
    inside = [w for w in words if entity.span.start <= w.span.start < entity.span.end]
    if inside and all(w.upos == "ADJ" and w.deprel == "amod" for w in inside):
        return True
    head = next((w for w in words if inside and w.index == inside[-1].head), None)
    return (entity.label == "MISC" and head is not None and head.upos == "NOUN" and head.span.start >= entity.span.end
            and inside[-1].deprel in ("amod", "compound"))


def _in_oblique(words: Sequence[Word], trigger: Word, entity: Entity) -> bool:
    """The name lies inside a prepositional phrase of the verb ('أضاف في برنامج "X"'):
    the dependent of the trigger it hangs from has a preposition of its own."""
    by_index = {w.index: w for w in words}
    word = next((w for w in words if entity.span.start <= w.span.start < entity.span.end), None)
    head = by_index.get(word.head) if word is not None else None
    if head is not None and head.head == trigger.index and _possessed(words, head) \
            and words.index(word) == max(i for i, w in enumerate(words) if w.token_index == head.token_index) + 1:
        return False  # "أعلن عن تركيبتها يوسف الشاهد": a noun with a possessive clitic takes no genitive; the name right after is the subject
    seen: set[int] = set()
    while word is not None and word.head not in (None, 0) and word.index not in seen:
        seen.add(word.index)
        if word.head == trigger.index:
            return any(w.head == word.index and w.deprel == "case" for w in words)
        word = by_index.get(word.head)
    return False


def _passive(words: Sequence[Word], trigger: Word) -> bool:
    """The verb is passive ("was criticized"): no name after it is its doer by inversion."""
    return "Voice=Pass" in (trigger.feats or "") and any(w.head == trigger.index and w.deprel == "aux:pass" for w in words)
