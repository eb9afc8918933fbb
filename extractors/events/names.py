"""The name a title subject stands for, after the verb (VSO): "قال وزير
الخارجية، سيرغي لافروف، إن …" → "سيرغي لافروف".

The title is the parsed subject; the name is the run of proper-noun words at
the end of its phrase or right after it (over one comma), even when the
entity recognizer missed it — compact models tag unknown Arabic names ``X``.
A run of two such words, or one recognized person, is a name; a run that
goes on into a common noun is not ("… جان بيار الجديد"). Also the name a subject
phrase ends in (:func:`apposition`) and a name in it that was only told something
(:func:`told_in_phrase`).
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.entities import canonical
from extractors.events.clause import MAX_APPOSITION_GAP, Argument, Clause, clause_entities, role_of
from extractors.events.tree import descendants
from extractors.records import Entity, Span, Word

#: Parts of speech of a name's words ("سليم خلبوس" comes out X X).
NAME_UPOS = ("PROPN", "X")
#: Commas an apposition may stand behind.
COMMAS = ("،", ",")


def name_after_title(clause: Clause, subject: Word, entities: Sequence[Entity], lang: str, quote_marks: Sequence[str] = ()) -> Argument | None:
    words = clause.words
    at = words.index(subject)
    below = descendants(words, subject)
    end = at + 1
    while end < len(words) and words[end].index in below and words[end].text not in COMMAS:
        end += 1
    inside = _last_run(words, at + 1, end, entities)
    if inside is not None:
        return _argument(clause, words, inside, entities, lang)
    start = end + 1 if end < len(words) and words[end].text in COMMAS else end
    if start >= len(words):
        return None
    stop = _run_end(words, start, entities)
    if stop == start or not _is_name(words, start, stop, entities) or _continues_as_noun(words, stop, quote_marks):
        return None
    return _argument(clause, words, (start, stop), entities, lang)


def _last_run(words: Sequence[Word], lo: int, hi: int, entities: Sequence[Entity]) -> tuple[int, int] | None:
    """The run of name words that ends the title's phrase."""
    start = hi
    while start > lo and _name_word(words[start - 1], entities):
        start -= 1
    return (start, hi) if hi > start and _is_name(words, start, hi, entities) else None


def _run_end(words: Sequence[Word], start: int, entities: Sequence[Entity]) -> int:
    stop = start
    while stop < len(words) and _name_word(words[stop], entities):
        stop += 1
    return stop


def _name_word(word: Word, entities: Sequence[Entity]) -> bool:
    return word.upos in NAME_UPOS or any(e.label == "PER" and e.span.start <= word.span.start < e.span.end for e in entities)


def _is_name(words: Sequence[Word], start: int, stop: int, entities: Sequence[Entity]) -> bool:
    person = any(e.label == "PER" and e.span.start == words[start].span.start for e in entities)
    return person or (stop - start >= 2 and len({w.token_index for w in words[start:stop]}) >= 2)


def _continues_as_noun(words: Sequence[Word], stop: int, quote_marks: Sequence[str]) -> bool:
    return stop < len(words) and (words[stop].upos in ("NOUN", "ADJ") or words[stop].text in quote_marks)


def _argument(clause: Clause, words: Sequence[Word], run: tuple[int, int], entities: Sequence[Entity], lang: str) -> Argument | None:
    start, stop = run
    span = Span(words[start].span.start, words[stop - 1].span.end)
    if any(span.overlaps(t) for t in clause.times):
        return None
    same = next((e for e in entities if e.label == "PER" and e.span.start == span.start and e.span.end == span.end), None)
    if same is not None:
        return Argument(same.text, same.resolved, same.span, same.label, "parse")
    surface = span.of(clause.text)
    return Argument(surface, canonical(surface, lang), span, "PER", "parse")


def told_in_phrase(words: Sequence[Word], subject: Word, entity: Entity, recipient: Sequence[str]) -> bool:
    """The name hangs in the subject's phrase under a preposition of the one told
    ("مصدر أمني لوكالة رويترز": the agency was told, the source spoke)."""
    by_index = {w.index: w for w in words}
    word = next((w for w in words if entity.span.start <= w.span.start < entity.span.end), None)
    seen: set[int] = set()
    while word is not None and word is not subject and word.index not in seen:
        seen.add(word.index)
        if any(w.head == word.index and w.deprel == "case" and w.text in recipient for w in words):
            return True
        word = by_index.get(word.head)
    return False


def apposition(clause: Clause, end: int, entities: Sequence[Entity], labels: Sequence[str], roles: dict, quotes: Sequence[str] = ()) -> Entity | None:
    """The PER/ORG name a subject phrase ends in ("المتحدث باسم الكرملين
    ديمتري بيسكوف", "Foreign Minister, Wang Yi"): the first one after it in
    the clause, with no verb between and no preposition of its own."""
    words = [w for w in clause.words[clause.start : clause.end] if w.span.start >= end][:MAX_APPOSITION_GAP]
    inside = clause_entities(entities, clause)
    for word in words:
        if word.upos in ("VERB", "AUX") or word is clause.words[clause.trigger]:
            return None
        if word.text in quotes:
            return None  # 'في برنامج "بوليتكا"': a quoted name is a programme's or outlet's, never the speaker's
        named = next((e for e in inside if e.span.start == word.span.start and e.label in labels and e.label in ("PER", "ORG")), None)
        if named:
            return named if role_of(named.span.start, clause, roles, inside) is None else None
    return None
