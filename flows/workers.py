"""Where batch tasks run when they do not run in the flow's process.

``--workers N`` runs them in a local process pool, ``--dask ADDRESS`` on a
Dask cluster through ``prefect-dask``'s ``DaskTaskRunner``. Either way each
task is pickled with Prefect's flow-run context, which carries the flow's
parameters: :func:`submit` leaves them out (the CLI's progress callback holds
a lock and cannot be pickled; the workers never need them). Each task receives
its backend pickled, and a pickled Stanza backend carries no
models: :class:`PerProcessBackend` makes every worker process build the
backend once (keyed by its pickled form) and reuse it, models loaded, for
every batch it is given (a Dask worker started with ``--preload
flows.preload`` has them loaded before its first batch). The flow process
stays the single writer. Prefect-free until a runner is asked for.
"""

from __future__ import annotations

import functools
import pickle
from collections.abc import Iterable, Sequence

from extractors.nlp import NlpBackend
from extractors.records import Analysis, Article
from flows.resources import keep_tensors_in_heap


@functools.cache
def _resident(spec: bytes) -> NlpBackend:
    """The backend of ``spec`` in this process: built on the first batch, kept
    (in a Dask worker, with glibc's heap made fit for Stanza's tensors again)."""
    keep_tensors_in_heap()
    return pickle.loads(spec)


class PerProcessBackend:
    """A picklable handle that resolves, in each process, to one kept backend."""

    def __init__(self, backend: NlpBackend) -> None:
        self.spec = pickle.dumps(backend)
        self.inventory = dict(backend.inventory)

    def __iter__(self):
        """What the backend is (Prefect records parameters as JSON)."""
        yield from {"backend": "per-process", "languages": sorted(self.inventory)}.items()

    @property
    def backend(self) -> NlpBackend:
        return _resident(self.spec)

    def supports(self, lang: str | None) -> bool:
        return self.backend.supports(lang)

    def processors(self, lang: str) -> tuple[str, ...]:
        return self.backend.processors(lang)

    def warm(self, langs: Iterable[str]) -> tuple[str, ...]:
        return self.backend.warm(langs)

    def loaded_languages(self) -> tuple[str, ...]:
        return self.backend.loaded_languages()

    def analyze(self, articles: Sequence[Article], deadline: float | None = None) -> list[Analysis]:
        return self.backend.analyze(articles, deadline)


def task_runner(workers: int, dask: str | None):
    """The Prefect task runner: a Dask cluster's when ``dask`` is an address
    (``tcp://host:8786``) or a ``distributed`` cluster object, else a local pool."""
    if dask is not None:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask) if isinstance(dask, str) else DaskTaskRunner(cluster=dask)
    from prefect.task_runners import ProcessPoolTaskRunner

    return ProcessPoolTaskRunner(max_workers=workers)


def submit(runner, task, parameters: dict):
    """``runner.submit(task, parameters)`` with a copy of the flow-run context
    whose flow parameters are empty. Prefect serializes the current context
    for every submitted task, the flow's parameters included; one that cannot
    be pickled (a callback holding an ``RLock``) would fail every batch."""
    from prefect.context import FlowRunContext

    context = FlowRunContext.get()
    if context is None:
        return runner.submit(task, parameters)
    flow_run = context.flow_run.model_copy(update={"parameters": {}}) if context.flow_run is not None else None
    with context.model_copy(update={"parameters": {}, "flow_run": flow_run}):
        return runner.submit(task, parameters)
