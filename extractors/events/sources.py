"""Statements attributed with a preposition: "according to X", "حسب X",
"بحسب X", "وفقا لـX".

The guidelines count any statement attributed to an actor, and wire copy
often attributes a fact with a preposition instead of a verb ("prices rose
5 pct, according to the ministry"). The source after the preposition is the
speaker when it is named (a person or an organization) or described by a
title or office (``agents.names_someone``). None is made for an anonymous
source ("according to sources", "حسب مصادر": ``modality.anonymous_sources``),
the speaker's own words ("حسب تعبيره", a pronoun) or "حسب ما أفاد به X",
whose verb is the statement. The mention takes no date: the preposition says
who, not when; it joins the same speaker's other statements (:mod:`.merge`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.entities import canonical
from extractors.events.agents import is_title_word
from extractors.events.clause import Argument, Clause, from_entity
from extractors.events.cues import phrase_at
from extractors.events.draft import Draft
from extractors.events.phrases import noun_phrase
from extractors.events.wordsets import canonical_set
from extractors.records import Entity, Sentence, Span, Word


def source_drafts(text: str, sentence: Sentence, entities: Sequence[Entity], times: Sequence[Span], lex: dict, lang: str) -> list[Draft]:
    """An announcement for each named or titled source after a preposition of attribution (``actors.source_prepositions``)."""
    words, out = sentence.words, []
    prepositions = tuple(lex["actors"].get("source_prepositions", ()))
    firsts = sorted({p.split()[0].casefold() for p in prepositions})
    if not firsts or not re.search("|".join(map(re.escape, firsts)), text[sentence.span.start : sentence.span.end], re.IGNORECASE):
        return out  # most sentences name no source this way: one search each
    starts = [i for i, w in enumerate(words) if any(f in w.text.casefold() for f in firsts)]
    anonymous = canonical_set(tuple(lex["modality"].get("anonymous_sources", ())), lang)
    statements = canonical_set(tuple(lex["types"]["announcement"].get("nouns", ())), lang)
    for i in starts:
        n = phrase_at(words, i, prepositions)
        j = i + n
        while n and j < len(words) - 1 and words[j].upos == "DET":
            j += 1  # "according to the ministry"
        if not n or j >= len(words) or words[j].upos in ("PRON", "PUNCT", "VERB", "AUX", "SCONJ"):
            continue  # "حسب ما أفاد به", "حسب تعبيره", "according to which"
        if canonical(words[j].lemma or words[j].text, lang) in anonymous | statements or canonical(words[j].text, lang) in anonymous:
            continue  # "حسب مصادر", "بحسب تصريح الناطق": an anonymous source, or a statement noun with its own event
        clause = Clause(words, j, j, len(words), text, times)
        source = _source(clause, entities, lex, lang)
        if source is None:
            continue
        at = next((k for k in range(i, i + n) if len(words[k].text) > 1), i)  # "بحسب": not the glued "ب"
        draft = Draft("announcement", sentence, at, True, clause, actor=source, roles={})
        out.append(draft)
    return out


#: Words of a source's phrase in which its name may stand ("PHLCORP's secretary and general counsel Bob Beber").
NAME_REACH = 8
#: Content words at the start of the phrase, one of which must name someone ("Finance Minister Pedro Alves").
HEAD_WORDS = 2


def _source(clause: Clause, entities: Sequence[Entity], lex: dict, lang: str) -> Argument | None:
    """The person named in the phrase after the preposition, before any verb or punctuation, else
    its organization; else the phrase itself when its first word is a title or office ("وزير
    التجارة", "the ministry spokesman"), never rules or estimates ("حسب النظام الداخلي")."""
    words, first = clause.words, clause.words[clause.trigger]
    phrase_words = []
    for word in words[clause.trigger : clause.trigger + NAME_REACH]:
        if word.upos in ("PUNCT", "VERB", "AUX", "SCONJ") and word is not first:
            break
        phrase_words.append(word)
    named = [e for e in entities if e.label in ("PER", "ORG") and any(e.span.start <= w.span.start < e.span.end for w in phrase_words)]
    head = []
    for word in phrase_words:  # the leading run of nouns: "Finance Minister", "PHLCORP's secretary", not "contract between X"
        if word.upos in ("DET", "PART") and not head or word.upos == "PART":
            continue
        if word.upos not in ("NOUN", "PROPN", "ADJ", "X") or len(head) == HEAD_WORDS:
            break
        head.append(word)
    if not any(_names(w, named, lang, lex) for w in head):
        return None  # "according to a contract between PDVSA and …": the source is the contract
    person = next((e for e in named if e.label == "PER"), None)
    if person or named:
        return from_entity(person or named[0], "entity")
    return noun_phrase(clause, first, lex, lang) if first.upos in lex["syntax"]["phrase_upos"] else None


def _names(word: Word, named: Sequence[Entity], lang: str, lex: dict) -> bool:
    """The word is part of a name, or a title or office ("minister", "الناطق")."""
    if any(e.span.start <= word.span.start < e.span.end for e in named):
        return True
    return is_title_word(word.text, lang, lex["actors"]["travellers"])
