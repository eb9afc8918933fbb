"""Shared by the flow tests: what a database holds, to compare two runs."""

import duckdb

#: Tables that say how and when a run went, not what it extracted.
RUN_TABLES = ("runs", "schema_migrations", "publications")


def table_rows(db, without_times: bool = False, drop: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    """Every extracted table's rows, sorted; ``without_times`` leaves out the
    timestamp columns (when a row was written) and ``drop`` other columns."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall() if r[0] not in RUN_TABLES]
        data = {}
        for name in sorted(names):
            columns = [c[0] for c in con.execute(f"DESCRIBE {name}").fetchall()
                       if not (without_times and c[1].startswith("TIMESTAMP")) and c[0] not in drop]
            data[name] = con.execute(f"SELECT {', '.join(columns)} FROM {name} ORDER BY ALL").fetchall()
        return data
    finally:
        con.close()
