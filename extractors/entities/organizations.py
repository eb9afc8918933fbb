"""Organizations the model missed, found from the head nouns of the language
data ("وكالة الأنباء المركزية الكورية", "Central News Agency")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from extractors import lexicon
from extractors.entities.gazetteer import CLOSED_UPOS, NAME_UPOS
from extractors.entities.keys import matching, normalize
from extractors.entities.mentions import new_entity
from extractors.records import Entity, Sentence, Span, Word


def organization_entities(sentences: Sequence[Sentence], text: str, lang: str) -> Iterable[Entity]:
    """Organization names opened (Arabic) or closed (English) by a head noun
    from the language data: "وكالة الأنباء المركزية الكورية", "Central News
    Agency". The caller keeps them only where the model found nothing."""
    rules = lexicon.load(lang, "entities").get("organizations", {})
    heads = {normalize(h, lang) for h in rules.get("heads", ())}
    if not heads:
        return
    find = _org_after_head if rules.get("head_position", "first") == "first" else _org_before_head
    for sentence in sentences:
        words = sentence.words
        for i, word in enumerate(words):
            if normalize(word.text, lang) in heads:
                span = find(words, i, lang, int(rules.get("max_words", 6)))
                if span is not None:
                    yield new_entity(text, span, "ORG", sentences, lang, "pattern")


def _org_after_head(words: Sequence[Word], i: int, lang: str, max_words: int) -> Span | None:
    """Head, then either names ("جامعة كوكمين") or a definite noun followed by
    definite adjectives ("وكالة الأنباء المركزية الكورية"); the first word
    after the head decides which, so "وزارة الثقافة صندوقا" stops at the noun."""
    definite = tuple(matching(lang).get("definite_prefixes", ()))

    def is_definite(word: Word) -> bool:
        return bool(definite) and word.text.startswith(definite) and len(word.text) > 3

    end, names = None, False
    for k, word in enumerate(words[i + 1 : i + max_words], start=1):
        if k == 1:
            names = word.upos in NAME_UPOS and not is_definite(word)
            ok = names or (is_definite(word) and word.upos in {"NOUN", "ADJ", "PROPN", "X"})
        else:
            ok = (word.upos in NAME_UPOS and not is_definite(word)) if names else (is_definite(word) and word.upos in {"ADJ", "X"})
        if not ok:
            break
        end = word.span.end
    return Span(words[i].span.start, end) if end is not None else None


def _org_before_head(words: Sequence[Word], i: int, lang: str, max_words: int) -> Span | None:
    """Capitalized words (not sentence-initial function words) before the head, over a connector
    between two of them ("Anglo American Corp of South Africa Ltd": ``organizations.connectors``)."""
    if not words[i].text[:1].isupper():
        return None
    connectors = set(lexicon.load(lang, "entities").get("organizations", {}).get("connectors", ()))
    start = _name_start(words[max(0, i - max_words - 2) : i], connectors)
    return Span(start, words[i].span.end) if start is not None else None


def _name_start(before: Sequence[Word], connectors: set[str] = frozenset()) -> int | None:
    """Where the run of capitalized words that ends ``before`` starts (no closed-class word in it, a
    connector only between two capitalized words); None when ``before`` does not end in one."""
    start = None
    run = list(reversed(before))
    for n, word in enumerate(run):
        joins = word.text in connectors and start is not None and n + 1 < len(run) and run[n + 1].text[:1].isupper()
        if not joins and (not word.text[:1].isupper() or word.upos in CLOSED_UPOS):
            break
        if not joins:
            start = word.span.start
    return start


def has_org_head(name: str, lang: str) -> bool:
    """Whether a canonical name opens (Arabic) or closes (English) with an
    organization head noun of the language data."""
    rules = lexicon.load(lang, "entities").get("organizations", {})
    words = name.split()
    if len(words) < 2:
        return False
    edge = words[0] if rules.get("head_position", "first") == "first" else words[-1]
    return edge in {normalize(h, lang) for h in rules.get("heads", ())}


def joined_across_split(entities: Sequence[Entity], sentences: Sequence[Sentence], text: str, lang: str) -> list[Entity]:
    """An organization's name the sentence splitter cut before its head ("Great Lakes Forest Products |
    Ltd said it …", "Hanover Insurance | Co said"): a sentence that opens with a head noun right after a
    sentence ending in capitalized words with no final punctuation (English: head last) is one name across
    them; the model's mentions inside it go."""
    rules = lexicon.load(lang, "entities").get("organizations", {})
    heads = {normalize(h, lang) for h in rules.get("heads", ())}
    if not heads or rules.get("head_position", "first") != "last":
        return list(entities)
    out = list(entities)
    for before, after in zip(sentences, sentences[1:]):
        if not before.words or not after.words or normalize(after.words[0].text, lang) not in heads:
            continue
        if not after.words[0].text[:1].isupper() or text[before.span.end : after.span.start].strip():
            continue
        start = _name_start(before.words[-int(rules.get("max_words", 6)) :])
        if start is None:
            continue  # the sentence ends in punctuation or a word that is no name's
        span = Span(start, after.words[0].span.end)
        out = [e for e in out if not span.contains(e.span)] + [new_entity(text, span, "ORG", sentences, lang, "pattern")]
    return out
