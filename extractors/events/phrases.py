"""Described actors: the noun phrase a subject or the words after a verb make
("وكالة الأنباء المركزية الكورية", "state media"), when no name is there.
Split out of :mod:`.actors`; the checks that keep complements, manner
participles and quotations from passing for speakers live here too.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.entities import canonical
from extractors.events.clause import Argument, Clause, role_of
from extractors.events.wordsets import canonical_set
from extractors.records import Span, Word


def noun_phrase(clause: Clause, subject: Word | None, lex: dict, lang: str, before_times: bool = False) -> Argument | None:
    """A described actor ("وكالة الأنباء المركزية الكورية", "state media").

    With a parsed subject the phrase is its subtree without determiners
    ("نفى وزير الداخلية وجود …" → "وزير الداخلية", not the object after it);
    without one, Arabic takes the noun run after the verb. ``before_times``: the
    phrase ends at a time expression ("بيان للوزارة اليوم": the day is no part
    of who issued it) instead of naming no one.
    """
    syntax, words = lex["syntax"], clause.words
    # a name the recognizer missed right after the verb ("وأدان كرشود ما اعتبره …") heads the phrase too, not the noun run after it
    named = subject is not None and subject.upos in NAME_UPOS and subject in words[clause.trigger + 1 : clause.end]
    if subject is not None and (subject.upos in syntax["phrase_upos"] or named):
        start, end = _phrase_around(clause, subject, syntax["max_phrase_words"], before_times, lex["roles"])
    elif syntax["actor_after_trigger_first"]:
        start = next(
            (i for i in range(clause.trigger + 1, clause.end) if words[i].upos in syntax["phrase_upos"] and words[i].token_index != words[i - 1].token_index),
            None,
        )
        if start is None or role_of(words[start].span.start, clause, lex["roles"]) or (subject is None and _governed(words, start)):
            return None  # "أكد على أهمية …", "عبروا عن شكرهم": a preposition's noun is no speaker
        end = start + 1
        while end < clause.end and end - start < syntax["max_phrase_words"] and words[end].upos in syntax["phrase_continue_upos"] and _continues(words, start, end):
            end += 1
    else:
        return None
    if start is None or any(w.span.overlaps(t) for w in words[start:end] for t in clause.times):
        return None
    if words[start].text.casefold() in {p for preps in lex["roles"].values() for p in preps}:
        return None  # "ودعا الى …": a preposition the tagger took for a noun never acts
    if start > 0 and words[start - 1].text in lex["actors"]["existentials"]:
        return None  # "وقال هناك دراسة": the noun is what there is, not who said it
    if canonical(words[start].text, lang) in canonical_set(tuple(lex["actors"]["manner_words"]), lang):
        return None  # "أضافت قائلة": the participle says how, not who
    if canonical(words[start].lemma or words[start].text, lang) in canonical_set(tuple(lex["actors"]["content_nouns"]), lang):
        return None  # "ونفى وجود أي قضية": what was denied, not who denied it
    if any(w.text in lex["actors"]["quote_marks"] for w in words[clause.trigger + 1 : start]):
        return None  # 'كتب "الوطن أولا"': a quotation after the verb is what was said
    head = subject if subject is not None and subject.upos in syntax["phrase_upos"] else words[start]
    if canonical(head.lemma or head.text, lang) in canonical_set(tuple(lex["actors"]["share_nouns"]), lang):
        return None  # "46 pct said": a share of those asked, not a speaker
    if _accusative(head, lex["actors"]):
        return None  # "يعتبر مؤشرا إيجابيا": an indefinite accusative is a complement, never the subject
    end = next((i for i in range(start + 1, end) if _content_noun(words, i, lex, lang)), end)  # "أكد أمير قطر وقوف بلده":
    while end - 1 > start and words[end - 1].upos in DANGLING_UPOS:  # what he affirmed ends who did
        end -= 1  # "وأكد ملك السعودية وقوف …": the conjunction glued to the next word is no part of the speaker
    span = Span(words[start].span.start, words[end - 1].span.end)
    surface = span.of(clause.text)
    return Argument(surface, canonical(surface, lang), span, None, "phrase")


def _content_noun(words: Sequence[Word], i: int, lex: dict, lang: str) -> bool:
    """The token starting at ``i`` is a content noun, not made definite by its article, by lemma or as
    written ("وقوف", which the tokenizer may split into و + قوف): with the article it is the genitive of
    the title before it ("وزيرة الصحة", health, not "صحة" the truth of something)."""
    if i > 0 and words[i - 1].token_index == words[i].token_index:
        return False
    contents = canonical_set(tuple(lex["actors"]["content_nouns"]), lang)
    written = "".join(w.text for w in words if w.token_index == words[i].token_index)
    if "Definite=Def" in (words[i].feats or "").split("|"):
        return False
    return canonical(words[i].lemma or words[i].text, lang) in contents or canonical(written, lang) in contents


#: Words that never end a described actor: a conjunction or preposition belongs to what follows it.
DANGLING_UPOS = ("CCONJ", "SCONJ", "ADP", "DET", "PART", "PUNCT")
#: Tags of a word that can only be (part of) a name: a proper noun, or a word the tagger does not know.
NAME_UPOS = ("PROPN", "X")


def _accusative(noun: Word, actors: dict) -> bool:
    """Indefinite and accusative, by the tagger or by its written ending ("مؤشرا")."""
    feats = set((noun.feats or "").split("|"))
    if not actors["indefinite_feats"] or not feats.issuperset(actors["indefinite_feats"]):
        return False
    return bool(feats & set(actors["accusative_feats"])) or any(noun.text.endswith(e) for e in actors["accusative_endings"])


def _governed(words: Sequence[Word], at: int) -> bool:
    """The noun follows a preposition or has one attached ("على أهمية")."""
    noun = words[at]
    return (at > 0 and words[at - 1].upos == "ADP") or any(w.head == noun.index and w.deprel == "case" for w in words)


def _continues(words: Sequence[Word], start: int, end: int) -> bool:
    """The next word belongs to the phrase: no parse, or attached inside it."""
    head = words[end].head
    if head is None or head == 0:
        return head is None
    return any(w.index == head for w in words[start:end]) or words[end].upos in ("X", "PROPN")


def _mistagged_preposition(word: Word, roles: dict | None) -> bool:
    """A preposition of a role ("الى") that the tagger took for an adjective or
    noun ends a phrase: "لفتت سامية الورتاني الى أن" names no "الورتاني الى"."""
    return bool(roles) and word.upos != "ADP" and any(word.text.casefold() == p for preps in roles.values() for p in preps if len(p) > 1)


def _phrase_around(clause: Clause, subject: Word, limit: int, before_times: bool = False, roles: dict | None = None) -> tuple[int | None, int]:
    words = clause.words
    at = words.index(subject)
    start, end = at, at + 1
    inside = {subject.index}
    while start > clause.start and words[start - 1].head in inside and words[start - 1].deprel in ("compound", "amod", "flat", "nmod", "nummod"):
        start -= 1
        inside.add(words[start].index)
    while end < clause.end and end - start < limit and end != clause.trigger and words[end].upos != "PUNCT" and words[end].head in inside | {w.index for w in words[at:end]} \
            and not (before_times and any(words[end].span.overlaps(t) for t in clause.times)) and not _mistagged_preposition(words[end], roles):
        end += 1
    return start, end


def described_agent(clause: Clause, lex: dict, lang: str) -> Argument | None:
    """A delegation or committee right after a verb of any event type ("يصل صباح غد وفد وزاري"):
    a clearly described actor (guidelines), unlike other common nouns, which act only in
    statements. A time adverbial before it is set aside, and the tagger's part of speech is not
    trusted (it often takes "وفد" after a date for an adjective); anything else first ends the search."""
    agents = canonical_set(tuple(lex["actors"].get("described_agents", ())), lang)
    words = [w for w in clause.words[clause.trigger + 1 : clause.end] if not any(w.span.overlaps(t) for t in clause.times)]
    if not agents or not words or canonical(words[0].lemma or words[0].text, lang) not in agents:
        return None
    end = 1
    while end < len(words) and end < lex["syntax"]["max_phrase_words"] and words[end].upos in ("ADJ", "X") and words[end].head in (words[0].head, words[0].index, words[end - 1].index):
        end += 1
    span = Span(words[0].span.start, words[end - 1].span.end)
    surface = span.of(clause.text)
    return Argument(surface, canonical(surface, lang), span, None, "phrase")
