"""Articles of ../shared/corpora by id, ingested the way a JSONL drop is."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: ../shared/corpora of the checkout (or of the main checkout, for a git worktree one level deeper); $DATELINE_CORPORA wins.
CORPORA = Path(os.environ.get("DATELINE_CORPORA") or next(
    (p for p in (HERE.parents[1] / "shared" / "corpora", HERE.parents[2] / "shared" / "corpora") if p.is_dir()),
    HERE.parents[1] / "shared" / "corpora"))
CORPUS_OF_LANG = {"en": "reuters21578-en.jsonl", "ar": "ant-ar.jsonl"}


def load(ids: Iterable[str], corpora: Path = CORPORA) -> dict:
    """Article id → :class:`~extractors.records.Article` for every id found."""
    from extractors.ingest import read_articles
    from extractors.records import Article

    wanted = set(ids)
    with tempfile.TemporaryDirectory() as tmp:
        drop = Path(tmp) / "drop.jsonl"
        with drop.open("w", encoding="utf-8") as out:
            for corpus in sorted(set(CORPUS_OF_LANG.values())):
                with open(corpora / corpus, encoding="utf-8") as fh:
                    out.writelines(line for line in fh if json.loads(line)["id"] in wanted)
        return {a.article_id: a for a in read_articles(drop) if isinstance(a, Article)}


def process(articles, resources_dir: str | None = None):
    """The real pipeline (Stanza) over the articles: a :class:`BatchResult`."""
    from extractors.nlp import StanzaBackend
    from extractors.pipeline import process_batch

    return process_batch(list(articles), StanzaBackend(resources_dir))
