"""``dateline models``: which Stanza models are present, and fetching them.

The inventory is read from the model directory's ``resources.json`` and the
files on disk (:func:`extractors.nlp.model_inventory`), never assumed, so what
this prints is exactly what ``dateline run`` will be able to use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

models_app = typer.Typer(help="List or download Stanza models (directory: $STANZA_RESOURCES_DIR).", no_args_is_help=True)

DIR_OPTION = typer.Option(None, "--dir", help="Model directory (default: $STANZA_RESOURCES_DIR, else ~/stanza_resources).")


def register(app: typer.Typer) -> None:
    app.add_typer(models_app, name="models")


@models_app.command("list")
def list_models(directory: Optional[Path] = DIR_OPTION) -> None:
    """Show, per language, which Stanza processors the model directory holds."""
    from rich.console import Console
    from rich.table import Table

    from extractors.nlp import KNOWN_PROCESSORS, model_packages, resources_dir

    directory = directory or resources_dir()
    inventory = model_packages(directory)
    console = Console()
    if not inventory:
        console.print(f"no Stanza models in {directory} — run `dateline models pull ar en` or set STANZA_RESOURCES_DIR", soft_wrap=True)
        return
    table = Table(title=f"Stanza models in {directory}")
    table.add_column("lang")
    for name in KNOWN_PROCESSORS:
        table.add_column(name, justify="center")
    for lang, packages in sorted(inventory.items()):
        table.add_row(lang, *(packages.get(name, "-") for name in KNOWN_PROCESSORS))
    console.print(table)


@models_app.command("pull")
def pull(
    langs: list[str] = typer.Argument(..., help="Language codes, e.g. ar en."),
    directory: Optional[Path] = DIR_OPTION,
) -> None:
    """Download the default Stanza models of LANGS (wraps stanza.download; needs the internet)."""
    from rich.console import Console

    from extractors.nlp import model_inventory, pull_models, resources_dir

    directory = directory or resources_dir()
    console = Console()
    with console.status(f"downloading Stanza models for {', '.join(langs)} into {directory} …"):
        pull_models(langs, directory)
    inventory = model_inventory(directory)
    for lang in langs:
        console.print(f"{lang}: {', '.join(inventory.get(lang, ())) or 'nothing usable'}")
