"""Prefect for a command: a server that never outlives or fails the command.

Without ``PREFECT_API_URL`` Prefect 3 would start its temporary API server
itself, as a plain subprocess: one that outlives ``dateline`` after kill -9
or SIGTERM (about 195 MB each), and whose slow start (a new ``PREFECT_HOME``
migrates Prefect's database; a busy machine) or failed shutdown ends the run
with a traceback. So Dateline starts the same server (Prefect's uvicorn app
factory, with the environment Prefect gives its temporary server) as its own
child and points ``PREFECT_API_URL``, Prefect's documented client setting, at
it (:class:`PrefectServer`):

* the child dies with its parent: ``PR_SET_PDEATHSIG`` (SIGKILL when the
  thread that started it dies, kill -9 included), in its own session so that
  a SIGTERM to our process group does not stop it before the run has said
  goodbye, and its whole process group is killed when the command ends;
* start-up waits generously (:func:`startup_timeout_s`, 180 s by default,
  ``DATELINE_PREFECT_STARTUP_TIMEOUT_S``); past that the caller runs the
  flow's body without Prefect (:func:`flow_server`), with one warning line;
* its output goes to ``$PREFECT_HOME/dateline-server.log``; a failed
  shutdown is logged once as a warning, never raised.

:func:`one_shot_settings` turns flow heartbeats off (they let a long-lived
server notice crashed runs; ours dies with us). With a real server
(``PREFECT_API_URL`` set) all of this steps aside. Tested with Prefect 3.9.1.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import prefect
from prefect.settings import (
    PREFECT_API_URL,
    PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
    PREFECT_HOME,
    get_current_settings,
    temporary_settings,
)

from extractors import ingest
from extractors.nlp import NlpBackend
from extractors.records import Article

def startup_timeout_s() -> float:
    """Seconds to wait for the server to answer before running without Prefect:
    read when a server starts, so a long-lived process (serve, tests) sees a changed
    ``DATELINE_PREFECT_STARTUP_TIMEOUT_S``."""
    return float(os.environ.get("DATELINE_PREFECT_STARTUP_TIMEOUT_S", "180"))

_PR_SET_PDEATHSIG = 1
log = logging.getLogger("dateline")


def _die_with_parent() -> None:
    """In the child, before exec: SIGKILL when the parent dies (Linux)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


class PrefectServer:
    """Prefect's API server as a child process of this command.

    Start it from the thread that lives longest (the main thread): the
    kernel's parent-death signal follows the thread that forked."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/api"
        home = Path(PREFECT_HOME.value())
        home.mkdir(parents=True, exist_ok=True)
        self.log_path = home / "dateline-server.log"
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(Path(prefect.__file__).parent.parent),
             "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            env={**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1",
                 **get_current_settings().to_environment_variables(exclude_unset=True)},
            stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True, preexec_fn=_die_with_parent,
        )
        self.healthy = threading.Event()
        self._waiter: threading.Thread | None = None

    def wait_in_background(self, timeout_s: float) -> None:
        """Poll the health endpoint on a thread (the caller loads models meanwhile)."""
        self._waiter = threading.Thread(target=self._wait, args=(timeout_s,), name="prefect-server-wait", daemon=True)
        self._waiter.start()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Whether the server answered within ``timeout_s`` (else it is stopped)."""
        if self._waiter is not None:
            self._waiter.join()
        else:
            self._wait(startup_timeout_s() if timeout_s is None else timeout_s)
        if not self.healthy.is_set():
            self.stop()
        return self.healthy.is_set()

    def _wait(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and self.process.poll() is None:
            if _answers(f"{self.url}/health"):
                self.healthy.set()
                return
            time.sleep(0.2)

    def stop(self) -> None:
        """Stop the server and everything it started; never raises. A failed
        shutdown is one warning line (the server's log has the details)."""
        try:
            if self.process.poll() is None:
                _signal_group(self.process.pid, signal.SIGTERM)
                try:
                    self.process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    _signal_group(self.process.pid, signal.SIGKILL)
                    self.process.wait(timeout=5)
            _signal_group(self.process.pid, signal.SIGKILL)  # anything it left in its group
            self._log.close()
            if self._shutdown_failed():
                log.warning("the temporary Prefect server did not shut down cleanly (see %s); the run is not affected",
                            self.log_path)
        except Exception as exc:  # noqa: BLE001 — stopping must never fail a run
            log.warning("could not stop the temporary Prefect server cleanly: %s", exc)

    def _shutdown_failed(self) -> bool:
        try:
            with self.log_path.open("rb") as handle:
                handle.seek(max(0, self.log_path.stat().st_size - 4000))
                return b"shutdown failed" in handle.read().lower()
        except OSError:
            return False


def _answers(url: str) -> bool:
    """Whether a local HTTP endpoint answers 200. Plain ``urllib``: an httpx
    client builds an SSL context per call (about 60 ms of CPU each, while the
    models load on the main thread: 1.5 s over a 200-article run's start-up)."""
    try:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy
        with opener.open(url, timeout=2) as response:  # our own server on 127.0.0.1
            return response.status == 200
    except (OSError, ValueError):  # URLError and connection errors are OSErrors
        return False


def _signal_group(pid: int, sig: int) -> None:
    try:
        os.killpg(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


@contextmanager
def flow_server(meanwhile: Callable[[], object] | None = None, timeout_s: float | None = None) -> Iterator[str | None]:
    """Settings for running flows in this command: yields the API URL of our
    own temporary server, or ``None`` when it did not come up within
    ``timeout_s`` (the caller then runs the flow body without Prefect).
    ``meanwhile`` (loading models) runs while the server starts. With
    ``PREFECT_API_URL`` already set, that server is used."""
    if PREFECT_API_URL.value():
        if meanwhile is not None:
            meanwhile()
        yield PREFECT_API_URL.value()
        return
    timeout_s = startup_timeout_s() if timeout_s is None else timeout_s
    server = PrefectServer()
    try:
        server.wait_in_background(timeout_s)
        if meanwhile is not None:
            meanwhile()
        if not server.wait():
            log.warning("the Prefect server did not start within %.0f s (see %s); running without Prefect",
                        timeout_s, server.log_path)
            yield None
            return
        with temporary_settings(updates={PREFECT_API_URL: server.url}):
            yield server.url
    finally:
        server.stop()


@contextmanager
def one_shot_settings() -> Iterator[None]:
    """Settings for a flow run inside a short-lived command."""
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


#: Batches whose languages are loaded while the server boots.
WARM_BATCHES = 4


def files_to_warm(todo: Sequence[Path], batch_size: int) -> list[Path]:
    """The files whose languages :func:`warm_models` loads: the first
    :data:`WARM_BATCHES` batches, not only the first. A drop sorted by name
    (``ar-…`` before ``en-…``) would otherwise load its second language inside
    the flow, after waiting for the server (200 mixed articles: the server
    boots in about 4 s, one language's models load in about 3 s)."""
    return list(todo)[: WARM_BATCHES * max(1, batch_size)]


def warm_models(paths: Sequence[Path], backend: NlpBackend, languages: Sequence[str] | None) -> tuple[str, ...]:
    """Load the models the given files need into ``backend``, in this process.

    Called while the server boots, on the first batches' files
    (:func:`files_to_warm`), so that model loading overlaps the Prefect
    start-up instead of following it. Only an optimisation: whatever fails
    here fails again, and is reported, in the flow.
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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
