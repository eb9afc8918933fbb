"""Which Stanza models a directory holds, read from its ``resources.json`` and
the model files on disk, never assumed. No Stanza import: listing models and
explaining what is missing must be cheap.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

#: Processors Dateline can use, in pipeline order. Only ``tokenize`` is required.
KNOWN_PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
REQUIRED_PROCESSORS = ("tokenize",)
#: What each processor needs before it in a Stanza pipeline.
PROCESSOR_REQUIRES = {"mwt": {"tokenize"}, "pos": {"tokenize"}, "lemma": {"tokenize"}, "depparse": {"pos", "lemma"}, "ner": {"tokenize"}}


def resources_dir() -> Path:
    """``$STANZA_RESOURCES_DIR``, else Stanza's default ``~/stanza_resources``."""
    env = os.environ.get("STANZA_RESOURCES_DIR")
    return Path(env).expanduser() if env else Path.home() / "stanza_resources"


def model_inventory(dir: Path | None = None) -> dict[str, tuple[str, ...]]:  # noqa: A002 (contract name)
    """Processors whose model files are present, per language, in pipeline order.

    Read from ``resources.json`` and checked against the files on disk, never
    assumed; a processor whose requirements are absent (``depparse`` without
    ``pos``) is left out so that the pipeline can still be built.
    """
    return {lang: tuple(packages) for lang, packages in model_packages(dir).items()}


def model_packages(dir: Path | None = None) -> dict[str, dict[str, str]]:  # noqa: A002 (contract name)
    """Language → {processor: package name} of the usable models (``padt``, ``ewt`` …)."""
    return package_inventory(Path(dir or resources_dir()))


def package_inventory(directory: Path) -> dict[str, dict[str, str]]:
    """Language → {processor: package} for the processors usable from ``directory``."""
    try:
        resources = json.loads((directory / "resources.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(resources, dict):
        return {}
    inventory = {}
    for lang, entry in resources.items():
        packages = _usable_packages(directory / lang, entry) if isinstance(entry, dict) else {}
        if all(p in packages for p in REQUIRED_PROCESSORS):
            inventory[lang] = packages
    return inventory


def _usable_packages(lang_dir: Path, entry: dict) -> dict[str, str]:
    """The default package of each processor if its file exists, else any listed
    package whose file exists; then drop processors missing a requirement."""
    defaults = entry.get("default_processors")
    defaults = defaults if isinstance(defaults, dict) else {}
    packages: dict[str, str] = {}
    for name in KNOWN_PROCESSORS:
        listed = entry.get(name)
        candidates = [defaults.get(name)] + (list(listed) if isinstance(listed, dict) else [])
        found = next((c for c in candidates if isinstance(c, str) and (lang_dir / name / f"{c}.pt").is_file()), None)
        if found and PROCESSOR_REQUIRES.get(name, set()) <= set(packages):
            packages[name] = found
    return packages


def missing_models_message(lang: str | None, directory: Path) -> str:
    """The one line a user sees: what is missing and the two ways to fix it."""
    if not lang:
        return "article language unknown — give it in the metadata (or --lang) so the right Stanza models are used"
    return (
        f"no Stanza models for language '{lang}' in {directory} — run "
        f"`dateline models pull {lang}` or point STANZA_RESOURCES_DIR at a model directory"
    )


