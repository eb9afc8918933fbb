"""Baseline: the corpus through Stanza alone, with no Dateline code on the path.

Same pipelines as ``extractors/nlp.py`` builds (its processor packages read
from the model directory) and the same batch settings (its ``DOCS_PER_CALL``,
``STANZA_BATCH_SIZES`` and ``MAX_CHUNK_CHARS``, imported, not copied), fed
with ``Pipeline.bulk_process``. Only those settings are imported from
Dateline; files are read with plain Python and no records are built, so the
figure is the irreducible cost Dateline's own layers are compared against.

    python bench/stanza_alone.py bench/corpus      # prints one JSON line
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path

from _common import emit, ensure_path

ensure_path()

from extractors import nlp as dateline_nlp  # noqa: E402  (settings only)


def load_texts(corpus_dir: Path) -> dict[str, list[str]]:
    """Texts per language, read directly from the ``.txt`` + ``.meta.json`` drop."""
    by_lang: dict[str, list[str]] = {}
    for path in sorted(Path(corpus_dir).glob("*.txt")):
        meta = json.loads(path.with_name(path.stem + ".meta.json").read_text(encoding="utf-8"))
        by_lang.setdefault(meta["lang"], []).append(path.read_text(encoding="utf-8"))
    return by_lang


def split_long(text: str, limit: int) -> list[str]:
    """Documents of at most ``limit`` characters cut at blank lines, else spaces —
    the same document sizes Dateline hands to Stanza, without its code."""
    pieces, rest = [], text
    while len(rest) > limit:
        cut = max(rest.rfind("\n\n", 0, limit), rest.rfind(" ", 0, limit))
        cut = cut if cut > limit // 4 else limit
        pieces.append(rest[:cut])
        rest = rest[cut:]
    return [p for p in (*pieces, rest) if p.strip()]


def build_pipeline(lang: str, resources_dir: Path):
    """``stanza.Pipeline`` with Dateline's processor packages and batch sizes."""
    import stanza

    threads = getattr(dateline_nlp, "TORCH_THREADS", None)  # mirror nlp.py if it ever sets one
    if threads:
        import torch

        torch.set_num_threads(threads)
    packages = dateline_nlp.StanzaBackend(resources_dir).packages[lang]
    return stanza.Pipeline(
        lang, dir=str(resources_dir), processors=dict(packages), download_method=None,
        logging_level="ERROR", use_gpu=False, **dateline_nlp.STANZA_BATCH_SIZES,
    )


def run(corpus_dir: Path, resources_dir: Path) -> dict:
    """Load time, processing time, articles and Stanza words, per language and total."""
    logging.getLogger("stanza").setLevel(logging.ERROR)
    report = {"articles": 0, "words": 0, "tokens": 0, "load_s": 0.0, "process_s": 0.0, "langs": {}}
    for lang, texts in load_texts(corpus_dir).items():
        started = time.perf_counter()
        pipeline = build_pipeline(lang, resources_dir)
        loaded = time.perf_counter()
        words, tokens = process(pipeline, texts)
        done = time.perf_counter()
        report["langs"][lang] = {"articles": len(texts), "words": words, "load_s": loaded - started, "process_s": done - loaded}
        for key, value in (("articles", len(texts)), ("words", words), ("tokens", tokens), ("load_s", loaded - started), ("process_s", done - loaded)):
            report[key] += value
    return report


def process(pipeline, texts: list[str]) -> tuple[int, int]:
    """Bulk-process the texts in groups of ``DOCS_PER_CALL`` documents."""
    docs = [piece for text in texts for piece in split_long(text, dateline_nlp.MAX_CHUNK_CHARS)]
    words = tokens = 0
    step = dateline_nlp.DOCS_PER_CALL
    for start in range(0, len(docs), step):
        for doc in pipeline.bulk_process(docs[start : start + step]):
            words += doc.num_words
            tokens += doc.num_tokens
    return words, tokens


def main(argv: list[str]) -> None:
    corpus = Path(argv[0]) if argv else Path(__file__).parent / "corpus"
    resources = Path(argv[1]) if len(argv) > 1 else dateline_nlp.resources_dir()
    started = time.perf_counter()
    report = run(corpus, resources)
    report["internal_wall_s"] = time.perf_counter() - started
    report["pid"] = os.getpid()
    emit(report)


if __name__ == "__main__":
    main(sys.argv[1:])
