"""Settings with their defaults, overridable by environment variables.

``DATELINE_DB``, ``DATELINE_INBOX``, ``DATELINE_BATCH_SIZE``,
``DATELINE_REPROCESS_OUTDATED``, ``DATELINE_READ_COPY`` (the file readers open:
dashboards, ``dateline query``, BI tools; default beside the database),
``DATELINE_SERVE_INTERVAL_S``, ``DATELINE_SERVE_POLL_S``, ``DATELINE_PUBLISH_EVERY``, ``DATELINE_LOCK_TIMEOUT_S``, ``DATELINE_ARTICLE_BUDGET_S``
(seconds one long article may take), ``DATELINE_DASK`` (a Dask scheduler for the
batches), ``DATELINE_PREFECT_STARTUP_TIMEOUT_S`` (read by :mod:`flows.runtime`),
and Stanza's own
``STANZA_RESOURCES_DIR``;
command-line options win over both.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DATELINE_", extra="ignore")

    db: Path = Path("data/dateline.duckdb")
    inbox: Path = Path("data/inbox")
    seeds: Path = Path("seeds")
    batch_size: int = 64
    serve_interval_s: int = 300
    #: Seconds between two looks at the drop folder under ``serve`` (0: run on the schedule only).
    serve_poll_s: float = 2.0
    #: Re-extract, on every run, articles an older extractor version made.
    reprocess_outdated: bool = False
    read_copy: Path | None = None
    publish_every: int = 8
    lock_timeout_s: float = 60.0
    #: Seconds one long article may take (DATELINE_ARTICLE_BUDGET_S); beyond, a too_slow row.
    article_budget_s: float = 300.0
    dashboard_port: int = 8501
    #: Dask scheduler address (tcp://host:8786) for the batch tasks of run and serve.
    dask: str | None = None
    stanza_resources_dir: Path | None = Field(
        default=None, validation_alias=AliasChoices("STANZA_RESOURCES_DIR", "DATELINE_STANZA_RESOURCES_DIR")
    )

    def read_copy_path(self, db: Path | None = None) -> Path:
        """The read copy: ``DATELINE_READ_COPY``, else beside the database."""
        from extractors.store.access import default_read_copy

        return self.read_copy or default_read_copy(db or self.db)


def settings() -> Settings:
    return Settings()
