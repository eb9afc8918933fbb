"""``dateline export``: parquet, csv and PLOVER JSON lines checked against
the committed schema (``extractors/coding/plover.schema.json``)."""

import json
import shutil

import jsonschema
import polars as pl
import pytest
from typer.testing import CliRunner

from conftest import FIXTURES
from dateline.cli import _register_commands, app
from extractors.coding.plover import SCHEMA_PATH
from flows.ingest import ingest_articles


@pytest.fixture(scope="module")
def db(prefect_harness, backend, tmp_path_factory):
    folder = tmp_path_factory.mktemp("inbox")
    for name in ("en_meeting", "ar_meeting", "en_other_meeting"):
        for suffix in (".txt", ".meta.json"):
            shutil.copy(FIXTURES / "clusters" / f"{name}{suffix}", folder / f"{name}{suffix}")
    path = tmp_path_factory.mktemp("db") / "d.duckdb"
    ingest_articles(input_dir=str(folder), db_path=str(path), backend=backend)
    return path


def export(*args):
    _register_commands()
    return CliRunner().invoke(app, ["export", *map(str, args)])


def test_plover_jsonl_round_trips_through_the_schema(db, tmp_path):
    out = tmp_path / "events.jsonl"
    result = export("--db", db, "--format", "plover-jsonl", out)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text()))
    for record in records:
        validator.validate(record)
    meeting = next(r for r in records if r["dateline_type"] == "meeting" and r["source"]["language"] == "ar" and r["date"])
    assert (meeting["event_type"], meeting["mode"], meeting["cameo_code"]) == ("CONSULT", "meet", "040")
    assert meeting["actor"]["country"] == "RU" and meeting["location"]["geonames_id"] == 524901
    assert not any(r["dateline_type"] == "announcement" for r in records)


def test_the_schema_rejects_a_broken_record(db, tmp_path):
    out = tmp_path / "events.jsonl"
    export("--db", db, "--format", "plover-jsonl", out)
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    record["actor"]["country"] = "Russia"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, json.loads(SCHEMA_PATH.read_text()))


@pytest.mark.parametrize("fmt, read", [("parquet", pl.read_parquet), ("csv", pl.read_csv)])
def test_flat_exports_hold_every_event_with_codes_and_places(db, tmp_path, fmt, read):
    out = tmp_path / f"events.{fmt}"
    assert export("--db", db, "--format", fmt, out).exit_code == 0
    frame = read(out)
    assert {"cluster_id", "cameo_code", "plover_type", "actor_country", "place_geonames_id", "place_lat"} <= set(frame.columns)
    assert frame.height > 5 and frame["cluster_id"].null_count() == 0


def test_since_keeps_later_events_only(db, tmp_path):
    out = tmp_path / "late.csv"
    assert export("--db", db, "--format", "csv", "--since", "2024-03-10", out).exit_code == 0
    frame = pl.read_csv(out)
    assert frame.height > 0 and set(frame["article_id"]) == {"en-other-meeting"}


def test_bad_options_are_one_line_errors(db, tmp_path):
    for args in (("--format", "xml"), ("--since", "yesterday")):
        result = export("--db", db, *args, tmp_path / "x")
        assert result.exit_code != 0
