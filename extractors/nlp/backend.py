"""The seam between Dateline and its NLP library.

Every later stage needs the same thing from NLP: per article, sentences of
words with lemmas, parts of speech and a dependency parse, and the model's
named-entity mentions, all as frozen records (:class:`Analysis`). Anything
that provides them can be the backend: Stanza in production
(:class:`~extractors.nlp.stanza_backend.StanzaBackend`), recorded analyses in
tests (:class:`~extractors.nlp.snapshot.SnapshotBackend`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

from extractors.records import Analysis, Article


@runtime_checkable
class NlpBackend(Protocol):
    """What the pipeline asks of an NLP backend."""

    #: Language → processors available (``tokenize``, ``pos``, ``depparse`` …).
    inventory: dict[str, tuple[str, ...]]

    def supports(self, lang: str | None) -> bool:
        """Whether articles in ``lang`` can be analysed."""

    def processors(self, lang: str) -> tuple[str, ...]:
        """The processors that will run for ``lang``."""

    def warm(self, langs: Iterable[str]) -> tuple[str, ...]:
        """Load what ``langs`` need now (before a timed or latency-bound run);
        returns the languages that are ready."""

    def loaded_languages(self) -> tuple[str, ...]:
        """Languages whose models are loaded in this process."""

    def analyze(self, articles: Sequence[Article], deadline: float | None = None) -> list[Analysis]:
        """One analysis per article, in input order; entities as the model gave them.
        Past ``deadline`` (a ``time.monotonic()`` value) a backend that works
        in steps raises :class:`~extractors.errors.TimeBudgetExceeded`."""
