"""``dateline nlp``: sentences and entities of one article, for a quick look."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from dateline.commands._inputs import FORMAT_OPTION, emit, load_articles


def register(app: typer.Typer) -> None:
    app.command("nlp")(nlp)


def nlp(
    file: Path = typer.Argument(..., help="Article file (.txt with optional .meta.json, .json, .jsonl)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language code (overrides metadata)."),
    fmt: str = FORMAT_OPTION,
) -> None:
    """Print the sentences and named entities Stanza and Dateline find."""
    from extractors.nlp import NlpEngine

    engine = NlpEngine()
    for article in load_articles([file], None, lang):
        if not engine.supports(article.lang):
            engine.pipeline(article.lang)
        analysis = engine.analyze([article])[0]
        emit(({"index": s.index, "start": s.span.start, "end": s.span.end, "text": s.text} for s in analysis.sentences),
             fmt, ("index", "start", "end", "text"), f"{article.article_id}: sentences")
        emit(({"text": e.text, "label": e.label, "origin": e.origin, "resolved": e.resolved, "sentence": e.sentence_index,
               "start": e.span.start, "end": e.span.end} for e in analysis.entities),
             fmt, ("text", "label", "origin", "resolved", "sentence", "start", "end"), f"{article.article_id}: entities")
