"""Recorded analyses, replayed: the NLP backend for tests and for debugging.

A snapshot is what a real backend said about one text: its sentences, words
(lemma, part of speech, features, head, relation, span) and the model's entity
mentions, as JSON. :class:`SnapshotBackend` serves them back by the text's
hash, so extractor tests run in milliseconds and without models, yet on real
model output, errors included. With a ``recorder`` (a real backend) it
analyses what it has not seen and writes the snapshot; that is how snapshots
are made and refreshed (``python tests/snapshots.py``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from extractors.errors import ModelsMissing
from extractors.records import Analysis, Article, Entity, Sentence, Span, Word

SUFFIX = ".analysis.json"
FORMAT = 1


class SnapshotMissing(ModelsMissing):
    """No recorded analysis for a text, and no recorder to make one."""


def text_key(lang: str, text: str) -> str:
    """The file name stem of a text's snapshot."""
    return f"{lang}-" + hashlib.sha256(f"{lang}\0{text}".encode()).hexdigest()[:20]


class SnapshotBackend:
    """Serves recorded analyses from ``directory``; records missing ones with
    ``recorder`` when given (always re-records with ``refresh=True``)."""

    def __init__(self, directory: Path | str, recorder=None, refresh: bool = False):
        self.directory = Path(directory)
        self.recorder = recorder
        self.refresh = refresh
        self.recorded: list[Path] = []
        self.inventory = dict(recorder.inventory) if recorder is not None else self._recorded_inventory()

    def __iter__(self):
        """What the backend is, as key/value pairs (Prefect records parameters as JSON)."""
        yield from {"backend": "snapshot", "directory": str(self.directory), "languages": sorted(self.inventory)}.items()

    def _recorded_inventory(self) -> dict[str, tuple[str, ...]]:
        inventory: dict[str, tuple[str, ...]] = {}
        for path in sorted(self.directory.glob(f"*{SUFFIX}")):
            data = json.loads(path.read_text(encoding="utf-8"))
            inventory.setdefault(data["lang"], tuple(data["processors"]))
        return inventory

    def supports(self, lang: str | None) -> bool:
        return lang in self.inventory

    def processors(self, lang: str) -> tuple[str, ...]:
        return self.inventory.get(lang, ())

    def warm(self, langs: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(lang for lang in set(langs) if self.supports(lang)))

    def loaded_languages(self) -> tuple[str, ...]:
        return tuple(sorted(self.inventory))

    def analyze(self, articles: Sequence[Article], deadline: float | None = None) -> list[Analysis]:
        """Recorded analyses take no time: ``deadline`` is never reached."""
        return [self._one(article) for article in articles]

    def _one(self, article: Article) -> Analysis:
        path = self.directory / f"{text_key(article.lang or '', article.text)}{SUFFIX}"
        if path.is_file() and not self.refresh:
            return from_json(json.loads(path.read_text(encoding="utf-8")), article.article_id)
        if self.recorder is None:
            preview = " ".join(article.text.split())[:50]
            raise SnapshotMissing(
                f"no recorded analysis for {article.article_id} ({article.lang}: {preview!r}); "
                "record it with `python tests/snapshots.py`"
            )
        analysis = self.recorder.analyze([article])[0]
        self.directory.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(to_json(analysis, article.text), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        self.recorded.append(path)
        return analysis


def to_json(analysis: Analysis, text: str) -> dict:
    """A compact JSON form: words and mentions as arrays."""
    return {
        "format": FORMAT,
        "lang": analysis.lang,
        "processors": list(analysis.processors),
        "text": text,
        "sentences": [
            [s.index, s.span.start, s.span.end,
             [[w.index, w.text, w.lemma, w.upos, w.feats, w.head, w.deprel, w.span.start, w.span.end, w.token_index] for w in s.words]]
            for s in analysis.sentences
        ],
        "entities": [[e.text, e.label, e.span.start, e.span.end, e.sentence_index] for e in analysis.entities],
    }


def from_json(data: dict, article_id: str) -> Analysis:
    if data.get("format") != FORMAT:
        raise SnapshotMissing(f"snapshot format {data.get('format')} is not {FORMAT}; re-record with `python tests/snapshots.py`")
    text = data["text"]
    sentences = tuple(
        Sentence(index, Span(start, end), text[start:end],
                 tuple(Word(i, t, lemma, upos, feats, head, rel, Span(a, b), tok) for i, t, lemma, upos, feats, head, rel, a, b, tok in words))
        for index, start, end, words in data["sentences"]
    )
    entities = tuple(Entity(t, label, Span(a, b), sentence, "", "", "model") for t, label, a, b, sentence in data["entities"])
    return Analysis(article_id, data["lang"], sentences, entities, tuple(data["processors"]))
