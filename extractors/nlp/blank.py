"""A backend that finds no sentences in any article.

For tests and benchmarks of what surrounds NLP (storage, planning, batching,
failure handling): articles are stored with empty analyses, instantly and
without models. ``langs`` are the languages it claims to have models for, so
tests can play "models pulled" and "models missing".
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.records import Analysis, Article


class BlankBackend:
    """An :class:`~extractors.nlp.backend.NlpBackend` with empty analyses."""

    def __init__(self, langs: Sequence[str] = ("en",)):
        self.inventory = {lang: ("tokenize",) for lang in langs}

    def supports(self, lang: str) -> bool:
        return lang in self.inventory

    def processors(self, lang: str) -> tuple[str, ...]:
        return self.inventory.get(lang, ())

    def warm(self, langs) -> tuple[str, ...]:
        return ()

    def loaded_languages(self) -> tuple[str, ...]:
        return ()

    def analyze(self, articles: Sequence[Article], deadline: float | None = None) -> list[Analysis]:
        return [Analysis(a.article_id, a.lang, (), (), ("tokenize",)) for a in articles]
