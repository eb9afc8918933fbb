"""Batches are bounded by articles and characters, not by files: a JSONL file
of many articles is processed in normal batches, each written as it completes."""

import json

import duckdb

from extractors.nlp.blank import BlankBackend
from flows.batches import Part, plan_batches
from flows.ingest import ingest_articles


def jsonl(path, n, start=0, text="Olaf Scholz visited Paris on Sunday, officials said."):
    lines = [json.dumps({"id": f"a{i}", "lang": "en", "published": "2023-09-12", "text": f"{text} ({i})"})
             for i in range(start, start + n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_big_jsonl_file_is_cut_into_parts_and_small_files_share_batches(tmp_path):
    jsonl(tmp_path / "big.jsonl", 10)
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("x" * 100, encoding="utf-8")
    small = sorted(tmp_path.glob("*.txt"))
    batches = plan_batches([tmp_path / "big.jsonl", *small], max_articles=4)
    big = str(tmp_path / "big.jsonl")
    assert batches[:3] == [[Part(big, (1, 4), True, False)], [Part(big, (5, 8), False, False)],
                           [Part(big, (9, 10), False, True), Part(str(small[0])), Part(str(small[1]))]]
    assert batches[3:] == [[Part(str(small[2]))]]
    by_chars = plan_batches(small, max_articles=64, max_chars=250)  # two 100-byte files per batch
    assert [len(b) for b in by_chars] == [2, 1]
    assert plan_batches([tmp_path / "big.jsonl"], max_articles=64) == [[Part(big)]]  # small enough: whole


def test_each_part_is_written_as_it_completes_and_reruns_replace_the_file(prefect_harness, tmp_path):
    inbox, db = tmp_path / "in", tmp_path / "d.duckdb"
    inbox.mkdir()
    jsonl(inbox / "wire.jsonl", 10)
    stored_after_batch = []

    def count(stage, done, total):
        if stage == "process" and done < total:  # between two batches: the database is closed
            con = duckdb.connect(str(db), read_only=True)
            stored_after_batch.append(con.execute("SELECT count(*) FROM articles").fetchone()[0])
            con.close()

    summary = ingest_articles(input_dir=str(inbox), db_path=str(db), batch_size=4, backend=BlankBackend(), on_progress=count)
    assert summary["articles_written"] == 10
    assert stored_after_batch[1:] == [4, 8]  # the first call comes before any batch
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT article_id) FROM articles").fetchone() == (10, 10)
    assert con.execute("SELECT n_articles, n_errors FROM sources").fetchall() == [(10, 0)]
    con.close()

    again = ingest_articles(input_dir=str(inbox), db_path=str(db), batch_size=4, backend=BlankBackend())
    assert again["files_new"] == 0  # the file was marked done by its last part

    jsonl(inbox / "wire.jsonl", 6, start=100)  # changed: 6 other articles
    ingest_articles(input_dir=str(inbox), db_path=str(db), batch_size=4, backend=BlankBackend())
    con = duckdb.connect(str(db), read_only=True)
    ids = sorted(r[0] for r in con.execute("SELECT article_id FROM articles").fetchall())
    assert ids == sorted(f"a{i}" for i in range(100, 106))  # the old articles are gone, the new ones all there
    assert con.execute("SELECT n_articles FROM sources").fetchall() == [(6,)]
    con.close()


def edit_line(path, index, old, new):
    """Replace ``old`` by ``new`` in line ``index`` (0-based) of a JSONL file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[index] = lines[index].replace(old, new)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_part_left_pending_keeps_the_whole_file_pending(prefect_harness, tmp_path):
    inbox, db = tmp_path / "in", tmp_path / "d.duckdb"
    inbox.mkdir()
    jsonl(inbox / "wire.jsonl", 10)
    edit_line(inbox / "wire.jsonl", 5, '"lang": "en"', '"lang": "ar"')  # part 2: a language without models waits
    first = ingest_articles(input_dir=str(inbox), db_path=str(db), batch_size=4, backend=BlankBackend())
    assert first["articles_written"] == 9 and first["errors_by_reason"] == {"unsupported_language": 1}
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT file_sha256, n_articles, n_errors FROM sources").fetchall() == [("", 9, 1)]
    con.close()
    again = ingest_articles(input_dir=str(inbox), db_path=str(db), batch_size=4, backend=BlankBackend())
    assert again["files_new"] == 1 and again["articles_written"] == 9  # tried again, rows replaced, not doubled
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (9,)
    con.close()


def test_an_id_repeated_in_a_later_part_of_the_file_is_refused_and_the_file_is_done(prefect_harness, tmp_path):
    inbox, db = tmp_path / "in", tmp_path / "d.duckdb"
    inbox.mkdir()
    jsonl(inbox / "wire.jsonl", 10)
    edit_line(inbox / "wire.jsonl", 6, '"id": "a6"', '"id": "a1"')  # line 7 (part 2) reuses the id of line 2 (part 1)
    first = ingest_articles(input_dir=str(inbox), db_path=str(db), batch_size=4, backend=BlankBackend())
    assert first["articles_written"] == 9 and first["errors_by_reason"] == {"duplicate_id": 1}
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT location FROM articles WHERE article_id = 'a1'").fetchall() == [(f"{inbox / 'wire.jsonl'}:2",)]
    ((location, detail),) = con.execute("SELECT location, detail FROM ingest_errors").fetchall()
    assert location.endswith("wire.jsonl:7") and "wire.jsonl:2" in detail
    assert con.execute("SELECT n_articles, n_errors, file_sha256 <> '' FROM sources").fetchall() == [(9, 1, True)]
    con.close()
    assert ingest_articles(input_dir=str(inbox), db_path=str(db), batch_size=4, backend=BlankBackend())["files_new"] == 0
