"""What a Dask worker does when it starts: ``dask worker ADDRESS --preload flows.preload``.

Without it a worker loads its models on its first batch, inside the first
run it serves; with it the worker is ready before any run arrives. Only
Dask imports this module (it is the preload), so its imports of the flow
make no cycle.
"""

from __future__ import annotations

import logging
import os

from extractors.timex.dateparser_adapter import parse_calendar_date
from flows.resources import default_backend, keep_tensors_in_heap

#: Languages a Dask worker loads when it starts (comma-separated); default: all its models hold.
PRELOAD_LANGS = "DATELINE_PRELOAD_LANGS"


def dask_setup(worker=None) -> tuple[str, ...]:
    """Dask's preload hook (``dask worker ADDRESS --preload flows.preload``):
    load this worker's models and language data and import the batch task's
    modules when the worker starts, not inside the first run it serves
    (about 6 s of one core per worker, bench/README.md). Models come from
    the worker's ``STANZA_RESOURCES_DIR``, for the languages of
    :data:`PRELOAD_LANGS`, else every language it holds; a batch's backend, unpickled later, finds them
    loaded (:func:`extractors.nlp.stanza_backend._build_pipeline`). A worker
    whose models do not load still starts, with one warning: its batches
    then report the missing models as they would without the preload.
    Returns the languages loaded."""
    # What a worker's first task imports otherwise: the task's module (Prefect and every extraction
    # stage), Prefect's task engine and prefect-dask's client, which run and send each task.
    import flows.ingest  # noqa: F401
    import prefect.task_engine  # noqa: F401
    import prefect_dask.client  # noqa: F401

    keep_tensors_in_heap()
    backend = default_backend()
    wanted = [lang.strip() for lang in os.environ.get(PRELOAD_LANGS, "").split(",") if lang.strip()]
    wanted = wanted or sorted(backend.inventory)
    try:
        loaded = backend.warm(wanted)
        for lang in loaded:  # dateparser's data for the language, read on its first date
            parse_calendar_date("1 1 2000", lang, None)
    except Exception as exc:  # noqa: BLE001  (a worker without models still serves; its batches say why)
        loaded, reason = (), " ".join(str(exc).split())[:200]
    else:
        reason = "no models for them in " + str(backend.directory)
    if not wanted or set(loaded) != set(wanted):
        logging.getLogger("dateline").warning("this Dask worker did not preload the models of %s: %s",
                                              ", ".join(sorted(set(wanted) - set(loaded))) or "any language", reason)
    return loaded
