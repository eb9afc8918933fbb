"""Every ``dateline`` command and sub-command shows its help (the sqlite-utils
habit): a command whose options or imports are broken fails here first.

Commands are found by walking the Click tree Typer builds from
``dateline.cli.app`` after ``_register_commands()``, so commands that others
add later (a new module in ``COMMAND_MODULES``, a new sub-command in a group)
are tested without touching this file.
"""

from __future__ import annotations

from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from dateline import cli

runner = CliRunner()


def _app() -> typer.Typer:
    """The app with its commands registered once per process (registering
    twice would add every command twice)."""
    if not (cli.app.registered_commands or cli.app.registered_groups):
        cli._register_commands()
    return cli.app


def _paths(command: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """``()`` for the root, then the name path of every command and group.

    Duck-typed on ``.commands``: Typer ships its own copy of Click, whose
    groups are not ``click.Group`` instances."""
    found = [prefix]
    if isinstance(getattr(command, "commands", None), dict):
        for name, sub in sorted(command.commands.items()):
            found += _paths(sub, prefix + (name,))
    return found


def _command_paths() -> list[tuple[str, ...]]:
    return _paths(typer.main.get_command(_app()))


COMMANDS = _command_paths()


def test_the_registered_commands_are_found():
    names = {path[0] for path in COMMANDS if path}
    assert {"run", "models"} <= names, names
    assert ("models", "list") in COMMANDS and ("models", "pull") in COMMANDS


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "dateline")
def test_every_command_shows_help(path):
    result = runner.invoke(_app(), [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("path", [p for p in COMMANDS if p], ids=" ".join)
def test_every_command_says_what_it_does(path):
    command = typer.main.get_command(_app())
    for name in path:
        command = command.commands[name]
    assert (command.help or command.short_help or "").strip(), f"`dateline {' '.join(path)}` has no help text"
