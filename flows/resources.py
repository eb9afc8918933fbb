"""The external systems the flow runs against, built with their defaults.

Like dagster's resources: the flow takes an NLP backend and a store as
parameters, and this module makes the production ones. It imports neither
Prefect nor Stanza, so commands that need no flow (``dateline extract``,
``dateline nlp``) pay for neither. It also owns the process-wide tuning that
library code must not do on its own (:func:`exempt_models_from_gc`).
"""

from __future__ import annotations

import ctypes
import gc
import os

from extractors.nlp import StanzaBackend

#: torch threads per process unless ``DATELINE_TORCH_THREADS`` says otherwise
#: (0: torch's own default, one per core). Chosen by ``bench/threads.py``: on
#: the shared 2-core machine, Stanza on the same 4 articles processed in 3.2 s
#: with one thread, 34.5 s with two and 59.1 s with torch's default (load
#: average 6-8): a parallel region waits for its slowest thread, and a busy
#: machine deschedules one. One thread costs at most the second core on an idle
#: machine; ``--workers`` uses more cores without that risk.
DEFAULT_TORCH_THREADS = 1

#: Cyclic-collector thresholds once models are loaded (Python's default: 700, 10, 10).
GC_THRESHOLDS = (20_000, 20, 20)


def exempt_models_from_gc() -> None:
    """Move every object alive now (the models' modules, vocabularies and
    parameters: hundreds of thousands of objects that live as long as the
    process) out of the cyclic collector's reach.

    Stanza allocates many short-lived objects per document, so the collector
    runs often; without this every full collection re-scans the models, which
    costs about 5% of Stanza's own time (bench/README.md). For the same
    reason the youngest generation is collected every 20,000 allocations
    rather than every 700: each document's objects then die young in bulk.
    Process-wide, so only entry points (the flow's default backend) use it.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def release_freed_memory() -> None:
    """Hand the C heap's freed memory back to the system, after each batch.

    Every batch opens the database, writes, clusters and closes it: DuckDB
    allocates and frees tens of MB each time, more as the database grows, and
    glibc keeps freed pages in its arenas. Python's own objects stay flat over a
    long run (about 473,000 from 1,000 to 12,000 replayed articles), yet resident
    memory grew 9.2% (``bench/memory.py --days-per-round 14``); trimming after each
    batch took one such run to 6.0%, though a 20,000-article run with it still
    grew 11.5% (README, "What a run costs"). Cheap; a no-op without glibc.
    """
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def default_backend(resources_dir: str | None = None, threads: int | None = None) -> StanzaBackend:
    """The production backend: Stanza models of ``resources_dir`` (else
    ``$STANZA_RESOURCES_DIR``), with the models kept out of the cyclic GC,
    on ``threads`` torch threads (default :func:`torch_threads`).
    ``dateline serve`` builds one and keeps it across its runs (warm models)."""
    return StanzaBackend(resources_dir, threads=(torch_threads() if threads is None else threads) or None,
                         on_load=exempt_models_from_gc)


def torch_threads() -> int:
    """``$DATELINE_TORCH_THREADS``, else :data:`DEFAULT_TORCH_THREADS`; 0 leaves torch's default."""
    try:
        return max(0, int(os.environ.get("DATELINE_TORCH_THREADS", DEFAULT_TORCH_THREADS)))
    except ValueError:
        return DEFAULT_TORCH_THREADS
