"""Per-article cost of Dateline outside Stanza, on the event gold articles.

    python bench/extract_cost.py [--repeat 5]

Replays the analyses ``bench/eval_events.py`` cached under
``bench/out/event-snapshots/`` through ``process_batch`` (the production
path) and reports the time of every stage but ``nlp`` per article: the best
of ``--repeat`` runs, so that noise from other processes on a shared machine
counts less. Run it before and after a change to the extractors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

sys.path.insert(0, str(HERE))
import eval_events as ev  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from extractors.nlp import SnapshotBackend
    from extractors.pipeline import process_batch

    docs = [d for split in ev.SPLITS for d in ev.load_gold(folder=ev.GOLD / split)]
    articles = list(ev.load_articles(docs).values())
    backend = SnapshotBackend(ev.SNAPSHOTS)
    best: dict[str, float] | None = None
    for _ in range(args.repeat):
        timings = process_batch(articles, backend).timings
        outside = sum(v for k, v in timings.items() if k != "nlp")
        if best is None or outside < sum(v for k, v in best.items() if k != "nlp"):
            best = dict(timings)
    per_stage = ", ".join(f"{k} {1000 * v / len(articles):.2f}" for k, v in best.items() if k != "nlp")
    outside = sum(v for k, v in best.items() if k != "nlp")
    print(f"{len(articles)} articles; outside Stanza {1000 * outside / len(articles):.2f} ms/article (best of {args.repeat}); per stage ms: {per_stage}")


if __name__ == "__main__":
    main()
