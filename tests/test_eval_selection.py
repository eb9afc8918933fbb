"""bench/select_eval_articles.py picks the same articles whatever has been
annotated since: it excludes a fixed list (the first 34), never the gold folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import select_eval_articles as sel  # noqa: E402


def test_the_first_set_is_the_34_dev_articles_the_rules_were_developed_on():
    dev = {p.name.removesuffix(".expected.json") for p in (BENCH / "events_gold" / "dev").glob("*.expected.json")}
    assert len(sel.FIRST_SET) == 34 and sel.FIRST_SET <= dev


def test_selection_ignores_the_gold_folder(tmp_path, monkeypatch):
    if not (sel.CORPORA / sel.FILES["en"]).exists():
        pytest.skip("no ../shared/corpora")
    before = [r["id"] for r in sel.select("en", 6, 2, 2026)]
    (tmp_path / f"{before[0]}.expected.json").write_text("{}", encoding="utf-8")  # as if the first pick were annotated
    monkeypatch.setattr(sel, "GOLD", tmp_path)
    assert [r["id"] for r in sel.select("en", 6, 2, 2026)] == before
    assert not set(before) & sel.FIRST_SET
