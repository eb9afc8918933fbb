"""Which predicate of a sentence a time expression belongs to, read off the
dependency tree.

A time expression belongs to the lowest event predicate whose clause contains
it: walking up from the expression's head word, the first word that anchors an
event wins. A noun event anchors at its own word and, as subject or object, at
the predicate that carries it ("the talks would be Monday", "held talks on
Monday"). The walk stops at the head of another clause ("said prices rose on
Monday": Monday is the rise's, not the statement's). An expression of the main
clause whose main predicate is no event ("Tomorrow, X is to meet …") dates the
event highest in the tree. A predicate without an expression of its own
inherits from the event it depends on, unless that is a statement or the path
crosses a reported complement ("said on Monday he would visit" leaves the
visit undated). Surface cues for statements and occasions that the tree gets
wrong or cannot say (postposed statements, reported content, occasions) are
in :mod:`.cues`.

Pure: words and positions in, positions out, so that ``bench/timebank_attach.py``
scores the same code on TimeBank's links.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractors.events.cues import (
    CLAUSE_HEADS,
    DateCues,
    in_other_clause,
    occasion_noun,
    possessed_noun,
    postposed_start,
    reduced_relative,
    speech_occasion,
    statement_before_content,
    statement_may_take,
    verb_right_after,
)
from extractors.events.noun_dates import commas_around, noun_before, noun_it_modifies, period_of_thing, subject_phrase_noun
from extractors.events.tree import relative_clause_before
from extractors.records import Span, Word

#: Relations across which a predicate does not inherit a date.
NO_INHERIT = ("ccomp", "csubj", "parataxis", "acl:relcl")
#: A noun event carried by its predicate: subject or object of it.
CARRIED = ("nsubj", "nsubj:pass", "obj")


@dataclass(frozen=True)
class Predicate:
    """An event predicate: its trigger's position and whether it is a noun or a statement."""

    position: int
    is_noun: bool = False
    is_statement: bool = False


def has_tree(words: Sequence[Word]) -> bool:
    return bool(words) and all(w.head is not None for w in words)


def anchors(words: Sequence[Word], predicates: Sequence[Predicate]) -> dict[int, int]:
    """Word position → predicate number, for each word that anchors an event."""
    by_index = {w.index: i for i, w in enumerate(words)}
    found: dict[int, int] = {}
    for n, p in enumerate(predicates):
        found.setdefault(p.position, n)
    for n, p in enumerate(predicates):
        word = words[p.position]
        if p.is_noun and word.deprel in CARRIED and word.head in by_index:
            found.setdefault(by_index[word.head], n)
    return found


def expression_head(words: Sequence[Word], span: Span) -> int | None:
    """Position of the word of ``span`` whose head lies outside it."""
    inside = [i for i, w in enumerate(words) if w.span.start < span.end and span.start < w.span.end]
    indices = {words[i].index for i in inside}
    return next((i for i in inside if words[i].head not in indices), inside[0] if inside else None)


def attach(words: Sequence[Word], predicates: Sequence[Predicate], spans: Sequence[Span], names: Sequence[Span] = (),
           cues: DateCues = DateCues(), granularities: Sequence[str] = ()) -> dict[int, int]:
    """Expression number → predicate number, for each expression the tree gives
    to one of ``predicates``; when two compete, the one closest in the tree
    (then on the surface) wins.

    ``names`` are the spans of named entities: a word inside one heads no
    clause, whatever the parse says ("وانغ يي" tagged as a verb). ``cues`` are
    the language's words for statements and occasions (:mod:`.cues`), and
    ``granularities`` those of the expressions, when known: a statement takes
    no period it reports on (:func:`~.cues.statement_may_take`)."""
    if not predicates or not has_tree(words):
        return {}
    anchor = anchors(words, predicates)
    by_index = {w.index: i for i, w in enumerate(words)}
    owner: dict[int, tuple[int, int]] = {}  # expression → (predicate, steps up the tree)
    named = _in_names(words, names)
    at = {p.position: n for n, p in enumerate(predicates)}
    statements = [p.position for p in predicates if p.is_statement]
    grains = list(granularities) or [None] * len(spans)
    for t, span in enumerate(spans):
        found = _owner(words, predicates, span, anchor, by_index, named, cues, at, statements, grains[t])
        if found is not None:
            head = expression_head(words, span)
            owner[t] = (found, depth(words, head, by_index) - depth(words, predicates[found].position, by_index))
    for t, span in enumerate(spans):  # "a statement issued on Monday said …"; not "For the year ended Feb 27, AEL reported"
        verb = verb_right_after(words, span, statements) if t not in owner and reduced_relative(words, span, cues) is None else None
        if verb is not None and in_other_clause(words, expression_head(words, span), verb, by_index):
            continue  # "الانفجار الذي وقع صباح أمس تعلن": the blast's morning, not the statement's
        if verb is not None and occasion_noun(words, span, cues) is None and statement_may_take(words, verb, span, cues, by_index, grains[t]):
            owner[t] = (at[verb], 1)
    taken: dict[int, int] = {}
    closest = lambda item: (abs(item[1][1]), abs(spans[item[0]].start - words[predicates[item[1][0]].position].span.start))  # noqa: E731
    for t, (n, _) in sorted(owner.items(), key=closest):
        taken.setdefault(n, t)
    return {t: n for n, t in taken.items()}


def _owner(words, predicates, span, anchor, by_index, named, cues, at, statements, granularity=None) -> int | None:
    """The predicate the expression at ``span`` dates, or None."""
    head = expression_head(words, span)
    if head is None:
        return None
    participle = reduced_relative(words, span, cues)
    if participle is not None:
        return at.get(participle)  # its own event's, or nobody's
    possessed = possessed_noun(words, head, by_index)
    if possessed is not None:  # "Monday's meeting", "today's newspaper": the noun's own day
        return next((n for n, p in enumerate(predicates) if p.is_noun and p.position == possessed), None)
    nouns = [p.position for p in predicates if p.is_noun]
    between_commas = noun_before(words, span, nouns, 1, skip_comma=True) if commas_around(words, span) else None
    modified = noun_it_modifies(words, span)
    own = next((n for n in (between_commas, subject_phrase_noun(words, span, nouns), modified if modified in nouns else None) if n is not None), None)
    if own is not None:  # "خلال زيارته، الجمعة، السوق": the day set off right after the event noun is its own
        return at[own]
    speaking = speech_occasion(words, head, statements, cues, by_index)
    if speaking is not None:
        return at[speaking]
    if _predicative(words, head) and head not in anchor:
        found = _subject_event(words, head, predicates)
    else:
        found = _walk_up(words, head, anchor, by_index, predicates, named)
    if found is None:  # the parse lost it: an event noun right before it ("talks earlier today")
        noun = noun_before(words, span, [p.position for p in predicates if p.is_noun])
        found = at[noun] if noun is not None else None
    statement = statement_before_content(words, span, statements, cues)
    if statement is not None:  # "قال الوزير اليوم إن …": before the content's first word
        found = at[statement]
    if found is None and _sentence_initial(words, span):
        found = min(range(len(predicates)), key=lambda n: depth(words, predicates[n].position, by_index))
    occasion = occasion_noun(words, span, cues)
    if occasion is not None and (found is None or predicates[found].position < occasion):
        return None  # the occasion's date ("on the occasion of X on May 1"), not the event's around it
    if found is not None and predicates[found].is_statement and (not statement_may_take(words, predicates[found].position, span, cues, by_index, granularity)
                                                                 or period_of_thing(words, head, granularity, nouns, cues, by_index) or modified is not None):
        return None  # "said income in the quarter totaled …", "تقرير شهر فيفري", "for the March 21-31 period": what it reports on
    return found


def _predicative(words: Sequence[Word], head: int) -> bool:
    """The expression is a clause's predicate ("the talks would be on Monday")."""
    return any(w.head == words[head].index and w.deprel == "cop" for w in words)


def _subject_event(words, head, predicates) -> int | None:
    """The event noun a predicative expression is said of: its subject, or —
    when the parse lost the subject — the nearest event noun before it with no
    verb between ("the next round of talks would be on Monday")."""
    before = [n for n, p in enumerate(predicates) if p.is_noun and p.position < head]
    for n in sorted(before, key=lambda n: -predicates[n].position):
        if not any(w.upos == "VERB" for w in words[predicates[n].position + 1 : head]):
            return n
    return None


def _sentence_initial(words: Sequence[Word], span: Span) -> bool:
    """Only punctuation or a conjunction before it: it frames the whole sentence."""
    return all(w.upos in ("PUNCT", "CCONJ") for w in words if w.span.end <= span.start)


def _framing(words, word: Word, by_index, expression: int | None = None) -> bool:
    """A clause describing the occasion of the event ("في بيان أصدرته اليوم",
    "at a conference held today"): a participle or relative on a noun that is
    itself an oblique of something; its date is the occasion's. A subjectless
    clause right after such a noun is read the same way, whatever relation the
    parse gave it (Arabic relatives without a relative word)."""
    if any(w.head == word.index and (w.deprel.startswith("nsubj") or w.upos == "PRON" and w.deprel == "mark")
           and (expression is None or w is not words[expression]) for w in words):
        return False  # "the attack that struck last night": the clause has its own subject (not the expression itself)
    if word.deprel in ("acl", "acl:relcl") and word.head in by_index:
        return words[by_index[word.head]].deprel in ("obl", "nmod")
    before = by_index.get(word.index - 1)
    if before is not None and words[before].deprel == "amod":  # "ندوة صحفية انعقدت اليوم": past the adjective
        before = by_index.get(words[before].head)
    return before is not None and words[before].upos == "NOUN" and words[before].deprel in ("obl", "nmod")


def _in_names(words: Sequence[Word], names: Sequence[Span]) -> set[int]:
    return {i for i, w in enumerate(words) if any(n.start <= w.span.start < n.end for n in names)}


def _walk_up(words, position, anchor, by_index, predicates, named=frozenset()) -> int | None:
    seen: set[int] = set()
    node = position
    while node not in seen:
        seen.add(node)
        if node in anchor:
            return anchor[node]
        word = words[node]
        if node != position and word.deprel in CLAUSE_HEADS and node not in named and not _framing(words, word, by_index, position):
            return None  # the expression is another clause's
        if node != position and _said_content(words, word, anchor, by_index, predicates):
            return None  # "the bank said growth slowed in the first quarter": the date is what was said
        if word.head == 0 or word.head not in by_index:
            return _main_predicate(words, predicates, by_index) if node != position or word.head == 0 else None
        node = by_index[word.head]
    return None


def _said_content(words, word: Word, anchor, by_index, predicates) -> bool:
    """A verb's open complement under a verb of saying, with no infinitive
    marker, is misread reported content: saying takes no bare xcomp of its own,
    so the parse gives one only to content without "that" ("said growth slowed
    ..." as object + xcomp). An infinitive ("told them to leave on Monday") or
    a passive report's predicate ("were reported killed") without that object
    stays the statement's own complement."""
    if word.deprel != "xcomp" or word.upos != "VERB" or word.head not in by_index:
        return False
    if any(w.head == word.index and w.deprel == "mark" for w in words):
        return False
    head = by_index[word.head]
    n = anchor.get(head)
    misread_subject = any(w.head == words[head].index and w.deprel == "obj" for w in words)
    return n is not None and predicates[n].is_statement and misread_subject


def depth(words: Sequence[Word], position: int, by_index: dict[int, int]) -> int:
    steps, node, seen = 0, position, set()
    while words[node].head not in (0, None) and words[node].head in by_index and node not in seen:
        seen.add(node)
        node, steps = by_index[words[node].head], steps + 1
    return steps


def _main_predicate(words, predicates, by_index) -> int | None:
    """The event highest in the tree, for an expression of a main clause whose
    predicate is no event; none when an event's path to the root crosses a
    reported complement or a coordinated clause with a subject of its own
    ("a plane crashed on Tuesday, and the police said": that event is not the
    main clause's)."""
    main = [n for n, p in enumerate(predicates) if not _below_complement(words, p.position, by_index)]
    return min(main, key=lambda n: depth(words, predicates[n].position, by_index), default=None)


def _below_complement(words, position, by_index) -> bool:
    node, seen = position, set()
    while words[node].head not in (0, None) and words[node].head in by_index and node not in seen:
        seen.add(node)
        if words[node].deprel in CLAUSE_HEADS:
            return True
        if words[node].deprel == "conj" and any(w.head == words[node].index and w.deprel.startswith("nsubj") for w in words):
            return True
        node = by_index[words[node].head]
    return False


def governor(words: Sequence[Word], predicates: Sequence[Predicate], n: int) -> int | None:
    """The predicate ``n`` depends on and may inherit a date from: the nearest
    event above it, not across a reported complement and not a statement."""
    if not has_tree(words):
        return None
    anchor = anchors(words, predicates)
    by_index = {w.index: i for i, w in enumerate(words)}
    start = predicates[n].position
    if predicates[n].is_statement and postposed_start(words, start, by_index) is not None:
        return None  # "…, a spokesman said": no date from the content it reports
    word = words[start]
    if predicates[n].is_noun and word.deprel in CARRIED and word.head in by_index:
        start = by_index[word.head]
    node, seen = start, {start}
    while True:
        word = words[node]
        if word.deprel in NO_INHERIT or word.head in (0, None) or word.head not in by_index:
            return None
        node = by_index[word.head]
        if node in seen:
            return None
        seen.add(node)
        if node in anchor and anchor[node] != n:
            found = anchor[node]
            return None if predicates[found].is_statement or relative_clause_before(words, node, start) else found
