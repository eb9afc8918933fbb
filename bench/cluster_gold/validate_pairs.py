#!/usr/bin/env python3
"""Validate pairs.jsonl of the cluster gold set.

Checks: JSON well-formed; a and b not exact duplicate texts (whitespace-folded); required keys and allowed values; pair_id unique; a != b; both
article ids exist in the corpora and have the stated lang and published date; trigger,
actor, counterpart, place and date_text occur verbatim (exact substring, case and
whitespace included) in the article's text; date is ISO at some granularity (YYYY, YYYY-MM,
YYYY-MM-DD, YYYY-Www) and present iff date_text is; no article pair occurs twice.
Prints counts per label / lang / type.  Exit code 1 on any error.

Usage: python3 validate_pairs.py [pairs.jsonl]
"""
import collections
import json
import re
import sys

CORPORA = ["/work/shared/corpora/reuters21578-en.jsonl", "/work/shared/corpora/ant-ar.jsonl"]
TYPES = {"departure", "arrival", "visit", "meeting", "announcement"}
LABELS = {"same", "near_miss"}
SIDE_KEYS = ["article", "published", "type", "trigger", "actor", "counterpart", "place", "date", "date_text"]
DATE_RX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")


def main(path):
    docs = {}
    for f in CORPORA:
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                docs[d["id"]] = d
    errors = []
    seen_ids, seen_pairs = set(), {}
    counts = collections.Counter()
    n = 0
    with open(path, encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                p = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {ln}: bad JSON: {e}")
                continue
            n += 1
            pid = p.get("pair_id")
            if pid in seen_ids:
                errors.append(f"{pid}: duplicate pair_id")
            seen_ids.add(pid)
            if set(p) != {"pair_id", "label", "lang", "a", "b", "why"}:
                errors.append(f"{pid}: keys {sorted(p)}")
            if p.get("label") not in LABELS:
                errors.append(f"{pid}: label {p.get('label')}")
            if not p.get("why"):
                errors.append(f"{pid}: empty why")
            a, b = p.get("a", {}), p.get("b", {})
            if a.get("article") == b.get("article"):
                errors.append(f"{pid}: a == b")
            key = tuple(sorted([a.get("article"), b.get("article")]))
            da, db = docs.get(a.get("article")), docs.get(b.get("article"))
            if da and db and " ".join(da["text"].split()) == " ".join(db["text"].split()):
                errors.append(f"{pid}: a and b are exact duplicate texts")
            if key in seen_pairs:
                errors.append(f"{pid}: article pair already used in {seen_pairs[key]}")
            seen_pairs[key] = pid
            for side_name, s in (("a", a), ("b", b)):
                tag = f"{pid}.{side_name}"
                if set(s) != set(SIDE_KEYS):
                    errors.append(f"{tag}: keys {sorted(s)}")
                    continue
                d = docs.get(s["article"])
                if d is None:
                    errors.append(f"{tag}: unknown article {s['article']}")
                    continue
                if d["lang"] != p.get("lang"):
                    errors.append(f"{tag}: lang {d['lang']} != {p.get('lang')}")
                if d["published"][:10] != s["published"]:
                    errors.append(f"{tag}: published {s['published']} != {d['published'][:10]}")
                if s["type"] not in TYPES:
                    errors.append(f"{tag}: type {s['type']}")
                for k in ("trigger", "actor"):
                    if not s[k]:
                        errors.append(f"{tag}: empty {k}")
                for k in ("trigger", "actor", "counterpart", "place", "date_text"):
                    v = s[k]
                    if v is not None and v not in d["text"]:
                        errors.append(f"{tag}: {k} {v!r} not verbatim in text")
                if (s["date"] is None) != (s["date_text"] is None):
                    errors.append(f"{tag}: date and date_text must be both null or both set")
                if s["date"] is not None and not DATE_RX.match(s["date"]):
                    errors.append(f"{tag}: bad date {s['date']}")
                counts[("type", p["lang"], p["label"], s["type"])] += 1
            counts[("pair", p.get("lang"), p.get("label"))] += 1
    for e in errors:
        print("ERROR", e)
    print(f"{n} pairs, {len(errors)} errors")
    for k in sorted(counts):
        if k[0] == "pair":
            print(f"  {k[2]:9s} {k[1]}: {counts[k]} pairs")
    for k in sorted(counts):
        if k[0] == "type":
            print(f"    events {k[2]:9s} {k[1]} {k[3]:12s}: {counts[k]}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "/work/annotations/cluster_gold/pairs.jsonl"))
