"""The layout ARCHITECTURE.md promises, checked on the source: no import
cycles, each heavy library behind one module, no Prefect in ``extractors``,
stages that only look down the pipeline, and modules a newcomer can read."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("extractors", "flows", "dateline")
#: Heavy libraries and the one module allowed to import each.
HEAVY = {
    "stanza": "extractors.nlp.stanza_backend",
    "duckdb": "extractors.store.duckdb_store",
    "dateparser": "extractors.timex.dateparser_adapter",
}
#: Stage order: a stage may import from itself, from earlier stages and from
#: the shared modules, never from a later stage.
STAGES = ("ingest", "nlp", "entities", "timex", "events", "store")
MAX_LINES = 300


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def imports(path: Path) -> set[str]:
    """Every module name an ``import`` or ``from`` statement names, at any depth."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def graph() -> dict[str, set[str]]:
    """Module → the project modules it imports. ``from extractors.timex import
    rules`` inside ``extractors.timex.finder`` imports the sibling, not the
    package it already runs in, so edges to a module's own ancestors are left out."""
    known = modules()
    return {name: {i for i in imports(path) if i in known and i != name and not name.startswith(i + ".")}
            for name, path in known.items()}


def test_there_is_no_import_cycle():
    edges = graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                cycles.append(trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    assert not cycles, cycles


@pytest.mark.parametrize("library", sorted(HEAVY))
def test_each_heavy_library_is_imported_in_one_module(library):
    users = {name for name, path in modules().items() if any(i == library or i.startswith(library + ".") for i in imports(path))}
    assert users == {HEAVY[library]}


def test_extractors_never_import_prefect():
    users = [name for name, path in modules().items() if name.startswith("extractors") and any(i.startswith("prefect") for i in imports(path))]
    assert not users


def test_stages_import_only_earlier_stages():
    problems = []
    for name, targets in graph().items():
        parts = name.split(".")
        if parts[0] != "extractors" or len(parts) < 2 or parts[1] not in STAGES:
            continue
        rank = STAGES.index(parts[1])
        for target in targets:
            t = target.split(".")
            if len(t) > 1 and t[1] in STAGES and STAGES.index(t[1]) > rank:
                problems.append(f"{name} → {target}")
    assert not problems, problems


def test_modules_stay_short():
    long = {name: n for name, path in modules().items() if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long
