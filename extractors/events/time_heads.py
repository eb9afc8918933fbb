"""Give back to a noun phrase the head a time word took from it.

A bare time noun right after a noun phrase ("A Portuguese official today
said", "would have contacts later today with …", "a government spokesman
Monday said") is often parsed as the phrase's head, with the real head noun
as its ``compound``: the subject of *said* becomes "today", the object of
*have* becomes "today", and the event noun or the speaker is lost. English
writes no compound whose last member is a time expression, so the compound
noun is the phrase's head: it takes the time word's place in the tree, and the
time word becomes a temporal modifier of what the phrase hung on.

A time word between an auxiliary and its participle ("The delegation is today
visiting Cairo") is also often parsed as the predicate: "is" its copula, the
subject its own, the participle a complement of the time word. No English
predicate is a bare time word followed by a participle, so the participle is
the predicate: it takes the time word's place and its subject, the copula
becomes its auxiliary, and the time word modifies it.

Pure: a sentence and the spans of its time expressions in, a sentence out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extractors.events.attach import has_tree
from extractors.records import Sentence, Span, Word

#: The relation a freed time word takes to the predicate of its old phrase.
TEMPORAL = "obl:tmod"
NOUN_UPOS = ("NOUN", "PROPN")


def free_time_heads(sentence: Sentence, spans: Sequence[Span]) -> Sentence:
    """``sentence`` with every time expression that heads a compound noun before
    it re-attached below that noun's new place (see the module docstring)."""
    words = list(sentence.words)
    if not has_tree(words):
        return sentence
    changed = False
    for span in spans:
        changed |= _free(words, span) or _free_predicate(words, span) or _free_adverb(words, span)
    return replace(sentence, words=tuple(words)) if changed else sentence


def _time_word(words: Sequence[Word], span: Span) -> tuple[list[int], int | None]:
    """Positions of the expression's words, and of the one whose head lies outside it."""
    inside = [i for i, w in enumerate(words) if span.start <= w.span.start and w.span.end <= span.end]
    indices = {words[i].index for i in inside}
    return inside, next((i for i in inside if words[i].head not in indices), None)


def _free(words: list[Word], span: Span) -> bool:
    inside, time = _time_word(words, span)
    if time is None or words[time].upos not in NOUN_UPOS or words[time].deprel == "compound":
        return False
    t = words[time]
    noun = next((i for i in range(inside[0] - 1, -1, -1) if words[i].head == t.index and words[i].deprel == "compound"
                 and words[i].upos in NOUN_UPOS and _only_modifiers_between(words, i, inside[0], t.index)), None)
    if noun is None:
        return False
    n = words[noun]
    words[noun] = replace(n, head=t.head, deprel=t.deprel)
    words[time] = replace(t, head=t.head if t.head != 0 else n.index, deprel=TEMPORAL)
    for i, w in enumerate(words):
        if w.head == t.index and i != noun and i not in inside and (i < noun or i > inside[-1]):
            words[i] = replace(w, head=n.index)  # "A Portuguese", "with the rebels": the noun's, not the time's
    return True


def _free_predicate(words: list[Word], span: Span) -> bool:
    inside, time = _time_word(words, span)
    after = inside[-1] + 1 if inside else len(words)
    if time is None or after >= len(words) or not any(w.head == words[time].index and w.deprel == "cop" for w in words):
        return False
    t, verb = words[time], words[after]
    if verb.head != t.index or verb.upos != "VERB" or "VerbForm=Part" not in (verb.feats or ""):
        return False
    words[after] = replace(verb, head=t.head, deprel=t.deprel)
    words[time] = replace(t, head=verb.index, deprel=TEMPORAL)
    for i, w in enumerate(words):
        if w.head == t.index and i != after and i not in inside:
            words[i] = replace(w, head=verb.index, deprel="aux" if w.deprel == "cop" else w.deprel)
    return True


def _only_modifiers_between(words: Sequence[Word], noun: int, first: int, time_index: int) -> bool:
    """Between the compound noun and the expression only words of the time
    phrase itself ("contacts later today"): nothing that heads something else."""
    return all(w.head == time_index and w.upos in ("ADJ", "ADV") for w in words[noun + 1 : first])


#: Features of an adverbial time word: an indefinite accusative ("غدا", "صباحا"), which heads no genitive.
ADVERBIAL_FEATS = ("Definite=Ind", "Case=Acc")


def _free_adverb(words: list[Word], span: Span) -> bool:
    """An adverbial time word (indefinite accusative, :data:`ADVERBIAL_FEATS`)
    parsed as the head of the noun right after it ("يؤدي الوزير غدا زيارة":
    the time word as object, the visit as its genitive): an indefinite
    accusative takes no genitive, so the noun takes the time word's place and
    the time word modifies what it hung on."""
    inside, time = _time_word(words, span)
    after = inside[-1] + 1 if inside else len(words)
    if time is None or after >= len(words) or words[time].head in (0, None):
        return False
    t, noun = words[time], words[after]
    feats = set((t.feats or "").split("|"))
    if not feats.issuperset(ADVERBIAL_FEATS) or noun.head != t.index or noun.deprel != "nmod" or noun.upos not in NOUN_UPOS:
        return False
    words[after] = replace(noun, head=t.head, deprel=t.deprel)
    words[time] = replace(t, deprel=TEMPORAL)
    return True
