"""Re-record every NLP snapshot the tests replay, with the real Stanza models.

    STANZA_RESOURCES_DIR=/path/to/stanza_resources python tests/snapshots.py

Runs every test not marked ``stanza`` with ``DATELINE_RECORD_SNAPSHOTS=refresh``
(the ``backend`` fixture then analyses each text with Stanza and rewrites its
snapshot in ``tests/fixtures/snapshots/``), then deletes the snapshots no test
asked for. Extra arguments go to pytest and limit the run (``tests/test_events.py``,
``-k arabic``); nothing is deleted then, since a partial run cannot tell which
snapshots are stale. Re-record after changing the models, the Stanza backend or
the snapshot format; changes to the extractors need no re-recording (snapshots
hold what Stanza said, not what Dateline extracted from it).

To record only the texts that have no snapshot yet (a new test):
``DATELINE_RECORD_SNAPSHOTS=1 python -m pytest tests/test_new.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SNAPSHOTS = HERE / "fixtures" / "snapshots"
SUFFIX = ".analysis.json"


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        manifest = Path(tmp) / "recorded.txt"
        env = {**os.environ, "DATELINE_RECORD_SNAPSHOTS": "refresh", "DATELINE_SNAPSHOT_MANIFEST": str(manifest)}
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not stanza", *(argv or [str(HERE)])]
        code = subprocess.run(command, cwd=HERE.parent, env=env).returncode
        recorded = set(manifest.read_text(encoding="utf-8").split()) if manifest.exists() else set()
    print(f"recorded {len(recorded)} snapshots in {SNAPSHOTS.relative_to(HERE.parent)}")
    if code != 0:  # a test that failed early may not have asked for its snapshots yet
        print(f"pytest exited with {code}; no snapshot deleted", file=sys.stderr)
        return code
    if argv:
        return code
    stale = [path for path in SNAPSHOTS.glob(f"*{SUFFIX}") if path.name not in recorded]
    for path in stale:
        path.unlink()
    print(f"deleted {len(stale)} snapshots no test uses")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
