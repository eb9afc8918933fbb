"""Small reads of a sentence's dependency tree for the event extractor.

Stanza's words carry 1-based ``index`` and ``head`` within the sentence; these
helpers answer the few questions the argument finder asks of the tree, and
degrade to "nothing known" when the model has no parser (``head is None``).
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.records import Word

#: Commas, Latin and Arabic: what sets an apposition, a time expression or a clause off.
COMMAS = (",", "،")
#: Most words (prepositions split off counted) of an apposition or of the rest of a subject's phrase
#: between the subject and its verb.
MAX_APPOSITION = 12
#: Dependents that stay outside a phrase's surface ("the", "of", punctuation).
_OUTSIDE = ("det", "case", "punct", "cc", "mark")


def children(words: Sequence[Word], head: Word) -> list[Word]:
    return [w for w in words if w.head == head.index and w is not head]


def descendants(words: Sequence[Word], head: Word) -> set[int]:
    """Indices of ``head`` and every word below it (cycles from a bad parse are cut)."""
    found, frontier = {head.index}, [head.index]
    while frontier:
        parent = frontier.pop()
        for w in words:
            if w.head == parent and w.index not in found:
                found.add(w.index)
                frontier.append(w.index)
    return found


def subtree_span(words: Sequence[Word], head: Word) -> tuple[int, int]:
    """Character range of the contiguous run of ``head``'s subtree around it,
    without its leading or trailing function words."""
    below = descendants(words, head)
    at = words.index(head)
    start = at
    while start > 0 and words[start - 1].index in below:
        start -= 1
    end = at + 1
    while end < len(words) and words[end].index in below:
        end += 1
    while start < at and words[start].deprel in _OUTSIDE:
        start += 1
    while end - 1 > at and words[end - 1].deprel in _OUTSIDE:
        end -= 1
    return words[start].span.start, words[end - 1].span.end


def relative_antecedent(words: Sequence[Word], verb: Word) -> Word | None:
    """The noun a relative clause hangs on ("Gorbachev, who had talks" → Gorbachev)."""
    if verb.deprel != "acl:relcl" or verb.head in (None, 0):
        return None
    return next((w for w in words if w.index == verb.head), None)


def relative_clause_before(words: Sequence[Word], verb: int, position: int) -> bool:
    """Whether the verb at ``verb`` heads a relative clause (a relative pronoun
    is its subject) that a comma closes before ``position``: "X, who visited
    Lima on Monday, said …", where the parse may make "said" depend on
    "visited", which then is no event it belongs to."""
    subject = any(w.head == words[verb].index and w.deprel.startswith("nsubj") and "PronType=Rel" in (w.feats or "") for w in words)
    return subject and any(w.text == "," for w in words[verb + 1 : position])


def passive_agents(words: Sequence[Word], trigger: Word, subjects: list[Word]) -> list[Word]:
    """A passive verb is done by its agent ("was announced by the ministry"),
    never by its passive subject, which is what was said, visited or met ("the
    plan was announced", "more names could be added"). Only a passive verb has
    an agent: "met with X" misparsed as one keeps X a counterpart."""
    passive = "Voice=Pass" in (trigger.feats or "") or any(w.head == trigger.index and w.deprel.endswith(":pass") for w in words)
    agents = [w for w in words if w.head == trigger.index and w.deprel == "obl:agent"] if passive else []
    return agents or [w for w in subjects if w.deprel != "nsubj:pass"]


def ends_right_before(words: Sequence[Word], subject: Word, trigger: Word) -> bool:
    """The subject's phrase ends right before the verb, past its own commas ("Mark
    Dole, a vice president at X, said", parsed with the title as the subject):
    the clause break between them is the apposition's, not a clause's; also
    when only such an apposition set off by commas stands between them ("Byrd,
    a Democrat, said", parsed with both as subjects), or the rest of its phrase
    that the parse hung elsewhere, up to the comma before the verb ("أن
    التنسيقية الوطنية لعمال الحضائر التابعة للاتحاد، دعت")."""
    _, hi = subtree_span(words, subject)
    between = [w for w in words if hi <= w.span.start < trigger.span.start]
    if hi > trigger.span.start:
        return False
    if all(w.upos == "PUNCT" for w in between):
        return True
    if between[-1].text not in COMMAS or any(w.upos in ("VERB", "AUX") for w in between):
        return False
    inner = between[1:-1] if between[0].text in COMMAS else between[:-1]
    return len(inner) <= MAX_APPOSITION and not any(w.upos == "PUNCT" for w in inner)


def possessor_clitic(word: Word, noun: Word) -> bool:
    """The word is the noun's possessive pronoun ("his visit", "زيارته": the
    clitic in the noun's own token, whatever relation the parse gave it)."""
    return word.upos == "PRON" and word.head == noun.index and (word.deprel == "nmod:poss" or word.token_index == noun.token_index)
