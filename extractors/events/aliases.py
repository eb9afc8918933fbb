"""A bare title later in an article names the person introduced with it.

"قالت سفيرة الولايات المتحدة لدى الأمم المتحدة، نيكي هيلي، …" and then
"وأبلغت السفيرة …": the ambassador is Haley. A described actor that is only a
title (``actors.alias_titles``, as data) takes the resolved name of the
latest earlier actor, a person named with that title in front of the name
(within :data:`TITLE_WINDOW` words), or an organization with the title right
after it ("a Samsung official said" … "the official said"), so that both
statements are one event. A title whose holder's name follows it
unrecognized ("أكد وزير تكنولوجيا الاتصال والاقتصاد الرقمي نعمان الفهري") is
that holder when another event of the article names him so ("وأضاف نعمان
الفهري"): :func:`name_titles`. And "a GM spokesman" speaks for the company:
:func:`speak_for_organizations`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache

from extractors.entities import canonical
from extractors.entities.gazetteer import token_words
from extractors.entities.keys import NORMALIZED_CACHE
from extractors.entities.linking import expand_acronym
from extractors.events.agents import is_title_word, person_title_test, person_words
from extractors.events.draft import Draft
from extractors.events.names import MAX_TITLE_PHRASE, TITLE_PHRASE_UPOS
from extractors.events.tree import COMMAS
from extractors.records import Entity, Span

#: Parts of speech of a name word the recognizer missed (the tagger's "foreign word" or proper noun).
FIRST_NAME_UPOS = ("X", "PROPN")

#: Words looked at before a name for its title ("وزير العلاقة مع الهيئات … مهدي بن غربية").
TITLE_WINDOW = 12


def resolve_titles(drafts: Sequence[Draft], lex: dict, lang: str) -> None:
    titles = _keys(tuple(lex["actors"]["alias_titles"]), lang)
    if not titles:
        return
    for i, d in enumerate(drafts):
        key = _title_key(d, lang) if d.actor is not None and d.actor.label is None else None
        if key not in titles:
            continue
        keys = _synonyms(tuple(map(tuple, lex["actors"].get("title_synonyms", ()))), lang).get(key, {key})
        named = next((x for x in reversed(drafts[:i]) if x.actor and (x.actor.label == "PER" and keys & _titles_before(x, lang)
                                                                     or x.actor.label == "ORG" and keys & _titles_after(x, lang))), None)
        if named is not None:
            d.actor = replace(d.actor, resolved=named.actor.resolved, source="anaphor")


def _title_key(draft: Draft, lang: str) -> str:
    """The key of a described actor as a title: the whole phrase, or its first word when only adjectives
    follow ("المتحدث الرسمي", "الرئيس السوري", "المدير العام": the spokesman, the president, the director)."""
    words = [w for w in draft.sentence.words if draft.actor.span.start <= w.span.start and w.span.end <= draft.actor.span.end]
    if len(words) > 1 and all(w.upos == "ADJ" for w in words[1:]):
        return _key(words[0].text, lang)
    return _key(draft.actor.text, lang)


@cache
def _synonyms(groups: tuple[tuple[str, ...], ...], lang: str) -> dict[str, set[str]]:
    """Title key → the keys of the titles that say the same ("المتحدث" = "الناطق": spokesman)."""
    return {_key(t, lang): {_key(u, lang) for u in group} for group in groups for t in group}


@cache
def _keys(titles: tuple[str, ...], lang: str) -> frozenset[str]:
    return frozenset(_key(t, lang) for t in titles)


@lru_cache(maxsize=NORMALIZED_CACHE)  # called on any word before a name: bounded, as normalize is
def _key(title: str, lang: str) -> str:
    """A title without its article: "الوزيرة" and "وزيرة الصحة" share "وزيره"."""
    words = canonical(title, lang).split()
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words)


def _titles_after(draft: Draft, lang: str) -> set[str]:
    """Keys of the two words right after an organization actor: "a Samsung official said" names
    the organization for the official who spoke, whom "the official" later is."""
    words = [w for w in draft.sentence.words if w.span.start >= draft.actor.span.end][:2]
    return {_key(w.text, lang) for w in words}


def _titles_before(draft: Draft, lang: str) -> set[str]:
    """Keys of the words (and word pairs) in front of the actor's name in its sentence."""
    words = [w for w in draft.sentence.words if w.span.end <= draft.actor.span.start][-TITLE_WINDOW:]
    keys = [_key(w.text, lang) for w in words]
    return set(keys) | {f"{a} {b}" for a, b in zip(keys, keys[1:])}


def name_titles(drafts: Sequence[Draft], lex: dict, lang: str) -> None:
    """A described actor ("وزير تكنولوجيا الاتصال") followed in its sentence, over words of a title's
    phrase and commas only (no other title), by the name another event of the article has as its actor, is that
    person: the recognizer missed the name here and found it there, or the parse made the same
    words a subject there ("وأضاف نعمان الفهري"): words with no article and no title among them."""
    people = {canonical(d.actor.text, lang): d.actor for d in drafts if d.actor is not None and _named(d.actor, lex, lang)}
    surnames = {canonical(d.actor.text, lang): d.actor for d in drafts if d.actor is not None and _named(d.actor, lex, lang, 1)}
    people.update({k: v for k, v in surnames.items() if len(k.split()) == 1})  # only ever matched after a first name
    if not people:
        return
    is_title = person_title_test(lex["actors"], lang)
    for d in drafts:
        if d.actor is None or d.actor.label is not None or d.actor.source == "anaphor":
            continue
        tokens = _tokens([w for w in d.sentence.words if w.span.start >= d.actor.span.end])[: MAX_TITLE_PHRASE + 3]
        keys = [canonical(text, lang) for text, _, _ in tokens]
        for start, (text, span, upos) in enumerate(tokens):
            holder, skip, size = _holder_at(people, keys, start, upos)
            if holder is not None:  # a first name the recognizer missed may stand before it: "شوقي قداس" … "وأضاف قداس"
                whole = Span(span.start, tokens[start + skip + size - 1][1].end)
                named = replace(holder, text=whole.of(d.clause.text) if skip else holder.text, span=whole, source="parse")
                for e in drafts:  # and the verbs that continue it ("وأضاف في تصريح …")
                    if e.actor is not None and e.actor.span == d.actor.span and e is not d:
                        e.actor = named
                d.actor = named
                break
            if (not set(upos) <= set(TITLE_PHRASE_UPOS) and text not in COMMAS) or is_title(text):
                break  # "ذكّر الوزير بإعلان رئيس الحكومة NAME": the name is the other title's


def _holder_at(people: dict, keys: list[str], start: int, upos: tuple[str, ...]):
    """(the person whose name the tokens from ``start`` give, tokens skipped before it, its length in
    tokens): the name itself, or after one unrecognized name word (:data:`FIRST_NAME_UPOS`)."""
    for skip in (0, 1) if set(upos) <= set(FIRST_NAME_UPOS) else (0,):
        for name, person in people.items():
            size = len(name.split())
            if (skip or size > 1 or person.label == "PER") and keys[start + skip : start + skip + size] == name.split():
                return person, skip, size
    return None, 0, 0


def _tokens(words) -> list[tuple[str, Span, tuple[str, ...]]]:
    """(written token, its span, its words' parts of speech) in order: a name the tokenizer split
    ("منعم" → من + عم) is matched as written."""
    return [("".join(w.text for w in ws), span, tuple(w.upos for w in ws)) for span, ws in token_words(words)]


def _named(actor, lex: dict, lang: str, min_words: int = 2) -> bool:
    """A person's name: recognized, or (``phrase_names``) a phrase of ``min_words`` or more with no article and no title."""
    if actor.label == "PER":
        return True
    if not lex["actors"].get("phrase_names"):
        return False
    words = actor.text.split()
    articles = tuple(lex["senses"].get("articles", ()))
    return (actor.label is None and len(words) >= min_words and not (articles and words[0].startswith(articles))
            and not any(is_title_word(w, lang, person_words(lex["actors"])) for w in words))


def speak_for_organizations(drafts: Sequence[Draft], entities: Sequence[Entity], lex: dict, lang: str) -> None:
    """A described actor that is an organization's name and a title after it ("a GM spokesman said",
    "VW officials said") speaks for the organization: one speaker with its own statements (guidelines:
    the organization of a spokesman names the same speaker). The text stays as written."""
    is_title = person_title_test(lex["actors"], lang)
    organizations = [e for e in entities if e.label == "ORG"]
    for d in drafts:
        if d.actor is None or d.actor.label is not None:
            continue
        words = [w for w in d.sentence.words if d.actor.span.start <= w.span.start and w.span.end <= d.actor.span.end]
        at = next((i for i, w in enumerate(words) if is_title(w.text)), None)
        if not at or not all(is_title(w.text) for w in words[at:]):
            continue
        named = " ".join(w.text for w in words[:at])
        key = canonical(named, lang)
        org = next((e.resolved for e in organizations if key in (e.canonical, e.resolved)), None)
        org = org or expand_acronym(named, [e.resolved for e in organizations], lang)
        if org is not None:
            d.actor = replace(d.actor, resolved=org)
