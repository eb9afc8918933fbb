"""A bare title later in an article names the person introduced with it.

"قالت سفيرة الولايات المتحدة لدى الأمم المتحدة، نيكي هيلي، …" and then
"وأبلغت السفيرة …": the ambassador is Haley. A described actor that is only a
title (``actors.alias_titles``, as data) takes the resolved name of the
latest earlier actor, a person named with that title in front of the name
(within :data:`TITLE_WINDOW` words), so that both statements are one event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache

from extractors.entities import canonical
from extractors.entities.keys import NORMALIZED_CACHE
from extractors.events.draft import Draft

#: Words looked at before a name for its title ("وزير العلاقة مع الهيئات … مهدي بن غربية").
TITLE_WINDOW = 12


def resolve_titles(drafts: Sequence[Draft], lex: dict, lang: str) -> None:
    titles = _keys(tuple(lex["actors"]["alias_titles"]), lang)
    if not titles:
        return
    for i, d in enumerate(drafts):
        if d.actor is None or d.actor.label is not None or _key(d.actor.text, lang) not in titles:
            continue
        key = _key(d.actor.text, lang)
        named = next((x for x in reversed(drafts[:i]) if x.actor and x.actor.label == "PER" and key in _titles_before(x, lang)), None)
        if named is not None:
            d.actor = replace(d.actor, resolved=named.actor.resolved, source="anaphor")


@cache
def _keys(titles: tuple[str, ...], lang: str) -> frozenset[str]:
    return frozenset(_key(t, lang) for t in titles)


@lru_cache(maxsize=NORMALIZED_CACHE)  # called on any word before a name: bounded, as normalize is
def _key(title: str, lang: str) -> str:
    """A title without its article: "الوزيرة" and "وزيرة الصحة" share "وزيره"."""
    words = canonical(title, lang).split()
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words)


def _titles_before(draft: Draft, lang: str) -> set[str]:
    """Keys of the words (and word pairs) in front of the actor's name in its sentence."""
    words = [w for w in draft.sentence.words if w.span.end <= draft.actor.span.start][-TITLE_WINDOW:]
    keys = [_key(w.text, lang) for w in words]
    return set(keys) | {f"{a} {b}" for a, b in zip(keys, keys[1:])}
