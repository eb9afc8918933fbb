"""Keep normal CLI use free of Prefect log spam and telemetry attempts.

Prefect reads its settings from the environment when it is first imported, so
this must run before anything imports ``prefect``. ``--verbose`` restores logs.
"""

from __future__ import annotations

import logging
import os
import warnings

_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_UI_ENABLED": "false",
}


def configure(verbose: bool = False) -> None:
    for key, value in _DEFAULTS.items():
        os.environ.setdefault(key, value)
    level = "INFO" if verbose else "CRITICAL"
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", level)
    if not verbose:
        warnings.filterwarnings("ignore")
        for name in ("stanza", "prefect", "httpx", "uvicorn", "dateparser"):
            logging.getLogger(name).setLevel(logging.ERROR)
