"""What a batch task hands the writer: Arrow tables, not records.

A batch task (in the flow's process, a worker process or on a Dask worker)
turns its records into one typed table per output table and returns
:class:`BatchTables`: Arrow tables pickle as column buffers, so a batch
crosses a process boundary without a Python object per row, and the single
writer inserts them as they are. Everything the writer still decides works on
the tables: refusing article ids that another file already holds
(:meth:`BatchTables.refuse`) and the run's totals.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

import polars as pl
import pyarrow as pa

from extractors.store.frames import frame

#: Tables whose rows belong to one article, keyed by ``article_id``.
_ARTICLE_ROWS = ("articles", "sentences", "entities", "time_expressions", "events", "event_mentions", "places", "actors")


@dataclass(frozen=True)
class BatchTables:
    """One batch's rows (table name → Arrow table) and seconds per stage."""

    tables: Mapping[str, pa.Table]
    timings: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def from_frames(cls, frames: Mapping[str, pl.DataFrame], timings: Mapping[str, float]) -> "BatchTables":
        return cls({name: f.to_arrow() for name, f in frames.items()}, dict(timings))

    def frame(self, name: str) -> pl.DataFrame:
        """Table ``name`` as a Polars frame (zero-copy)."""
        return pl.from_arrow(self.tables[name])

    def replace(self, **frames: pl.DataFrame) -> "BatchTables":
        """A copy with the given tables replaced."""
        return BatchTables({**self.tables, **{name: f.to_arrow() for name, f in frames.items()}}, self.timings)

    def article_ids(self) -> list[str]:
        return self.tables["articles"]["article_id"].to_pylist()

    def refuse(self, owners: Mapping[str, str]) -> "BatchTables":
        """Articles whose id another file already stored (``owners``: id →
        where that article is) become ``duplicate_id`` errors, every row they
        produced is dropped, and their files stay pending (an empty hash)
        unless the owner is an earlier part of the same file, as when a big
        JSONL file is cut into batches: the first of its lines keeps the id,
        as within one batch."""
        articles = self.frame("articles")
        refused = articles.filter(pl.col("article_id").is_in(list(owners)))
        if refused.is_empty():
            return self
        errors = frame("ingest_errors", [
            {"source_path": a["source_path"], "location": a["location"], "reason": "duplicate_id",
             "detail": duplicate_detail(a["article_id"], owners[a["article_id"]]), "content_sha256": a["content_sha256"],
             "article_id": a["article_id"]}
            for a in refused.iter_rows(named=True)
        ])
        pending = {a["source_path"] for a in refused.iter_rows(named=True)
                   if not owners[a["article_id"]].startswith(f"{a['source_path']}:")}
        per_source = refused.group_by("source_path").len("n")
        sources = (self.frame("sources").join(per_source, left_on="path", right_on="source_path", how="left")
                   .with_columns(pl.col("n").fill_null(0).cast(pl.Int32))
                   .with_columns(n_articles=pl.col("n_articles") - pl.col("n"), n_errors=pl.col("n_errors") + pl.col("n"),
                                 file_sha256=pl.when(pl.col("path").is_in(list(pending))).then(pl.lit(""))
                                 .otherwise(pl.col("file_sha256")))
                   .drop("n"))
        taken = pl.col("article_id").is_in(refused["article_id"].to_list())
        kept = {name: self.frame(name).filter(~taken) for name in _ARTICLE_ROWS if name in self.tables}
        return self.replace(**kept, sources=sources, ingest_errors=pl.concat([self.frame("ingest_errors"), errors]))

    def totals(self) -> tuple[int, Counter, Counter, set[str]]:
        """Articles, events by type, errors by reason and the source files with an error."""
        errors = self.tables["ingest_errors"]
        return (self.tables["articles"].num_rows, Counter(self.tables["events"]["type"].to_pylist()),
                Counter(errors["reason"].to_pylist()), set(errors["source_path"].to_pylist()))


def duplicate_detail(article_id: str, owner: str) -> str:
    """Why an article was refused: ``owner`` (where the article is) keeps its id."""
    return (f"article id {article_id!r} is already used by {owner}, which keeps it (an id belongs to the first file "
            "stored with it); give this article another id, or remove the other file and run with --prune")
