"""The extractor version stamped on every row: the package version plus a hash
of everything that decides what is extracted.

``EXTRACTOR_VERSION`` is ``<package version>+<12 hex digits>``, the digits a
SHA-256 over the language data (``extractors/lang/**``) and the source of the
stages that turn text into rows (ingest, nlp, entities, timex, events, coding, the
records and the lexicon loader). Any change to extraction therefore changes
the version without anyone remembering to bump it, and
``dateline run --reprocess`` (or ``DATELINE_REPROCESS_OUTDATED``) brings rows
of older versions up to date. Storage and orchestration code are left out:
changing how rows are written does not change what they say.
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

PACKAGE = "dateline"
ROOT = Path(__file__).parent
#: What decides the extracted rows, relative to ``extractors/``.
EXTRACTION_SOURCES = ("lang", "ingest", "nlp", "entities", "timex", "events", "coding", "records.py", "lexicon.py", "pipeline.py")


def package_version() -> str:
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:  # run from a checkout without installing
        return "0+unknown"


def hash_sources(digest, names, root: Path = ROOT) -> None:
    """Feed ``digest`` the ``.py`` and ``.toml`` files of ``names`` (folders or
    files relative to ``root``), each by relative path and content."""
    for name in names:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.suffix in (".py", ".toml")) if path.is_dir() else [path]
        for file in files:
            digest.update(file.relative_to(root).as_posix().encode() + b"\0")
            digest.update(file.read_bytes() + b"\0")


def extraction_fingerprint(root: Path = ROOT) -> str:
    """SHA-256 over the extraction sources, by relative path and content."""
    digest = hashlib.sha256()
    hash_sources(digest, EXTRACTION_SOURCES, root)
    return digest.hexdigest()


def extractor_version() -> str:
    return f"{package_version()}+{extraction_fingerprint()[:12]}"


EXTRACTOR_VERSION = extractor_version()
