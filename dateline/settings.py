"""Settings with their defaults, overridable by environment variables.

``DATELINE_DB``, ``DATELINE_INBOX``, ``DATELINE_BATCH_SIZE``,
``DATELINE_REPROCESS_OUTDATED`` and Stanza's own ``STANZA_RESOURCES_DIR``;
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
    #: Re-extract, on every run, articles an older extractor version made.
    reprocess_outdated: bool = False
    stanza_resources_dir: Path | None = Field(
        default=None, validation_alias=AliasChoices("STANZA_RESOURCES_DIR", "DATELINE_STANZA_RESOURCES_DIR")
    )


def settings() -> Settings:
    return Settings()
