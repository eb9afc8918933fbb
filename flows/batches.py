"""Batches bounded by articles and characters, not by files.

A folder of single-article files and one ``.jsonl`` holding 5,000 articles
must both be processed in batches of the same size, each written as it
completes: memory then depends on the batch, not on how the articles were
packaged. :func:`plan_batches` cuts the work into :class:`Part`\\ s (a whole
file, or a range of a JSONL file's lines) and groups them into batches of at
most ``max_articles`` articles and about ``max_chars`` characters (counted as
bytes, without reading the files: Arabic in UTF-8 counts double, on the safe
side).

A file cut into parts is replaced part by part: its first part deletes what
an earlier run stored for it, the others only add, and its ``sources`` row
(the hash that marks it done) is written with its last part, with the counts
of all parts; if a part failed or left the file pending, that row has an
empty hash and the next run processes the file again (:class:`SplitFiles`).

A part of at least :data:`LARGE_FILE_BYTES` (a large single-article file, or
one JSONL line over the bounds) is a batch of its own, after the others, so
that a long article never holds back the writes of short ones.
Prefect-free, so the flow and its tests share it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from extractors.ingest import path_key

#: Characters (bytes) per batch: about 64 news articles of 3,000 characters.
DEFAULT_BATCH_CHARS = 200_000
#: A part at least this large (bytes) is a batch of its own, after the others.
LARGE_FILE_BYTES = 256_000


@dataclass(frozen=True)
class Part:
    """A whole file (``lines`` None) or lines ``lines[0]..lines[1]`` of a JSONL file."""

    path: str
    lines: tuple[int, int] | None = None
    first: bool = True
    last: bool = True


def plan_batches(todo: Sequence[Path], max_articles: int, max_chars: int = DEFAULT_BATCH_CHARS) -> list[list[Part]]:
    """The files to do as batches of parts, in order, then each large part
    (:data:`LARGE_FILE_BYTES`) in a batch of its own."""
    batches: list[list[Part]] = []
    large: list[list[Part]] = []
    current: list[Part] = []
    articles = chars = 0
    for part, n, size in _parts(todo, max_articles, max_chars):
        if size >= LARGE_FILE_BYTES:
            large.append([part])
            continue
        if current and (articles + n > max_articles or chars + size > max_chars):
            batches.append(current)
            current, articles, chars = [], 0, 0
        current.append(part)
        articles, chars = articles + n, chars + size
    if current:
        batches.append(current)
    return batches + large


def _parts(todo: Sequence[Path], max_articles: int, max_chars: int) -> Iterator[tuple[Part, int, int]]:
    """(part, articles, bytes) for each piece of work."""
    for path in todo:
        path = Path(path)
        if path.suffix != ".jsonl":
            yield Part(str(path)), 1, _size(path)
            continue
        runs = list(_line_runs(path, max_articles, max_chars))
        if len(runs) <= 1:
            yield Part(str(path)), sum(r[2] for r in runs) or 1, _size(path)
            continue
        for k, (first, last, n, size) in enumerate(runs):
            yield Part(str(path), (first, last), k == 0, k == len(runs) - 1), n, size


def _line_runs(path: Path, max_articles: int, max_chars: int) -> Iterator[tuple[int, int, int, int]]:
    """(first line, last line, non-blank lines, bytes) runs of a JSONL file,
    each within the bounds (a single line over them is a run of its own)."""
    first = number = n = size = 0
    try:
        with path.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                blank = not line.strip()
                if n and not blank and (n + 1 > max_articles or size + len(line) > max_chars):
                    yield first, number - 1, n, size
                    first, n, size = 0, 0, 0
                first = first or number
                n, size = n + (not blank), size + len(line)
    except OSError:
        return  # unreadable: processed whole, and recorded as such
    if first:
        yield first, number, n, size


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class SplitFiles:
    """What the writer does differently for files cut into parts."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter] = {}
        self.pending: set[str] = set()

    @staticmethod
    def replaced(batch: Sequence[Part]) -> list[str]:
        """Source paths (as stored) whose earlier rows this batch's write deletes;
        ids stored from them do not count as taken (a later part of a file
        finds the ids its earlier parts stored in this run taken)."""
        return [path_key(p.path) for p in batch if p.first]

    def sources(self, batch: Sequence[Part], frame):
        """The batch's ``sources`` rows: none for a part before the last; for
        the last, the counts of every part, with an empty hash (pending) if
        any part failed or left the file pending."""
        split = {p.path: p for p in batch if p.lines is not None}
        if not split:
            return frame
        import polars as pl

        keep, rows = [], frame.to_dicts()
        for row in rows:
            part = split.get(row["path"])
            if part is None:
                keep.append(row)
                continue
            counts = self.counts.setdefault(part.path, Counter())
            counts.update(n_articles=row["n_articles"], n_errors=row["n_errors"])
            if not row["file_sha256"]:  # the part failed (flows.ingest._failed_batch) or is pending
                self.pending.add(part.path)
            if part.last:
                sha = "" if part.path in self.pending else row["file_sha256"]
                keep.append({**row, "file_sha256": sha, "n_articles": counts["n_articles"], "n_errors": counts["n_errors"]})
        return pl.DataFrame(keep, schema=frame.schema) if keep else frame.clear()
