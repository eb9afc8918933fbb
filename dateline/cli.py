"""The ``dateline`` command line.

Each command lives in its own module under ``dateline/commands/`` and exposes
``register(app)``; this file only wires them together and turns expected
failures (:class:`extractors.errors.DatelineError`) into one-line messages.
"""

from __future__ import annotations

import importlib
import sys

import typer

from dateline import quiet
from extractors.errors import DatelineError

COMMAND_MODULES = (
    "dateline.commands.run",
    "dateline.commands.serve",
    "dateline.commands.models",
    "dateline.commands.nlp",
    "dateline.commands.timex",
    "dateline.commands.extract",
    "dateline.commands.query",
    "dateline.commands.export",
    "dateline.commands.dashboard",
)

app = typer.Typer(
    name="dateline",
    help="Turn news articles into a queryable DuckDB table of dated events.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _register_commands() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # command not written yet
                continue
            raise
        module.register(app)


def main() -> None:
    quiet.configure(verbose="--verbose" in sys.argv or "-v" in sys.argv)
    _register_commands()
    try:
        app()
    except DatelineError as exc:
        typer.secho(f"dateline: error: {exc}", err=True, fg="red")
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        typer.secho("dateline: interrupted", err=True)
        raise SystemExit(130) from None
