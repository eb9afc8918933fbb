"""Pure, Prefect-free code that turns article text into typed records.

One package per stage, each taking and returning the frozen records of
:mod:`extractors.records` (see ARCHITECTURE.md):

    ingest → nlp → entities → timex → events → store

plus :mod:`extractors.pipeline` (one batch through all stages),
:mod:`extractors.lexicon` (per-language data in ``extractors/lang/<lang>/``)
and :mod:`extractors.version` (the version stamped on every row).
"""

from extractors.version import EXTRACTOR_VERSION

__all__ = ["EXTRACTOR_VERSION"]
