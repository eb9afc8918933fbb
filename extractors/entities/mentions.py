"""Entity records made from spans, and where a span sits in the sentences."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extractors.entities.gazetteer import canonical
from extractors.records import Entity, Sentence, Span, Word, sentence_index_at


def new_entity(text: str, span: Span, label: str, sentences: Sequence[Sentence], lang: str, origin: str) -> Entity:
    surface = span.of(text)
    key = canonical(surface, lang)
    return Entity(surface, label, span, sentence_of(sentences, span.start), key, key, origin)


def sentence_of(sentences: Sequence[Sentence], offset: int) -> int:
    return sentence_index_at(sentences, offset)


def sentence_words(sentences: Sequence[Sentence], index: int) -> tuple[Word, ...]:
    for sentence in sentences:
        if sentence.index == index:
            return sentence.words
    return ()


def keyed_mention(entity: Entity, lang: str) -> Entity:
    """A model mention with its matching key (the NLP stage knows no keys)."""
    key = canonical(entity.text, lang)
    return replace(entity, canonical=key, resolved=key, origin="model")
