"""Shared fixtures.

Two NLP backends:

* ``backend``: recorded analyses (``tests/fixtures/snapshots/``), fast and
  without models. A text without a snapshot fails with an actionable message;
  ``DATELINE_RECORD_SNAPSHOTS=1`` records it with the real models instead
  (``python tests/snapshots.py`` re-records everything). Extractor tests use it.
* ``engine``: the real Stanza backend, for the tests marked ``stanza`` that
  check the models' own output (loading, offsets, the seed end to end).

Guards, so that "fast and without models" stays true and "real Stanza" never
quietly becomes "nothing":

* a test marked ``stanza`` fails (never skips) when no models are found;
* a test that asks for a real-Stanza fixture (:data:`REAL_STANZA_FIXTURES`)
  without the ``stanza`` mark is a collection error;
* an unmarked test that builds a Stanza pipeline anyway (a flow or CLI called
  in-process without ``backend=``) fails at that moment, naming the cure.
  (Recording snapshots lifts this guard: recording *is* running Stanza.)
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


#: Fixtures that mean real Stanza: only tests marked ``stanza`` may use them.
REAL_STANZA_FIXTURES = frozenset({"models_dir", "engine", "stanza_seed_analysis", "stanza_en_analysis"})


def recording() -> str:
    """"" (replay), "1" (record missing snapshots) or "refresh" (re-record all)."""
    return os.environ.get("DATELINE_RECORD_SNAPSHOTS", "")


def pytest_collection_modifyitems(config, items):
    unmarked = [item.nodeid for item in items
                if REAL_STANZA_FIXTURES & set(getattr(item, "fixturenames", ())) and item.get_closest_marker("stanza") is None]
    if unmarked:
        raise pytest.UsageError(
            "tests using real Stanza fixtures (" + ", ".join(sorted(REAL_STANZA_FIXTURES)) + ") must be marked "
            "@pytest.mark.stanza, or use the `backend` fixture (recorded analyses):\n  " + "\n  ".join(unmarked))


@pytest.fixture(autouse=True)
def _no_stanza_unless_marked(request, monkeypatch):
    """An unmarked test that builds a Stanza pipeline fails right there; a
    marked one fails without models, whatever fixtures it asks for."""
    if request.node.get_closest_marker("stanza") is not None:
        request.getfixturevalue("models_dir")
        return
    if recording():
        return
    nodeid = request.node.nodeid

    def refuse(lang, *args, **kwargs):
        pytest.fail(f"{nodeid} loads the real Stanza '{lang}' pipeline without @pytest.mark.stanza: pass "
                    "`backend=backend` (recorded analyses, see tests/README.md) or mark the test stanza", pytrace=False)

    monkeypatch.setattr("extractors.nlp.stanza_backend._build_pipeline", refuse)


@pytest.fixture(scope="session")
def models_dir() -> Path:
    """The real model directory. Missing models fail the test (CI must not
    pass by skipping the tests that check the real models)."""
    path = stanza_dir()
    if path is None:
        pytest.fail("Stanza models not found: set STANZA_RESOURCES_DIR to a model directory (one with resources.json), "
                    "e.g. after `dateline models pull ar en`; tests marked `stanza` need them "
                    "(deselect them with -m 'not stanza' on a machine without models)", pytrace=False)
    os.environ["STANZA_RESOURCES_DIR"] = str(path)
    return path


RECORDER = pytest.StashKey()


@pytest.fixture(scope="session")
def backend(pytestconfig):
    """Recorded analyses; records missing ones with the real models when
    ``DATELINE_RECORD_SNAPSHOTS`` is set (``refresh`` re-records all)."""
    from extractors.nlp import SnapshotBackend, StanzaBackend

    mode = recording()
    if not mode:
        return SnapshotBackend(SNAPSHOTS)
    path = stanza_dir()
    if path is None:
        raise RuntimeError("DATELINE_RECORD_SNAPSHOTS needs Stanza models: set STANZA_RESOURCES_DIR")
    pytestconfig.stash[RECORDER] = recorder = SnapshotBackend(SNAPSHOTS, recorder=StanzaBackend(path), refresh=mode == "refresh")
    return recorder


def pytest_sessionfinish(session):
    """For ``tests/snapshots.py``: list the snapshots this session wrote."""
    manifest = os.environ.get("DATELINE_SNAPSHOT_MANIFEST")
    recorder = session.config.stash.get(RECORDER, None)
    if manifest and recorder is not None:
        Path(manifest).write_text("".join(f"{path.name}\n" for path in recorder.recorded), encoding="utf-8")


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
def seed_analysis(backend, seed_article):
    """The seed after NLP (recorded) and the entity stage."""
    return analyzed(backend, seed_article)


@pytest.fixture(scope="session")
def stanza_seed_analysis(engine, seed_article):
    """The seed after real Stanza and the entity stage (tests marked ``stanza``)."""
    return analyzed(engine, seed_article)


@pytest.fixture(scope="session")
def en_article():
    from extractors.ingest import read_articles

    return next(read_articles(FIXTURES / "articles" / "en_summit.txt"))


@pytest.fixture(scope="session")
def en_analysis(backend, en_article):
    return analyzed(backend, en_article)


@pytest.fixture(scope="session")
def stanza_en_analysis(engine, en_article):
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
