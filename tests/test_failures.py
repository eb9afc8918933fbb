"""The failure cases a news feed meets (issue 11): nothing lost, nothing left behind.

Data-loss cases run the flow's body in this process with a blank NLP backend
(every article analysed as having no sentences: what matters here is which
articles are stored and which get an ``ingest_errors`` row). Cases about
processes (signals, orphaned servers, locks, a full disk) run real ``dateline``
processes with an isolated ``PREFECT_HOME``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from extractors.nlp.blank import BlankBackend
from flows.ingest import ingest_articles

ROOT = Path(__file__).resolve().parents[1]
EN = "Emmanuel Macron arrived in Berlin on Monday. He met Olaf Scholz on Tuesday, officials said."


def article(folder: Path, name: str, text: str = EN, **meta) -> Path:
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    path.with_name(f"{name}.meta.json").write_text(json.dumps({"lang": "en", "published": "2023-09-12", **meta}))
    return path


def run(folder: Path, db: Path, backend=None, **kw) -> dict:
    """The flow's body without Prefect (what runs when the server cannot start)."""
    return ingest_articles.fn(input_dir=str(folder), db_path=str(db), backend=backend or BlankBackend(), batch_size=2, **kw)


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


# --- 1. file names that are not UTF-8 --------------------------------------------------------------------------

def test_a_file_name_that_is_not_utf8_gets_a_row_and_the_good_files_are_stored(inbox, tmp_path):
    article(inbox, "good")
    bad = os.path.join(os.fsencode(inbox), b"bad\xff.txt")
    with open(bad, "wb") as handle:
        handle.write(b"Joe Biden arrived in Hanoi.")
    db = tmp_path / "d.duckdb"
    run(inbox, db)
    assert rows(db, "SELECT location FROM articles") == [(str(inbox / "good.txt"),)]
    ((location, reason, detail),) = rows(db, "SELECT location, reason, detail FROM ingest_errors")
    assert reason == "bad_file_name" and location.endswith("bad\\xff.txt")
    assert bad.hex() in detail  # the exact name, losslessly
    assert run(inbox, db)["files_new"] == 0  # recorded once, not an error on every run


# --- 2. unreadable files ---------------------------------------------------------------------------------------

def test_a_file_gone_between_listing_and_reading_is_unreadable_and_stays_pending(tmp_path):
    from extractors.pipeline import BatchResult, read_files

    result = BatchResult()
    assert read_files([tmp_path / "gone.txt"], result) == []
    assert [e.reason for e in result.errors] == ["unreadable"]
    assert result.frames()["sources"]["file_sha256"].to_list() == [""]


@pytest.mark.skipif(os.geteuid() != 0 or not Path("/usr/bin/setpriv").exists(), reason="needs root and setpriv")
def test_a_file_without_read_permission_is_recorded_and_the_run_goes_on(inbox, tmp_path):
    article(inbox, "good")
    locked = article(inbox, "locked", "Olaf Scholz visited Paris on Sunday.")
    locked.chmod(0)
    db = tmp_path / "d.duckdb"
    code = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); from test_failures import run; from pathlib import Path; "
            f"run(Path({str(inbox)!r}), Path({str(db)!r}))")
    done = subprocess.run(["setpriv", "--bounding-set=-dac_override,-dac_read_search", sys.executable, "-c", code],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert rows(db, "SELECT location FROM articles") == [(str(inbox / "good.txt"),)]
    assert rows(db, "SELECT reason FROM ingest_errors") == [("unreadable",)]
    locked.chmod(0o644)  # readable again: the next run stores it
    run(inbox, db)
    assert len(rows(db, "SELECT * FROM articles")) == 2 and rows(db, "SELECT * FROM ingest_errors") == []


# --- 3. files waiting for a language ---------------------------------------------------------------------------

def test_files_waiting_for_models_or_outside_lang_are_processed_once_possible(inbox, tmp_path):
    article(inbox, "english")
    article(inbox, "french", "Le président est parti dimanche.", lang="fr")
    db = tmp_path / "d.duckdb"
    run(inbox, db, languages=["fr"])  # en filtered out, fr has no models yet
    assert rows(db, "SELECT count(*) FROM articles") == [(0,)]
    assert {r[0] for r in rows(db, "SELECT reason FROM ingest_errors")} == {"unsupported_language"}
    again = run(inbox, db, backend=BlankBackend(("en", "fr")))  # models pulled, no --lang
    assert again["files_new"] == 2
    assert sorted(rows(db, "SELECT lang FROM articles")) == [("en",), ("fr",)]
    assert rows(db, "SELECT * FROM ingest_errors") == []
    assert run(inbox, db, backend=BlankBackend(("en", "fr")))["files_new"] == 0


# --- 4. an id reused in a later run ----------------------------------------------------------------------------

def test_an_id_reused_by_a_later_file_is_refused_with_a_row_and_deletes_nothing(inbox, tmp_path):
    article(inbox, "first", id="wire-1")
    db = tmp_path / "d.duckdb"
    run(inbox, db)
    article(inbox, "second", "Olaf Scholz visited Paris on Sunday.", id="wire-1")
    run(inbox, db)
    assert rows(db, "SELECT article_id, location FROM articles") == [("wire-1", str(inbox / "first.txt"))]
    ((location, reason, detail),) = rows(db, "SELECT location, reason, detail FROM ingest_errors")
    assert (location, reason) == (str(inbox / "second.txt"), "duplicate_id") and str(inbox / "first.txt") in detail
    (inbox / "first.txt").unlink()  # the owner goes: the refused file gets its turn
    run(inbox, db, prune=True)
    assert rows(db, "SELECT article_id, location FROM articles") == [("wire-1", str(inbox / "second.txt"))]


def test_within_a_batch_the_first_file_keeps_its_id(inbox, tmp_path):
    article(inbox, "a", id="same")
    article(inbox, "b", "Olaf Scholz visited Paris on Sunday.", id="same")
    db = tmp_path / "d.duckdb"
    run(inbox, db)
    assert rows(db, "SELECT location FROM articles") == [(str(inbox / "a.txt"),)]
    assert rows(db, "SELECT location, reason FROM ingest_errors") == [(str(inbox / "b.txt"), "duplicate_id")]


# --- 5. large articles -----------------------------------------------------------------------------------------

def test_an_article_over_the_size_limit_gets_too_long_and_the_others_are_written(inbox, tmp_path):
    from extractors.ingest import MAX_ARTICLE_CHARS

    article(inbox, "good")
    sentence = "Joe Biden arrived in Hanoi on Sunday and met officials. "
    (inbox / "huge.txt").write_text(sentence * (8_000_000 // len(sentence)), encoding="utf-8")  # one 8 MB line
    db = tmp_path / "d.duckdb"
    run(inbox, db)
    assert rows(db, "SELECT location FROM articles") == [(str(inbox / "good.txt"),)]
    ((reason, detail),) = rows(db, "SELECT reason, detail FROM ingest_errors")
    assert reason == "too_long" and f"{MAX_ARTICLE_CHARS:,}" in detail


class _Doc:
    sentences, ents = (), ()


class _SlowPipeline:
    """Stands in for a Stanza pipeline that needs 0.2 s per call."""

    def __init__(self):
        self.calls = 0

    def bulk_process(self, texts):
        self.calls += 1
        time.sleep(0.2)
        return [_Doc() for _ in texts]


def test_a_long_article_past_its_time_budget_is_too_slow_and_the_short_ones_are_kept(tmp_path):
    from datetime import date

    from extractors.nlp import StanzaBackend
    from extractors.pipeline import ALONE_CHARS, process_batch
    from extractors.records import Article

    backend = StanzaBackend(tmp_path)  # no models on disk: the pipeline is the stand-in
    backend.inventory, backend.packages = {"en": ("tokenize",)}, {"en": {"tokenize": "x"}}
    backend._pipelines["en"] = slow = _SlowPipeline()
    long_text = "Olaf Scholz visited Paris. " * (3 * ALONE_CHARS // 27)
    articles = [Article(name, text, name, f"{name}.txt", "en", "metadata", date(2023, 9, 12), "metadata")
                for name, text in (("short", EN), ("long", long_text))]
    result = process_batch(articles, backend, budget_s=0.5)
    assert [a.article_id for a in result.articles] == ["short"]
    assert [(e.article_id, e.reason) for e in result.errors] == [("long", "too_slow")]
    assert slow.calls < 8  # stopped soon after the budget, not after every piece


def test_large_files_are_batches_of_their_own_after_the_others(inbox):
    from flows.batches import LARGE_FILE_BYTES, plan_batches

    small = [article(inbox, f"s{i}") for i in range(3)]
    big = inbox / "big.txt"
    big.write_text("x " * LARGE_FILE_BYTES, encoding="utf-8")
    batches = [[part.path for part in batch] for batch in plan_batches([small[0], big, small[1], small[2]], 2)]
    assert batches == [[str(small[0]), str(small[1])], [str(small[2])], [str(big)]]


def test_a_line_without_spaces_is_still_cut_into_bounded_pieces():
    from extractors.nlp import MAX_CHUNK_CHARS, chunk_text

    text = "x" * (10 * MAX_CHUNK_CHARS + 7)
    pieces = list(chunk_text(0, text, MAX_CHUNK_CHARS))
    assert max(len(p.text) for p in pieces) <= MAX_CHUNK_CHARS and "".join(p.text for p in pieces) == text


# --- 6, 7. processes: orphaned servers, SIGTERM ----------------------------------------------------------------

@pytest.fixture(scope="module")
def prefect_home(tmp_path_factory):
    """One isolated PREFECT_HOME for this module's processes (a new one costs
    a migration of Prefect's database, up to a minute)."""
    return tmp_path_factory.mktemp("prefect_home")


def started(folder: Path, db: Path, home: Path, *args: str, **env: str) -> subprocess.Popen:
    """``dateline run`` in its own process group, as a shell or systemd starts it."""
    clean = {k: v for k, v in os.environ.items() if k not in ("PREFECT_LOGGING_LEVEL", "PREFECT_API_URL")}
    return subprocess.Popen([sys.executable, "-c", "from dateline.cli import main; main()", "run", "--input", str(folder),
                             "--db", str(db), "--batch-size", "2", *args],
                            cwd=ROOT, env={**clean, "PREFECT_HOME": str(home), **env}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def processes_of(home: Path) -> list[int]:
    """Processes whose environment names ``home``: the command and its server."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if f"PREFECT_HOME={home}".encode() in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def wait_for_server(home: Path, process: subprocess.Popen, timeout_s: float = 240) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and process.poll() is None:
        for pid in processes_of(home):
            try:
                if b"create_app" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    return
            except OSError:
                continue
        time.sleep(0.3)
    raise AssertionError("the Prefect server never started")


def many_articles(folder: Path, n: int = 30) -> None:
    for i in range(n):
        article(folder, f"a{i:02}", f"Emmanuel Macron arrived in Berlin on Monday, report {i}. He met Olaf Scholz. " * 10)


def gone_within(home: Path, seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := processes_of(home)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


@pytest.mark.stanza
def test_kill9_of_a_run_leaves_no_prefect_server_behind(models_dir, prefect_home, inbox, tmp_path):
    many_articles(inbox)
    run_ = started(inbox, tmp_path / "d.duckdb", prefect_home)
    wait_for_server(prefect_home, run_)
    run_.kill()
    run_.communicate(timeout=30)
    assert gone_within(prefect_home, 10) == []


@pytest.mark.stanza
def test_sigterm_to_the_process_group_stops_within_seconds_with_one_line(models_dir, prefect_home, inbox, tmp_path):
    many_articles(inbox)
    db = tmp_path / "d.duckdb"
    run_ = started(inbox, db, prefect_home, DATELINE_PUBLISH_EVERY="1")
    copy, deadline = tmp_path / "d.read.duckdb", time.monotonic() + 300
    while not copy.exists() and run_.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)  # the first batch is written: inside the flow run, Prefect's own SIGTERM bridge is armed
    sent = time.monotonic()
    os.killpg(run_.pid, signal.SIGTERM)
    _, err = run_.communicate(timeout=60)
    assert time.monotonic() - sent < 15
    assert run_.returncode == 143 and err.strip().splitlines() == [err.strip()] and "stopped by SIGTERM" in err
    assert gone_within(prefect_home, 10) == []
    stored = rows(db, "SELECT count(*) FROM articles")[0][0]  # whole batches only, each with its source
    assert rows(db, "SELECT count(*) FROM articles a JOIN sources s ON s.path = a.source_path")[0][0] == stored
    assert rows(db, "SELECT status, error FROM runs") == [("interrupted", "SIGTERM")]
    assert stored >= 2


@pytest.mark.stanza
def test_a_server_that_does_not_start_in_time_is_not_waited_for(models_dir, prefect_home, inbox, tmp_path):
    article(inbox, "berlin")
    done = started(inbox, tmp_path / "d.duckdb", prefect_home, DATELINE_PREFECT_STARTUP_TIMEOUT_S="0")
    out, err = done.communicate(timeout=300)
    assert done.returncode == 0, err
    assert "running without Prefect" in err and "Traceback" not in err
    assert "1 articles and" in out
    assert gone_within(prefect_home, 10) == []


# --- 10, 11. dateline query ------------------------------------------------------------------------------------

def dateline(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k != "PREFECT_LOGGING_LEVEL"}
    return subprocess.run([sys.executable, "-c", "from dateline.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=timeout, env=clean)


@pytest.fixture
def read_copy(tmp_path):
    from extractors.store import Store

    path = tmp_path / "d.read.duckdb"
    with Store(path) as store:
        store.migrate()
    return path


def test_query_cannot_write_or_read_other_files(read_copy, tmp_path):
    victim, other = tmp_path / "victim.csv", tmp_path / "other.duckdb"
    victim.write_text("precious\n")
    duckdb.connect(str(other)).execute("CREATE TABLE keep AS SELECT 1 AS x").close()
    for sql in (f"COPY (SELECT 1) TO '{victim}'", f"ATTACH '{other}' AS o (READ_WRITE)", "SELECT * FROM read_text('/etc/passwd')",
                "SET enable_external_access = true"):
        done = dateline("query", "--db", str(read_copy), sql)
        assert done.returncode == 2 and "Traceback" not in done.stderr, sql
    assert victim.read_text() == "precious\n"
    assert rows(other, "SELECT * FROM keep") == [(1,)]


def test_query_reads_the_csv_files_named_with_read(read_copy, tmp_path):
    (tmp_path / "watch.csv").write_text("actor,level\nPutin,high\n")
    done = dateline("query", "--db", str(read_copy), "--read", f"watch={tmp_path / 'watch.csv'}", "-f", "jsonl",
                    "SELECT * FROM watch")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"actor": "Putin", "level": "high"}


def test_jsonl_serializes_every_duckdb_type(read_copy):
    sql = ("SELECT 1.5 AS dec, 123456789012345678.123::DECIMAL(38,3) AS big, 'ab'::BLOB AS blob, "
           "'6ba7b810-9dad-11d1-80b4-00c04fd430c8'::UUID AS id, INTERVAL 3 DAY AS span, TIME '10:30:00' AS t, "
           "TIMESTAMPTZ '2023-09-12 10:00:00+00' AS tz, DATE '2023-09-12' AS d, [1.25, 2.5] AS list, "
           "{'k': 0.1::DECIMAL(4,2)} AS struct, MAP {'a': 1} AS m, 'nan'::DOUBLE AS nan, 170141183460469231731687303715884105727::HUGEINT AS huge")
    done = dateline("query", "--db", str(read_copy), "-f", "jsonl", sql)
    assert done.returncode == 0, done.stderr
    row = json.loads(done.stdout)
    assert row["dec"] == 1.5 and row["big"] == "123456789012345678.123" and row["blob"] == "6162"
    assert row["id"] == "6ba7b810-9dad-11d1-80b4-00c04fd430c8" and row["t"] == "10:30:00" and row["d"] == "2023-09-12"
    assert row["list"] == [1.25, 2.5] and row["struct"] == {"k": 0.1} and row["nan"] == "nan"
    assert row["huge"] == 170141183460469231731687303715884105727 and row["tz"].startswith("2023-09-12")


# --- 12, 13, 14. deleted files, NUL bytes, language names ------------------------------------------------------

def test_deleted_files_are_marked_missing_and_pruned_on_request(inbox, tmp_path):
    article(inbox, "stays")
    article(inbox, "goes", "Olaf Scholz visited Paris on Sunday.")
    db = tmp_path / "d.duckdb"
    run(inbox, db)
    (inbox / "goes.txt").unlink()
    run(inbox, db)
    missing = dict(rows(db, "SELECT path, missing_since IS NOT NULL FROM sources"))
    assert missing == {str(inbox / "stays.txt"): False, str(inbox / "goes.txt"): True}
    assert len(rows(db, "SELECT * FROM articles")) == 2  # kept until pruned
    run(inbox, db, prune=True)
    assert rows(db, "SELECT location FROM articles") == [(str(inbox / "stays.txt"),)]
    assert rows(db, "SELECT path FROM sources") == [(str(inbox / "stays.txt"),)]


def test_a_nul_byte_anywhere_in_the_file_is_binary():
    from extractors.ingest.readers import decode

    late = ("Joe Biden arrived in Hanoi. " * 1000).encode() + b"\0tail"
    assert decode(late)[1][0] == "binary"


def test_a_nul_character_in_json_text_is_binary(inbox, tmp_path):
    (inbox / "a.json").write_text(json.dumps({"text": "Joe Biden arrived\u0000 in Hanoi.", "lang": "en"}))
    db = tmp_path / "d.duckdb"
    run(inbox, db)
    assert rows(db, "SELECT reason FROM ingest_errors") == [("binary",)]


@pytest.mark.parametrize("declared", ["arabic", "Arabic", "ar-SA", "ar_SA", "ara", "العربية", "AR"])
def test_language_names_and_codes_are_normalized(declared):
    from extractors.ingest.metadata import language

    assert language(declared, "") == ("ar", "metadata")


def test_an_unknown_language_name_says_what_is_accepted(inbox, tmp_path):
    article(inbox, "odd", lang="martian")
    db = tmp_path / "d.duckdb"
    run(inbox, db)
    ((detail,),) = rows(db, "SELECT detail FROM ingest_errors")
    assert "'martian' is not a language" in detail and "models pull" not in detail


# --- 8. disk full ----------------------------------------------------------------------------------------------

def test_a_full_disk_is_one_line_and_exit_status_1(inbox, tmp_path):
    article(inbox, "berlin")
    disk = tmp_path / "small"
    disk.mkdir()
    script = (f"mount -t tmpfs -o size=600k tmpfs {disk} || exit 99; "
              f"exec {sys.executable} -c 'from dateline.cli import main; main()' run --input {inbox} --db {disk}/d.duckdb")
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={k: v for k, v in os.environ.items() if k != "PREFECT_LOGGING_LEVEL"})
    if done.returncode == 99:
        pytest.skip("cannot mount a small tmpfs here")
    assert done.returncode == 1, done.stderr[-2000:]
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert "no space left" in done.stderr.lower() and f"{disk}/d.duckdb" in done.stderr


# --- 9. serve --------------------------------------------------------------------------------------------------

def serving(inbox: Path, db: Path, home: Path, out: Path, **env: str) -> subprocess.Popen:
    clean = {k: v for k, v in os.environ.items() if k not in ("PREFECT_LOGGING_LEVEL", "PREFECT_API_URL")}
    return subprocess.Popen([sys.executable, "-c", "from dateline.cli import main; main()", "serve", "--input", str(inbox),
                             "--db", str(db), "--interval", "10"], cwd=ROOT, env={**clean, "PREFECT_HOME": str(home), **env},
                            stdout=out.open("w"), stderr=subprocess.STDOUT, text=True, start_new_session=True)


def lines_when(out: Path, process: subprocess.Popen, count: int, timeout_s: float = 300) -> list[str]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and process.poll() is None:
        runs = [line for line in out.read_text().splitlines() if " run " in line]
        if len(runs) >= count:
            return runs
        time.sleep(0.5)
    raise AssertionError(f"serve printed:\n{out.read_text()[-3000:]}")


@pytest.mark.stanza
def test_serve_never_overlaps_runs_and_prints_one_line_each(models_dir, prefect_home, inbox, tmp_path):
    many_articles(inbox, 12)  # a first run longer than the interval
    db, out = tmp_path / "d.duckdb", tmp_path / "serve.out"
    serve = serving(inbox, db, prefect_home, out)
    try:
        lines = lines_when(out, serve, 2)
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        serve.wait(timeout=60)
    assert all(" run ok: " in line for line in lines), lines
    assert "12 articles" in lines[0] and "0 new or changed" in lines[1]
    runs = rows(db, "SELECT started_at, finished_at, status FROM runs ORDER BY started_at")
    assert len(runs) >= 2 and all(status == "ok" for *_, status in runs)
    assert all(earlier[1] <= later[0] for earlier, later in zip(runs, runs[1:]))  # one at a time
    assert gone_within(prefect_home, 10) == []


def test_a_failed_serve_run_is_printed_and_recorded(prefect_home, inbox, tmp_path):
    article(inbox, "berlin")
    db, out, empty = tmp_path / "d.duckdb", tmp_path / "serve.out", tmp_path / "no_models"
    empty.mkdir()
    serve = serving(inbox, db, prefect_home, out, STANZA_RESOURCES_DIR=str(empty))
    try:
        (line,) = lines_when(out, serve, 1)
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        serve.wait(timeout=60)
    assert " run failed: " in line and "models" in line
    ((status, error),) = rows(db, "SELECT status, error FROM runs")
    assert status == "failed" and "models" in error


def test_a_failed_server_shutdown_is_one_warning_never_an_error(tmp_path, caplog):
    from flows.runtime import PrefectServer

    server = PrefectServer.__new__(PrefectServer)  # a server that has already stopped, badly
    server.log_path = tmp_path / "server.log"
    server.log_path.write_text("ERROR:    Application shutdown failed. Exiting.\n")
    server._log = server.log_path.open("ab")
    server.process = subprocess.Popen(["sleep", "30"], start_new_session=True)
    with caplog.at_level("WARNING", logger="dateline"):
        server.stop()
    assert server.process.poll() is not None  # stopped, with its process group
    assert [r.getMessage() for r in caplog.records if "shut down" in r.getMessage()] and len(caplog.records) == 1


def test_the_server_health_check_answers_only_for_a_live_server(monkeypatch):
    """The start-up wait polls our own server with plain HTTP, never through a proxy set for the user's traffic."""
    import http.server
    import threading

    from flows.runtime import _answers, _free_port

    class Health(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 — the handler's protocol
            self.send_response(200 if self.path == "/api/health" else 404)
            self.end_headers()

        def log_message(self, *args):
            pass

    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")  # a proxy that would refuse every request
    server = http.server.HTTPServer(("127.0.0.1", 0), Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert _answers(f"http://127.0.0.1:{server.server_port}/api/health")
        assert not _answers(f"http://127.0.0.1:{server.server_port}/api/missing")
    finally:
        server.shutdown()
        server.server_close()
    assert not _answers(f"http://127.0.0.1:{_free_port()}/api/health")  # nothing listens there
