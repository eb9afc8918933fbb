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

from collections.abc import Callable, Sequence

from extractors.entities import canonical
from extractors.events.clause import MAX_APPOSITION_GAP, Argument, Clause, clause_entities, role_of
from extractors.events.tree import COMMAS, descendants
from extractors.records import Entity, Span, Word

#: Parts of speech of a name's words ("سليم خلبوس" comes out X X).
NAME_UPOS = ("PROPN", "X")


def name_after_title(clause: Clause, subject: Word, entities: Sequence[Entity], lang: str, quote_marks: Sequence[str] = (),
                     recipient: Sequence[str] = (), statement: bool = False) -> Argument | None:
    """The name after a title subject; none past the preposition of the one
    told on a noun that points back to the speaker ("قال وزير الخارجية لنظيره
    الفرنسي جان إيف لودريان": the name is his counterpart's, whatever the parse
    hangs on the title). The same preposition before a bare noun is the
    title's own link ("الأمين العام للاتحاد … NAME"). For a ``statement``, a
    recognized person may start past a letter the tokenizer split off as a
    preposition ("أكد المقدم بلحسن X": no preposition follows a speaker's title;
    after "التقى الوزير" it would be the one met)."""
    words = clause.words
    at = words.index(subject)
    below = descendants(words, subject)
    end = at + 1
    while end < len(words) and words[end].index in below and words[end].text not in COMMAS:
        end += 1
    if any(_told(words, i, recipient) for i in range(at + 1, end)):
        return None
    inside = _last_run(words, at + 1, end, entities)
    if inside is not None:
        return _argument(clause, words, inside, entities, lang)
    start = end + 1 if end < len(words) and words[end].text in COMMAS else end
    if start >= len(words):
        return None
    glued = statement and start + 1 < len(words) and words[start].upos == "ADP" and words[start].token_index == words[start + 1].token_index
    stop = _run_end(words, start + 1 if glued else start, entities)
    if glued and (_person_ending(words, start, stop, entities) is None or stop == start + 1):
        return None
    if stop == start or not _is_name(words, start, stop, entities):
        return None
    if _continues_as_noun(words, stop, quote_marks) and _person_ending(words, start, stop, entities) is None:
        return None  # a recognized person may go on into its own title ("المقدم X الناطق الرسمي باسم …")
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


def _person_ending(words: Sequence[Word], start: int, stop: int, entities: Sequence[Entity]) -> Entity | None:
    """The recognized person the run is, from its first token (a preposition glued to the name,
    "بلحسن" → ب + لحسن, may stand outside the entity) to its last word."""
    first = [w for w in words if w.token_index == words[start].token_index]
    return next((e for e in entities if e.label == "PER" and e.span.end == words[stop - 1].span.end
                 and first[0].span.start <= e.span.start < first[-1].span.end), None)


def _continues_as_noun(words: Sequence[Word], stop: int, quote_marks: Sequence[str]) -> bool:
    return stop < len(words) and (words[stop].upos in ("NOUN", "ADJ") or words[stop].text in quote_marks)


def _argument(clause: Clause, words: Sequence[Word], run: tuple[int, int], entities: Sequence[Entity], lang: str) -> Argument | None:
    start, stop = run
    span = Span(words[start].span.start, words[stop - 1].span.end)
    if any(span.overlaps(t) for t in clause.times):
        return None
    same = _person_ending(words, start, stop, entities)
    if same is not None:
        return Argument(same.text, same.resolved, same.span, same.label, "parse")
    surface = span.of(clause.text)
    return Argument(surface, canonical(surface, lang), span, "PER", "parse")


def told_in_phrase(words: Sequence[Word], subject: Word, entity: Entity, recipient: Sequence[str], companions: Sequence[str] = ()) -> bool:
    """The name hangs in the subject's phrase under a preposition of the one told
    ("مصدر أمني لوكالة رويترز": the agency was told, the source spoke) or under
    a word of company ("وزيرة المالية رفقة محافظ البنك المركزي": the governor
    only goes along)."""
    by_index = {w.index: w for w in words}
    word = next((w for w in words if entity.span.start <= w.span.start < entity.span.end), None)
    seen: set[int] = set()
    while word is not None and word is not subject and word.index not in seen:
        seen.add(word.index)
        if any(w.head == word.index and w.deprel == "case" and w.text in recipient for w in words):
            return True
        if word.text.casefold() in companions and not entity.span.overlaps(word.span):
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
        if word.upos in ("VERB", "AUX") or word is clause.words[clause.trigger] or any(word.span.overlaps(t) for t in clause.times):
            return None  # past a time adverbial ("التقى رئيس الجمهورية … اليوم الإثنين … زعيم حزب X"): the object's
        if word.text in quotes:
            return None  # 'في برنامج "بوليتكا"': a quoted name is a programme's or outlet's, never the speaker's
        named = next((e for e in inside if e.span.start == word.span.start and e.label in labels and e.label in ("PER", "ORG")), None)
        if named:
            return named if role_of(named.span.start, clause, roles, inside) is None else None
    return None


#: Words a title's own phrase ("الناطق الرسمي باسم وزارة الدفاع الوطني") may run over before its comma,
#: an organization's "and" too ("باسم الإدارة العامة للسجون والإصلاح").
TITLE_PHRASE_UPOS = ("NOUN", "ADJ", "ADP", "DET", "PROPN", "X", "CCONJ")
#: How far a title's phrase may run before the comma that opens the name, its "and"s aside; past that it
#: is the statement's own ("تحدث مراسل القناة عن تفاصيل … إصابة ظهير برشلونة، NAME": the player).
MAX_TITLE_PHRASE = 8


def name_after_title_phrase(words: Sequence[Word], end: int, entities: Sequence[Entity], preposition: bool = True) -> Entity | None:
    """The person named between commas after a title and the phrase it governs
    ("أفاد المتحدث الرسمي باسم وزارة الصحة، الدكتور سامي الهادي،
    أن"): ``end`` is where the parsed subject's phrase ends. The title's phrase
    runs over nouns, adjectives and prepositions only, up to a comma; after it
    at most one word of rank ("المقدم") stands before the recognized person.
    Only for a subject after its verb (a title standing for a name), and only
    a phrase with a preposition in it, unless ``preposition`` is False (the
    caller knows the phrase holds the title's organization)."""
    at = next((i for i, w in enumerate(words) if w.span.start >= end), len(words))
    first, limit = at, min(len(words), at + MAX_TITLE_PHRASE)
    while at < limit and words[at].text not in COMMAS and (words[at].upos in TITLE_PHRASE_UPOS or _glued_pronoun(words, at)):
        limit = min(len(words), limit + (words[at].upos == "CCONJ"))  # an organization's "and" is not counted
        at += 1  # "رئيسها التنفيذي،": its possessive clitic too
    if at >= limit or words[at].text not in COMMAS or (preposition and not any(w.upos == "ADP" for w in words[first:at])):
        return None  # the phrase a title governs opens with a preposition ("باسم", "لحزب")
    tokens = sorted({w.token_index for w in words[at + 1 : at + 4]})[:2]  # the name, or one word of rank before it
    for n, token in enumerate(tokens):
        inside = [w for w in words if w.token_index == token]
        lo, hi = inside[0].span.start, inside[-1].span.end  # "بلقاسم": the name may start past a glued letter
        person = next((e for e in entities if e.label == "PER" and lo <= e.span.start < hi), None)
        if person is not None:
            return person
        if n == 0 and inside[-1].upos not in ("NOUN", "ADJ", "PROPN", "X"):
            return None  # one word of rank ("المقدم") or a first name the recognizer left out ("بيار")
    return None


def name_after_complements(words: Sequence[Word], end: int, entities: Sequence[Entity], is_title: Callable[[str], bool],
                           recipient: Sequence[str] = ()) -> Entity | None:
    """The person named right after the complements a title's phrase runs on with, with no comma
    ("قالت المندوبة الجهوية للتربية بسوسة سميرة بن خضر": the delegate for education in Sousse is
    the one named). The stretch before the name holds a preposition and no other title: in
    "الناطق باسم رئيس الحكومة NAME" the name is the prime minister's, in "لنظيره NAME" the one told."""
    at = next((i for i, w in enumerate(words) if w.span.start >= end), len(words))
    for i in range(at, min(len(words), at + MAX_TITLE_PHRASE)):
        person = next((e for e in entities if e.label == "PER" and words[i].span.start <= e.span.start < words[i].span.end), None)
        if person is not None:
            stretch = words[at:i]
            preposition = any(w.upos == "ADP" for w in stretch)
            return person if preposition and not any(is_title(w.text) or w.text in recipient for w in stretch) else None
        if words[i].upos not in TITLE_PHRASE_UPOS:
            return None
    return None


def _glued_pronoun(words: Sequence[Word], at: int) -> bool:
    return at > 0 and words[at].upos == "PRON" and words[at].token_index == words[at - 1].token_index


def _told(words: Sequence[Word], i: int, recipient: Sequence[str]) -> bool:
    """The preposition of the one told, glued to a noun with a pronoun ("لنظيره")."""
    word = words[i]
    if word.upos != "ADP" or word.text not in recipient or i + 2 >= len(words):
        return False
    noun, clitic = words[i + 1], words[i + 2]
    return noun.token_index == word.token_index == clitic.token_index and clitic.upos == "PRON"
