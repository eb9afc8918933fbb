"""The dashboard's logic with Streamlit's AppTest, on the seed's read copy
(built by the flow with recorded analyses: no models needed)."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dateline.dashboard import queries, render
from extractors.store import VIEWS, Database, Store

APP = Path(__file__).resolve().parents[1] / "dateline" / "dashboard" / "app.py"
SEED_DEPARTURE = "غادر"


def page(copy: Path, monkeypatch) -> AppTest:
    monkeypatch.setenv("DATELINE_READ_COPY", str(copy))
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.run()
    assert not app.exception, app.exception
    return app


def html(app: AppTest) -> str:
    return "\n".join(m.value for m in app.markdown)


def events_html(app: AppTest) -> str:
    return next(m.value for m in app.markdown if "<div class='dl-events'>" in m.value)


def event_rows(app: AppTest) -> list[list[str]]:
    """The events table as the reader sees it: the cells of each row's summary."""
    summaries = re.findall(r"<summary class='dl-row'>(.*?)</summary>", events_html(app))
    return [re.findall(r"<span dir='auto'>(.*?)</span>", s) for s in summaries]


@pytest.fixture(scope="module")
def copy(seed_db: Database) -> Path:
    seed_db.publish("test", "end of run")
    return seed_db.read_copy


def test_the_page_shows_the_seed_events_with_their_evidence(copy, monkeypatch):
    app = page(copy, monkeypatch)
    (n_events,) = Store(copy, read_only=True).query("SELECT count(*) FROM events")[0]
    assert any(c.value.startswith("Data as of ") and f"{n_events} events" in c.value for c in app.caption)
    chart = app.get("vega_lite_chart")
    assert len(chart) == 1
    rows = event_rows(app)
    assert len(rows) == n_events
    departure = next(r for r in rows if r[0] == "departure" and r[1] == "كيم جونغ أون" and r[4] == "2023-09-10")
    assert "روسيا" in departure[3] and departure[5] == "asserted"
    evidence = events_html(app)
    assert f"<mark class='dl-trigger'>{SEED_DEPARTURE}</mark>" in evidence
    assert "<mark class='dl-time'>يوم الأحد</mark>" in evidence
    assert "<p class='dl-sentence' dir='rtl' lang='ar'>" in evidence  # Arabic evidence right to left
    assert "<p class='dl-sentence' dir='ltr' lang='en'>" in evidence
    assert "Kim heads to Russia (test fixture)" in evidence  # the article's title


def test_the_chart_counts_day_precise_events_per_type(copy, monkeypatch):
    app = page(copy, monkeypatch)
    spec = app.get("vega_lite_chart")[0].proto.spec
    assert '"renderer": "svg"' in spec  # drawn as SVG: its labels are in the DOM
    table = next(m.value for m in app.markdown if "<th scope='col'>day</th>" in m.value)
    expected = Store(copy, read_only=True).query(
        "SELECT date_start, type, count(*) FROM events WHERE granularity IN ('day', 'time') GROUP BY ALL ORDER BY 1, 2")
    cells = re.findall(r"<tr><td dir='auto'>(.*?)</td><td dir='auto'>(.*?)</td><td dir='auto'>(.*?)</td></tr>", table)
    assert cells == [(str(d), t, str(n)) for d, t, n in expected]


def test_filters_narrow_every_part_of_the_page(copy, monkeypatch):
    app = page(copy, monkeypatch)
    app.sidebar.multiselect(key="types").select("meeting").run()
    assert {r[0] for r in event_rows(app)} == {"meeting"}
    app.sidebar.multiselect(key="types").unselect("meeting").run()
    app.sidebar.multiselect(key="langs").select("en").run()
    english = event_rows(app)
    assert english and all(re.search("[A-Za-z]", r[1]) for r in english)
    app.sidebar.multiselect(key="langs").unselect("en").run()
    app.sidebar.text_input(key="actor").input("بيسكوف").run()
    assert [r[1] for r in event_rows(app)] == ["ديمتري بيسكوف"]
    app.sidebar.text_input(key="actor").input("").run()
    app.sidebar.text_input(key="place").input("vladivostok").run()
    assert {r[0] for r in event_rows(app)} == {"arrival"}
    app.sidebar.text_input(key="place").input("").run()
    app.sidebar.checkbox(key="undated").uncheck().run()
    app.sidebar.date_input(key="dates").set_value((date(2023, 9, 11), date(2023, 9, 11))).run()
    dates = {r[4] for r in event_rows(app)}
    assert dates == {"2023-09-11"}


def test_top_actors_pairs_and_places(copy, monkeypatch):
    app = page(copy, monkeypatch)
    markup = html(app)
    actors = next(m.value for m in app.markdown if "<th scope='col'>meetings</th>" in m.value)
    # 'كيم' and 'كيم جونغ أون' are one actor, under the fullest name; the negated meeting is left out
    assert "<tr><td dir='auto'>كيم جونغ أون</td><td dir='auto'>1</td><td dir='auto'>0</td><td dir='auto'>1</td></tr>" in actors
    assert "<td dir='auto'>كيم</td>" not in actors
    pairs = next(m.value for m in app.markdown if "<th scope='col'>second</th>" in m.value)
    assert "فلاديمير بوتين" in pairs and "كيم جونغ أون" in pairs
    places = next(m.value for m in app.markdown if "<th scope='col'>roles</th>" in m.value)
    assert "<td dir='auto'>روسيا</td>" in places
    assert "no map" in " ".join(c.value for c in app.caption) and not app.get("deck_gl_json_chart")
    assert "<script" not in markup


def test_a_map_appears_when_places_have_coordinates(copy, tmp_path, monkeypatch):
    """Geocoding may add latitude/longitude to event_places later: the page
    then maps the places without any change."""
    located = tmp_path / "located.duckdb"
    shutil.copy(copy, located)
    with Store(located) as store:
        store.query("CREATE OR REPLACE VIEW event_places AS SELECT event_id, role, place, "
                    "CASE WHEN place = 'روسيا' THEN 61.5 END AS latitude, CASE WHEN place = 'روسيا' THEN 105.3 END AS longitude "
                    "FROM (SELECT event_id, 'destination' AS role, destination AS place FROM events) WHERE place IS NOT NULL")
    app = page(located, monkeypatch)
    assert len(app.get("deck_gl_json_chart")) == 1


def test_a_missing_database_says_what_to_do(tmp_path, monkeypatch):
    app = page(tmp_path / "nothing.duckdb", monkeypatch)
    assert len(app.warning) == 1 and "dateline run" in app.warning[0].value
    assert not app.error


def test_an_empty_database_says_it_has_no_events(tmp_path, monkeypatch):
    db = Database(tmp_path / "dateline.duckdb")
    with db.open() as store:
        store.migrate()
    db.publish("empty", "end of run")
    app = page(db.read_copy, monkeypatch)
    assert len(app.info) == 1 and "no events yet" in app.info[0].value
    assert any(c.value.startswith("Data as of") for c in app.caption)


def test_a_file_that_is_not_a_database_is_one_clear_message(tmp_path, monkeypatch):
    bogus = tmp_path / "bogus.duckdb"
    bogus.write_text("not a database")
    app = page(bogus, monkeypatch)
    assert len(app.error) == 1 and app.error[0].value.startswith(f"Cannot show {bogus}")


def _sql_names(sql: str) -> set[str]:
    """Names a query reads: what follows FROM or JOIN (subqueries excluded)."""
    return set(re.findall(r"\b(?:FROM|JOIN)\s+([A-Za-z_][A-Za-z0-9_]*)", sql))


def test_the_page_reads_only_documented_views():
    every = [queries.DATA_AS_OF, queries.OPTIONS, queries.PLACE_COLUMNS]
    f = queries.Filters(start=date(2023, 1, 1), end=date(2023, 12, 31), types=("meeting",), modalities=("planned",),
                        langs=("ar",), actor="x", place="y")
    every += [queries.per_day(f), queries.counts(f), queries.events(f), queries.top_actors(f), queries.top_pairs(f),
              queries.places(f, True)]
    documented = {name for name, _, _ in VIEWS} | {"picked"}
    for q in every:
        assert _sql_names(q.sql) <= documented, (q.sql, _sql_names(q.sql) - documented)
        assert q.sql.count("?") == len(q.params)


def test_evidence_highlighting_escapes_text_and_ignores_bad_spans():
    assert render.highlighted("a <b> c", [(2, 5, "dl-trigger")]) == "a <mark class='dl-trigger'>&lt;b&gt;</mark> c"
    assert render.highlighted("abc", [(0, 2, "x"), (1, 3, "y"), (2, 9, "z"), (None, 1, "w")]) == "<mark class='x'>ab</mark>c"


def test_reports_of_one_event_in_two_articles_count_once_in_the_headline(prefect_harness, backend, tmp_path, monkeypatch):
    """An English and an Arabic report of one meeting (and a different meeting
    ten days later): each report is a row, the headline also counts each
    real-world event once."""
    from conftest import FIXTURES
    from flows.ingest import ingest_articles

    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("en_meeting", "ar_meeting", "en_other_meeting"):
        for suffix in (".txt", ".meta.json"):
            shutil.copy(FIXTURES / "clusters" / f"{name}{suffix}", folder / f"{name}{suffix}")
    db = Database(tmp_path / "d.duckdb")
    ingest_articles(input_dir=str(folder), db_path=str(db.path), backend=backend)
    with Store(db.read_copy, read_only=True) as store:
        events, real_world = store.query("SELECT count(*), count(DISTINCT cluster_id) FROM events")[0]
        meetings, met = store.query("SELECT count(*), count(DISTINCT cluster_id) FROM events WHERE type = 'meeting'")[0]
    assert real_world < events and met < meetings
    app = page(db.read_copy, monkeypatch)
    assert any(f"{events} events from 3 articles match ({real_world} once reports" in c.value for c in app.caption)
    app.sidebar.multiselect(key="types").select("meeting").run()
    assert not app.exception, app.exception
    captions = "\n".join(c.value for c in app.caption)
    assert f"{meetings} events from 3 articles match ({met} once reports" in captions, captions
