"""Shared by the event tests: a fixture text through NLP, time and events."""

from datetime import date

from extractors import entities
from extractors.events import extract_events
from extractors.records import Article
from extractors.timex import find_time_expressions

#: Publication day of every fixture: Tuesday 2023-09-12, as the seed article.
TUE = date(2023, 9, 12)


def fixture_events(backend, text: str, lang: str):
    """The events Dateline extracts from ``text`` published on :data:`TUE`."""
    article = Article(f"fixture-{lang}", text, "0" * 64, "mem", lang, "metadata", TUE, "metadata")
    analysis = entities.resolve(backend.analyze([article])[0], text)
    return extract_events(article, analysis, find_time_expressions(text, lang, TUE, analysis.sentences))


def only(events, type_):
    """The single event of ``type_``; fails listing every event otherwise."""
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger, e.actor) for e in events]
    return found[0]
