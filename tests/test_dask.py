"""Batch tasks on a Dask cluster give the same tables as one process."""

import json

import distributed  # with prefect-dask, in the dev extras
import duckdb

from flows.ingest import ingest_articles

EN = "Emmanuel Macron arrived in Berlin on Monday. He met Olaf Scholz on Tuesday, officials said."


def tables(db):
    """Every table's rows, without the timestamps of when they were written."""
    con = duckdb.connect(str(db), read_only=True)
    names = [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE table_name NOT IN ('runs', 'schema_migrations', 'publications')").fetchall()]
    data = {}
    for name in sorted(names):
        columns = [c[0] for c in con.execute(f"DESCRIBE {name}").fetchall() if not c[1].startswith("TIMESTAMP")]
        data[name] = con.execute(f"SELECT {', '.join(columns)} FROM {name} ORDER BY ALL").fetchall()
    con.close()
    return data


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
