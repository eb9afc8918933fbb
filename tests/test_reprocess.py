"""The extractor version on every row, and bringing old rows up to date."""

from __future__ import annotations

import json

import duckdb
import pytest

from extractors import EXTRACTOR_VERSION
from extractors.version import extraction_fingerprint, extractor_version
from flows.ingest import ingest_articles

TEXT = "Emmanuel Macron arrived in Berlin on Monday and met Olaf Scholz."


@pytest.fixture
def drop(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(TEXT if name == "a" else TEXT.replace("Berlin", "Rome"), encoding="utf-8")
        (folder / f"{name}.meta.json").write_text(json.dumps({"id": name, "lang": "en", "published": "2023-09-12"}))
    return folder


def versions(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return dict(con.execute("SELECT article_id, extractor_version FROM articles").fetchall())


def test_version_is_the_package_version_plus_a_hash_of_what_extracts():
    package, _, digest = EXTRACTOR_VERSION.partition("+")
    assert package and len(digest) == 12 and digest == extraction_fingerprint()[:12]
    assert extractor_version() == EXTRACTOR_VERSION


def test_any_change_to_language_data_or_extraction_code_changes_the_version(tmp_path):
    import shutil

    from extractors.version import ROOT

    copy = tmp_path / "extractors"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = extraction_fingerprint(copy)
    assert extraction_fingerprint(copy) == before  # deterministic
    toml = copy / "lang" / "en" / "events.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "\n# a new trigger word\n", encoding="utf-8")
    after_data = extraction_fingerprint(copy)
    code = copy / "events" / "merge.py"
    code.write_text(code.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_code = extraction_fingerprint(copy)
    store = copy / "store" / "duckdb_store.py"
    store.write_text(store.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert len({before, after_data, after_code}) == 3
    assert extraction_fingerprint(copy) == after_code  # how rows are written is not extraction


def test_reprocess_brings_rows_of_older_versions_up_to_date(prefect_harness, backend, drop, tmp_path):
    db = tmp_path / "d.duckdb"
    first = ingest_articles(input_dir=str(drop), db_path=str(db), backend=backend)
    assert first["articles_written"] == 2 and set(versions(db).values()) == {EXTRACTOR_VERSION}
    with duckdb.connect(str(db)) as con:  # as if article "a" had been extracted by an older Dateline
        con.execute("UPDATE articles SET extractor_version = '0.1.0' WHERE article_id = 'a'")

    unchanged = ingest_articles(input_dir=str(drop), db_path=str(db), backend=backend)
    assert unchanged["files_new"] == 0 and versions(db)["a"] == "0.1.0"

    outdated = ingest_articles(input_dir=str(drop), db_path=str(db), backend=backend, reprocess="outdated")
    assert (outdated["files_new"], outdated["articles_written"]) == (1, 1)
    assert set(versions(db).values()) == {EXTRACTOR_VERSION}

    everything = ingest_articles(input_dir=str(drop), db_path=str(db), backend=backend, reprocess="all")
    assert (everything["files_new"], everything["articles_written"]) == (2, 2)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2  # re-extracted, not duplicated
        assert con.execute("SELECT count(DISTINCT event_id) = count(*) FROM events").fetchone()[0]


def test_an_unknown_reprocess_mode_is_one_clear_error(prefect_harness, backend, drop, tmp_path):
    from extractors.errors import DatelineError

    with pytest.raises(DatelineError, match="reprocess must be one of none, outdated, all"):
        ingest_articles(input_dir=str(drop), db_path=str(tmp_path / "d.duckdb"), backend=backend, reprocess="some")
