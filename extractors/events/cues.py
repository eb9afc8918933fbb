"""Which expression may date which predicate, beyond the tree walk of
:mod:`.attach`: the surface cues news wording gives about statements and
occasions, with the words as language data (``events.toml`` ``[dates]``).

* A statement is dated only by its own frame, never by what it reports:
  not by an expression after a word that opens its content ("said that …",
  "أعلن أنه …"), not by one before a postposed statement ("prices rose on
  Monday, X said"), and not by a period's bound ("announced increases from
  July 1", "منذ").
* An expression introduced through an occasion ("on the occasion of …",
  "بمناسبة …", "during …") dates the occasion, not the event around it.
* An event noun right before an expression ("the visit on Sunday", "talks
  earlier today", "زيارة يوم الأحد") takes it, whatever the parse says
  (:mod:`.noun_dates`).
* An expression right before a statement verb ("a statement issued on Monday
  said", "ويوم الخميس الماضي قال") or right before the word opening its
  content ("قال الوزير اليوم إن") is the statement's own.

Pure functions over words and positions, like :mod:`.attach`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields

from extractors.records import Span, Word

#: Relations that open another clause: an expression below one belongs to it.
CLAUSE_HEADS = ("ccomp", "csubj", "advcl", "acl", "acl:relcl", "parataxis")
#: Relations by which a postposed statement hangs on the content it reports
#: (or the content on it): "prices rose, X said" parsed as conj, parataxis …
CONTENT_LINKS = ("conj", "parataxis", "ccomp")
#: Relations of what a statement reports after it ("X said [prices rose]").
REPORTED = ("ccomp", "parataxis", "xcomp", "csubj")
#: Words that may stand between an event noun and its expression.
NOUN_GAP_UPOS = ("ADP", "DET", "ADV", "ADJ", "PART", "PRON", "X")
#: Words that may stand between an expression and the statement verb it frames.
VERB_GAP_UPOS = ("ADV", "ADJ", "PART")
#: Periods a statement reports on but is never made in: a quarter or a half year.
REPORTED_PERIODS = ("quarter",)
#: Periods that date a statement only from before its verb ("Earlier this year, X said"); after it, they
#: are the period of what was said ("أعلن المعهد نسبة النمو هذا العام", "said output rose in 1986").
PERIODS_BEFORE_ONLY = ("year", "decade")
#: Proclitics an Arabic word may carry before a cue word ("بمناسبة", "وأن").
PROCLITICS = ("و", "ف", "ب", "ل", "وب", "فب")
CLITIC_LETTERS = frozenset(p[0] for p in PROCLITICS)


@dataclass(frozen=True)
class DateCues:
    """The ``[dates]`` words of a language's ``events.toml``."""

    statement_content: tuple[str, ...] = ()
    occasion_prepositions: tuple[str, ...] = ()
    bound_prepositions: tuple[str, ...] = ()
    speech_participles: tuple[str, ...] = ()
    during_prepositions: tuple[str, ...] = ()
    statement_media: tuple[str, ...] = ()
    period_nouns: tuple[str, ...] = ()
    target_prepositions: tuple[str, ...] = ()

    @classmethod
    def of(cls, dates: Mapping) -> DateCues:
        return cls(*(tuple(w.casefold() for w in dates.get(f.name, ())) for f in fields(cls)))


def is_word(word: Word, cues: Sequence[str]) -> bool:
    """The word is one of ``cues``, alone or behind a proclitic ("بمناسبة"),
    whatever its short vowels and shadda ("أنّ" is "أن")."""
    text = word.text.casefold()
    if not text.isascii():
        text = "".join(c for c in text if not unicodedata.combining(c))
    if text in cues:
        return True
    return text[:1] in CLITIC_LETTERS and any(
        text.startswith(p) and text[len(p):] in cues for p in PROCLITICS if len(text) > len(p) + 1)


def phrase_at(words: Sequence[Word], i: int, phrases: Sequence[str]) -> int:
    """Length in words of a phrase of ``phrases`` starting at ``i``, or 0. A
    phrase may be split into several words by the tokenizer ("ب" + "مناسبة")."""
    if i >= len(words):
        return 0
    first = words[i].text.casefold()
    for phrase in phrases:
        target = phrase.replace(" ", "")
        if first == phrase or (first[:1] in CLITIC_LETTERS and is_word(words[i], (phrase,))):
            return 1
        if not target.startswith(first):
            continue
        joined = first
        for k in range(i + 1, len(words)):
            joined += words[k].text.casefold()
            if joined == target:
                return k - i + 1
            if not target.startswith(joined):
                break
    return 0


def first_word(words: Sequence[Word], span: Span) -> int:
    return next((i for i, w in enumerate(words) if w.span.end > span.start), len(words))


def word_after(words: Sequence[Word], span: Span) -> int:
    """Position of the first word after ``span`` (``len(words)`` when none)."""
    return next((i for i, w in enumerate(words) if w.span.start >= span.end), len(words))


def opens_content(words: Sequence[Word], trigger: int, span: Span, cues: DateCues) -> bool:
    """A word opening reported content stands between the statement verb and the expression."""
    return any(is_word(w, cues.statement_content) for w in words[trigger + 1 : first_word(words, span)])


def during(words: Sequence[Word], noun: int, cues: DateCues, reach: int = 2) -> bool:
    """The noun at ``noun`` is introduced by a preposition of time within an
    event ("خلال زيارة", "على هامش لقاء", "during his visit"), at most a
    determiner or possessive between."""
    for j in range(noun - 1, max(-1, noun - 1 - reach - 3), -1):
        n = phrase_at(words, j, cues.during_prepositions)
        if n:
            return all(w.upos in ("DET", "PRON", "ADJ") for w in words[j + n : noun])
        if words[j].upos not in ("DET", "PRON", "ADJ", "ADP") and words[j].upos != "NOUN":
            return False
    return False


def bounded(words: Sequence[Word], span: Span, cues: DateCues) -> bool:
    """The expression is a period's bound ("from July 1", "منذ مايو") or the period a noun is for
    ("registrations for May"; not "For now, X says")."""
    i = first_word(words, span)
    target = i >= 2 and phrase_at(words, i - 1, cues.target_prepositions) == 1 and words[i - 2].upos == "NOUN"
    return target or any(phrase_at(words, j, cues.bound_prepositions) == i - j for j in range(max(0, i - 3), i))


def occasion_noun(words: Sequence[Word], span: Span, cues: DateCues, reach: int = 12) -> int | None:
    """Position of the noun an occasion preposition introduces when the
    expression follows that noun ("on the occasion of Labour Day on May 1",
    "بمناسبة العيد الوطني يوم 20 مارس", "during talks earlier today"); None
    when no such occasion stands before it inside its clause."""
    i = first_word(words, span)
    for j in range(i - 1, max(-1, i - 1 - reach), -1):
        if words[j].upos in ("PUNCT", "VERB", "AUX"):
            return None
        n = phrase_at(words, j, cues.occasion_prepositions)
        if n and j + n < i:  # the preposition governs a noun, not the expression itself
            return j + n
    return None


def reduced_relative(words: Sequence[Word], span: Span, cues: DateCues = DateCues()) -> int | None:
    """The participle right before the expression that modifies the noun before it ("a plan approved on
    Monday"): a reduced relative clause, so the expression is its time, never the verb's the noun belongs to.
    Not on the subject or an oblique of a verb, the event's medium or occasion, whose day it shares ("said
    in a statement issued Tuesday"), unless that noun is a period ("For the year ended Feb 27, X reported")."""
    at = first_word(words, span) - 1
    if at < 1:
        return None
    word, noun = words[at], words[at - 1]
    participle = word.upos == "VERB" and "VerbForm=Part" in (word.feats or "") and word.deprel in ("acl", "amod")
    framing = noun.deprel in ("nsubj", "nsubj:pass", "obl", "root") and not is_word(noun, cues.period_nouns)
    return at if participle and noun.upos in ("NOUN", "PROPN") and not framing else None


def speech_occasion(words: Sequence[Word], position: int, statements: Sequence[int], cues: DateCues,
                    by_index: Mapping[int, int]) -> int | None:
    """The statement a participle of speaking frames ("X, speaking in Geneva on
    Tuesday, said"): an expression inside it dates the saying, which the tree
    puts in a clause of its own. Returns the statement's position."""
    node, seen = position, set()
    while node not in seen and words[node].head in by_index:
        seen.add(node)
        word = words[node]
        if word.deprel == "advcl" and (word.lemma or word.text).casefold() in cues.speech_participles:
            head = by_index[word.head]
            return head if head in statements else None
        node = by_index[word.head]
    return None


def verb_right_after(words: Sequence[Word], span: Span, verbs: Sequence[int]) -> int | None:
    """The statement verb (a position in ``verbs``) right after the expression,
    with at most an adverb or adjective between ("issued on Monday said")."""
    j = word_after(words, span)
    while j < len(words) and j not in verbs and words[j].upos in VERB_GAP_UPOS:
        j += 1
    return j if j in verbs else None


def statement_before_content(words: Sequence[Word], span: Span, statements: Sequence[int], cues: DateCues) -> int | None:
    """The statement verb (a position in ``statements``) whose reported content
    starts right after the expression ("قال الوزير اليوم إن …", "said today
    that …"): the word opening the content is the first of its clause, so an
    expression before it is the statement's, whatever the parse says. Only a
    comma may stand between the expression and that word, and no other verb or
    content opener between the statement verb and the expression."""
    j = word_after(words, span)
    while j < len(words) and words[j].upos == "PUNCT" and words[j].text in (",", "،"):
        j += 1
    if j >= len(words) or not is_word(words[j], cues.statement_content):
        return None
    for i in range(first_word(words, span) - 1, -1, -1):
        if i in statements:
            return i
        if words[i].upos in ("VERB", "AUX") and _issues_medium(words, words[i], cues):
            continue  # "أكدت الشركة في بلاغ أصدرته، الثلاثاء أن", "said in a statement issued Tuesday that"
        if words[i].upos in ("VERB", "AUX") or is_word(words[i], cues.statement_content):
            return None
    return None


def _issues_medium(words: Sequence[Word], verb: Word, cues: DateCues) -> bool:
    """A relative clause on the statement's medium ("بلاغ أصدرته", "a statement issued"): issuing it is the statement."""
    if not verb.deprel.startswith("acl"):
        return False
    medium = next((w for w in words if w.index == verb.head), None)
    return medium is not None and is_word(medium, cues.statement_media)


def postposed_start(words: Sequence[Word], position: int, by_index: Mapping[int, int]) -> int | None:
    """Where a postposed statement's own clause starts ("…, a spokesman said"):
    the punctuation before it. A statement is postposed when it has a subject
    of its own after that punctuation, the content it reports stands before it
    (its head, or a complement of it), and nothing it reports follows it; "…,
    and Yeltsin claimed they resolved …" is coordinated, not postposed."""
    word = words[position]
    head = by_index.get(word.head)
    children = [(i, w) for i, w in enumerate(words) if w.head == word.index]
    content_before = (head is not None and head < position and word.deprel in CONTENT_LINKS) or any(
        i < position and w.deprel in CONTENT_LINKS[1:] for i, w in children)
    if not content_before or any(i > position and w.deprel in REPORTED for i, w in children):
        return None
    if any(i < position and w.deprel == "cc" for i, w in children):
        return None
    for j in range(position - 1, -1, -1):
        if words[j].upos == "PUNCT":
            own_subject = any(j < i < position and w.deprel.startswith("nsubj") for i, w in children)
            return j if j > 0 and own_subject else None
        if words[j].upos in ("VERB", "AUX"):
            return None
    return None


def statement_may_take(words: Sequence[Word], trigger: int, span: Span, cues: DateCues, by_index: Mapping[int, int],
                       granularity: str | None = None) -> bool:
    """Whether the statement at ``trigger`` may be dated by the expression at
    ``span`` (of ``granularity``, when known): not by a period it reports on
    (:data:`REPORTED_PERIODS`, or :data:`PERIODS_BEFORE_ONLY` after the verb)."""
    after = span.start > words[trigger].span.start
    if granularity in REPORTED_PERIODS or (after and granularity in PERIODS_BEFORE_ONLY):
        return False  # "said income in the quarter totaled …": the period reported on, not when it was said
    if after and opens_content(words, trigger, span, cues):
        return False
    start = postposed_start(words, trigger, by_index)
    if start is not None and span.end <= words[start].span.start:
        return False
    return not bounded(words, span, cues)


def in_other_clause(words: Sequence[Word], head: int | None, verb: int, by_index) -> bool:
    """The expression lies in a clause of its own on the way up to the statement
    verb after it, other than one describing that verb's subject ("a statement
    issued on Monday said": the medium's day is the statement's)."""
    node, seen = head, set()
    while node is not None and node != verb and node not in seen:
        seen.add(node)
        word = words[node]
        if word.deprel in CLAUSE_HEADS:
            noun = by_index.get(word.head)
            subject = noun is not None and words[noun].deprel.startswith("nsubj") and by_index.get(words[noun].head) == verb
            return not (word.deprel in ("acl", "acl:relcl") and subject)
        node = by_index.get(word.head)
    return False


def possessed_noun(words: Sequence[Word], head: int, by_index) -> int | None:
    """The noun a possessive expression dates ("today's London Daily News",
    "Monday's talks"): the day belongs to that noun, never to the verb above it."""
    word = words[head]
    if word.deprel != "nmod:poss" or word.head not in by_index:
        return None
    marked = any(w.head == word.index and w.deprel == "case" and w.upos == "PART" for w in words)
    return by_index[word.head] if marked else None
