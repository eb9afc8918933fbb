"""The Stanza backend: articles in, :class:`Analysis` records out.

This is the only module that imports Stanza. Pipelines are built from what the
model directory actually holds (its ``resources.json`` and the model files, see
:mod:`extractors.nlp.models`), so a language without ``depparse`` or ``ner``
still works, with less evidence for the later stages. Each language's pipeline
is loaded once per process (for the same model files) and reused by every
backend that asks for it; a backend uses its pipelines under its own lock, so
two backends of one process must not analyze from two threads at once.

Articles are processed many at a time (Stanza's bulk processing of a list of
documents). Long articles are cut into chunks (:mod:`extractors.nlp.chunking`)
so that memory stays flat; offsets are shifted back so every span indexes the
article. Entities come out as the model gave them: the entity stage
(:mod:`extractors.entities`) repairs, completes and links them.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from extractors.errors import ModelsMissing, TimeBudgetExceeded
from extractors.nlp.chunking import MAX_CHUNK_CHARS, chunk_text
from extractors.nlp.models import (
    missing_models_message,
    package_inventory,
    resources_dir,
)
from extractors.nlp.stanza_docs import records
from extractors.records import Analysis, Article, Entity, Sentence

#: Documents per Stanza bulk call and Stanza's own per-processor batch sizes
#: (words for pos/lemma/depparse, sentences for ner). Small batches pad less:
#: on 192 real articles, depparse at 400 words instead of 3,000 took 20% less
#: time and cut peak memory from 1,560 to about 740 MiB (a batch is padded to
#: its longest sentence, and the parser's scores grow with length squared).
DOCS_PER_CALL = 32
#: Pieces per Stanza call with a deadline (read between calls): the overrun bound.
DOCS_PER_DEADLINE_CALL = 2
STANZA_BATCH_SIZES = {"pos_batch_size": 1000, "lemma_batch_size": 1000, "depparse_batch_size": 400, "ner_batch_size": 32}


def pull_models(langs: Sequence[str], dir: Path | None = None) -> None:  # noqa: A002 (contract name)
    """Download the default models of ``langs`` (needs the internet)."""
    import stanza

    directory = Path(dir or resources_dir())
    for lang in langs:
        try:
            stanza.download(lang, model_dir=str(directory), logging_level="WARN")
        except Exception as exc:  # network errors come in many types
            raise ModelsMissing(
                f"could not download Stanza models for '{lang}' ({_short(exc)}); check the network, "
                "or copy a Stanza model directory here and set STANZA_RESOURCES_DIR to it"
            ) from None


class StanzaBackend:
    """Analyzes batches of articles with the Stanza models of a directory.

    ``on_load`` is called after each pipeline is built: the entry point that
    owns the process (the CLI, the flow) uses it to tune the garbage collector
    around the models; library code never does. The backend pickles without
    its pipelines, so a worker process builds its own.
    """

    def __init__(self, resources_dir: Path | str | None = None, max_chunk_chars: int = MAX_CHUNK_CHARS,
                 auto_pull: bool = False, threads: int | None = None, on_load: Callable[[], None] | None = None):
        """``auto_pull``: try ``stanza.download`` once per missing language
        (when the network allows) before declaring it unsupported;
        ``threads``: CPU threads for this process's models."""
        self.directory = Path(resources_dir) if resources_dir else globals()["resources_dir"]()
        self.max_chunk_chars = max_chunk_chars
        self.auto_pull = auto_pull
        self.threads = threads
        self.on_load = on_load
        self._pull_tried: set[str] = set()
        self._pipelines: dict[str, object] = {}
        self._lock = threading.Lock()
        self.refresh()

    def with_threads(self, threads: int) -> "StanzaBackend":
        """The same backend for a worker process that gets ``threads`` CPU threads."""
        return StanzaBackend(self.directory, self.max_chunk_chars, self.auto_pull, threads, self.on_load)

    def __iter__(self):
        """What the backend is: Prefect records a flow's parameters as JSON and would otherwise walk the models."""
        yield from {"backend": "stanza", "directory": str(self.directory), "languages": sorted(self.inventory)}.items()

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_pipelines": {}, "_lock": None}

    def __setstate__(self, state: dict) -> None:
        """In another process (a Dask worker elsewhere) the models are where its own STANZA_RESOURCES_DIR says, if set."""
        self.__dict__.update(state)
        self._lock = threading.Lock()
        if (local := os.environ.get("STANZA_RESOURCES_DIR")) and Path(local).expanduser() != self.directory:
            self.directory = Path(local).expanduser()
            self.refresh()

    def refresh(self) -> None:
        """(Re)read which models the directory holds (a long-lived process
        such as ``dateline serve`` finds models pulled since it started)."""
        self.packages = package_inventory(self.directory)
        self.inventory = {lang: tuple(p) for lang, p in self.packages.items()}

    def supports(self, lang: str | None) -> bool:
        if lang and lang not in self.inventory and self.auto_pull and lang not in self._pull_tried:
            self._pull_tried.add(lang)
            try:
                pull_models([lang], self.directory)
            except ModelsMissing:
                return False
            self.refresh()
        return lang in self.inventory

    def processors(self, lang: str) -> tuple[str, ...]:
        return self.inventory.get(lang, ())

    def loaded_languages(self) -> tuple[str, ...]:
        return tuple(sorted(self._pipelines))

    def warm(self, langs: Iterable[str]) -> tuple[str, ...]:
        """Build the pipelines of ``langs`` now; returns those that loaded."""
        loaded = []
        for lang in sorted(set(langs)):
            try:
                self.pipeline(lang)
                loaded.append(lang)
            except ModelsMissing:
                continue
        return tuple(loaded)

    def pipeline(self, lang: str):
        """The Stanza pipeline of ``lang``; built on first use."""
        if not self.supports(lang):
            raise ModelsMissing(missing_models_message(lang, self.directory))
        with self._lock:
            if lang not in self._pipelines:
                if self.threads:
                    _set_threads(self.threads)
                self._pipelines[lang] = _build_pipeline(lang, self.directory, self.packages[lang])
                if self.on_load is not None:
                    self.on_load()
        return self._pipelines[lang]

    def analyze(self, articles: Sequence[Article], deadline: float | None = None) -> list[Analysis]:
        """One :class:`Analysis` per article, in input order (``deadline``: see the protocol)."""
        results: list[Analysis | None] = [None] * len(articles)
        by_lang: dict[str, list[int]] = {}
        for i, article in enumerate(articles):
            by_lang.setdefault(article.lang or "", []).append(i)
        for lang, indexes in by_lang.items():
            for i, analysis in zip(indexes, self._analyze_language(lang, [articles[i] for i in indexes], deadline)):
                results[i] = analysis
        return [r for r in results if r is not None]

    def _analyze_language(self, lang: str, articles: list[Article], deadline: float | None = None) -> list[Analysis]:
        nlp = self.pipeline(lang)
        chunks = [c for i, a in enumerate(articles) for c in chunk_text(i, a.text, self.max_chunk_chars)]
        sentences: list[list[Sentence]] = [[] for _ in articles]
        mentions: list[list[Entity]] = [[] for _ in articles]
        step = DOCS_PER_CALL if deadline is None else DOCS_PER_DEADLINE_CALL
        for start in range(0, len(chunks), step):
            if deadline is not None and time.monotonic() > deadline:
                raise TimeBudgetExceeded(f"the time budget ran out after {start} of {len(chunks)} pieces of NLP")
            group = chunks[start : start + step]
            docs = nlp.bulk_process([c.text for c in group])
            for chunk, doc in zip(group, docs):
                article = articles[chunk.article_index]
                first = len(sentences[chunk.article_index])
                sents, ents = records(doc, article.text, chunk.offset, first)
                sentences[chunk.article_index].extend(sents)
                mentions[chunk.article_index].extend(ents)
        _release_freed_memory()
        return [Analysis(article_id=article.article_id, lang=lang, sentences=tuple(sentences[i]),
                         entities=tuple(mentions[i]), processors=self.processors(lang)) for i, article in enumerate(articles)]


def _release_freed_memory() -> None:
    """Hand the heap's free pages back to the system after a batch (glibc only).

    Stanza's tensors change size with every batch and leave freed holes in the
    heap. Measured: peak memory on 1,000 articles 1,154 -> 1,089 MiB; over
    5,000 it still crept up: tracemalloc (bench/memory.py) showed earlier
    batches' Stanza documents (reference cycles, rarely collected with the
    thresholds of flows/resources.py) still alive, so they are collected here.
    """
    gc.collect()  # Stanza's documents are reference cycles: free them before trimming
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim():
    """glibc's ``malloc_trim``, looked up once; ``None`` elsewhere."""
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def _set_threads(threads: int) -> None:
    """CPU threads for this process's models (one worker of several gets its share)."""
    import torch

    torch.set_num_threads(max(1, threads))


def _build_pipeline(lang: str, directory: Path, packages: dict[str, str]):
    """A CPU pipeline naming each processor's package, so a directory without
    ``default_processors`` (or with a missing default file) still loads.

    Loaded once per process for the same models, whichever backend asks: a
    backend unpickled in a Dask worker then finds the models the worker
    loaded when it started (``flows.preload.dask_setup``)."""
    return _loaded_pipeline(lang, str(directory), tuple(sorted(packages.items())))


@functools.cache
def _loaded_pipeline(lang: str, directory: str, packages: tuple[tuple[str, str], ...]):
    import stanza

    logging.getLogger("stanza").setLevel(logging.ERROR)
    try:
        return stanza.Pipeline(
            lang,
            dir=directory,
            processors=dict(packages),
            download_method=None,
            logging_level="ERROR",
            use_gpu=False,
            **STANZA_BATCH_SIZES,
        )
    except Exception as exc:  # Stanza raises several types for broken/missing files
        raise ModelsMissing(f"cannot load Stanza models for '{lang}' from {directory}: {_one_line(exc)}") from None


def _short(exc: BaseException, limit: int = 100) -> str:
    text = _one_line(exc)
    return text if len(text) <= limit else text[:limit] + "…"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
