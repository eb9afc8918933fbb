"""Per-language knowledge kept as data: ``extractors/lang/<lang>/<name>.toml``.

Trigger words, prepositions and time words the libraries miss are data, not
code, so that adding a language is adding a folder of files (the way dateparser
keeps its language data). Files are read once and cached.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

LANG_DIR = Path(__file__).parent / "lang"


def languages() -> tuple[str, ...]:
    """Languages that have a data folder, sorted."""
    return tuple(sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir()))


def has(lang: str, name: str) -> bool:
    return (LANG_DIR / lang / f"{name}.toml").is_file()


@cache
def load(lang: str, name: str) -> dict[str, Any]:
    """The parsed ``<lang>/<name>.toml``; ``{}`` when the language lacks it."""
    path = LANG_DIR / lang / f"{name}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)
