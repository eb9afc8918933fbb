"""Long articles cut into pieces Stanza handles in bounded memory.

A piece ends at a paragraph end when it can, else at a line end, a sentence
end or a space; each piece keeps its offset into the article, so spans found
in a piece are shifted back to index the article text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

#: Longest text handed to Stanza as one document; longer articles are chunked.
MAX_CHUNK_CHARS = 6_000


@dataclass(frozen=True)
class Chunk:
    """A piece of one article handed to Stanza as its own document."""

    article_index: int
    offset: int
    text: str



def chunk_text(article_index: int, text: str, limit: int) -> Iterator[Chunk]:
    """Pieces of at most ``limit`` characters, cut at paragraph (else line) ends.

    A single paragraph longer than ``limit`` is cut at its last sentence-ending
    punctuation or space before the limit.
    """
    start = 0
    while start < len(text):
        end = len(text) if len(text) - start <= limit else _cut_point(text, start, limit)
        if text[start:end].strip():
            yield Chunk(article_index, start, text[start:end])
        start = end


def _cut_point(text: str, start: int, limit: int) -> int:
    window = text[start : start + limit]
    for mark in ("\n\n", "\n", ". ", "؟ ", "? ", "! ", " "):
        cut = window.rfind(mark)
        if cut > limit // 4:
            return start + cut + len(mark)
    return start + limit

