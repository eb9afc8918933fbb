"""Prefect start-up for a one-shot command, made cheap.

Without ``PREFECT_API_URL`` Prefect 3 starts a temporary API server in a
subprocess on the first flow call (about 3 s here, mostly importing the server
app), and every flow run then waits up to a second at its end for the heartbeat
thread. For ``dateline run`` neither is useful work, so:

* :func:`start_server_in_background` boots the temporary server on a thread
  while the caller does its own work (reading files, loading Stanza models);
  the flow then finds it already running (Prefect keeps one per process);
* :func:`one_shot_settings` turns flow heartbeats off (they exist so that a
  long-lived server can notice crashed runs; a temporary one dies with us).

With a real server (``PREFECT_API_URL`` set) both step aside.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx
import prefect
from prefect.settings import (
    PREFECT_API_URL,
    PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
    get_current_settings,
    temporary_settings,
)

from extractors import ingest
from extractors.errors import DatelineError
from extractors.nlp import NlpBackend
from extractors.records import Article


class ServerBoot:
    """A temporary Prefect server starting on a thread; ``wait()`` joins it."""

    def __init__(self) -> None:
        self.error: BaseException | None = None
        self._thread: threading.Thread | None = None
        if PREFECT_API_URL.value():
            return
        self._thread = threading.Thread(target=self._start, name="prefect-server-boot", daemon=True)
        self._thread.start()

    def _start(self) -> None:
        from prefect.server.api.server import SubprocessASGIServer

        try:
            SubprocessASGIServer().start()
        except BaseException as exc:  # re-raised by the flow call itself
            self.error = exc

    def wait(self) -> None:
        """Block until the server answers (or failed: the flow call will then
        try again itself and report the error the usual way)."""
        if self._thread is not None:
            self._thread.join()


def start_server_in_background() -> ServerBoot:
    return ServerBoot()


@contextmanager
def one_shot_settings() -> Iterator[None]:
    """Settings for a flow run inside a short-lived command."""
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


def warm_models(paths: Sequence[Path], backend: NlpBackend, languages: Sequence[str] | None) -> tuple[str, ...]:
    """Load the models the given files need into ``backend``, in this process.

    Called while the server boots, on the first batch's files, so that model
    loading overlaps the Prefect start-up instead of following it. Only an
    optimisation: whatever fails here fails again, and is reported, in the flow.
    """
    wanted = {item.lang for path in paths for item in _articles(path) if item.lang}
    if languages:
        wanted &= set(languages)
    try:
        return backend.warm(wanted)
    except Exception:  # noqa: BLE001 — the flow reports it
        return ()


def _articles(path: Path) -> Iterator[Article]:
    try:
        yield from (item for item in ingest.read_articles(path) if isinstance(item, Article))
    except Exception:  # noqa: BLE001 — the flow records the file's error
        return


@contextmanager
def local_server(startup_timeout_s: float = 180.0) -> Iterator[str]:
    """A Prefect API server with its scheduler, for as long as the block runs.

    Prefect's temporary server runs without services, and ``flow.serve``
    refuses schedules without an API URL; this starts the same uvicorn app
    Prefect uses for its temporary server, with services on, so that
    ``dateline serve`` needs no server set up by hand. Yields the API URL.
    The wait is long because a new PREFECT_HOME migrates Prefect's database
    first, which took over a minute on a busy 2-core CI machine.
    """
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--app-dir", str(Path(prefect.__file__).parent.parent),
         "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
         "--log-level", "error", "--lifespan", "on"],
        env={**os.environ, "PREFECT_UI_ENABLED": "0",
             **get_current_settings().to_environment_variables(exclude_unset=True)},
    )
    url = f"http://127.0.0.1:{port}/api"
    try:
        _wait_healthy(process, url, startup_timeout_s)
        with temporary_settings(updates={PREFECT_API_URL: url}):
            yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(process: subprocess.Popen, url: str, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise DatelineError(f"the local Prefect server exited with code {process.returncode}; rerun with --verbose")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise DatelineError(f"the local Prefect server did not answer within {timeout_s:.0f} s")
