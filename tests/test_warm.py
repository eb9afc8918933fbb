"""`dateline serve` keeps its models warm: every run is a call in the serve
process, with the one backend serve built, so models load once, not per run."""

import json
import shutil
import types
from pathlib import Path

import duckdb
import pytest

import flows.resources
from dateline.commands import serve as serve_command

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_f09eb540a3741d99"


class Counting:
    """The recorded backend, counting the batches each run sends it."""

    def __init__(self, backend):
        self.backend, self.inventory, self.calls, self.refreshes = backend, backend.inventory, 0, 0

    def __iter__(self):
        yield from {"backend": "counting"}.items()

    def refresh(self):
        self.refreshes += 1

    def supports(self, lang):
        return self.backend.supports(lang)

    def processors(self, lang):
        return self.backend.processors(lang)

    def warm(self, langs):
        return self.backend.warm(langs)

    def loaded_languages(self):
        return self.backend.loaded_languages()

    def analyze(self, articles, deadline=None):
        self.calls += 1
        return self.backend.analyze(articles, deadline)


def test_serve_builds_one_backend_and_every_run_uses_it(backend, prefect_harness, tmp_path, monkeypatch):
    inbox, db = tmp_path / "in", tmp_path / "d.duckdb"
    inbox.mkdir()
    for suffix in (".txt", ".meta.json"):
        shutil.copy(SEED.with_suffix(suffix), inbox / (SEED.name + suffix))
    built: list[Counting] = []

    def build(resources_dir=None, threads=None):
        built.append(Counting(backend))
        return built[-1]

    changed = []

    def sleep(seconds):  # between runs: change the file once so that the next run has work; stop after two runs
        if built[0].calls == 2:
            raise KeyboardInterrupt
        if not changed:
            changed.append(seconds)
            meta = inbox / (SEED.name + ".meta.json")
            meta.write_text(json.dumps({**json.loads(meta.read_text(encoding="utf-8")), "source": "changed"}), encoding="utf-8")

    monkeypatch.setattr(flows.resources, "default_backend", build)
    monkeypatch.setattr(serve_command, "time", types.SimpleNamespace(monotonic=serve_command.time.monotonic, sleep=sleep))
    with pytest.raises(KeyboardInterrupt):
        serve_command.serve(input_dir=inbox, db=db, interval=10, prune=False)

    con = duckdb.connect(str(db), read_only=True)
    runs = con.execute("SELECT files_new, articles_written, status FROM runs ORDER BY started_at").fetchall()
    con.close()
    assert runs == [(1, 1, "ok"), (1, 1, "ok")]  # both runs analysed the article...
    assert len(built) == 1  # ...with the one backend serve built
    assert built[0].calls == 2 and built[0].refreshes == 2
