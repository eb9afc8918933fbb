"""Actors of relative clauses: the trigger of a clause that modifies a noun
takes that noun as its actor.

Two forms, read on words and morphology so that a parse error does not lose them:

* a relative word (``actors.relative_words``: "الذي", "التي" …) right before
  the verb, which is then its subject ("ياسين إبراهيم، الذي اتهمه بالفساد"),
  unless the verb disagrees with it in gender or has a subject of its own
  ("التحوير الذي أعلنت عنه رئاسة الحكومة": the presidency announced it);
* an indefinite noun followed by a finite verb that agrees with it, an
  attributive clause without a relative word ("سائحة بريطانية زارت تونس");
* a delegation or committee (``actors.described_agents``), indefinite, whose
  adjectives a finite verb follows ("وفد برلماني فرنسي زار سوريا"): a clearly
  described actor of any event type, as after a verb (phrases.described_agent),
  its phrase running from the noun.

The antecedent is the nearest person or organization named back to the
previous verb (appositions and one comma allowed: "فتحي بسباس، نائب رئيس
النادي الذي أكد"; a person first after ``actors.person_relatives``: "who"),
else the noun phrase before the relative word, which acts only in statements:
a described traveller is no actor of ours.

Where the subject comes before its verb, the verb right after the comma that
closes a relative clause set off by commas also has the antecedent as its
subject ("Seixas, who met … Lloyds Bank Plc, told the banks"): the parse
often makes the clause's last name that subject.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.entities import canonical
from extractors.events.agents import names_someone, person_words
from extractors.events.clause import NO_ACTOR, Argument, Clause, Query, from_entity, parse_subjects
from extractors.events.wordsets import canonical_set
from extractors.records import Entity, Span, Word

#: Words a relative clause's verb may have before it ("الذي لم يزر", "التي قد").
_BEFORE_VERB_UPOS = ("PART", "AUX")
#: Words looked at back from the relative word for its antecedent.
ANTECEDENT_WINDOW = 8
#: Adjectives a described agent may have before its attributive verb ("وفد برلماني فرنسي زار").
MAX_ADJECTIVES = 4


def relative_actor(clause: Clause, entities: Sequence[Entity], query: Query) -> Argument | str | None:
    """The antecedent of the relative clause the trigger heads, :data:`NO_ACTOR`
    when it is one nobody acts as, or ``None`` when the trigger heads none."""
    words, trigger = clause.words, clause.words[clause.trigger]
    actors = query.lex["actors"]
    closing = _closed_relative(clause, actors) if not query.lex["syntax"]["actor_after_trigger_first"] else None
    if closing is not None:
        found = _closing_antecedent(clause, closing, entities, query)
        if found is not None:
            return found
    at = _relative_word(clause, actors)
    if at is not None:
        gender = actors["relative_words"][words[at].text]
        if not _agrees(trigger, gender) or _own_subject(clause, entities):
            return None
        end = at
    elif (agent := _described_antecedent(words, clause.trigger, actors, query.lang)) is not None:
        span = Span(words[agent].span.start, words[clause.trigger - 1].span.end)
        surface = span.of(clause.text)
        return Argument(surface, canonical(surface, query.lang), span, None, "phrase")
    elif _attributive(words, clause.trigger, clause.times, query.lex["syntax"]["clause_breaks"]):
        end = clause.trigger
    else:
        return None
    named = _named_antecedent(words, end, entities, actors["hard_breaks"], _person_first(words, end - 1, actors))
    if named is not None:
        return from_entity(named, "entity")
    phrase = _phrase_before(clause, end, query)
    if not query.is_statement:  # a described traveller only: "a Japanese team that left for Washington"
        return phrase if phrase is not None and names_someone(phrase, (), query.lang, tuple(actors["travellers"])) else NO_ACTOR
    if phrase is not None and not names_someone(phrase, entities, query.lang, person_words(actors)):
        # "يواصل إضراب الجوع الذي قال إنه": the strike he said …; no one is named before "الذي". With no
        # relative word, a thing before the verb makes it an adjectival passive: "دون اشكال يذكر" (worth mentioning)
        return "pronoun" if at is not None else NO_ACTOR
    return phrase or NO_ACTOR


def _relative_word(clause: Clause, actors: dict) -> int | None:
    words, relative_words = clause.words, actors["relative_words"]
    at = clause.trigger - 1
    between = set(actors["relative_between"])
    while at >= 0 and (words[at].upos in _BEFORE_VERB_UPOS or words[at].text in between) and words[at].text not in relative_words:
        at -= 1
    return at if at >= 0 and words[at].text in relative_words else None


def _closing_antecedent(clause: Clause, closing: int, entities: Sequence[Entity], query: Query) -> Argument | None:
    """Who the verb after a closed relative clause is said of: a common noun right before the clause
    ("the group, which also includes …, said") for a statement, else the nearest name back from it,
    else for a statement the phrase before it (a name NER missed: "S-K-I, which owns …, said")."""
    words, actors = clause.words, query.lex["actors"]
    before = words[closing - 1]
    unnamed = before.upos == "NOUN" and not any(e.span.overlaps(before.span) for e in entities)
    named = None if unnamed else _named_antecedent(words, closing, entities, actors["hard_breaks"], _person_first(words, closing, actors))
    if named is not None:
        return from_entity(named, "entity")
    return _phrase_before(clause, closing, query) if query.is_statement else None


def _closed_relative(clause: Clause, actors: dict) -> int | None:
    """The position of the comma opening a relative clause (", who …,") that the comma right before the
    trigger closes, or ``None``."""
    words, relative_words = clause.words, actors["relative_words"]
    at = clause.trigger - 1
    while at >= 0 and (words[at].upos in _BEFORE_VERB_UPOS or words[at].text in actors["relative_between"]):
        at -= 1
    if at < 2 or words[at].text != ",":
        return None
    opening = next((i for i in range(at - 1, 0, -1) if words[i].text == "," or words[i].text in actors["hard_breaks"]), None)
    return opening if opening is not None and words[opening].text == "," and words[opening + 1].text in relative_words else None


def _person_first(words: Sequence[Word], before: int, actors: dict) -> bool:
    """Whether the relative word after ``before`` refers to a person ("who")."""
    return before + 1 < len(words) and words[before + 1].text in actors.get("person_relatives", ())


def _agrees(verb: Word, gender: str) -> bool:
    feats = dict(f.split("=", 1) for f in (verb.feats or "").split("|") if "=" in f)
    return not gender or "Gender" not in feats or feats["Gender"] == gender


def _own_subject(clause: Clause, entities: Sequence[Entity]) -> bool:
    """A subject after the verb: by the parse, or a name right after it."""
    words, trigger = clause.words, clause.words[clause.trigger]
    if any(w.upos != "PRON" and w.span.start > trigger.span.start for w in parse_subjects(words, trigger)):
        return True
    following = [w for w in words[clause.trigger + 1 : clause.end] if w.token_index != trigger.token_index][:1]
    return any(e.label in ("PER", "ORG") and e.span.start == w.span.start for w in following for e in entities)


def _attributive(words: Sequence[Word], position: int, times: Sequence[Span], breaks: Sequence[str] = ()) -> bool:
    """An indefinite noun right before a finite verb agreeing with it; not a word that opens a clause
    of its own, whatever its tag ("حسبما أكده": according to what he affirmed)."""
    if position == 0:
        return False
    verb, noun = words[position], words[position - 1]
    if verb.token_index == noun.token_index or noun.upos not in ("NOUN", "ADJ") or verb.upos != "VERB" or noun.text in breaks:
        return False
    noun_feats = set((noun.feats or "").split("|"))
    if "Definite=Ind" not in noun_feats or any(noun.span.overlaps(t) for t in times):
        return False
    gender = next((f.split("=")[1] for f in noun_feats if f.startswith("Gender=")), "")
    return _agrees(verb, gender)


def _described_antecedent(words: Sequence[Word], position: int, actors: dict, lang: str) -> int | None:
    """The position of an indefinite described agent right before the finite verb at ``position``,
    with only adjectives between ("وفد برلماني فرنسي زار"). Read on words, not on the parse: the
    tagger often takes "وفد" for an adjective and the verb for a conjunct."""
    verb, agents = words[position], canonical_set(tuple(actors["described_agents"]), lang)
    if verb.upos != "VERB" or position == 0 or words[position - 1].token_index == verb.token_index:
        return None
    for at in range(position - 1, max(-1, position - 1 - MAX_ADJECTIVES), -1):
        noun = words[at]
        if canonical(noun.lemma or noun.text, lang) in agents:
            if "Definite=Def" in (noun.feats or "") or (at > 0 and words[at - 1].token_index == noun.token_index):
                return None  # "الوفد", "بوفد": a defined or governed noun is no new clause's subject
            gender = next((f.split("=")[1] for f in (noun.feats or "").split("|") if f.startswith("Gender=")), "")
            return at if _agrees(verb, gender) else None
        if noun.upos not in ("ADJ", "X"):
            return None
    return None


def _named_antecedent(words: Sequence[Word], end: int, entities: Sequence[Entity], hard_breaks: Sequence[str],
                      person_first: bool = False) -> Entity | None:
    """The nearest PER/ORG name ending back from ``end`` to the previous verb or
    hard break; the nearest person when ``person_first`` and one is there."""
    start = end
    while start > 0 and end - start < ANTECEDENT_WINDOW:
        word = words[start - 1]
        if word.upos in ("VERB", "AUX") or word.text in hard_breaks:
            break
        start -= 1
    if start == end:
        return None
    lo, hi = words[start].span.start, words[end - 1].span.end
    found = [e for e in entities if e.label in ("PER", "ORG") and lo < e.span.end <= hi]  # the window may cut a name's start
    if person_first:
        found = [e for e in found if e.label == "PER"] or found
    return max(found, key=lambda e: e.span.start, default=None)


def _phrase_before(clause: Clause, end: int, query: Query) -> Argument | None:
    """The noun phrase that ends at ``end``: a run of nouns and adjectives
    back to a preposition, verb or punctuation, starting with a noun."""
    syntax, words = query.lex["syntax"], clause.words
    start = end
    upos = set(syntax["phrase_upos"]) | set(syntax["phrase_continue_upos"])
    while start > 0 and end - start < syntax["max_phrase_words"] and words[start - 1].upos in upos:
        start -= 1
    while start < end and words[start].upos not in syntax["phrase_upos"]:
        start += 1
    if start == end or any(w.span.overlaps(t) for w in words[start:end] for t in clause.times):
        return None
    span = Span(words[start].span.start, words[end - 1].span.end)
    surface = span.of(clause.text)
    return Argument(surface, canonical(surface, query.lang), span, None, "phrase")
