#!/usr/bin/env python3
"""Propose candidate article pairs for the cross-article event-clustering gold set.

Deterministic: same corpora + same arguments -> same output (sorted, no randomness).

A candidate pair (a, b):
  * same language, different ids, published 0..MAX_DAYS days apart;
  * folded texts differ (exact duplicates after whitespace folding are excluded);
  * both articles contain an event keyword (visit/met/talks/... ; زار/زيارة/التقى/...);
  * they share at least one "name": an English run of 2+ capitalised words, or an Arabic
    word bigram (no stopword, no digit) -- names that occur in more than MAX_DF articles of
    the corpus are considered generic ("United States", "الجمهورية التونسية") and ignored.
Pairs are scored by the number of shared rare names (weighted by idf) plus the cosine
similarity of the bag-of-words texts, and printed best first per language.

A second, targeted mode lists every article of one language whose text matches a regex
(typically an actor's name) and holds an event keyword, in date order with its first event
sentence; this is how hard negatives further apart than MAX_DAYS (same actor, other trip or
meeting) were found:
  python3 select_pairs.py --lang en --grep 'Funaro' [--from 1987-02-26 --to 1987-03-15]

Usage:
  python3 select_pairs.py [--lang en|ar|all] [--max-days 7] [--top 400] [--snippets] [--out candidates.jsonl]
"""
import argparse
import collections
import datetime as dt
import json
import math
import re
import sys

CORPORA = {
    "en": "/work/shared/corpora/reuters21578-en.jsonl",
    "ar": "/work/shared/corpora/ant-ar.jsonl",
}

EN_KEYWORDS = re.compile(
    r"\b(visit(?:s|ed|ing)?|met|meet(?:s|ing|ings)?|talks|arriv(?:ed|es|al)|"
    r"(?:left|leaves|leave|leaving) for|summit|received|conferred)\b",
    re.I,
)
# Arabic: keyword as a whole token, optionally preceded by proclitics (و ف ب ل ال) and
# followed by pronoun suffixes.  "وزارة" (ministry) does not match زار thanks to the
# token anchoring.
AR_PRE = r"(?:^|(?<=[\s\"'«(،.:؛]))(?:[وف]?(?:[بل]|ك)?(?:ال)?)"
AR_STEMS = [
    r"زار(?:ت|وا|ه|ها|هم)?",
    r"زيار(?:ة|ات|ته|تها|تهم|تي)",
    r"التق(?:ى|ت|وا|اء)",
    r"يلتقي|تلتقي",
    r"لقاء(?:ات|ه|ها|هم)?",
    r"اجتماع(?:ات|ه|ها|هم)?",
    r"محادثات(?:ه|ها|هم)?",
    r"وصل(?:ت|وا)?",
    r"غادر(?:ت|وا)?",
    r"استقبل(?:ت|ه|ها|هم)?",
    r"يستقبل|تستقبل",
]
AR_KEYWORDS = re.compile(AR_PRE + r"(?:" + "|".join(AR_STEMS) + r")(?=$|[\s\"'»)،.:؛])")

EN_STOP_CAP = set(
    """The A An In On At For Of And But Or To By From With As It Its This That These Those He She
    They We I You His Her Their Our Mr Mrs Ms Dr Reuter Reuters Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March April May June July August September October
    November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Inc Corp Co Ltd Plc Group
    Company Bank Exchange Stock Commission Department Ministry Government Minister President
    Secretary Chairman Official Officials Spokesman""".split()
)

AR_STOP = set(
    """في من على إلى الى عن مع أن ان إن لا ما هذا هذه ذلك التي الذي الذين كما قد كان كانت
    وقد وفي ومن وعلى أو او ثم بعد قبل خلال حول بين عند منذ حتى أي كل غير لم لن هو هي هم
    وهو وهي تم يتم سيتم حيث أنه انه أنها انها إنه له لها لهم به بها فيه فيها عليه عليها
    إلي اليوم أمس الماضي القادم المقبل الجاري يوم السبت الأحد الاثنين الإثنين الثلاثاء
    الأربعاء الخميس الجمعة صباح مساء جانفي فيفري مارس أفريل ماي جوان جويلية أوت سبتمبر
    أكتوبر نوفمبر ديسمبر وذلك وأكد وأضاف وقال قال أكد أضاف أن وأن بأن""".split()
)

AR_TOKEN = re.compile(r"[\u0621-\u064A\u0671-\u06D3]+")
EN_NAME = re.compile(r"\b([A-Z][a-z]+(?:[- ](?:[A-Z][a-z]+|[A-Z]\.))*[- ][A-Z][a-z]+)\b")
EN_WORD = re.compile(r"[a-z]+")


def fold(text):
    return " ".join(text.split())


def load(lang):
    with open(CORPORA[lang], encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def en_names(text):
    names = set()
    for m in EN_NAME.finditer(text.replace("\n", " ")):
        words = [w for w in re.split(r"[- ]", m.group(1)) if w]
        while words and words[0] in EN_STOP_CAP:
            words = words[1:]
        while words and words[-1] in EN_STOP_CAP:
            words = words[:-1]
        if len(words) >= 2:
            names.add(" ".join(words))
    return names


def ar_names(text):
    toks = AR_TOKEN.findall(text)
    out = set()
    for x, y in zip(toks, toks[1:]):
        if x in AR_STOP or y in AR_STOP or len(x) < 3 or len(y) < 3:
            continue
        out.add(x + " " + y)
    return out


def bow(text, lang):
    if lang == "en":
        toks = EN_WORD.findall(text.lower())
    else:
        toks = AR_TOKEN.findall(text)
    return collections.Counter(t for t in toks if len(t) > 2)


def cosine(c1, c2):
    common = set(c1) & set(c2)
    num = sum(c1[t] * c2[t] for t in common)
    den = math.sqrt(sum(v * v for v in c1.values())) * math.sqrt(sum(v * v for v in c2.values()))
    return num / den if den else 0.0


def keywords(text, lang):
    rx = EN_KEYWORDS if lang == "en" else AR_KEYWORDS
    return sorted({m.group(0).strip().lower() for m in rx.finditer(text)})


def event_sentence(text, lang, names):
    """First sentence holding an event keyword (preferably also a shared name), for triage."""
    rx = EN_KEYWORDS if lang == "en" else AR_KEYWORDS
    sents = [fold(x) for x in re.split(r"(?<=[.!?؟])\s+|\n\s*\n", text) if x.strip()]
    with_kw = [x for x in sents if rx.search(x)]
    for x in with_kw:
        if any(n in x for n in names):
            return x[:300]
    return with_kw[0][:300] if with_kw else ""


def candidates(lang, max_days, max_df):
    docs = load(lang)
    names_of = {}
    df = collections.Counter()
    for d in docs:
        ns = en_names(d["text"]) if lang == "en" else ar_names(d["text"])
        names_of[d["id"]] = ns
        df.update(ns)
    ndocs = len(docs)
    # keep articles with an event keyword, drop exact duplicates (keep first id in corpus order)
    seen_text = {}
    keep = []
    for d in docs:
        if not d["text"].strip():
            continue
        kw = keywords(d["text"], lang)
        if not kw:
            continue
        f = fold(d["text"])
        if f in seen_text:
            continue
        seen_text[f] = d["id"]
        d["_kw"] = kw
        d["_date"] = dt.date.fromisoformat(d["published"][:10])
        keep.append(d)
    by_id = {d["id"]: d for d in keep}
    index = collections.defaultdict(list)
    for d in keep:
        for n in names_of[d["id"]]:
            if 2 <= df[n] <= max_df:
                index[n].append(d["id"])
    shared = collections.defaultdict(set)
    for n, ids in index.items():
        ids = sorted(set(ids))
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                if abs((by_id[a]["_date"] - by_id[b]["_date"]).days) <= max_days:
                    shared[(a, b)].add(n)
    bows = {}
    out = []
    for (a, b), ns in shared.items():
        da, db = by_id[a], by_id[b]
        if da["_date"] > db["_date"] or (da["_date"] == db["_date"] and a > b):
            a, b, da, db = b, a, db, da
        for d in (da, db):
            if d["id"] not in bows:
                bows[d["id"]] = bow(d["text"], lang)
        cos = cosine(bows[a], bows[b])
        # idf of the shared names, capped so that long shared passages do not dominate
        idf = min(sum(math.log(ndocs / df[n]) for n in ns), 40.0)
        out.append({
            "a": a, "b": b,
            "a_date": da["published"][:10], "b_date": db["published"][:10],
            "days": (db["_date"] - da["_date"]).days,
            "a_title": da["title"], "b_title": db["title"],
            "shared": sorted(ns, key=lambda n: (df[n], n))[:6],
            "n_shared": len(ns),
            "cos": round(cos, 3),
            "kw_a": da["_kw"][:6], "kw_b": db["_kw"][:6],
            "snip_a": event_sentence(da["text"], lang, ns),
            "snip_b": event_sentence(db["text"], lang, ns),
            "score": round(idf / 10.0 + cos, 3),
        })
    out.sort(key=lambda r: (-r["score"], r["a"], r["b"]))
    return out


def grep_mode(lang, pattern, lo, hi):
    rx = re.compile(pattern)
    rows = []
    for d in load(lang):
        day = d["published"][:10]
        if not (lo <= day <= hi) or not rx.search(d["text"]):
            continue
        if not keywords(d["text"], lang):
            continue
        rows.append((day, d["id"], d["title"], event_sentence(d["text"], lang, [])))
    rows.sort()
    print(f"# {lang}: {len(rows)} articles matching {pattern!r} with an event keyword")
    for day, i, title, sent in rows:
        print(f"{day}\t{i}\t{title[:70]}\n\t  {sent[:250]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="all", choices=["en", "ar", "all"])
    ap.add_argument("--max-days", type=int, default=7)
    ap.add_argument("--max-df", type=int, default=40,
                    help="ignore names found in more articles than this")
    ap.add_argument("--top", type=int, default=400, help="candidates printed per language")
    ap.add_argument("--min-shared", type=int, default=1)
    ap.add_argument("--snippets", action="store_true",
                    help="print the first event sentence of each article")
    ap.add_argument("--out", help="also write all candidates (JSON lines) here")
    ap.add_argument("--grep", help="targeted mode: list articles whose text matches this regex")
    ap.add_argument("--from", dest="lo", default="0000-00-00")
    ap.add_argument("--to", dest="hi", default="9999-99-99")
    args = ap.parse_args()
    if args.grep:
        for lang in (["en", "ar"] if args.lang == "all" else [args.lang]):
            grep_mode(lang, args.grep, args.lo, args.hi)
        return 0
    langs = ["en", "ar"] if args.lang == "all" else [args.lang]
    sink = open(args.out, "w", encoding="utf-8") if args.out else None
    for lang in langs:
        cands = [c for c in candidates(lang, args.max_days, args.max_df)
                 if c["n_shared"] >= args.min_shared]
        print(f"# {lang}: {len(cands)} candidate pairs (max_days={args.max_days}, "
              f"max_df={args.max_df}); top {args.top}:")
        for c in cands[: args.top]:
            print(f"{c['score']:.3f}\tcos={c['cos']:.2f}\t{c['a']} {c['a_date']} | {c['b']} {c['b_date']}"
                  f"\t{c['a_title'][:60]} || {c['b_title'][:60]}\tshared={'; '.join(c['shared'])}"
                  f"\tkw={','.join(c['kw_a'])} / {','.join(c['kw_b'])}")
            if args.snippets:
                print(f"\t  A: {c['snip_a']}\n\t  B: {c['snip_b']}")
        if sink:
            for c in cands:
                c["lang"] = lang
                sink.write(json.dumps(c, ensure_ascii=False) + "\n")
    if sink:
        sink.close()


if __name__ == "__main__":
    sys.exit(main())
