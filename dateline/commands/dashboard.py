"""``dateline dashboard``: the events in a browser, read from the read copy.

A Streamlit app (``dateline/dashboard/app.py``) served on 127.0.0.1 only.
Streamlit because it installs from PyPI with no build step and no Node
toolchain, serves a page from one Python script, keeps the page's text in
the DOM (its tables and markdown are HTML; its Vega-Lite charts are drawn as
SVG here), and ships ``AppTest`` to test the app's logic without a browser.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Optional

import typer

from dateline.settings import settings
from extractors.errors import DatelineError

APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"


def register(app: typer.Typer) -> None:
    app.command("dashboard")(dashboard)


def streamlit_command(db: Path, port: int) -> tuple[list[str], dict[str, str]]:
    """The ``streamlit run`` command line and environment for ``db`` on ``port``."""
    command = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
        "--global.showWarningOnDirectExecution", "false", "--client.toolbarMode", "viewer",
    ]
    env = {**os.environ, "DATELINE_READ_COPY": str(db), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    return command, env


def dashboard(
    db: Optional[Path] = typer.Option(None, "--db", help="Read copy to show (default: data/dateline.read.duckdb, or DATELINE_READ_COPY)."),
    port: Optional[int] = typer.Option(None, "--port", min=1, max=65535, help="Port on 127.0.0.1 (default: 8501)."),
) -> None:
    """Serve the events dashboard on http://127.0.0.1:PORT (Ctrl-C stops).

    It reads the read copy that every `dateline run` publishes, read-only and
    one page view at a time, so it never gets in a run's way; the page
    redraws itself when a newer copy is published.
    """
    conf = settings()
    db = db or conf.read_copy_path()
    port = port or conf.dashboard_port
    if db.exists() and not db.is_file():
        raise DatelineError(f"{db} is not a file")
    if not db.exists():
        typer.secho(f"no read copy at {db} yet; the page will say so until a `dateline run` publishes one", err=True, fg="yellow")
    command, env = streamlit_command(db, port)
    typer.echo(f"dashboard of {db} on http://127.0.0.1:{port} (Ctrl-C to stop)")
    server = subprocess.Popen(command, env=env)
    signal.signal(signal.SIGTERM, lambda *_: server.terminate())  # stopping this command stops the server
    try:
        code = server.wait()
    except KeyboardInterrupt:  # Ctrl-C reached the server too: let it finish
        code = server.wait()
    if code not in (0, -2, -15, 130):
        raise DatelineError(f"the dashboard server stopped with code {code} (is port {port} free? try --port)")
