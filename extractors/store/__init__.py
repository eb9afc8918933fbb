"""The store stage: records → Polars frames → the DuckDB tables.

    BatchResult → frames (one per table) → BatchTables (Arrow; what a batch task returns)
        → Store.refuse_taken_ids → Store.write_batch (one transaction, in the flow's process)

:mod:`.schema` documents every table and column; :mod:`.migrations` holds the
frozen SQL that builds them; :mod:`.frames` turns records into typed Polars
frames; :mod:`.batch` holds a batch's Arrow tables (what crosses processes); :mod:`.duckdb_store` is the only DuckDB import and the single writer;
:mod:`.access` says how the writer and the readers share it (short
connections, a published read copy).
"""

from extractors.store.access import Database, default_read_copy, read
from extractors.store.duckdb_store import ARTICLE_TABLES, STORAGE_VERSION, Store
from extractors.store.migrations import migrations
from extractors.store.schema import TABLES, VIEWS, table

__all__ = ["ARTICLE_TABLES", "STORAGE_VERSION", "TABLES", "VIEWS", "Database", "Store", "default_read_copy", "migrations", "read",
           "table"]
