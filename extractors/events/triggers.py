"""Event triggers: words whose lemma and part of speech name an event.

Lemmas and lexicon entries (``extractors/lang/<lang>/events.toml``) are
compared in canonical form (diacritics and letter variants folded), since
lemmatizers do not always undiacritize; raw strings are never matched.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from extractors.entities.keys import normalize
from extractors.records import Word

#: A verb used as an adjective ("the visiting delegation") names no event of its own.
ADJECTIVAL_DEPRELS = ("amod",)


def find_triggers(words: Sequence[Word], lex: dict) -> list[tuple[int, str, bool]]:
    """(position, event type, is_noun) for each word whose lemma is a trigger."""
    syntax, lang = lex["syntax"], lex["lang"]
    table = _trigger_table(lang, tuple(
        (t, tuple(e["verbs"]) + tuple(e.get("verbs_with_destination", ())), tuple(e["nouns"]), tuple(e.get("nouns_of_light_verbs", ())))
        for t, e in lex["types"].items()))
    verb_upos, noun_upos = syntax["verb_upos"], syntax["noun_upos"]
    found = []
    for position, word in enumerate(words):
        if word.deprel in ADJECTIVAL_DEPRELS or (word.upos not in verb_upos and word.upos not in noun_upos):
            continue
        lemmas = lemma_keys(word, syntax, lang)
        for event_type, verbs, nouns, light in table:
            if word.upos in verb_upos and lemmas & verbs:
                found.append((position, event_type, False))
                break
            if word.upos in noun_upos and lemmas & nouns:
                found.append((position, event_type, True))
                break
            if word.upos in noun_upos and lemmas & light and _light_object(words, word, syntax, lang):
                found.append((position, event_type, True))
                break
    return found


@cache
def _trigger_table(lang: str, entries: tuple) -> tuple:
    """(type, verb keys, noun keys, light-verb noun keys) per event type, computed once."""
    return tuple((t, _keys(v, lang), _keys(n, lang), _keys(lt, lang)) for t, v, n, lt in entries)


def needs_destination(word: Word, event_type: str, lex: dict) -> bool:
    """A verb that names travel only with a destination ("goes to Ottawa", not "goes on")."""
    entry = lex["types"][event_type]
    return bool(lemma_keys(word, lex["syntax"], lex["lang"]) & _keys(tuple(entry.get("verbs_with_destination", ())), lex["lang"]))


def _light_object(words: Sequence[Word], noun: Word, syntax: dict, lang: str) -> bool:
    """The object of a light verb ("had contacts", "opened talks")."""
    head = next((w for w in words if w.index == noun.head), None)
    return head is not None and noun.deprel == "obj" and bool(lemma_keys(head, syntax, lang) & _keys(tuple(syntax["light_verbs"]), lang))


def lemma_keys(word: Word, syntax: dict, lang: str) -> set[str]:
    """The lemma, and the lemma without a proclitic the lemmatizer left on
    ("وأكد" → "أكد"), both in canonical form."""
    lemma = normalize(word.lemma or word.text, lang).strip("“”\"'«»()")
    return {lemma} | {lemma[len(c):] for c in syntax["lemma_proclitics"] if lemma.startswith(c) and len(lemma) > len(c) + 1}


@cache
def _keys(words: tuple[str, ...], lang: str) -> frozenset[str]:
    return frozenset(normalize(w, lang) for w in words)
