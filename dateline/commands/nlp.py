"""``dateline nlp``: sentences and entities of one article, for a quick look.

It runs exactly the stages the flow runs (the NLP backend, then the entity
stage), so what it shows is what the ``sentences`` and ``entities`` tables hold.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from dateline.commands._inputs import FORMAT_OPTION, analyse, emit, load_articles


def register(app: typer.Typer) -> None:
    app.command("nlp")(nlp)


def nlp(
    file: Path = typer.Argument(..., help="Article file (.txt with optional .meta.json, .json, .jsonl)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language code (overrides metadata)."),
    words: bool = typer.Option(False, "--words", help="Also print each word: lemma, UPOS, head, relation."),
    fmt: str = FORMAT_OPTION,
) -> None:
    """Print the sentences and named entities Stanza and Dateline find."""
    articles = load_articles([file], None, lang)
    result = analyse(articles)
    for article, analysis in zip(result.articles, result.analyses):
        name = article.article_id
        emit(({"index": s.index, "start": s.span.start, "end": s.span.end, "text": s.text} for s in analysis.sentences),
             fmt, ("index", "start", "end", "text"), f"{name}: sentences")
        if words:
            emit(_word_rows(analysis), fmt, ("sentence", "index", "text", "lemma", "upos", "head", "deprel", "start", "end"),
                 f"{name}: words")
        emit(({"text": e.text, "label": e.label, "origin": e.origin, "resolved": e.resolved, "sentence": e.sentence_index,
               "start": e.span.start, "end": e.span.end} for e in analysis.entities),
             fmt, ("text", "label", "origin", "resolved", "sentence", "start", "end"), f"{name}: entities")


def _word_rows(analysis):
    for s in analysis.sentences:
        for w in s.words:
            yield {"sentence": s.index, "index": w.index, "text": w.text, "lemma": w.lemma, "upos": w.upos,
                   "head": w.head, "deprel": w.deprel, "start": w.span.start, "end": w.span.end}
