"""The schema's history: named migrations, frozen as SQL files as they shipped.

``migrations/NNNN_name.sql`` files are applied in name order, each in its own
transaction, and recorded in ``schema_migrations`` (the way sqlite-utils does
it), so a database made by an older Dateline is upgraded in place and a new
one goes through exactly the same steps. A shipped file is never edited: a
change to the schema is a new file, and :mod:`extractors.store.schema` is
updated to document the shape that results (``tests/test_migrations.py``
checks that the two agree, comments included).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

FOLDER = Path(__file__).parent / "migrations"


@dataclass(frozen=True)
class Migration:
    name: str
    sql: str


@cache
def migrations() -> tuple[Migration, ...]:
    """Every migration, in the order it is applied."""
    return tuple(Migration(p.stem, p.read_text(encoding="utf-8")) for p in sorted(FOLDER.glob("*.sql")))
