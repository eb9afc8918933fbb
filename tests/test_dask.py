"""Batch tasks on a Dask cluster or in worker processes give the same tables as one process."""

import json
import pickle
import pickletools

import distributed  # with prefect-dask, in the dev extras
import pytest

from db_helpers import table_rows
from extractors.pipeline import run_batch
from extractors.store import Store
from flows.batches import Part
from flows.ingest import ingest_articles, process_files
from test_run_cli import dateline

EN = "Emmanuel Macron arrived in Berlin on Monday. He met Olaf Scholz on Tuesday, officials said."
#: Short articles of our own, one language (one set of models per worker).
VISITS = {
    "macron": EN,
    "lula": "Luiz Inacio Lula da Silva left Brasilia for Beijing on Sunday. He will meet Xi Jinping on Friday.",
    "meloni": "Giorgia Meloni travelled to Tunis on Wednesday. She met Kais Saied there, her office said.",
    "albanese": "Anthony Albanese flew to Tokyo on Thursday. He announced a trade agreement with Japan on Saturday.",
}


def tables(db):
    """Every table's rows, without the timestamps of when they were written."""
    return table_rows(db, without_times=True)


def pickled_modules(obj) -> set[str]:
    """The modules whose classes or functions a pickle of ``obj`` refers to."""
    data, names, strings = pickle.dumps(obj), set(), []
    for op, arg, _ in pickletools.genops(data):
        if op.name in ("SHORT_BINUNICODE", "BINUNICODE", "UNICODE"):
            strings.append(arg)
        elif op.name == "STACK_GLOBAL":
            names.add(strings[-2])
        elif op.name == "GLOBAL":
            names.add(arg.split(" ")[0])
    return names


def write(db, batches):
    """Write each batch in its own transaction, as the flow does; the Arrow
    ones after refusing ids that earlier batches hold."""
    with Store(db) as store:
        store.migrate()
        for frames, paths in batches:
            if not isinstance(frames, dict):
                frames = store.refuse_taken_ids(frames, paths)
            store.write_batch(frames, paths)
    return tables(db)


def test_a_batch_task_returns_arrow_tables_without_records(backend, tmp_path):
    (tmp_path / "berlin.json").write_text(json.dumps({"id": "berlin", "text": EN, "lang": "en", "published": "2023-09-12"}))
    result = process_files.fn([Part(str(tmp_path / "berlin.json"))], backend, None)
    assert result.tables["events"].num_rows >= 1 and result.timings["nlp"] >= 0
    modules = pickled_modules(result)
    assert "pyarrow.lib" in modules and not any(m.startswith("extractors.records") for m in modules), modules


def test_arrow_tables_write_the_same_rows_as_the_record_frames(backend, tmp_path):
    path = tmp_path / "berlin.json"
    path.write_text(json.dumps({"id": "berlin", "text": EN, "lang": "en", "published": "2023-09-12"}))
    result = run_batch([path], backend)
    assert write(tmp_path / "frames.duckdb", [(result.frames(), [str(path)])]) == \
        write(tmp_path / "arrow.duckdb", [(result.to_tables(), [str(path)])])


def test_ids_refused_on_tables_by_the_writer_match_ids_refused_on_records_within_a_batch(backend, tmp_path):
    """Within one batch the reader refuses a reused id on records; across
    batches the writer refuses it on the Arrow tables: the same rows result
    (the error, the dropped article, the later file pending with its counts)."""
    first, later = tmp_path / "first.json", tmp_path / "later.jsonl"
    first.write_text(json.dumps({"id": "berlin", "text": EN, "lang": "en", "published": "2023-09-12"}))
    later.write_text("".join(json.dumps({"id": i, "text": EN, "lang": "en", "published": "2023-09-12"}) + "\n"
                             for i in ("berlin", "berlin2")))
    one_batch = run_batch([first, later], backend).frames()
    refused = write(tmp_path / "arrow.duckdb", [(run_batch([first], backend).to_tables(), [str(first)]),
                                                (run_batch([later], backend).to_tables(), [str(later)])])
    assert refused == write(tmp_path / "records.duckdb", [(one_batch, [str(first), str(later)])])
    assert [(r[2], r[-1]) for r in refused["ingest_errors"]] == [("duplicate_id", "berlin")]
    assert sorted(r[:2] for r in refused["sources"])[1] == (str(later), "")  # pending: the next run tries it again


def test_two_dask_workers_write_the_same_tables_as_one_process(prefect_harness, backend, tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    for i in range(4):  # four small articles, one batch each
        (inbox / f"berlin{i}.txt").write_text(EN, encoding="utf-8")
        (inbox / f"berlin{i}.meta.json").write_text(json.dumps({"id": f"berlin{i}", "lang": "en", "published": "2023-09-12"}))
    one = ingest_articles(input_dir=str(inbox), db_path=str(tmp_path / "one.duckdb"), batch_size=1, backend=backend)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        two = ingest_articles(input_dir=str(inbox), db_path=str(tmp_path / "two.duckdb"), batch_size=1, backend=backend,
                              dask=cluster.scheduler_address)
        with distributed.Client(cluster) as client:
            ran_on = client.run(lambda: __import__("flows.workers").workers._resident.cache_info().currsize)
    assert one["articles_written"] == two["articles_written"] == 4
    assert tables(tmp_path / "one.duckdb") == tables(tmp_path / "two.duckdb")
    assert sum(ran_on.values()) >= 1 and all(size <= 1 for size in ran_on.values())  # one backend per worker, kept


@pytest.fixture(scope="module")
def visits(tmp_path_factory):
    """A folder of four articles and the tables a one-process `dateline run` writes from it."""
    root = tmp_path_factory.mktemp("visits")
    inbox = root / "in"
    inbox.mkdir()
    for name, text in VISITS.items():
        (inbox / f"{name}.txt").write_text(text, encoding="utf-8")
        (inbox / f"{name}.meta.json").write_text(json.dumps({"id": name, "lang": "en", "published": "2023-09-12"}))
    one = dateline("run", "--input", str(inbox), "--db", str(root / "one.duckdb"), "--batch-size", "1")
    assert one.returncode == 0 and "0 with errors" in one.stdout, one.stdout + one.stderr
    written = tables(root / "one.duckdb")
    assert len(written["events"]) >= len(VISITS) and not written["ingest_errors"]
    return inbox, written


def _same_as_one_process(visits, tmp_path, *options):
    """The CLI with ``options`` (the progress bar's callback among the flow's
    parameters, as a user runs it) writes every file and the same tables."""
    inbox, written = visits
    run = dateline("run", "--input", str(inbox), "--db", str(tmp_path / "d.duckdb"), "--batch-size", "1", *options)
    assert run.returncode == 0, run.stderr
    assert "0 with errors" in run.stdout and f"{len(VISITS)} articles and" in run.stdout, run.stdout
    assert tables(tmp_path / "d.duckdb") == written


@pytest.mark.stanza
def test_cli_with_two_worker_processes_writes_the_same_tables(models_dir, visits, tmp_path):
    _same_as_one_process(visits, tmp_path, "--workers", "2")


@pytest.mark.stanza
def test_cli_on_a_dask_cluster_writes_the_same_tables(models_dir, visits, tmp_path):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        _same_as_one_process(visits, tmp_path, "--dask", cluster.scheduler_address)


def _pipelines_loaded() -> tuple[int, int]:
    """(Stanza pipelines this process loaded, times one was asked for again), run in a worker."""
    from extractors.nlp import stanza_backend

    info = stanza_backend._loaded_pipeline.cache_info()
    return info.misses, info.hits


@pytest.mark.stanza
def test_a_preloading_worker_loads_its_models_when_it_starts_and_never_again(models_dir, visits, tmp_path, monkeypatch):
    """``dask worker --preload flows.preload``: the models are loaded before
    the first run arrives, and that run's batches use them (no second load)."""
    monkeypatch.setenv("DATELINE_PRELOAD_LANGS", "en")  # inherited by the worker process
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                                  preload=["flows.preload"]) as cluster, distributed.Client(cluster) as client:
        assert list(client.run(_pipelines_loaded).values()) == [(1, 0)]
        _same_as_one_process(visits, tmp_path, "--dask", cluster.scheduler_address)
        ((loaded, reused),) = client.run(_pipelines_loaded).values()
        assert loaded == 1 and reused >= 1


def test_a_worker_without_models_still_starts_and_says_why(tmp_path, monkeypatch, caplog):
    from flows import preload

    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    monkeypatch.delenv("DATELINE_PRELOAD_LANGS", raising=False)
    assert preload.dask_setup() == ()
    assert "did not preload the models of any language" in caplog.text and str(tmp_path) in caplog.text
    monkeypatch.setenv("DATELINE_PRELOAD_LANGS", "en, ar")
    assert preload.dask_setup() == ()
    assert "did not preload the models of ar, en" in caplog.text


def test_a_worker_finds_models_where_its_own_stanza_resources_dir_says(tmp_path, monkeypatch):
    """Dask workers run on other machines: the backend the writer pickles must
    load the worker's models, not look for the writer's path there."""
    import json
    import pickle

    from extractors.nlp import StanzaBackend

    def model_dir(name: str, lang: str):
        directory = tmp_path / name
        (directory / lang / "tokenize").mkdir(parents=True)
        (directory / lang / "tokenize" / "default.pt").write_bytes(b"")
        (directory / "resources.json").write_text(json.dumps({lang: {"default_processors": {"tokenize": "default"}}}))
        return directory

    writer, worker = model_dir("writer", "en"), model_dir("worker", "ar")
    monkeypatch.delenv("STANZA_RESOURCES_DIR", raising=False)
    spec = pickle.dumps(StanzaBackend(writer))
    assert pickle.loads(spec).directory == writer  # no setting on the worker: the writer's path
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(worker))
    received = pickle.loads(spec)
    assert received.directory == worker and set(received.inventory) == {"ar"}


def test_a_worker_with_dasks_fixed_malloc_setting_gets_the_heap_back_for_tensors(monkeypatch):
    """Dask's nanny starts workers with ``MALLOC_TRIM_THRESHOLD_``, which stops
    glibc from raising its mmap threshold: every Stanza tensor over 128 KiB is
    then mapped and unmapped (bench/dask_speedup.py: +15% CPU per worker). The
    worker's backend, built once, raises the threshold back; a process without
    such a setting, or with its own mmap threshold, is left alone."""
    import ctypes
    import functools

    from flows import resources, workers

    calls = []

    class Libc:
        def mallopt(self, param, value):
            calls.append((param, value))
            return 1

    monkeypatch.setattr(ctypes, "CDLL", lambda *_a, **_k: Libc())
    for name in ("MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_", "MALLOC_MMAP_THRESHOLD_", "GLIBC_TUNABLES"):
        monkeypatch.delenv(name, raising=False)
    assert not resources.keep_tensors_in_heap() and not calls  # glibc's own dynamic threshold works
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    monkeypatch.setattr(workers, "_resident", functools.cache(workers._resident.__wrapped__))
    handle = workers.PerProcessBackend(EnglishOnly())
    assert handle.supports("en") and handle.backend is handle.backend
    assert calls == [(-3, 32 * 1024 * 1024)]  # M_MMAP_THRESHOLD, once per process and backend
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "131072")
    assert not resources.keep_tensors_in_heap() and len(calls) == 1
    monkeypatch.setattr(ctypes, "CDLL", lambda *_a, **_k: (_ for _ in ()).throw(OSError("no libc.so.6")))
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_")
    assert not resources.keep_tensors_in_heap()  # another C library: nothing to do, no error


class EnglishOnly:
    """A picklable stand-in backend (no models)."""

    inventory = {"en": ("tokenize",)}

    def supports(self, lang):
        return lang == "en"
