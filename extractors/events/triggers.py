"""Event triggers: words whose lemma and part of speech name an event.

Lemmas and lexicon entries (``extractors/lang/<lang>/events.toml``) are
compared in canonical form (diacritics and letter variants folded), since
lemmatizers do not always undiacritize; raw strings are never matched.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from extractors.entities.keys import normalize
from extractors.events.wordsets import normalized_set
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
    tokens: dict[int, str] = {}
    for w in words:  # the written token of each word, for surface_keys
        tokens[w.token_index] = tokens.get(w.token_index, "") + w.text
    found = []
    for position, word in enumerate(words):
        if word.deprel in ADJECTIVAL_DEPRELS or (word.upos not in verb_upos and word.upos not in noun_upos):
            continue
        lemmas = lemma_keys(word, syntax, lang)
        stems = _stems(word, lemmas, syntax, lang, tokens.get(word.token_index, ""))
        written = _written_stems(word, syntax, lang, tokens.get(word.token_index, ""))
        for event_type, verbs, nouns, light in table:
            if (stems | written) & verbs and (word.upos in verb_upos or verbal_ending(word, syntax, lang)):
                found.append((position, event_type, False))
                break
            if word.upos in noun_upos and lemmas & nouns:
                found.append((position, event_type, True))
                break
            if word.upos in noun_upos and lemmas & light and _light_object(words, word, syntax, lang):
                found.append((position, event_type, True))
                break
    return sorted(found + _manner_statements(words, found, lex))


def _manner_statements(words: Sequence[Word], found: Sequence[tuple[int, str, bool]], lex: dict) -> list[tuple[int, str, bool]]:
    """A circumstantial participle of speaking ("قررت الهيئة … مؤكدة رفضها") states something
    of its own when no statement came before it in the sentence; after one ("قال … مؤكدا")
    it only says how that statement was made."""
    manner = is_manner_word(lex)
    spoken = [p for p, t, _ in found if t == "announcement"]
    first = next((i for i, w in enumerate(words) if manner(w)), None)
    if first is None or (spoken and spoken[0] < first) or "announcement" not in lex["types"]:
        return []
    return [(first, "announcement", False)]


def is_manner_word(lex: dict):
    """A predicate: the word is a participle of speaking that says how something was said."""
    keys = normalized_set(tuple(lex["actors"].get("manner_words", ())), lex["lang"])
    return lambda w: normalize(w.text, lex["lang"]) in keys


@cache
def _trigger_table(lang: str, entries: tuple) -> tuple:
    """(type, verb keys, noun keys, light-verb noun keys) per event type, computed once."""
    return tuple((t, normalized_set(v, lang), normalized_set(n, lang), normalized_set(lt, lang)) for t, v, n, lt in entries)


def needs_destination(word: Word, event_type: str, lex: dict, words: Sequence[Word] = ()) -> bool:
    """A verb that names travel only with a destination ("goes to Ottawa", not "goes on")."""
    entry = lex["types"][event_type]
    token = "".join(w.text for w in words if w.token_index == word.token_index)
    keys = _stems(word, lemma_keys(word, lex["syntax"], lex["lang"]), lex["syntax"], lex["lang"], token)
    return bool(keys & normalized_set(tuple(entry.get("verbs_with_destination", ())), lex["lang"]))


def _light_object(words: Sequence[Word], noun: Word, syntax: dict, lang: str) -> bool:
    """The object of a light verb ("had contacts", "opened talks")."""
    head = next((w for w in words if w.index == noun.head), None)
    return head is not None and noun.deprel == "obj" and lemma_listed(head, syntax["light_verbs"], syntax, lang)


def lemma_listed(word: Word, listed: Sequence[str], syntax: dict, lang: str) -> bool:
    """The word's lemma, with or without a proclitic the lemmatizer left on, is one of ``listed``."""
    return bool(lemma_keys(word, syntax, lang) & normalized_set(tuple(listed), lang))


def lemma_keys(word: Word, syntax: dict, lang: str) -> set[str]:
    """The lemma, and the lemma without a proclitic the lemmatizer left on
    ("وأكد" → "أكد"), both in canonical form."""
    lemma = normalize(word.lemma or word.text, lang).strip("“”\"'«»()")
    return {lemma} | {lemma[len(c):] for c in syntax["lemma_proclitics"] if lemma.startswith(c) and len(lemma) > len(c) + 1}


def surfacenormalized_set(word: Word, syntax: dict, lang: str, token: str = "", person_prefixes: bool = True) -> set[str]:
    """Stems of the written word and of its whole written ``token``, for a tokenizer or lemmatizer that split or lemmatized a
    verb wrongly ("ويتوجه" → "و" + "يتوج" + "ه"): proclitics ("و", "ف", "س" …) and then the person prefix,
    object pronoun ("حسبما اكده" → "اكد") or ending of a verb ("يتوجه" → "توجه", "وعبروا" → "عبر") taken off, keeping
    at least ``min_stem`` letters. Empty for a language without these lists."""
    proclitics = syntax.get("surface_proclitics", ())
    prefixes, suffixes = syntax.get("verb_prefixes", ()) if person_prefixes else (), syntax.get("verb_suffixes", ())
    if not (proclitics or prefixes or suffixes):
        return set()
    least = syntax.get("min_stem", 3)
    forms = {normalize(word.text, lang)} | ({normalize(token, lang)} if token else set())
    for _ in range(2):  # at most two proclitics: "وس", "فل"
        forms |= {f[len(c):] for f in forms for c in proclitics if f.startswith(c) and len(f) - len(c) >= least}
    forms |= {f[len(p):] for f in forms for p in prefixes if f.startswith(p) and len(f) - len(p) >= least}
    clitics = syntax.get("object_clitics", ()) if word.upos == "VERB" else ()  # a noun's are possessives: "توجهه"
    forms |= {f[: -len(x)] for f in forms for x in clitics if f.endswith(x) and len(f) - len(x) >= least}
    forms |= {f[: -len(x)] for f in forms for x in suffixes if f.endswith(x) and len(f) - len(x) >= least}
    return forms


def _written_stems(word: Word, syntax: dict, lang: str, token: str) -> set[str]:
    """The written word and token without proclitics and verb endings but with
    any prefix: a listed verb whose first letter looks like a person prefix
    ("تحوّل", "تطرقت": form V) is found even when the lemmatizer gives the
    root's other form ("حوّل") and the written stems therefore trust it."""
    return surfacenormalized_set(word, syntax, lang, token, person_prefixes=False)


def _stems(word: Word, lemmas: set[str], syntax: dict, lang: str, token: str) -> set[str]:
    """The lemma keys, and the written stems unless the lemma is one of them (a
    lemma the written form bears out is trusted: "تبين" stays "it appeared")."""
    surface = surfacenormalized_set(word, syntax, lang, token)
    return lemmas if lemmas & surface else lemmas | surface


def verbal_ending(word: Word, syntax: dict, lang: str) -> bool:
    """A form only a verb can have ("عبروا"), whatever part of speech the tagger
    gave; in Arabic a plural verb ending also means the subject is in the verb."""
    text = normalize(word.text, lang)
    return any(text.endswith(normalize(x, lang)) for x in syntax.get("verb_only_endings", ()))
