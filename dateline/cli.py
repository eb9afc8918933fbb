"""The ``dateline`` command line.

Each command lives in its own module under ``dateline/commands/`` and exposes
``register(app)``; this file only wires them together and turns expected
failures (:class:`extractors.errors.DatelineError`) into one-line messages.
"""

from __future__ import annotations

import errno
import importlib
import os
import signal
import sys
import threading
import time

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


#: Seconds between SIGTERM and a forced exit when unwinding takes longer.
TERM_GRACE_S = 10.0
STOPPED = ("dateline: stopped by SIGTERM; every batch written before it is in the database "
           "(run again to finish)")


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so that the run unwinds: the open
    transaction is rolled back, the run is recorded as interrupted, the
    Prefect server child is stopped. Not a KeyboardInterrupt, which Click
    would swallow; inside a flow run Prefect raises its own
    ``TerminationSignal`` first and then sends the signal again to us."""


def entry() -> None:
    """The ``dateline`` console script: :func:`main`, then a prompt exit.

    Tearing down the interpreter after a run frees torch's and Stanza's modules
    one by one (about 0.2 s of every run). Once the command has finished,
    nothing is left to do but the exit handlers: they run, the output is
    flushed, and the process ends without the teardown. A traceback from an
    unexpected exception still unwinds the normal way."""
    try:
        main()
    except SystemExit as done:
        code = done.code
        if not isinstance(code, int) and code is not None:
            print(code, file=sys.stderr)
            code = 1
        exit_now(code or 0)


def exit_now(code: int = 0) -> None:
    """Run the exit handlers, flush the output and end the process without
    the interpreter's teardown (see :func:`entry`)."""
    import atexit
    import logging

    atexit._run_exitfuncs()  # Prefect's and our own exit handlers, in order
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main() -> None:
    quiet.configure(verbose="--verbose" in sys.argv or "-v" in sys.argv)
    _register_commands()
    _stop_on_sigterm()
    try:
        app()
    except DatelineError as exc:
        typer.secho(f"dateline: error: {exc}", err=True, fg="red")
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        typer.secho("dateline: interrupted", err=True)
        raise SystemExit(130) from None
    except Exception as exc:  # noqa: BLE001 — re-raised unless the disk is full
        full = disk_full(exc)
        if full is None:
            raise
        typer.secho(f"dateline: error: no space left on the device ({full}); free space and run again", err=True, fg="red")
        raise SystemExit(1) from None
    except BaseException as exc:
        if not isinstance(exc, Terminated) and type(exc).__name__ != "TerminationSignal":
            raise
        typer.secho(STOPPED, err=True)
        raise SystemExit(143) from None


def _stop_on_sigterm() -> None:
    """SIGTERM (``timeout``, systemd, container runtimes) stops the command
    like Ctrl-C; if unwinding takes over :data:`TERM_GRACE_S` seconds, the
    process exits anyway (a transaction in flight is then rolled back by
    DuckDB on the next open, as after a crash)."""
    fired = threading.Event()

    def force_exit_later() -> None:
        time.sleep(TERM_GRACE_S)
        sys.stderr.write(STOPPED + "\n")
        sys.stderr.flush()
        os._exit(143)

    def handler(_signum, _frame) -> None:
        if fired.is_set():
            return
        fired.set()
        threading.Thread(target=force_exit_later, name="sigterm-grace", daemon=True).start()
        raise Terminated()

    signal.signal(signal.SIGTERM, handler)


def disk_full(exc: BaseException) -> str | None:
    """What is full, when ``exc`` (or what caused it) is a full disk: the
    file or the error's first line; ``None`` otherwise."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            return f"writing {exc.filename}" if exc.filename else os.strerror(errno.ENOSPC)
        if "no space left on device" in str(exc).lower():
            return " ".join(str(exc).split())[:300]
        exc = exc.__cause__ or exc.__context__
    return None
