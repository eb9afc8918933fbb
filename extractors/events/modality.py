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
from extractors.events.attach import governor
from extractors.events.dates import predicates_of
from extractors.events.draft import Draft
from extractors.events.fallback import for_subject
from extractors.events.tree import children
from extractors.events.triggers import lemma_keys, lemma_listed
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
    if any(w in cues["negation"] for w in before) and not (is_noun and _presupposed(words, words[trigger], cues)):
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


def _presupposed(words: Sequence[Word], noun: Word, cues: dict) -> bool:
    """An event noun in an adjunct of time or occasion ("failed to agree during
    its meeting", "لم تتوصل خلال اجتماعها إلى اتفاق") took place: the clause's
    negation denies its predicate, not the meeting it happened at."""
    prepositions = set(cues.get("presupposing_prepositions", ()))
    return any(w.head == noun.index and w.deprel == "case" and w.text.casefold() in prepositions for w in words)


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


def governed_modality(words: Sequence[Word], position: int, is_noun: bool, lex: dict) -> str | None:
    """What the word governing the event makes of it, or ``None``.

    * An event noun put off or called off ("postponed the meeting", "تأجيل
      الاجتماع": planned; "cancelled the visit", "إلغاء الزيارة": negated),
      refused ("رفض لقاء", "rejected talks": negated) or only intended
      ("طلب لقاء", "sought talks": planned), read on the verb whose object it
      is or the noun whose genitive it is; through a light verb too ("قرر عقد
      اجتماع", "agreed to hold talks").
    * A verb in an infinitive or subjunctive complement ("hopes to visit",
      "asked to meet", "قرر أن يزور"): a complement states no fact of its own,
      so the event is planned, unless its governor implies it took place
      ("managed to meet", "went on to visit", "استطاع أن يلتقي":
      ``modality.factual``) or that it did not ("refused to meet", "failed to",
      "رفض أن يلتقي": ``modality.refusing``).
    """
    word = words[position]
    if not is_noun and for_subject(words, word, lex["actors"]["infinitive_subjects"]) is not None:
        return "planned"  # "plans for Funaro to meet": an infinitive with a subject of its own states no fact
    if is_noun:
        governor = _governor(words, word, NOUN_LINKS)
        if governor is not None and governor.upos == "VERB" and _has_preposition(words, word, lex["modality"].get("sought_prepositions", ())) \
                and _listed(governor, "intending", lex):
            return "planned"  # "دعا رئيس الحكومة للإعلان عن", "called for talks": what is called for has not happened
        if governor is None or (governor.upos == "VERB" and (_has_preposition(words, word) or _object_before_verb(word, governor))):
            return None  # "قررت … عقب اجتماع اللجنة": after the meeting; "A meeting … failed": its subject, misparsed
        verdict = _governor_verdict(governor, lex)
        if verdict is not None or not lemma_listed(governor, lex["syntax"]["light_verbs"], lex["syntax"], lex["lang"]):
            return verdict
        if governor.upos != "VERB":  # a light verb's noun ("قرر عقد اجتماع")
            over = _governor(words, governor, NOUN_LINKS)
            return _governor_verdict(over, lex) if over is not None else None
        word = governor  # "agreed to hold talks": what governs the light verb
    return _complement_verdict(words, word, lex)


#: Relations of an event noun to the verb or noun that can put it off, refuse or intend it: an
#: object, also an accusative one the parser calls oblique ("رفض لقاء"); one with a preposition of
#: its own is an adjunct of the verb (:func:`_has_preposition`).
NOUN_LINKS = ("obj", "obl", "nsubj:pass", "nmod")


def _governor(words: Sequence[Word], word: Word, links: Sequence[str]) -> Word | None:
    if word.deprel not in links or word.head in (None, 0):
        return None
    return next((w for w in words if w.index == word.head), None)


def _object_before_verb(noun: Word, verb: Word) -> bool:
    """An object parsed before its verb: in news (English, Arabic) it is the verb's misparsed subject."""
    return noun.deprel in ("obj", "obl") and noun.index < verb.index


def _has_preposition(words: Sequence[Word], noun: Word, only: Sequence[str] = ()) -> bool:
    return any(w.head == noun.index and w.deprel == "case" and (not only or w.text.casefold() in only) for w in words)


def _complement_verdict(words: Sequence[Word], verb: Word, lex: dict) -> str | None:
    if not _complement(words, verb, lex["modality"]):
        return None
    governor = _governor(words, verb, lex["modality"]["complement_relations"])
    if governor is None or governor.upos != "VERB":
        return None  # "is likely to", "the first to visit": the adjective's own cues decide
    verdict = _governor_verdict(governor, lex)
    if verdict is not None or _listed(governor, "factual", lex):
        return verdict
    return "planned"


def _governor_verdict(governor: Word, lex: dict) -> str | None:
    for verdict, cue in (("negated", "cancelling"), ("negated", "refusing"), ("planned", "postponing"), ("planned", "intending")):
        if _listed(governor, cue, lex):
            return verdict
    return None


def _listed(word: Word, cue: str, lex: dict) -> bool:
    keys = lemma_keys(word, lex["syntax"], lex["lang"]) | {normalize(word.text, lex["lang"])}
    return bool(keys & normalized_set(tuple(lex["modality"].get(cue, ())), lex["lang"]))


def _complement(words: Sequence[Word], verb: Word, cues: dict) -> bool:
    """An infinitive or subjunctive complement: the verb's only marks are the
    language's complement marks ("to", "أن"), it has the complement's form
    (``complement_feats``: "VerbForm=Inf", "Aspect=Imp"), the mark stands
    right before it ("أن يزور"; not "أن الوزير يزور", which states a fact) and it has no auxiliary
    ("is believed to have met" is a report of a past event, not a plan)."""
    if verb.deprel not in cues.get("complement_relations", ()):
        return False
    if not set(cues.get("complement_feats", ())) <= set((verb.feats or "").split("|")):
        return False
    below = children(words, verb)
    marks = [w for w in below if w.deprel == "mark"]
    return (bool(marks) and all(m.text.casefold() in cues["complement_marks"] for m in marks)
            and marks[-1].index == verb.index - 1 and not any(w.deprel.startswith("aux") for w in below))


def plans_below(drafts: Sequence[Draft]) -> None:
    """An event noun that depends on a planned event is part of the plan
    ("would leave on Monday to attend the IMF meeting and for talks with U.S.
    officials", "will visit Rome during a trip to Europe"): planned, unless a
    date of its own says when it is. Run on one sentence's drafts, dated."""
    if not drafts:
        return
    words, predicates = drafts[0].sentence.words, predicates_of(drafts)
    for n, d in enumerate(drafts):
        if d.is_noun and d.type != "announcement" and d.modality == "asserted" and d.date_basis != "explicit":
            g = governor(words, predicates, n)
            if g is not None and drafts[g].modality == "planned":
                d.modality = "planned"
