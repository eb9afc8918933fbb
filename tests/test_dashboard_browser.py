"""`dateline dashboard` in a real browser: Debian's Chromium driven by
Playwright (whose own browser download is not available here), against the
seed's read copy. `.ci/run` installs the `chromium` package when missing."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def db(seed_db, tmp_path):
    """A private copy of the seed database (this test adds to it)."""
    import shutil

    from extractors.store import Database

    private = Database(tmp_path / "data" / "dateline.duckdb")
    private.path.parent.mkdir()
    shutil.copyfile(seed_db.path, private.path)
    private.publish("browser-test", "end of run")
    return private


@pytest.fixture
def dashboard_url(db, tmp_path):
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must install Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    port = _free_port()
    log = (tmp_path / "dashboard.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-c", "from dateline.cli import main; main()", "dashboard", "--db", str(db.read_copy), "--port", str(port)],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and server.poll() is None:
            try:
                if httpx.get(f"{url}/_stcore/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            pytest.fail(f"the dashboard did not start: {(tmp_path / 'dashboard.log').read_text()}")
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()


def _add_a_visit(db) -> None:
    """One more article with one dated visit, written and published as a run would."""
    from extractors.store.frames import frame

    article = {"article_id": "later", "source_path": "later.txt", "location": "later.txt", "lang": "en", "text": "x"}
    event = {"event_id": "later-visit", "article_id": "later", "lang": "en", "type": "visit", "trigger": "visited",
             "actor": "Ada Visitor", "destination": "Oslo", "modality": "asserted", "confidence": 0.9,
             "date": "2023-09-20", "date_start": date(2023, 9, 20), "date_end": date(2023, 9, 20), "granularity": "day"}
    with db.open() as store:
        store.write_batch({"articles": frame("articles", [article]), "events": frame("events", [event])}, ["later.txt"])
    db.publish("later", "end of run")


def test_the_page_shows_the_seed_events_in_chromium(dashboard_url, db, tmp_path):
    from playwright.sync_api import sync_playwright

    from extractors.store import read

    _, per_type = read(db.read_copy, "SELECT type, count(*) FROM events WHERE granularity IN ('day', 'time') GROUP BY 1")
    (n_events,) = read(db.read_copy, "SELECT count(*) FROM events")[1][0]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1600})
            page.goto(dashboard_url, timeout=90_000)
            page.get_by_role("heading", name="Events per day by type").wait_for(timeout=90_000)
            # the chart: one bar per day and type, in SVG, each with its type in the DOM
            bars = page.locator(".vega-embed svg [aria-roledescription='bar']")
            bars.first.wait_for(timeout=60_000)
            labels = " ".join(bars.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))"))
            for event_type, _ in per_type:
                assert f"type: {event_type}" in labels
            assert "departure" in page.locator(".vega-embed svg").text_content()  # the legend, as SVG text
            # the table: every event, with the seed's departure and its evidence one click away
            rows = page.locator(".dl-events details.dl-event > summary")
            assert rows.count() == n_events
            departure = rows.filter(has_text="departure").filter(has_text="كيم جونغ أون").filter(has_text="2023-09-10")
            assert departure.count() == 1
            departure.click()
            evidence = page.locator(".dl-events details[open] .dl-sentence")
            assert evidence.locator("mark.dl-trigger").inner_text() == "غادر"
            assert evidence.locator("mark.dl-time").inner_text() == "يوم الأحد"
            assert evidence.evaluate("e => getComputedStyle(e).direction") == "rtl"
            assert "Data as of" in page.locator("body").inner_text()
            page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
            # a newer copy is published: the open page redraws itself with the new event
            _add_a_visit(db)
            rows.filter(has_text="Ada Visitor").wait_for(timeout=60_000)
            assert rows.count() == n_events + 1
        finally:
            browser.close()
    assert (tmp_path / "dashboard.png").stat().st_size > 20_000
