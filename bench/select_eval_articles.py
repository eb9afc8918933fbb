"""Pick the second, larger set of real articles for event evaluation (reproducible).

    python bench/select_eval_articles.py [--per-lang 30] [--movement 8] [--seed 2026]
                                         [--skip-annotated] [--split dev|test]

Why a second script: the first 34 articles (``select_event_articles.py``) are
the ones the event rules were developed on, so they cannot measure how the
rules generalize. This one draws ordinary news from ../shared/corpora with a
fixed seed, skipping the 34 articles of that first set (``FIRST_SET``, a
fixed list: the selection must not change when the chosen articles are
annotated and added to bench/events_gold/):

* records of 300-2,500 characters (short wire stories, not tables: at most
  15% of the characters may be digits) that mention any event or statement
  keyword at all (``said`` is enough: that is most news);
* ``--per-lang - --movement`` of them at random, then ``--movement`` more at
  random among those with a travel or meeting verb, so that every event type
  occurs often enough to be scored;
* at most one article per 20-character title prefix, so one story does not
  fill the set.

Each chosen article is assigned to the ``dev`` or the ``test`` split by a hash
of its id (``split_of``): about one in three goes to dev. The rules may be
tuned on dev; test is scored only to report.

Widening a split later (another ``--seed``): ``--skip-annotated`` also skips
every id already in bench/events_gold/*/ (any split), so that a new draw
yields only articles nobody has annotated yet, and ``--split`` prints only the
articles of one split, so that dev can grow while test stays the same set for
comparison. Both are off by default: ``--seed 2026`` must keep reproducing the
original 60, which the gold folder now contains.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: ../shared/corpora beside the checkout (a worktree one level deeper looks one further up).
CORPORA = next((p / "shared" / "corpora" for p in HERE.parents[1:3] if (p / "shared" / "corpora").is_dir()), HERE.parents[1] / "shared" / "corpora")
GOLD = HERE / "events_gold"
FILES = {"en": "reuters21578-en.jsonl", "ar": "ant-ar.jsonl"}
ANY_EVENT = {
    "en": r"\b(said|says|told|announced|visit\w*|met|meet\w*|talks|arrived|left|leave|flew|trip)\b",
    "ar": r"(قال|أعلن|اعلن|أكد|اكد|زار|زيارة|التقى|لقاء|اجتماع|محادثات|وصل|غادر|توجه)",
}
MOVEMENT = {
    "en": r"\b(arrived|left for|flew to|visited|visiting|will visit|paid a visit|met with|meet with|held talks|trip to)\b",
    "ar": r"(\bزار\b|زيارة عمل|زيارة رسمية|\bوصل\b|\bغادر\b|\bالتقى\b|\bاستقبل\b|\bتوجه إلى\b|\bيتوجه\b)",
}
#: Share of the test split, by hash of the article id.
DEV_SHARE = 1 / 3


def split_of(article_id: str) -> str:
    """``dev`` or ``test``, fixed for an id whatever else is selected."""
    bucket = int(hashlib.sha256(article_id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "dev" if bucket < DEV_SHARE else "test"


#: The 34 articles chosen by select_event_articles.py, on which the rules were
#: developed (bench/events_gold/dev/). Fixed: never derived from the gold folder.
FIRST_SET = frozenset({
    "ar-ant-economy-187-20161017",
    "ar-ant-internationalNews-902-20170515",
    "ar-ant-localNews-1054-20170209",
    "ar-ant-localNews-1108-20161203",
    "ar-ant-localNews-222-09042014",
    "ar-ant-localNews-2920-20170317",
    "ar-ant-localNews-3096-20170330",
    "ar-ant-localNews-3428-20170417",
    "ar-ant-localNews-349-20170130",
    "ar-ant-localNews-3506-20170403",
    "ar-ant-localNews-3979-20170509",
    "ar-ant-localNews-4229-20150819",
    "ar-ant-localNews-4271-20170502",
    "ar-ant-localNews-4410-20170604",
    "ar-ant-localNews-4638-20170617",
    "ar-ant-localNews-4692-20170615",
    "ar-ant-sport-581-20170301",
    "en-reut-11222",
    "en-reut-11841",
    "en-reut-11880",
    "en-reut-12363",
    "en-reut-12744",
    "en-reut-12755",
    "en-reut-15696",
    "en-reut-16962",
    "en-reut-17273",
    "en-reut-17338",
    "en-reut-18443",
    "en-reut-20042",
    "en-reut-255",
    "en-reut-5397",
    "en-reut-5442",
    "en-reut-8499",
    "en-reut-8518",
})


def candidates(lang: str, pattern: str) -> list[dict]:
    out = []
    with open(CORPORA / FILES[lang], encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text = record.get("text") or ""
            if not 300 <= len(text) <= 2500 or sum(c.isdigit() for c in text) > 0.15 * len(text):
                continue
            if re.search(pattern, text):
                out.append(record)
    return out


def pick(pool: list[dict], n: int, seed: int, exclude: set[str], seen_titles: set[str]) -> list[dict]:
    pool = sorted(pool, key=lambda r: r["id"])
    random.Random(seed).shuffle(pool)
    chosen = []
    for record in pool:
        key = (record.get("title") or record["text"])[:20]
        if record["id"] in exclude or key in seen_titles:
            continue
        seen_titles.add(key)
        exclude.add(record["id"])
        chosen.append(record)
        if len(chosen) == n:
            break
    return chosen


def annotated_ids() -> set[str]:
    """Ids of the articles that already have a gold file, in any split."""
    return {p.name.removesuffix(".expected.json") for p in GOLD.glob("*/*.expected.json")}


def select(lang: str, per_lang: int, movement: int, seed: int, skip: frozenset[str] = frozenset()) -> list[dict]:
    """The articles of one language; ids in ``skip`` are passed over like ``FIRST_SET``."""
    exclude, titles = set(FIRST_SET | skip), set()
    first = pick(candidates(lang, ANY_EVENT[lang]), per_lang - movement, seed, exclude, titles)
    second = pick(candidates(lang, MOVEMENT[lang]), movement, seed, exclude, titles)
    return first + second


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-lang", type=int, default=30)
    parser.add_argument("--movement", type=int, default=8)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--skip-annotated", action="store_true",
                        help="also skip the ids that already have a gold file in bench/events_gold/*/")
    parser.add_argument("--split", choices=("dev", "test"), help="print only the articles of this split")
    args = parser.parse_args()
    skip = frozenset(annotated_ids()) if args.skip_annotated else frozenset()
    for lang in ("en", "ar"):
        for record in select(lang, args.per_lang, args.movement, args.seed, skip):
            split = split_of(record["id"])
            if args.split in (None, split):
                title = (record.get("title") or record["text"][:60]).replace("\n", " ")[:70]
                print(lang, split, record["id"], record["published"], title)


if __name__ == "__main__":
    main()
