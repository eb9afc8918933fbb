"""Shared fixtures.

Two NLP backends:

* ``backend``: recorded analyses (``tests/fixtures/snapshots/``), fast and
  without models. A text without a snapshot fails with an actionable message;
  ``DATELINE_RECORD_SNAPSHOTS=1`` records it with the real models instead
  (``python tests/snapshots.py`` re-records everything). Extractor tests use it.
* ``engine``: the real Stanza backend, for the tests marked ``stanza`` that
  check the models' own output (loading, offsets, the seed end to end).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dateline import quiet

quiet.configure()

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).parent / "fixtures"
SNAPSHOTS = FIXTURES / "snapshots"
SEED_ID = "000_f09eb540a3741d99"


def stanza_dir() -> Path | None:
    """The model directory tests use: $STANZA_RESOURCES_DIR, else ../shared's."""
    env = os.environ.get("STANZA_RESOURCES_DIR")
    candidates = [Path(env)] if env else []
    candidates.append(ROOT.parent / "shared" / "stanza_resources")
    for path in candidates:
        if (path / "resources.json").exists():
            return path
    return None


@pytest.fixture(scope="session")
def models_dir() -> Path:
    path = stanza_dir()
    if path is None:
        pytest.skip("no Stanza model directory (set STANZA_RESOURCES_DIR)")
    os.environ["STANZA_RESOURCES_DIR"] = str(path)
    return path


@pytest.fixture(scope="session")
def backend():
    """Recorded analyses; records missing ones with the real models when
    ``DATELINE_RECORD_SNAPSHOTS`` is set (``refresh`` re-records all)."""
    from extractors.nlp import SnapshotBackend, StanzaBackend

    mode = os.environ.get("DATELINE_RECORD_SNAPSHOTS", "")
    if not mode:
        return SnapshotBackend(SNAPSHOTS)
    path = stanza_dir()
    if path is None:
        raise RuntimeError("DATELINE_RECORD_SNAPSHOTS needs Stanza models: set STANZA_RESOURCES_DIR")
    return SnapshotBackend(SNAPSHOTS, recorder=StanzaBackend(path), refresh=mode == "refresh")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEEDS / f"{SEED_ID}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    return json.loads((FIXTURES / "seed.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def engine(models_dir):
    """The Stanza backend; it keeps its pipelines, so each language is loaded
    once for the whole test session."""
    from extractors.nlp import StanzaBackend

    return StanzaBackend(models_dir)


@pytest.fixture(scope="session")
def seed_article():
    from extractors.ingest import read_articles

    return next(read_articles(SEEDS / f"{SEED_ID}.txt"))


@pytest.fixture(scope="session")
def seed_analysis(engine, seed_article):
    return analyzed(engine, seed_article)


@pytest.fixture(scope="session")
def en_article():
    from extractors.ingest import read_articles

    return next(read_articles(FIXTURES / "articles" / "en_summit.txt"))


@pytest.fixture(scope="session")
def en_analysis(engine, en_article):
    return analyzed(engine, en_article)


def analyzed(backend, article):
    """The NLP stage, then the entity stage: what the events stage receives."""
    return analyzed_all(backend, [article])[0]


def analyzed_all(backend, articles):
    from extractors import entities

    return [entities.resolve(an, a.text) for a, an in zip(articles, backend.analyze(articles))]


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect backend for every flow test of the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):  # a busy 2-core machine needs more than the default 30 s
        yield


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory, prefect_harness, backend):
    """A database of the seed article and the English summit fixture, built by
    the flow with recorded analyses, and its published read copy: the small
    database the dashboard tests look at. Returns the ``Database``."""
    import shutil

    from extractors.store import Database
    from flows.ingest import ingest_articles

    folder = tmp_path_factory.mktemp("seed_drop")
    for path in (SEEDS / f"{SEED_ID}.txt", SEEDS / f"{SEED_ID}.meta.json",
                 FIXTURES / "articles" / "en_summit.txt", FIXTURES / "articles" / "en_summit.meta.json"):
        shutil.copy(path, folder / path.name)
    db = Database(tmp_path_factory.mktemp("seed_db") / "dateline.duckdb")
    ingest_articles(input_dir=str(folder), db_path=str(db.path), backend=backend)
    return db
