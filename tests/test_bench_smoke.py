"""Smoke test of the throughput benchmark: a tiny real corpus, every row reported.

Not a timed test: it checks that the scripts run end to end on real articles
and that the report is complete and self-consistent, not how fast anything is.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
CORPORA = BENCH.parent.parent / "shared" / "corpora"
sys.path.insert(0, str(BENCH))

import build_corpus  # noqa: E402
import run as bench_run  # noqa: E402


@pytest.fixture(scope="module")
def corpora() -> Path:
    """The shared corpora (``../shared/corpora``, or ``$DATELINE_CORPORA``);
    missing ones fail the test: CI has them, and a skip would hide a broken bench."""
    folder = Path(os.environ.get("DATELINE_CORPORA") or CORPORA)
    missing = [name for name in build_corpus.SOURCES.values() if not (folder / name).exists()]
    if missing:
        pytest.fail(f"shared corpora not found in {folder} ({', '.join(missing)}): set DATELINE_CORPORA", pytrace=False)
    return folder


def test_corpus_is_deterministic_balanced_and_ingestible(corpora, tmp_path):
    from extractors.ingest import discover, read_articles

    first = build_corpus.build(tmp_path / "a", 6, seed=3, corpora=corpora)
    again = build_corpus.build(tmp_path / "b", 6, seed=3, corpora=corpora)
    other = build_corpus.build(tmp_path / "c", 6, seed=4, corpora=corpora)
    assert [p.name for p in first] == [p.name for p in again]
    assert [p.name for p in first] != [p.name for p in other]
    articles = [a for p in discover(tmp_path / "a") for a in read_articles(p)]
    assert sorted(a.lang for a in articles) == ["ar"] * 3 + ["en"] * 3
    assert all(a.published is not None and a.published_source == "metadata" for a in articles)
    assert len({a.content_sha256 for a in articles}) == 6
    assert all(len(a.text.split()) >= build_corpus.MIN_WORDS for a in articles)


def test_selection_skips_duplicates_and_stubs(tmp_path):
    body = "word " * 60
    lines = [{"id": "a", "text": body}, {"id": "b", "text": "  " + body.replace(" ", "\n")}, {"id": "c", "text": "too short"},
             {"id": "d", "text": body + "more"}]
    source = tmp_path / "corpus.jsonl"
    source.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    chosen = build_corpus.select(source, 2, seed=0)
    assert len(chosen) == 2 and len({" ".join(r["text"].split()) for r in chosen}) == 2
    with pytest.raises(ValueError):
        build_corpus.select(source, 3, seed=0)


@pytest.mark.stanza
def test_report_has_every_row(corpora, models_dir, tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    build_corpus.build(corpus, 2, seed=5, corpora=corpora)
    work = tmp_path / "work"
    (work / "prefect-home").mkdir(parents=True)  # an existing home: no warm-up run, to keep CI short
    children = {}
    report_rows = bench_run.report_rows

    def keep_children(n, alone, first, second, memory):
        children.update(alone=alone, first=first, second=second)
        return report_rows(n, alone, first, second, memory)

    monkeypatch.setattr(bench_run, "report_rows", keep_children)
    rows = bench_run.measure(corpus, 2, [2], batch_size=16, workers=None, skip_stanza=False,
                             resources=models_dir, work=work, corpus_for_size=lambda size: corpus)
    by_key = {r.key: r for r in rows}
    stages = (*bench_run.FLOW_STAGES, "orchestration")
    expected = {"stanza.articles_per_s", "stanza.words_per_s", "dateline.articles_per_s", "dateline.words_per_s",
                "ratio", "rerun.wall_s", "peak_rss.2", "dateparser.share"} | {f"stage.{s}" for s in stages}
    assert expected <= set(by_key)
    assert all(by_key[k].value is not None and by_key[k].value >= 0 for k in expected)

    # Each stage's share is that stage's time as the flow child measured it,
    # over the child's wall time (model loading counts as NLP); orchestration
    # is what the stages leave, so it must be what the child did outside them.
    first = children["first"]
    timings, wall = first.result["timings"], first.wall_s
    child_s = {stage: timings.get(stage, 0.0) for stage in bench_run.FLOW_STAGES}
    child_s["nlp"] += first.result.get("models_s", 0.0)
    for stage, seconds in child_s.items():
        assert by_key[f"stage.{stage}"].value == pytest.approx(100 * seconds / wall, abs=0.01), stage
    assert 0 < sum(child_s.values()) < wall
    outside = first.result["import_s"] + first.result["preflight_s"] + (wall - first.result["internal_wall_s"])
    assert by_key["stage.orchestration"].value * wall / 100 >= outside - 0.01  # at least imports, preflight, start/exit
    assert child_s["nlp"] > child_s["write"] > 0
    assert by_key["peak_rss.2"].value > 100  # Stanza's models alone take more than this

    # The re-run reached the flow's bookkeeping: both files skipped, nothing new, and a run of its own recorded.
    last_run, second = children["second"].result["last_run"], children["second"]
    assert second.result["exit"] == 0
    assert last_run and last_run["run_id"] != first.result["run_id"]
    assert (last_run["files_seen"], last_run["files_skipped"], last_run["files_new"]) == (2, 2, 0)
    assert by_key["rerun.wall_s"].note.startswith("2 files skipped, 0 new")
    assert by_key["ratio.cpu"].value > 0
