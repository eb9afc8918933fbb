"""Saved web pages and RSS/Atom feeds in the drop folder (small pages and
feeds of our own in ``tests/fixtures/web``, one of each in Arabic)."""

import shutil
from datetime import date

import duckdb
import pytest

from conftest import FIXTURES
from extractors.ingest import discover, read_articles
from flows.ingest import ingest_articles

WEB = FIXTURES / "web"
CLUSTERS = FIXTURES / "clusters"


@pytest.mark.parametrize("name, lang", [("en_meeting", "en"), ("ar_meeting", "ar")])
def test_a_page_gives_its_main_text_title_language_and_date(name, lang):
    (page,) = read_articles(WEB / f"{name}.html")
    (plain,) = read_articles(CLUSTERS / f"{name}.txt")
    assert page.text == plain.text  # no menu, aside or footer; paragraphs as in a .txt
    assert (page.lang, page.lang_source) == (lang, "html")
    assert (page.published, page.published_source) == (date(2024, 3, 5), "html")
    assert page.title == plain.title if lang == "en" else page.title.startswith("بوتين يلتقي")


def test_every_feed_item_is_an_article_with_its_own_date_and_link():
    items = list(read_articles(WEB / "ar_feed.xml"))
    assert [a.path.rsplit(":", 1)[1] for a in items] == ["1", "2"]
    assert [a.published for a in items] == [date(2024, 3, 5), date(2024, 3, 6)]
    assert {a.lang for a in items} == {"ar"} and {a.published_source for a in items} == {"feed"}
    assert items[0].url == items[0].article_id == "https://news.example/ar/1"
    assert "<p>" not in items[0].text and items[0].text.startswith("التقى الرئيس الروسي")
    (atom,) = read_articles(WEB / "en_feed.atom")
    assert (atom.article_id, atom.lang, atom.title) == ("urn:example:wire:42", "en", "Putin meets Xi in Moscow")


@pytest.mark.parametrize("name, reason", [("empty_page.html", "missing_text"), ("broken_feed.rss", "malformed_feed")])
def test_bad_pages_and_feeds_are_ingest_errors(name, reason):
    (error,) = read_articles(WEB / name)
    assert error.reason == reason and error.detail


def test_pages_and_feeds_are_found_in_the_drop_folder():
    found = {p.name for p in discover(WEB)}
    assert {"en_meeting.html", "ar_feed.xml", "en_feed.atom", "broken_feed.rss"} <= found


def _events(db):
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT type, trigger, actor, counterpart, origin, destination, location, date, modality, start_char, end_char,"
                       " location_country, actor_country, cameo_code FROM events ORDER BY start_char, type").fetchall()
    con.close()
    return rows


def test_an_html_drop_gives_the_same_events_as_the_same_text_in_a_txt(prefect_harness, backend, tmp_path):
    html_drop, txt_drop = tmp_path / "html", tmp_path / "txt"
    html_drop.mkdir()
    txt_drop.mkdir()
    shutil.copy(WEB / "ar_meeting.html", html_drop / "ar_meeting.html")
    shutil.copy(CLUSTERS / "ar_meeting.txt", txt_drop / "ar_meeting.txt")
    (txt_drop / "ar_meeting.meta.json").write_text('{"lang": "ar", "published": "2024-03-05"}')
    ingest_articles(input_dir=str(html_drop), db_path=str(tmp_path / "h.duckdb"), backend=backend)
    ingest_articles(input_dir=str(txt_drop), db_path=str(tmp_path / "t.duckdb"), backend=backend)
    from_html = _events(tmp_path / "h.duckdb")
    assert from_html and from_html == _events(tmp_path / "t.duckdb")


def test_bad_web_files_land_in_ingest_errors(prefect_harness, backend, tmp_path):
    drop = tmp_path / "inbox"
    drop.mkdir()
    for name in ("empty_page.html", "broken_feed.rss"):
        shutil.copy(WEB / name, drop / name)
    ingest_articles(input_dir=str(drop), db_path=str(tmp_path / "d.duckdb"), backend=backend)
    con = duckdb.connect(str(tmp_path / "d.duckdb"), read_only=True)
    reasons = dict(con.execute("SELECT regexp_extract(location, '[^/]+$'), reason FROM ingest_errors").fetchall())
    assert reasons == {"empty_page.html": "missing_text", "broken_feed.rss": "malformed_feed"}
