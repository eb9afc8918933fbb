"""flows/writer.py: the single writer one batch behind the analysis."""

from __future__ import annotations

import threading

import pytest

from flows.writer import BehindWriter


def test_the_caller_goes_on_while_a_write_runs_and_writes_keep_their_order():
    started, release, order = threading.Event(), threading.Event(), []

    def slow(n):
        started.set()
        assert release.wait(5), "the caller never went on while the write ran"
        order.append(n)

    with BehindWriter() as writer:
        writer.submit(slow, 1)
        assert started.wait(5)
        release.set()  # only reachable because submit returned while the write waits
        writer.submit(order.append, 2)  # waits for write 1 first
    assert order == [1, 2]


def test_a_failed_write_is_raised_by_the_next_submit_or_at_the_end():
    def fail(_):
        raise OSError("disk full")

    writer = BehindWriter()
    writer.submit(fail, 1)
    with pytest.raises(OSError, match="disk full"):
        writer.submit(print, 2)
    writer.finish()
    with pytest.raises(OSError):
        with BehindWriter() as other:
            other.submit(fail, 1)


def test_an_unwinding_run_waits_for_the_write_in_flight_and_keeps_its_own_error():
    done = []

    def write(n):
        threading.Event().wait(0.2)
        done.append(n)

    with pytest.raises(KeyboardInterrupt):
        with BehindWriter() as writer:
            writer.submit(write, 1)
            raise KeyboardInterrupt
    assert done == [1]
