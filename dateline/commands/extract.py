"""``dateline extract``: the dated events of articles, without a database."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from dateline.commands._inputs import FORMAT_OPTION, analyse, emit, load_articles

COLUMNS = ("article_id", "lang", "type", "trigger", "actor", "counterpart", "origin", "destination", "location",
           "date", "date_text", "modality", "confidence", "sentence", "start_char", "end_char")


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)


def extract(
    files: list[Path] = typer.Argument(..., help="Article files (.txt with optional .meta.json, .json, .jsonl)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (overrides metadata)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language code (overrides metadata)."),
    fmt: str = FORMAT_OPTION,
) -> None:
    """Print one line per event: who did what, with whom, where and when."""
    result = analyse(load_articles(files, published, lang))
    rows = [{**{c: getattr(e, c, None) for c in COLUMNS}, "sentence": e.sentence_index,
             "start_char": e.span.start, "end_char": e.span.end} for e in result.events]
    emit(rows, fmt, COLUMNS, "events")
