"""Stanza behind one small interface: articles in, :class:`Analysis` records out.

This is the only module that imports Stanza. Pipelines are built from what the
model directory actually holds (its ``resources.json`` and the model files), so
a language without ``depparse`` or ``ner`` still works, with less evidence for
the later stages. Each language's pipeline is built once per process and reused.

Articles are processed many at a time (Stanza's bulk processing of a list of
documents). Long articles are cut into chunks at paragraph boundaries so that
memory stays flat; offsets are shifted back so every span indexes the article.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import json
import logging
import os
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from extractors import entities as entity_layer
from extractors.errors import ModelsMissing
from extractors.records import Analysis, Article, Entity, Sentence, Span, Word

#: Processors Dateline can use, in pipeline order. Only ``tokenize`` is required.
KNOWN_PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
REQUIRED_PROCESSORS = ("tokenize",)
#: What each processor needs before it in a Stanza pipeline.
PROCESSOR_REQUIRES = {"mwt": {"tokenize"}, "pos": {"tokenize"}, "lemma": {"tokenize"}, "depparse": {"pos", "lemma"}, "ner": {"tokenize"}}
#: Longest text handed to Stanza as one document; longer articles are chunked.
MAX_CHUNK_CHARS = 6_000
#: Documents per Stanza bulk call and Stanza's own per-processor batch sizes
#: (words for pos/lemma/depparse, sentences for ner). Small batches pad less:
#: on 192 real articles, depparse at 400 words instead of 3,000 took 20% less
#: time and cut peak memory from 1,560 to about 740 MiB (a batch is padded to
#: its longest sentence, and the parser's scores grow with length squared).
DOCS_PER_CALL = 32
STANZA_BATCH_SIZES = {"pos_batch_size": 1000, "lemma_batch_size": 1000, "depparse_batch_size": 400, "ner_batch_size": 32}

#: Cyclic-collector thresholds once models are loaded (Python's default: 700, 10, 10).
GC_THRESHOLDS = (20_000, 20, 20)

_PIPELINES: dict[tuple[str, str, tuple[str, ...]], object] = {}
_LOCK = threading.Lock()


def resources_dir() -> Path:
    """``$STANZA_RESOURCES_DIR``, else Stanza's default ``~/stanza_resources``."""
    env = os.environ.get("STANZA_RESOURCES_DIR")
    return Path(env).expanduser() if env else Path.home() / "stanza_resources"


def model_inventory(dir: Path | None = None) -> dict[str, tuple[str, ...]]:  # noqa: A002 (contract name)
    """Processors whose model files are present, per language, in pipeline order.

    Read from ``resources.json`` and checked against the files on disk, never
    assumed; a processor whose requirements are absent (``depparse`` without
    ``pos``) is left out so that the pipeline can still be built.
    """
    return {lang: tuple(packages) for lang, packages in model_packages(dir).items()}


def model_packages(dir: Path | None = None) -> dict[str, dict[str, str]]:  # noqa: A002 (contract name)
    """Language → {processor: package name} of the usable models (``padt``, ``ewt`` …)."""
    return _package_inventory(Path(dir or resources_dir()))


def _package_inventory(directory: Path) -> dict[str, dict[str, str]]:
    """Language → {processor: package} for the processors usable from ``directory``."""
    try:
        resources = json.loads((directory / "resources.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(resources, dict):
        return {}
    inventory = {}
    for lang, entry in resources.items():
        packages = _usable_packages(directory / lang, entry) if isinstance(entry, dict) else {}
        if all(p in packages for p in REQUIRED_PROCESSORS):
            inventory[lang] = packages
    return inventory


def _usable_packages(lang_dir: Path, entry: dict) -> dict[str, str]:
    """The default package of each processor if its file exists, else any listed
    package whose file exists; then drop processors missing a requirement."""
    defaults = entry.get("default_processors")
    defaults = defaults if isinstance(defaults, dict) else {}
    packages: dict[str, str] = {}
    for name in KNOWN_PROCESSORS:
        listed = entry.get(name)
        candidates = [defaults.get(name)] + (list(listed) if isinstance(listed, dict) else [])
        found = next((c for c in candidates if isinstance(c, str) and (lang_dir / name / f"{c}.pt").is_file()), None)
        if found and PROCESSOR_REQUIRES.get(name, set()) <= set(packages):
            packages[name] = found
    return packages


def missing_models_message(lang: str | None, directory: Path) -> str:
    """The one line a user sees: what is missing and the two ways to fix it."""
    if not lang:
        return "article language unknown — give it in the metadata (or --lang) so the right Stanza models are used"
    return (
        f"no Stanza models for language '{lang}' in {directory} — run "
        f"`dateline models pull {lang}` or point STANZA_RESOURCES_DIR at a model directory"
    )


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


@dataclass(frozen=True)
class _Chunk:
    """A piece of one article handed to Stanza as its own document."""

    article_index: int
    offset: int
    text: str


class NlpEngine:
    """Analyzes batches of articles with the Stanza models of a directory."""

    def __init__(self, resources_dir: Path | None = None, max_chunk_chars: int = MAX_CHUNK_CHARS, auto_pull: bool = False, threads: int | None = None):
        """``auto_pull``: try ``stanza.download`` once per missing language
        (when the network allows) before declaring it unsupported;
        ``threads``: CPU threads for this process's models."""
        self.directory = Path(resources_dir or globals()["resources_dir"]())
        self.max_chunk_chars = max_chunk_chars
        self.auto_pull = auto_pull
        self._pull_tried: set[str] = set()
        self._refresh()
        if threads:
            _set_threads(threads)

    def _refresh(self) -> None:
        self.packages = _package_inventory(self.directory)
        self.inventory = {lang: tuple(p) for lang, p in self.packages.items()}

    def supports(self, lang: str | None) -> bool:
        if lang and lang not in self.inventory and self.auto_pull and lang not in self._pull_tried:
            self._pull_tried.add(lang)
            try:
                pull_models([lang], self.directory)
            except ModelsMissing:
                return False
            self._refresh()
        return lang in self.inventory

    def processors(self, lang: str) -> tuple[str, ...]:
        return self.inventory.get(lang, ())

    def pipeline(self, lang: str):
        """The cached Stanza pipeline of ``lang``; built on first use."""
        if not self.supports(lang):
            raise ModelsMissing(missing_models_message(lang, self.directory))
        processors = self.processors(lang)
        key = (str(self.directory), lang, processors)
        with _LOCK:
            if key not in _PIPELINES:
                _PIPELINES[key] = _build_pipeline(lang, self.directory, self.packages[lang])
                _exempt_from_gc()
        return _PIPELINES[key]

    def analyze(self, articles: Sequence[Article]) -> list[Analysis]:
        """One :class:`Analysis` per article, in input order."""
        results: list[Analysis | None] = [None] * len(articles)
        by_lang: dict[str, list[int]] = {}
        for i, article in enumerate(articles):
            by_lang.setdefault(article.lang or "", []).append(i)
        for lang, indexes in by_lang.items():
            for i, analysis in zip(indexes, self._analyze_language(lang, [articles[i] for i in indexes])):
                results[i] = analysis
        return [r for r in results if r is not None]

    def _analyze_language(self, lang: str, articles: list[Article]) -> list[Analysis]:
        nlp = self.pipeline(lang)
        chunks = [c for i, a in enumerate(articles) for c in chunk_text(i, a.text, self.max_chunk_chars)]
        sentences: list[list[Sentence]] = [[] for _ in articles]
        raw_entities: list[list[Entity]] = [[] for _ in articles]
        for start in range(0, len(chunks), DOCS_PER_CALL):
            group = chunks[start : start + DOCS_PER_CALL]
            docs = nlp.bulk_process([c.text for c in group])
            for chunk, doc in zip(group, docs):
                article = articles[chunk.article_index]
                first = len(sentences[chunk.article_index])
                sents, ents = _records(doc, article.text, chunk.offset, first, lang)
                sentences[chunk.article_index].extend(sents)
                raw_entities[chunk.article_index].extend(ents)
        _release_freed_memory()
        return [
            Analysis(
                article_id=article.article_id,
                lang=lang,
                sentences=tuple(sentences[i]),
                entities=entity_layer.finalize(raw_entities[i], sentences[i], article.text, lang),
                processors=self.processors(lang),
            )
            for i, article in enumerate(articles)
        ]


def _exempt_from_gc() -> None:
    """Move every object alive now (the models' modules, vocabularies and
    parameters: hundreds of thousands of objects that live as long as the
    process) out of the cyclic collector's reach.

    Stanza allocates many short-lived objects per document, so the collector
    runs often; without this every full collection re-scans the models, which
    costs about 5% of Stanza's own time (bench/README.md). For the same
    reason the youngest generation is collected every 20,000 allocations
    rather than every 700: each document's objects then die young in bulk.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _release_freed_memory() -> None:
    """Hand the heap's free pages back to the system after a batch (glibc only).

    Stanza's tensors change size with every batch and leave freed holes in the
    heap. Measured: peak memory on 1,000 articles 1,154 -> 1,089 MiB; over
    5,000 it still creeps up (bench/README.md), so this is not the whole story.
    """
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
    ``default_processors`` (or with a missing default file) still loads."""
    import stanza

    logging.getLogger("stanza").setLevel(logging.ERROR)
    try:
        return stanza.Pipeline(
            lang,
            dir=str(directory),
            processors=dict(packages),
            download_method=None,
            logging_level="ERROR",
            use_gpu=False,
            **STANZA_BATCH_SIZES,
        )
    except Exception as exc:  # Stanza raises several types for broken/missing files
        raise ModelsMissing(f"cannot load Stanza models for '{lang}' from {directory}: {_one_line(exc)}") from None


def chunk_text(article_index: int, text: str, limit: int) -> Iterator[_Chunk]:
    """Pieces of at most ``limit`` characters, cut at paragraph (else line) ends.

    A single paragraph longer than ``limit`` is cut at its last sentence-ending
    punctuation or space before the limit.
    """
    start = 0
    while start < len(text):
        end = len(text) if len(text) - start <= limit else _cut_point(text, start, limit)
        if text[start:end].strip():
            yield _Chunk(article_index, start, text[start:end])
        start = end


def _cut_point(text: str, start: int, limit: int) -> int:
    window = text[start : start + limit]
    for mark in ("\n\n", "\n", ". ", "؟ ", "? ", "! ", " "):
        cut = window.rfind(mark)
        if cut > limit // 4:
            return start + cut + len(mark)
    return start + limit


def _records(doc, text: str, offset: int, first_index: int, lang: str) -> tuple[list[Sentence], list[Entity]]:
    sentences = []
    for k, sent in enumerate(doc.sentences):
        index = first_index + k
        tokens = sent.tokens
        span = Span(tokens[0].start_char + offset, tokens[-1].end_char + offset)
        words = tuple(_words(tokens, text, offset))
        sentences.append(Sentence(index=index, span=span, text=span.of(text), words=words))
    entities = [
        entity_layer.model_entity(text, Span(ent.start_char + offset, ent.end_char + offset), ent.type, sentences, lang)
        for ent in doc.ents
    ]
    return sentences, [e for e in entities if e is not None]


def _words(tokens, text: str, offset: int) -> Iterator[Word]:
    for t_index, token in enumerate(tokens):
        token_span = Span(token.start_char + offset, token.end_char + offset)
        cursor = token_span.start
        for word in token.words:
            span = _word_span(word.text, text, token_span, cursor)
            cursor = span.end if span != token_span else cursor
            yield Word(
                index=word.id,
                text=span.of(text),
                lemma=word.lemma,
                upos=word.upos,
                feats=word.feats,
                head=word.head,
                deprel=word.deprel,
                span=span,
                token_index=t_index,
            )


def _word_span(word_text: str, text: str, token_span: Span, cursor: int) -> Span:
    """The exact sub-span of a (multi-word-token) word, else its token's span.

    Stanza gives offsets for tokens only; a clitic such as ``ب`` in ``بالقطار``
    is found inside its token from a cursor that moves left to right.
    """
    if len(token_span) == len(word_text) and token_span.of(text) == word_text:
        return token_span
    found = text.find(word_text, cursor, token_span.end) if word_text else -1
    if found < 0:
        return token_span
    return Span(found, found + len(word_text))


def _short(exc: BaseException, limit: int = 100) -> str:
    text = _one_line(exc)
    return text if len(text) <= limit else text[:limit] + "…"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
