"""Finding article files under a folder and hashing them for change detection."""

from __future__ import annotations

import hashlib
import os
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


def path_key(path: Path | str) -> str:
    """The path as the database stores it: itself when the name is valid
    UTF-8, else with each byte that is not written ``\\xNN``
    (``bad\\xff.txt``); :func:`name_hex` keeps the exact bytes."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def has_bad_name(path: Path | str) -> bool:
    """Whether the file name is not valid UTF-8 (Python holds such names with
    surrogate escapes, which no database, JSON or log line accepts)."""
    return path_key(path) != str(path)


def name_hex(path: Path | str) -> str:
    """The path's exact bytes in hex: what a ``bad_file_name`` row records."""
    return os.fsencode(str(path)).hex()


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


