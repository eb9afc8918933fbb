"""``dateline models``: which Stanza models are present, and fetching them."""

from __future__ import annotations

import typer

from extractors.nlp import KNOWN_PROCESSORS, model_inventory, pull_models, resources_dir

models_app = typer.Typer(help="List or download Stanza models (directory: $STANZA_RESOURCES_DIR).", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(models_app, name="models")


@models_app.command("list")
def list_models() -> None:
    """Show, per language, which Stanza processors the model directory holds."""
    directory = resources_dir()
    inventory = model_inventory(directory)
    typer.echo(f"model directory: {directory}")
    if not inventory:
        typer.echo("no models found — run `dateline models pull ar en` or set STANZA_RESOURCES_DIR")
        return
    for lang, processors in sorted(inventory.items()):
        marks = "  ".join(p if p in processors else f"-{p}" for p in KNOWN_PROCESSORS)
        typer.echo(f"{lang:<4} {marks}")


@models_app.command("pull")
def pull(langs: list[str] = typer.Argument(..., help="Language codes, e.g. ar en.")) -> None:
    """Download the default Stanza models of LANGS (wraps stanza.download)."""
    directory = resources_dir()
    for lang in langs:
        typer.echo(f"downloading Stanza models for {lang} into {directory} …")
    pull_models(langs, directory)
    typer.echo("done")
