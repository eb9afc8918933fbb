"""The Prefect flow over real files, with a real DuckDB file per test."""

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from db_helpers import table_rows
from flows.ingest import ingest_articles

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_f09eb540a3741d99"
EN = "Emmanuel Macron arrived in Berlin on Monday. He met Olaf Scholz on Tuesday, officials said."


@pytest.fixture
def drop(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(SEED.with_suffix(".txt"), folder / "seed.txt")
    shutil.copy(SEED.with_suffix(".meta.json"), folder / "seed.meta.json")
    (folder / "berlin.txt").write_text(EN, encoding="utf-8")
    (folder / "berlin.meta.json").write_text(json.dumps({"id": "berlin", "lang": "en", "published": "2023-09-12"}))
    lines = [json.dumps({"id": "j1", "lang": "en", "published": "2023-09-12", "text": "Olaf Scholz visited Paris on Sunday."}), "{oops"]
    (folder / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    return folder


def run(folder, db, **kw):
    return ingest_articles(input_dir=str(folder), db_path=str(db), batch_size=2, **kw)


def snapshot(db):
    return table_rows(db)


def test_mixed_good_and_bad_files(prefect_harness, backend, drop, tmp_path):
    (drop / "empty.txt").write_bytes(b"")
    (drop / "image.txt").write_bytes(b"\x89PNG\0\0\0")
    (drop / "latin1.txt").write_bytes("Réunion à Paris".encode("latin-1"))
    (drop / "broken.json").write_text('{"text": ', encoding="utf-8")
    (drop / "notext.json").write_text('{"title": "x"}', encoding="utf-8")
    (drop / "french.json").write_text(json.dumps({"text": "Le président est parti dimanche.", "lang": "fr"}), encoding="utf-8")
    summary = run(drop, tmp_path / "d.duckdb", backend=backend)
    con = duckdb.connect(str(tmp_path / "d.duckdb"), read_only=True)
    errors = dict(con.execute("SELECT regexp_extract(location, '[^/]+$'), reason FROM ingest_errors").fetchall())
    assert errors == {"empty.txt": "empty", "image.txt": "binary", "latin1.txt": "encoding", "broken.json": "malformed_json",
                      "notext.json": "missing_text", "feed.jsonl:2": "malformed_json", "french.json": "unsupported_language"}
    articles = dict(con.execute("SELECT article_id, lang FROM articles").fetchall())
    assert articles == {"000_f09eb540a3741d99": "ar", "berlin": "en", "j1": "en"}
    (published,) = con.execute("SELECT published FROM articles WHERE lang = 'ar'").fetchone()
    assert str(published) == "2023-09-12"
    assert con.execute("SELECT count(*) FROM events WHERE article_id = '000_f09eb540a3741d99'").fetchone()[0] >= 7
    assert con.execute("SELECT count(*) FROM time_expressions").fetchone()[0] > 0
    (run_row,) = con.execute("SELECT files_seen, files_new, files_failed, articles_written FROM runs").fetchall()
    assert run_row == (9, 9, 7, 3)
    assert summary["events_written"] == con.execute("SELECT count(*) FROM events").fetchone()[0]


def test_rerun_is_idempotent_and_a_changed_file_is_reprocessed(prefect_harness, backend, drop, tmp_path):
    db = tmp_path / "d.duckdb"
    run(drop, db, backend=backend)
    before = snapshot(db)
    again = run(drop, db, backend=backend)
    assert (again["files_new"], again["articles_written"]) == (0, 0)
    assert snapshot(db) == before
    (drop / "berlin.txt").write_text(EN.replace("Berlin", "Rome"), encoding="utf-8")
    changed = run(drop, db, backend=backend)
    assert (changed["files_new"], changed["articles_written"]) == (1, 1)
    after = snapshot(db)
    assert [r for r in after["articles"] if r[0] != "berlin"] == [r for r in before["articles"] if r[0] != "berlin"]
    assert any("Rome" in str(r) for r in after["events"])


KILLER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from extractors.store import duckdb_store as storage
    from extractors.nlp import StanzaBackend
    from extractors.pipeline import run_batch
    from extractors.ingest import discover
    original = storage.Store._delete_sources
    calls = []
    def slow_delete(self, paths, frames):
        original(self, paths, frames)
        calls.append(1)
        if len(calls) == 2:              # second batch: stop between delete and insert
            print("MIDWRITE", flush=True)
            time.sleep(60)
    storage.Store._delete_sources = slow_delete
    folder, db = Path(sys.argv[1]), sys.argv[2]
    engine = StanzaBackend()
    with storage.Store(db) as store:
        store.migrate()
        for path in discover(folder):
            result = run_batch([path], engine)
            store.write_batch(result.frames(), list(result.sources))
""")


@pytest.mark.stanza
def test_sigkill_during_a_write_leaves_whole_articles(prefect_harness, models_dir, drop, tmp_path):
    db = tmp_path / "d.duckdb"
    (drop / "feed.jsonl").unlink()
    first = run(drop, db)  # complete database, then re-write it and die half-way
    (drop / "berlin.txt").write_text(EN + " ", encoding="utf-8")
    (drop / "seed.txt").write_text((drop / "seed.txt").read_text(encoding="utf-8") + " ", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", KILLER, str(drop), str(db)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout.readline().strip() == "MIDWRITE"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = duckdb.connect(str(db), read_only=True)
    orphans = con.execute("SELECT count(*) FROM sentences WHERE article_id NOT IN (SELECT article_id FROM articles)").fetchone()[0]
    empty = con.execute("SELECT count(*) FROM articles WHERE article_id NOT IN (SELECT article_id FROM sentences)").fetchone()[0]
    assert (orphans, empty) == (0, 0)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == first["articles_written"]
    con.close()
    resumed = run(drop, db)
    assert resumed["files_new"] >= 1 and resumed["files_failed"] == 0


def test_a_run_on_a_database_held_past_the_wait_bound_gets_a_clear_message(tmp_path, drop):
    db = tmp_path / "d.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(db)!r}); print('HELD', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "HELD"
        cli = subprocess.run([sys.executable, "-c", "from dateline.cli import main; main()", "run", "--input", str(drop), "--db", str(db)],
                             capture_output=True, text=True, cwd=ROOT, timeout=120, env={**os.environ, "DATELINE_LOCK_TIMEOUT_S": "2"})
    finally:
        holder.kill()
    assert cli.returncode == 2
    assert "in use by another process" in cli.stderr and "(waited 2 s)" in cli.stderr
    assert "Traceback" not in cli.stderr and len(cli.stderr.strip().splitlines()) == 1


@pytest.mark.stanza
def test_serve_runs_the_flow_on_its_schedule_without_a_server(models_dir, tmp_path):
    """`dateline serve` must really schedule: Prefect's temporary server
    cannot, so the command brings its own for its lifetime."""
    import os
    import time

    inbox, db = tmp_path / "inbox", tmp_path / "d.duckdb"
    inbox.mkdir()
    (inbox / "berlin.txt").write_text(EN, encoding="utf-8")
    (inbox / "berlin.meta.json").write_text(json.dumps({"lang": "en", "published": "2023-09-12"}))
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    serve = subprocess.Popen([sys.executable, "-c", "from dateline.cli import main; main()", "serve", "--input", str(inbox), "--db", str(db), "--interval", "10"],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        copy = tmp_path / "d.read.duckdb"  # published when the first scheduled run has finished
        deadline = time.monotonic() + 240
        while not copy.exists() and time.monotonic() < deadline and serve.poll() is None:
            time.sleep(1)
    finally:
        serve.send_signal(signal.SIGINT)
        try:
            out, err = serve.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            serve.kill()
            out, err = serve.communicate()
    assert copy.exists(), f"no scheduled run finished; serve printed:\n{out[-2000:]}\n{err[-2000:]}"
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT lang, published::VARCHAR FROM articles").fetchall() == [("en", "2023-09-12")]
    assert con.execute("SELECT count(*) FROM runs").fetchone()[0] >= 1
    con.close()
    readers = duckdb.connect(str(copy), read_only=True)  # what dashboards read
    assert readers.execute("SELECT articles, stage FROM data_as_of").fetchall() == [(1, "end of run")]
    readers.close()


def test_the_prefect_yaml_deployment_matches_the_flow():
    """prefect.yaml names a real entrypoint, parameters the flow accepts, the
    drop folder and an interval schedule."""
    import importlib
    import inspect

    import yaml

    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    (deployment,) = spec["deployments"]
    module_path, name = deployment["entrypoint"].split(":")
    flow_obj = getattr(importlib.import_module(module_path.removesuffix(".py").replace("/", ".")), name)
    assert flow_obj is ingest_articles
    assert set(deployment["parameters"]) <= set(inspect.signature(ingest_articles.fn).parameters)
    assert deployment["parameters"]["input_dir"] == "data/inbox"
    assert [s["interval"] for s in deployment["schedules"]] and all(s["interval"] > 0 for s in deployment["schedules"])


def _article(article_id: str, lang: str | None, text: str):
    from datetime import date

    from extractors.records import Article

    return Article(article_id, text, "sha-" + article_id, f"{article_id}.txt", lang, "metadata", date(2023, 9, 12), "metadata")


def test_process_batch_isolates_unsupported_and_filtered_languages(backend):
    """Articles already read go through NLP, time and events; an article in a
    language without models, or outside the requested ones, is an error with
    its reason while the rest of the batch is processed."""
    from extractors.pipeline import process_batch

    batch = [_article("en1", "en", EN), _article("fr1", "fr", "Le président est parti dimanche."), _article("ar1", "ar", "غادر الرئيس يوم الأحد.")]
    result = process_batch(batch, backend, languages=["en", "fr"])
    assert [a.article_id for a in result.articles] == ["en1"]
    assert {(e.article_id, e.reason) for e in result.errors} == {("fr1", "unsupported_language"), ("ar1", "unsupported_language")}
    assert result.events and {e.article_id for e in result.events} == {"en1"}
    assert result.times["en1"] and all(t.anchor.isoformat() == "2023-09-12" for t in result.times["en1"])
    frames = result.frames()
    assert set(frames["ingest_errors"]["article_id"]) == {"fr1", "ar1"}
    assert frames["articles"]["source_path"].to_list() == ["en1.txt"]


def test_freed_memory_goes_back_to_the_system_after_every_batch(prefect_harness, backend, drop, tmp_path, monkeypatch):
    """A long run keeps flat memory only if what each batch's database
    connection freed is handed back (glibc keeps it otherwise); and the call
    never fails a run on a C library without ``malloc_trim``."""
    import ctypes

    from flows import ingest, resources

    trims = []
    monkeypatch.setattr(ingest, "release_freed_memory", lambda: trims.append(1) or resources.release_freed_memory())
    from extractors.ingest import discover

    batches = ingest.plan_batches(discover(drop), 2)
    run(drop, tmp_path / "d.duckdb", backend=backend)
    assert len(batches) >= 2 and len(trims) == len(batches)
    monkeypatch.setattr(ctypes, "CDLL", lambda *_a, **_k: (_ for _ in ()).throw(OSError("no libc.so.6")))
    resources.release_freed_memory()


def test_a_writer_behind_writes_finished_batches_in_one_opening_with_the_same_results(prefect_harness, backend, drop,
                                                                                       tmp_path, monkeypatch):
    """When batches finish faster than the writer writes them (workers on
    other cores), the finished ones share one opening of the database: the
    same tables, the read copy published after the same batches with the same
    article counts, and progress reported batch by batch as before."""
    from flows import ingest

    for i in range(4):
        (drop / f"berlin{i}.txt").write_text(EN, encoding="utf-8")
        (drop / f"berlin{i}.meta.json").write_text(json.dumps({"id": f"b{i}", "lang": "en", "published": "2023-09-12"}))

    write_session = ingest._write_session

    def observed(name):
        progress, sessions = [], []
        monkeypatch.setattr(ingest, "_write_session", lambda *a: sessions.append(len(a[2])) or write_session(*a))
        db = tmp_path / f"{name}.duckdb"
        summary = ingest_articles(input_dir=str(drop), db_path=str(db), batch_size=1, publish_every=3, backend=backend,
                                  on_progress=lambda *call: progress.append(call))
        con = duckdb.connect(str(db.with_name(f"{name}.read.duckdb")), read_only=True)
        published = con.execute("SELECT stage, articles FROM publications ORDER BY published_at").fetchall()
        con.close()
        return _without_times(db), published, progress, sessions, summary["articles_written"]

    one_by_one = observed("one")
    results = ingest._results

    def all_finished(*args):  # every later batch already done when the writer takes one
        triples = list(results(*args))
        return ((batch, tables, i < len(triples) - 1) for i, (batch, tables, _) in enumerate(triples))

    monkeypatch.setattr(ingest, "_results", all_finished)
    behind = observed("behind")
    assert one_by_one[3] == [1] * 8 and behind[3] == [3, 3, 2]  # never past a publication (after batches 3 and 6)
    assert behind[:3] == one_by_one[:3] and behind[4] == one_by_one[4] == 7
    assert one_by_one[1] == [("during run", 3), ("during run", 6), ("end of run", 7)]
    assert [done for _, done, _ in one_by_one[2]] == [0, 1, 2, 3, 4, 5, 5, 6, 7]  # the feed's two parts count once


def test_a_result_due_within_the_linger_joins_the_session_and_a_later_one_does_not():
    """Batches on other workers finish a few tenths of a second apart: the
    writer waits that long for the next result before closing the file, so
    consecutive results share one opening (one checkpoint) instead of one each."""
    import threading
    from concurrent.futures import Future

    from flows import ingest

    class Submitted:  # what the runner returns: its own future as ``wrapped_future``
        def __init__(self, delay_s):
            self.wrapped_future = Future()
            threading.Timer(delay_s, self.wrapped_future.set_result, [None]).start()

    assert ingest._finished(Submitted(0.2), within_s=ingest.SESSION_LINGER_S)
    assert not ingest._finished(Submitted(0.2))
    started = time.monotonic()
    assert not ingest._finished(Submitted(3.0), within_s=0.3)
    assert time.monotonic() - started < 1.0
    assert not ingest._finished(object(), within_s=5.0)  # no future of the runner's: never waited for


def test_what_the_first_batch_of_a_language_loaded_is_kept_out_of_the_cyclic_collector():
    """Gazetteer indexes and dateparser data load with a process's first batch
    of a language and live as long as it: frozen once, every later batch's
    collection no longer re-scans them."""
    import gc

    from flows import resources

    kept = [[object()] for _ in range(1000)]  # tracked objects alive after the "first batch"
    before = gc.get_freeze_count()
    resources.exempt_language_data_from_gc(["xx-first"])
    assert gc.get_freeze_count() >= before + len(kept)
    after_first = gc.get_freeze_count()
    resources.exempt_language_data_from_gc(["xx-first", "xx-first"])  # later batches of it: nothing more frozen
    assert gc.get_freeze_count() == after_first


def _without_times(db):
    """Every table's rows without the columns saying when (or in which run) they were written."""
    return table_rows(db, without_times=True, drop=("run_id",))
