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
def dashboard_url(seed_db, tmp_path):
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must install Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    seed_db.publish("browser-test", "end of run")
    port = _free_port()
    log = (tmp_path / "dashboard.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-c", "from dateline.cli import main; main()", "dashboard", "--db", str(seed_db.read_copy), "--port", str(port)],
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


def test_the_page_shows_the_seed_events_in_chromium(dashboard_url, seed_db, tmp_path):
    from playwright.sync_api import sync_playwright

    from extractors.store import read

    _, per_type = read(seed_db.read_copy, "SELECT type, count(*) FROM events WHERE granularity IN ('day', 'time') GROUP BY 1")
    (n_events,) = read(seed_db.read_copy, "SELECT count(*) FROM events")[1][0]
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
        finally:
            browser.close()
    assert (tmp_path / "dashboard.png").stat().st_size > 20_000
