"""Whether a described actor (a noun phrase, no name) names someone who can
travel: a person by title or office ("الوزير", "the foreign minister"), a
delegation or mission, or a phrase holding a name. Ships, goods, news and
proposals "arrive", "reach" and "leave" too ("وصلت المادة", "the proposal
leaves it little"), and none of them is a departure or an arrival.

The title words are the actor lexicon's roles (``actors.toml``: the same
words the coding stage reads), the other travellers ``events.toml``
``actors.travellers``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from extractors import lexicon
from extractors.events.clause import Argument
from extractors.events.speakers import name_words
from extractors.records import Entity

#: Event types whose described actor must name someone (statements and meetings may be by a body).
TRAVEL_TYPES = ("departure", "arrival", "visit")


def names_someone(actor: Argument, entities: Sequence[Entity], lang: str, travellers: Sequence[str]) -> bool:
    """A name inside the phrase, or one of its words a title, office or traveller noun."""
    if any(actor.span.start <= e.span.start and e.span.end <= actor.span.end for e in entities):
        return True
    keys = _agent_keys(lang, tuple(travellers))
    return any(word.startswith(key) or key.startswith(word) and len(word) >= 3 for word in name_words(actor.text, lang, _articles(lang)) for key in keys)


def person_words(actors: Mapping) -> tuple[str, ...]:
    """The nouns, besides titles and offices, that name someone: travellers and people by trade
    (``actors.travellers``, ``actors.person_nouns``), for :func:`names_someone`."""
    return (*actors["travellers"], *actors.get("person_nouns", ()))


def person_title_test(actors: Mapping, lang: str):
    """A predicate: the word names a person by office or trade ("رئيس", "الناطق", "spokesman"), not an
    office itself ("وزارة", "الخارجية"): the nouns of :func:`person_words` and the bare titles."""
    keys, articles = _title_keys(lang, (*person_words(actors), *actors.get("alias_titles", ()))), _articles(lang)
    return lambda text: any(w in keys for w in name_words(text, lang, articles))


@cache
def _title_keys(lang: str, titles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for p in titles for w in name_words(p, lang, _articles(lang))[-1:])


def is_title_word(text: str, lang: str, travellers: Sequence[str]) -> bool:
    """The word itself (its article aside) is a title, office or traveller noun: "minister", "الناطق"."""
    words = name_words(text, lang, _articles(lang))
    return len(words) == 1 and words[0] in _agent_keys(lang, tuple(travellers))


def _articles(lang: str) -> tuple[str, ...]:
    return tuple(lexicon.load(lang, "events").get("senses", {}).get("articles", ()))


@cache
def _agent_keys(lang: str, travellers: tuple[str, ...]) -> frozenset[str]:
    """The normalized last word of every role phrase of the actor lexicon, and the traveller nouns."""
    roles = lexicon.load(lang, "actors").get("roles", {})
    phrases = [p for words in roles.values() for p in words] + list(travellers)
    last_words = (name_words(p, lang, _articles(lang))[-1:] for p in phrases)
    return frozenset(w[0] for w in last_words if w and len(w[0]) >= 3)
