"""Stanza's documents as Dateline's records: sentences, words and entity mentions.

Offsets are shifted by the chunk's place in the article (see
:mod:`extractors.nlp.chunking`), and a word inside a multi-word token gets
its own exact span where the text allows. Reads Stanza's objects without
importing Stanza (:mod:`extractors.nlp.stanza_backend` is the one import).
"""

from __future__ import annotations

from collections.abc import Iterator

from extractors.records import Entity, Sentence, Span, Word, sentence_index_at


def records(doc, text: str, offset: int, first_index: int) -> tuple[list[Sentence], list[Entity]]:
    """Sentences with their words, and the model's entity mentions (no keys yet)."""
    sentences = []
    for k, sent in enumerate(doc.sentences):
        index = first_index + k
        tokens = sent.tokens
        span = Span(tokens[0].start_char + offset, tokens[-1].end_char + offset)
        words = tuple(_words(tokens, text, offset))
        sentences.append(Sentence(index=index, span=span, text=span.of(text), words=words))
    entities = []
    for ent in doc.ents:
        span = Span(ent.start_char + offset, ent.end_char + offset)
        entities.append(Entity(span.of(text), ent.type, span, sentence_index_at(sentences, span.start), "", "", "model"))
    return sentences, entities


def _words(tokens, text: str, offset: int) -> Iterator[Word]:
    for t_index, token in enumerate(tokens):
        token_span = Span(token.start_char + offset, token.end_char + offset)
        cursor = token_span.start
        for word in token.words:
            span = _word_span(word.text, text, token_span, cursor)
            cursor = span.end if span != token_span else cursor
            yield Word(
                index=word.id,
                text=span.of(text),
                lemma=word.lemma,
                upos=word.upos,
                feats=word.feats,
                head=word.head,
                deprel=word.deprel,
                span=span,
                token_index=t_index,
            )


def _word_span(word_text: str, text: str, token_span: Span, cursor: int) -> Span:
    """The exact sub-span of a (multi-word-token) word, else its token's span.

    Stanza gives offsets for tokens only; a clitic such as ``ب`` in ``بالقطار``
    is found inside its token from a cursor that moves left to right.
    """
    if len(token_span) == len(word_text) and token_span.of(text) == word_text:
        return token_span
    found = text.find(word_text, cursor, token_span.end) if word_text else -1
    if found < 0:
        return token_span
    return Span(found, found + len(word_text))
