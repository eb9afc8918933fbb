"""`dateline serve` runs soon after files land, not a whole interval later,
and never on a file still being copied."""

from pathlib import Path

from flows.inbox import listing, wait_for_work


class Clock:
    """A fake clock whose sleep advances it and lets the test act on the folder at given times."""

    def __init__(self, actions=None):
        self.now, self.actions = 0.0, dict(actions or {})

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        for at in sorted(t for t in self.actions if t <= self.now):
            self.actions.pop(at)()


def test_a_drop_wakes_serve_within_two_looks(tmp_path: Path):
    since = listing(tmp_path)
    clock = Clock({3.0: lambda: (tmp_path / "a.txt").write_text("news", encoding="utf-8")})
    wake = wait_for_work(tmp_path, 300, since, poll_s=2, sleep=clock.sleep, clock=clock)
    assert wake.reason == "files"
    assert wake.waited_s <= 3.0 + 2 * 2  # seen at the next look, confirmed at the one after


def test_a_file_still_growing_is_not_picked_up_until_it_stops(tmp_path: Path):
    since = listing(tmp_path)
    growing = tmp_path / "big.jsonl"

    def append(i):
        return lambda: growing.write_text("x" * (i + 1) * 10, encoding="utf-8")

    clock = Clock({t: append(t) for t in range(1, 20)})  # grows every second for 19 s
    wake = wait_for_work(tmp_path, 300, since, poll_s=2, sleep=clock.sleep, clock=clock)
    assert wake.reason == "files" and wake.waited_s > 19


def test_without_changes_the_schedule_decides(tmp_path: Path):
    (tmp_path / "old.txt").write_text("already processed", encoding="utf-8")
    clock = Clock()
    wake = wait_for_work(tmp_path, 60, listing(tmp_path), poll_s=2, sleep=clock.sleep, clock=clock)
    assert wake.reason == "schedule" and 60 <= wake.waited_s < 62


def test_poll_zero_waits_for_the_schedule_even_when_files_land(tmp_path: Path):
    since = listing(tmp_path)
    clock = Clock({1.0: lambda: (tmp_path / "a.txt").write_text("news", encoding="utf-8")})
    wake = wait_for_work(tmp_path, 30, since, poll_s=0, sleep=clock.sleep, clock=clock)
    assert wake.reason == "schedule" and wake.waited_s == 30


def test_a_changed_or_deleted_file_counts_as_a_change(tmp_path: Path):
    (tmp_path / "a.txt").write_text("v1", encoding="utf-8")
    (tmp_path / "b.txt").write_text("gone soon", encoding="utf-8")
    since = listing(tmp_path)
    clock = Clock({1.0: lambda: ((tmp_path / "a.txt").write_text("version 2", encoding="utf-8"), (tmp_path / "b.txt").unlink())})
    assert wait_for_work(tmp_path, 300, since, poll_s=2, sleep=clock.sleep, clock=clock).reason == "files"
