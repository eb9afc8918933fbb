"""Reading the FILE arguments of the inspection commands (nlp, timex, extract)."""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import json
import math
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

import typer

from extractors import ingest
from extractors.errors import DatelineError
from extractors.records import Article, IngestError


def load_articles(files: Sequence[Path], published: str | None, lang: str | None) -> list[Article]:
    """Articles of the files (sidecar metadata read as in ingestion);
    ``--published``/``--lang`` override the metadata."""
    anchor = _parse_date(published) if published else None
    articles = []
    for path in files:
        if not path.is_file():
            raise DatelineError(f"{path}: no such file")
        for item in ingest.read_articles(path):
            if isinstance(item, IngestError):
                raise DatelineError(f"{item.path}: {item.reason}: {item.detail}")
            if anchor:
                item = dataclasses.replace(item, published=anchor, published_source="option")
            if lang:
                item = dataclasses.replace(item, lang=lang, lang_source="option")
            if item.lang is None:
                raise DatelineError(f"{item.path}: language unknown; pass --lang")
            articles.append(item)
    return articles


def analyse(articles: Sequence[Article]):
    """The articles through every stage the flow runs, with the default
    backend; missing models or a failed article are one-line errors."""
    from extractors.errors import ModelsMissing
    from extractors.nlp import missing_models_message
    from extractors.pipeline import process_batch
    from flows.resources import default_backend

    backend = default_backend()
    for article in articles:
        if not backend.supports(article.lang):
            raise ModelsMissing(missing_models_message(article.lang, backend.directory))
    result = process_batch(articles, backend)
    if result.errors:
        first = result.errors[0]
        raise DatelineError(f"{first.path}: {first.reason}: {first.detail}")
    return result


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DatelineError(f"--published {text!r} is not a date like 2023-09-12") from None


def emit(rows: Iterable[dict], fmt: str, columns: Sequence[str], title: str) -> None:
    rows = list(rows)
    if fmt == "jsonl":
        for row in rows:
            typer.echo(json.dumps({c: _plain(row.get(c)) for c in columns}, ensure_ascii=False, allow_nan=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    Console().print(table)


def _plain(value):
    """A JSON value for any DuckDB value: DECIMAL as a number when exact
    (else a string of its digits), BLOB as hex, UUID, INTERVAL and TIME as
    strings, dates and timestamps in ISO 8601, NaN and infinities as strings,
    lists, structs and maps recursively."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, decimal.Decimal):
        return float(value) if value.is_finite() and decimal.Decimal(repr(float(value))) == value else str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    if isinstance(value, (date, datetime.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    return str(value)  # UUID, timedelta, and whatever a newer DuckDB adds


FORMAT_OPTION = typer.Option("table", "--format", "-f", help="Output format: table or jsonl.", case_sensitive=False)
