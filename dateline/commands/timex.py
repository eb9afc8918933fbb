"""``dateline timex``: the time expressions of articles, normalized."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from dateline.commands._inputs import FORMAT_OPTION, emit, load_articles

COLUMNS = ("article_id", "text", "start_char", "end_char", "kind", "value", "granularity", "date_start", "date_end", "rule")


def register(app: typer.Typer) -> None:
    app.command("timex")(timex)


def timex(
    files: list[Path] = typer.Argument(..., help="Article files (.txt with optional .meta.json, .json, .jsonl)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (overrides metadata)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language code (overrides metadata)."),
    fmt: str = FORMAT_OPTION,
) -> None:
    """Print each time expression with its TIMEX3 value (no Stanza needed)."""
    from extractors.timex import find_time_expressions

    rows = []
    for article in load_articles(files, published, lang):
        for t in find_time_expressions(article.text, article.lang, article.published):
            rows.append({"article_id": article.article_id, "text": t.text, "start_char": t.span.start, "end_char": t.span.end,
                         "kind": t.kind, "value": t.value, "granularity": t.granularity, "date_start": t.date_start,
                         "date_end": t.date_end, "rule": t.rule})
    emit(rows, fmt, COLUMNS, "time expressions")
