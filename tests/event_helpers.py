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


# --- date inventories (tests/test_dates_*_inventory.py) ---------------------------------


def inventory_params(cases, known_failures: dict[str, str]):
    """One ``pytest.param`` per case ``(id, text, published, type, actor, date)``;
    a known failure is a strict xfail with its reason, so a fix shows as XPASS."""
    import pytest

    for case_id, *rest in cases:
        marks = [pytest.mark.xfail(reason=known_failures[case_id], strict=True)] if case_id in known_failures else []
        yield pytest.param(*rest, id=case_id, marks=marks)


def check_inventory_ids(cases, known_failures: dict[str, str], minimum: int) -> None:
    """An inventory has at least ``minimum`` cases, unique ids, and known failures only among them."""
    ids = [c[0] for c in cases]
    assert len(ids) >= minimum and len(set(ids)) == len(ids)
    assert set(known_failures) <= set(ids)


def check_inventory_case(backend, lang: str, text: str, published: date, type_: str, actor: str, expected: str | None):
    """The first event of ``type_`` whose actor (or, for a meeting, counterpart)
    the scorer would accept for ``actor`` carries the ``expected`` date."""
    article = Article(f"inventory-{lang}", text, "0" * 64, "mem", lang, "metadata", published, "metadata")
    analysis = entities.resolve(backend.analyze([article])[0], text)
    events = extract_events(article, analysis, find_time_expressions(text, lang, published, analysis.sentences))
    names = lambda e: (e.actor, e.actor_resolved) + ((e.counterpart, e.counterpart_resolved) if type_ == "meeting" else ())  # noqa: E731
    found = [e for e in events if e.type == type_ and any(_holds(n, actor, lang) for n in names(e))]
    assert found, [(e.type, e.trigger, e.actor, e.date) for e in events]
    assert found[0].date == expected, [(e.type, e.trigger, e.actor, e.date, e.date_text) for e in events]


def _holds(name: str | None, actor: str, lang: str) -> bool:
    """The scorer's actor test: equal canonical forms, or one a run of whole words of the other."""
    from extractors.entities.gazetteer import canonical

    if not name:
        return False
    a, b = canonical(name, lang).split(), canonical(actor, lang).split()
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1))
