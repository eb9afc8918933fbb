"""Per-language knowledge kept as data: ``extractors/lang/<lang>/<name>.toml``.

Trigger words, prepositions and time words the libraries miss are data, not
code, so that adding a language is adding a folder of files (the way dateparser
keeps its language data). Files are read once and cached, and handed out
frozen (read-only mappings, tuples for arrays): a caller that changed one
would silently change it for every later caller in the process.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

LANG_DIR = Path(__file__).parent / "lang"


def languages() -> tuple[str, ...]:
    """Languages that have a data folder, sorted."""
    return tuple(sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir()))


def has(lang: str, name: str) -> bool:
    return (LANG_DIR / lang / f"{name}.toml").is_file()


@cache
def load(lang: str, name: str) -> Mapping[str, Any]:
    """The parsed ``<lang>/<name>.toml``, frozen; empty when the language lacks it."""
    path = LANG_DIR / lang / f"{name}.toml"
    if not path.is_file():
        return MappingProxyType({})
    with path.open("rb") as fh:
        return freeze(tomllib.load(fh))


def freeze(value: Any) -> Any:
    """Tables as read-only mappings and arrays as tuples, all the way down."""
    if isinstance(value, dict):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(freeze(v) for v in value)
    return value
