"""Modality of an event mention: asserted, planned, negated or reported.

A negated or planned event is never asserted: "ولم يغادر" is not a departure,
"is expected to meet" is not a meeting. The cues are words of the language's
``events.toml`` looked for in the trigger's clause; the most telling one wins
(negated, then planned, then reported). A hypothetical event (under "if" or
"whether") counts as planned: not held, maybe never.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.entities.keys import normalize
from extractors.events.triggers import lemma_keys
from extractors.events.wordsets import normalized_set
from extractors.records import Word


def modality(words: Sequence[Word], trigger: int, clause: tuple[int, int], is_noun: bool, reported: bool, cues: dict) -> str:
    """The modality of the trigger at position ``trigger`` of ``words``.

    ``clause`` is the stretch of words before the trigger that may carry its
    cues — its clause, extended left over a complementizer so that "من المقرر
    أن يلتقي" and "is expected to meet" read as planned — as a half-open range
    of positions; ``reported`` says the trigger stands in the complement of a
    statement.
    """
    before = [w.text.casefold() for w in words[clause[0] : trigger]]
    if any(w in cues["negation"] for w in before):
        return "negated"
    if _planned(words, trigger, clause, is_noun, cues):
        return "planned"
    clause_words = {w.text.casefold() for w in words[clause[0] : clause[1]]}
    if reported or clause_words & set(cues["reported"]):
        return "reported"
    return "asserted"


def _planned(words: Sequence[Word], trigger: int, clause: tuple[int, int], is_noun: bool, cues: dict) -> bool:
    before = words[clause[0] : trigger]
    said = " " + " ".join(w.text.casefold() for w in before) + " "
    if any(f" {phrase} " in said for phrase in cues["planned_phrases"]):
        return True  # "is to meet", "is due to arrive", "من المنتظر أن يصل"
    if any(w.text.casefold() in cues["planned"] or (w.lemma or "").casefold() in cues["planned"]
           or w.text.casefold() in cues["hypothetical"] for w in before if not _argument_noun(w) and not _in_name(w)):
        return True  # hypothetical too: "if he visits", "asked whether … would accept a visit": maybe never held
    if not is_noun and _planned_governor(words, words[trigger], cues):
        return True  # "will spend two days in Washington before visiting …"
    previous = words[trigger - 1] if trigger > 0 else None
    if previous and previous.token_index == words[trigger].token_index and previous.text in cues["future_clitics"]:
        return True
    if is_noun:
        after = words[trigger + 1 : min(clause[1], trigger + 3)]
        return any(w.text in cues["planned_after_noun"] for w in after) or _planned_predicate(words, words[trigger], cues)
    return False


def _argument_noun(word: Word) -> bool:
    """A planning word that is a noun argument ("The plan was announced", "the
    plans, he said") names a plan; only a verb or an adjective plans ("plans to
    visit", "is expected to")."""
    return word.upos in ("NOUN", "PROPN") and word.deprel in ("nsubj", "nsubj:pass", "obj", "iobj")


def _in_name(word: Word) -> bool:
    """A capitalized word inside the sentence is part of a name or title
    ("Finance and Planning Minister"), not a cue (no effect on scripts without case)."""
    return word.index > 1 and word.text[:1].isupper()


def _planned_predicate(words: Sequence[Word], noun: Word, cues: dict) -> bool:
    """An event noun whose predicate plans it ("the summit is scheduled for
    November", "the visit will take place")."""
    if noun.deprel not in ("nsubj", "nsubj:pass") or noun.head in (None, 0):
        return False
    head = next((w for w in words if w.index == noun.head), None)
    related = [head] + [w for w in words if w.head == noun.head and w.deprel in ("aux", "aux:pass")]
    return any(w is not None and (w.text.casefold() in cues["planned"] or w.text in cues["planned_after_noun"]) for w in related)


#: Relations by which a non-finite verb shares the time of the verb it hangs on.
DEPENDENT_CLAUSES = ("advcl", "xcomp", "conj")


def _planned_governor(words: Sequence[Word], verb: Word, cues: dict) -> bool:
    """A non-finite verb with no auxiliary of its own ("before visiting",
    "and then to visit") happens when the verb it depends on does: planned
    when that verb has a planning auxiliary ("will spend … before visiting")."""
    feats = (verb.feats or "").split("|")
    if verb.deprel not in DEPENDENT_CLAUSES or "VerbForm=Fin" in feats or verb.head in (None, 0):
        return False
    if any(w.head == verb.index and w.deprel.startswith("aux") for w in words):
        return False
    return any(w.head == verb.head and w.deprel == "aux" and w.text.casefold() in cues["planned"] for w in words)


#: Event types whose verbs name a moment (achievements): their progressive is a schedule.
MOMENT_TYPES = ("departure", "arrival")


def scheduled_progressive(words: Sequence[Word], trigger: int, event_type: str) -> bool:
    """A departure or arrival in the progressive ("is leaving for Washington",
    "told reporters he was leaving") has not happened yet: the progressive of
    a verb that names a moment is a schedule, not a movement under way."""
    word = words[trigger]
    feats = (word.feats or "").split("|")
    if event_type not in MOMENT_TYPES or "VerbForm=Part" not in feats or "Tense=Pres" not in feats:
        return False
    return any(w.head == word.index and w.deprel == "aux" for w in words)


def put_off(words: Sequence[Word], position: int, lex: dict) -> str | None:
    """"postponed the meeting", "تأجيل الاجتماع": planned; "cancelled the visit",
    "إلغاء الزيارة": negated. Read on the verb whose object the event noun is,
    or the noun whose genitive it is (``modality.postponing`` / ``cancelling``)."""
    noun = words[position]
    if noun.deprel not in ("obj", "nsubj:pass", "nmod"):
        return None
    head = next((w for w in words if w.index == noun.head), None)
    if head is None:
        return None
    keys = lemma_keys(head, lex["syntax"], lex["lang"]) | {normalize(head.text, lex["lang"])}
    for verdict, cue in (("negated", "cancelling"), ("planned", "postponing")):
        if keys & normalized_set(tuple(lex["modality"].get(cue, ())), lex["lang"]):
            return verdict
    return None
