"""Finding article files under a folder and hashing them for change detection."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

ARTICLE_SUFFIXES = (".txt", ".json", ".jsonl", ".html", ".htm", ".xml", ".rss", ".atom")
SKIPPED_SUFFIXES = (".meta.json", ".expected.json")


def discover(root: Path) -> list[Path]:
    """Article files under ``root``, recursively and sorted.

    Sidecars (``.meta.json``), hand annotations (``.expected.json``) and
    hidden files or folders (editor swap files, ``.git``) are not articles.
    """
    root = Path(root)
    found = (
        p
        for p in root.rglob("*")
        if p.name.endswith(ARTICLE_SUFFIXES)
        and not p.name.endswith(SKIPPED_SUFFIXES)
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
        and p.is_file()
    )
    return sorted(found)


def file_sha256(path: Path) -> str:
    """SHA-256 of a file and of its sidecar, so editing either re-processes it.

    Read in chunks: the flow hashes every file of a drop on every run.
    """
    digest = hashlib.sha256()
    _hash_into(digest, Path(path))
    sidecar = sidecar_path(Path(path))
    if sidecar.is_file():
        digest.update(b"\0meta\0")
        _hash_into(digest, sidecar)
    return digest.hexdigest()


def _hash_into(digest: Any, path: Path) -> None:
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)


def sidecar_path(path: Path) -> Path:
    """``000_x.txt`` → ``000_x.meta.json`` (the seed's naming)."""
    return path.with_name(path.name[: -len(path.suffix)] + ".meta.json")


