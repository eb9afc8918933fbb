"""The external systems the flow runs against, built with their defaults.

Like dagster's resources: the flow takes an NLP backend and a store as
parameters, and this module makes the production ones. It imports neither
Prefect nor Stanza, so commands that need no flow (``dateline extract``,
``dateline nlp``) pay for neither. It also owns the process-wide tuning that
library code must not do on its own (:func:`exempt_models_from_gc`).
"""

from __future__ import annotations

import ctypes
import functools
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
    No full collection first: after both languages load it finds about 20
    unreachable objects among 330,000 and costs 0.14-0.2 s per call.
    """
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def exempt_language_data_from_gc(langs) -> None:
    """After a process's first batch of each language, move what that batch
    loaded to stay (the gazetteer's indexes, dateparser's language data, the
    lexicons: about 150,000 objects per language) out of the cyclic
    collector's reach, as :func:`exempt_models_from_gc` does for the models.

    They are loaded after the models, so every batch's collection (Stanza's
    documents are cycles, see ``extractors.nlp``) re-scanned them: 42-52 ms
    per batch, 265,000 tracked objects, 1.1 s of a Dask worker's 25 batches.
    Frozen objects are still freed by reference counting; what the first
    batch left in cycles at that moment stays for good, once per language.
    """
    for lang in sorted(set(langs)):
        _freeze_after_first_batch(lang)


@functools.cache
def _freeze_after_first_batch(lang: str) -> None:
    gc.collect()
    gc.freeze()


def release_freed_memory() -> None:
    """Hand the C heap's freed memory back to the system, after each batch.

    Every batch opens the database, writes, clusters and closes it: DuckDB
    allocates and frees tens of MB each time, more as the database grows, and
    glibc keeps freed pages in its arenas. Python's own objects stay flat over a
    long run (about 473,000 from 1,000 to 12,000 replayed articles), yet resident
    memory grew 9.2% (``bench/memory.py --days-per-round 14``); trimming after each
    batch took one such run to 6.0%. What it did not return was free memory in the
    malloc arenas of DuckDB's per-connection threads, which the writer no longer
    starts (``extractors.store.access.WRITER_THREADS``). Cheap; a no-op without glibc.
    """
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


#: glibc's M_MMAP_THRESHOLD parameter (malloc.h) and the largest value its dynamic threshold reaches on
#: 64-bit systems (DEFAULT_MMAP_THRESHOLD_MAX).
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD_BYTES = 32 * 1024 * 1024
#: Environment settings with which glibc stops raising the mmap threshold on its own.
_FIXED_MALLOC_SETTINGS = ("MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_")


def keep_tensors_in_heap() -> bool:
    """In a process started with a fixed malloc setting (a Dask worker: its
    nanny sets ``MALLOC_TRIM_THRESHOLD_=65536``), let blocks up to 32 MiB come
    from the heap again; returns whether it did.

    glibc raises its mmap threshold as large blocks are freed, so the tensors
    Stanza allocates and frees for every document are soon recycled within the
    heap; any ``MALLOC_*_`` setting turns that off, and every block over
    128 KiB is then mapped and unmapped, zeroed pages faulted in each time.
    Measured on bench/corpus (200 articles, models loaded): Stanza 27.3 s of
    CPU, 31.4 s with Dask's setting (system time 1.6 -> 6.8 s), 27.1 s with it
    and this call, peak memory within 10%. The trim threshold is left as set:
    freed memory still goes back to the system. An explicit
    ``MALLOC_MMAP_THRESHOLD_`` is respected.
    """
    if "MALLOC_MMAP_THRESHOLD_" in os.environ or "mmap_threshold" in os.environ.get("GLIBC_TUNABLES", ""):
        return False
    if not any(name in os.environ for name in _FIXED_MALLOC_SETTINGS):
        return False
    try:
        return bool(ctypes.CDLL("libc.so.6").mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))
    except (OSError, AttributeError):
        return False


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
