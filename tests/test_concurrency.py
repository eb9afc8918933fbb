"""A real `dateline run` beside readers: a reader querying the read copy in a
loop never fails, and a reader holding the copy open never stops the run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from extractors.store import default_read_copy, read

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_f09eb540a3741d99"
EN = ROOT / "tests" / "fixtures" / "articles" / "en_summit"

READER = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from extractors.store import read
    copy, stop = Path(sys.argv[1]), Path(sys.argv[2])
    reads, failures, seen = 0, [], []
    while not stop.exists():
        try:
            _, rows = read(copy, "SELECT (SELECT articles FROM data_as_of), (SELECT count(*) FROM event_dashboard)")
            reads += 1
            if not seen or seen[-1] != rows[0][0]:
                seen.append(rows[0][0])
        except Exception as exc:
            failures.append(f"{type(exc).__name__}: {exc}")
        time.sleep(0.05)
    print(json.dumps({"reads": reads, "failures": failures, "seen": seen}))
""")

HOLDER = textwrap.dedent("""
    import sys, time
    from extractors.store import Store
    store = Store(sys.argv[1], read_only=True)
    print("HELD", flush=True)
    time.sleep(3600)
""")


def _write_drop(folder: Path, numbers: range) -> None:
    """Articles of our own: the first two paragraphs of the seed, or the
    English fixture, each copy made distinct by a closing line and given its
    own id (short texts keep the test's Stanza time down)."""
    folder.mkdir(exist_ok=True)
    for i in numbers:
        source, closing = (SEED, f"\n\n(النشرة رقم {i})") if i % 2 else (EN, f"\n\n(Bulletin {i}.)")
        meta = json.loads(source.with_suffix(".meta.json").read_text(encoding="utf-8"))
        text = "\n\n".join(source.with_suffix(".txt").read_text(encoding="utf-8").split("\n\n")[:2])
        (folder / f"story{i:02}.txt").write_text(text + closing, encoding="utf-8")
        (folder / f"story{i:02}.meta.json").write_text(json.dumps({**meta, "id": f"story{i:02}"}), encoding="utf-8")


def _dateline(*args: str, env: dict, logs: Path) -> tuple[int, str, str]:
    """The CLI in a fresh process; its output goes to files, not pipes (a
    Prefect server process that outlives the run must not keep us waiting)."""
    clean = {k: v for k, v in os.environ.items() if k != "PREFECT_LOGGING_LEVEL"}
    out, err = logs.with_suffix(".out"), logs.with_suffix(".err")
    with out.open("w") as stdout, err.open("w") as stderr:
        code = subprocess.run([sys.executable, "-c", "from dateline.cli import main; main()", *args], stdout=stdout,
                              stderr=stderr, cwd=ROOT, timeout=900, env={**clean, **env}).returncode
    return code, out.read_text(), err.read_text()


@pytest.mark.stanza
def test_readers_never_fail_while_a_run_writes_and_never_stop_it(models_dir, tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "data" / "dateline.duckdb"
    copy = default_read_copy(db)
    env = {"DATELINE_BATCH_SIZE": "4", "DATELINE_PUBLISH_EVERY": "1"}
    _write_drop(inbox, range(1))
    code, _, err = _dateline("run", "--input", str(inbox), "--db", str(db), env=env, logs=tmp_path / "first")
    assert code == 0, err
    _write_drop(inbox, range(1, 30))

    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(copy), str(stop)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(copy)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "HELD"
        code, out, err = _dateline("run", "--input", str(inbox), "--db", str(db), env=env, logs=tmp_path / "second")
    finally:
        stop.touch()
        holder.kill()
        reads, _ = reader.communicate(timeout=60)
    assert code == 0, err
    assert "29 new or changed" in out
    loop = json.loads(reads)
    assert loop["failures"] == [] and loop["reads"] > 20
    assert loop["seen"][0] == 1 and loop["seen"][-1] == 30
    assert len(loop["seen"]) >= 4, loop["seen"]  # it saw copies published during the run, not only after it
    assert read(copy, "SELECT count(*) FROM runs")[1] == [(2,)]
