"""Which actor names of one article are the same speaker.

News names a speaker in full once and then shortly: "Margaret Thatcher said …
Thatcher added", "وزيرة السياحة سلمى اللومي … وأكدت الوزيرة … وبينت اللومي",
"a GM spokesman said … the spokesman added". Merging statements per speaker
and day (:mod:`.merge`) needs those short forms to count as the full one, or a
dashboard counts one speaker's statement two or three times.

A name is the same speaker as a longer name of the article when its words,
the article dropped, are a run of whole words of that name, and of no other
longer name of the article: "Kim" next to both "Kim Jong Un" and "Kim Yo Jong"
stays itself, since guessing would merge two people. A name of several words
with one long word misspelled by a letter ("قايد السسي") is still that name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from extractors.entities.keys import normalize


def speaker_keys(names: Iterable[str], lang: str, articles: Sequence[str] = ()) -> dict[str, tuple[str, ...]]:
    """Each name → the words of the speaker it stands for (its own when no
    single longer name contains it)."""
    words = {name: name_words(name, lang, articles) for name in set(names) if name}
    longest = sorted({w for w in words.values() if w}, key=len, reverse=True)
    keys = {}
    for name, own in words.items():
        holders = [other for other in longest if len(other) > len(own) and _run_of(own, other)]
        wider = [h for h in holders if not any(h != g and _run_of(h, g) for g in holders)]  # the widest forms only
        keys[name] = wider[0] if len(wider) == 1 and own else own
    return keys


def name_words(name: str, lang: str, articles: Sequence[str] = ()) -> tuple[str, ...]:
    """The name's words, normalized, each without a leading article ("الوزيرة" → "وزيره")."""
    out = []
    for word in normalize(name, lang).split():
        article = next((a for a in articles if word.startswith(a) and len(word) - len(a) >= 3), "")
        out.append(word[len(article) :])
    return tuple(out)


def _run_of(inner: tuple[str, ...], outer: tuple[str, ...]) -> bool:
    """``inner`` is a run of whole words of ``outer``; one long word of a run of
    several may be misspelled by a letter ("قايد السسي" in "الباجي قايد السبسي")."""
    n = len(inner)
    return n > 0 and any(_same_run(inner, outer[i : i + n]) for i in range(len(outer) - n + 1))


#: Shortest word (its article dropped) whose one-letter misspelling is still taken for it.
MIN_MISSPELT = 4


def _same_run(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a == b:
        return True
    exact = sum(x == y for x, y in zip(a, b))
    return exact >= 1 and exact == len(a) - 1 and all(x == y or _one_letter_apart(x, y) for x, y in zip(a, b))


def _one_letter_apart(x: str, y: str) -> bool:
    """One letter inserted, dropped or replaced, the longer word of :data:`MIN_MISSPELT` letters or more."""
    if max(len(x), len(y)) < MIN_MISSPELT or abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(p != q for p, q in zip(x, y)) == 1
    short, long_ = sorted((x, y), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def same_speaker(keys: Mapping[str, tuple[str, ...]], a: str, b: str) -> bool:
    return a == b or (a in keys and b in keys and keys[a] == keys[b])
