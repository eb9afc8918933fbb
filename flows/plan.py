"""Planning a run, without Prefect, Stanza or torch.

What ``dateline run`` needs before deciding whether there is work at all:
the files under the folder and those new, changed or pending
(:func:`pending_files`), and, when there are none, the run record and the
read-copy publication (:func:`flows.runs.finish_run`). Keeping this out of
:mod:`flows.ingest` (which imports Prefect) makes an unchanged drop cost a
hash per file and the database, not a Prefect import (1.8 s) or a model load;
``tests/test_fixed_costs.py`` checks that the unchanged path imports none of
them.
"""

from __future__ import annotations

import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

from extractors import EXTRACTOR_VERSION, ingest
from extractors.errors import DatelineError, ModelsMissing
from extractors.nlp import NlpBackend, StanzaBackend, missing_models_message
from extractors.store import Database
from flows.runs import empty_totals, finish_run

#: What is processed again besides new and changed files: nothing, files whose
#: articles were extracted by another extractor version, or every file.
REPROCESS = ("none", "outdated", "all")


def pending_files(db: Database, input_dir: str | Path, reprocess: str = "none",
                  prune: bool = False) -> tuple[list[Path], list[Path]]:
    """All article files under ``input_dir``, and those to process: new or
    changed since they were last processed (SHA-256 of the file and its
    sidecar), pending ones (stored with an empty hash), plus what
    ``reprocess`` asks for (see :data:`REPROCESS`). Known files gone from the
    folder get ``sources.missing_since``; with ``prune`` their rows are
    deleted. The database is open only for this and to migrate it."""
    if reprocess not in REPROCESS:
        raise DatelineError(f"reprocess must be one of {', '.join(REPROCESS)}, not {reprocess!r}")
    folder = Path(input_dir)
    if not folder.is_dir():
        raise DatelineError(f"input folder {folder} does not exist")
    files = ingest.discover(folder)
    with db.open() as store:
        store.migrate()
        missing = store.mark_missing(str(folder), [ingest.path_key(p) for p in files],
                                     datetime.now(timezone.utc).replace(tzinfo=None))
        if prune and missing:
            store.delete_sources(missing)
        known = store.known_sources()
        stale = store.outdated_sources(EXTRACTOR_VERSION) if reprocess == "outdated" else set()
    if reprocess == "all":
        return files, files
    return files, [p for p in files if ingest.path_key(p) in stale or not _unchanged(p, known.get(ingest.path_key(p)))]


def _unchanged(path: Path, known_sha: str | None) -> bool:
    """Whether the file is as it was when last processed (an unreadable one,
    or one stored pending with an empty hash, never is)."""
    if not known_sha:
        return False
    try:
        return ingest.file_sha256(path) == known_sha
    except OSError:
        return False


def record_unchanged_run(input_dir: str | Path, db_path: str | Path) -> dict | None:
    """When no file is new or changed, record the run without Prefect (an
    unchanged drop then costs a hash per file, not a Prefect start-up).
    Returns ``None`` when there is work to do: the caller runs the flow."""
    return plan_run(input_dir, Database(db_path))[0]


def plan_run(input_dir: str | Path, db: Database, resources_dir: str | None = None,
             backend: NlpBackend | None = None, reprocess: str = "none", prune: bool = False) -> tuple[dict | None, list[Path]]:
    """Open (and migrate) the database, find the files to process; with none,
    record the run (and publish) and return its summary, else ``(None, files)``
    after checking that models exist, so that these mistakes surface before
    Prefect starts."""
    started, clock, run_id = datetime.now(timezone.utc), time.perf_counter(), uuid.uuid4().hex
    files, todo = pending_files(db, input_dir, reprocess, prune)
    if todo:
        require_models(backend if backend is not None else StanzaBackend(resources_dir))
        return None, todo
    return finish_run(db, run_id, input_dir, files, todo, empty_totals(), started, clock), []


def require_models(backend: NlpBackend) -> None:
    if not backend.inventory:
        directory = getattr(backend, "directory", "the model directory")
        raise ModelsMissing(missing_models_message("any", directory).replace("language 'any'", "any language"))
