"""The event scorer's matching rules on tiny hand-made gold/prediction pairs.

These test bench/eval_events.py, not the extractor: predictions are ``Event``
records built by hand, so every count below follows from the rules alone.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import eval_events as ev  # noqa: E402

from extractors.records import Event, Span  # noqa: E402


def event(type_: str, actor: str | None, *, lang: str = "en", trigger: str = "said", date: str | None = None,
          modality: str = "asserted", **args: str) -> Event:
    return Event(f"e-{type_}-{actor}-{date}", "a1", lang, type_, trigger, Span(0, len(trigger)), 0, modality, 0.5,
                 actor=actor, date=date, **args)


def gold(type_: str, actor: str | None, *, trigger: str = "said", date: str | None = None,
         modality: str = "asserted", **args) -> dict:
    return {"type": type_, "trigger": trigger, "actor": actor, "date": date, "modality": modality, **args}


def doc(required=(), optional=(), forbidden=(), lang: str = "en") -> dict:
    return {"article": "a1", "lang": lang, "published": "1987-03-31",
            "required": list(required), "optional": list(optional), "forbidden": list(forbidden)}


def totals(tally) -> dict[str, int]:
    out: dict[str, int] = {}
    for counts in tally.values():
        for key, value in counts.items():
            out[key] = out.get(key, 0) + value
    return out


# ---- names and actors ----

@pytest.mark.parametrize("gold_name, predicted, expected", [
    ("Margaret Thatcher", "Thatcher", True),
    ("Thatcher", "British Prime Minister Margaret Thatcher", True),
    ("US", "Russia", False),             # whole words only
    ("Boliden AB", "Allis-Chalmers", False),
    ("mining ministry", "Mining  Ministry", True),  # case and spacing are not differences
])
def test_english_names_match_on_whole_words(gold_name, predicted, expected):
    assert ev.same_name([gold_name], [predicted], "en") is expected


def test_arabic_names_match_on_whole_words():
    assert ev.same_name(["مهدي بن غربية"], ["بن غربية"], "ar")
    assert not ev.same_name(["مهدي بن غربية"], ["ياسين إبراهيم"], "ar")


def test_missing_names_never_match():
    assert not ev.same_name(["Thatcher"], [None, ""], "en")


def test_meetings_are_symmetric_but_visits_are_not():
    g = gold("meeting", "Margaret Thatcher", counterpart="Nikolai Ryzhkov")
    assert ev.matches(g, event("meeting", "Ryzhkov"), "en")
    assert ev.matches(g, event("meeting", "Ryzhkov", counterpart="Thatcher"), "en")
    v = gold("visit", "Margaret Thatcher", destination="Moscow")
    assert not ev.matches(v, event("visit", "Moscow"), "en")
    assert not ev.matches(g, event("visit", "Thatcher"), "en")  # the type must agree


def test_resolved_and_alternative_names_count():
    g = gold("announcement", "He", actor_resolves_to="Kjell Nilsson", actor_alt=["Boliden president"])
    assert ev.matches(g, event("announcement", "Nilsson"), "en")
    assert ev.matches(g, event("announcement", "he"), "en")
    assert ev.matches(g, event("announcement", "Boliden president Kjell Nilsson"), "en")
    e = Event("e", "a1", "en", "announcement", "said", Span(0, 4), 0, "asserted", 0.5, actor="she",
              actor_resolved="Kjell Nilsson")
    assert ev.matches(gold("announcement", "Nilsson"), e, "en")


def test_gold_without_actor_is_matched_by_trigger():
    g = gold("visit", None, trigger="زار")
    assert ev.matches(g, event("visit", "بوادي", lang="ar", trigger="زار"), "ar")
    assert not ev.matches(g, event("visit", "بوادي", lang="ar", trigger="زيارة"), "ar")


# ---- one article ----

def test_date_decides_the_full_level_only_when_the_gold_has_one():
    d = doc([gold("meeting", "Thatcher", date="1987-03-31"), gold("announcement", "Thatcher")])
    tally, _ = ev.score_article(d, [event("meeting", "Thatcher", date="1987-03-30"),
                                    event("announcement", "Thatcher", date="1987-03-31")])
    t = totals(tally)
    assert (t["tp"], t["tp_full"], t.get("fp", 0), t.get("fn", 0)) == (2, 1, 0, 0)
    assert t["spurious_date"] == 1  # a date on an event the text leaves undated


def test_optional_absorbs_duplicates_are_apart_and_the_rest_are_false_positives():
    d = doc([gold("announcement", "Lawson")], optional=[gold("announcement", "he")])
    predictions = [event("announcement", "Nigel Lawson"), event("announcement", "Lawson"),
                   event("announcement", "he"), event("announcement", "pct")]
    tally, errors = ev.score_article(d, predictions)
    t = totals(tally)
    assert (t["tp"], t["dup"], t["optional"], t["fp"]) == (1, 1, 1, 1)
    assert any(line.startswith("FP") and "pct" in line for line in errors)


def test_forbidden_reading_is_an_error_even_when_a_required_event_would_match():
    planned = gold("meeting", "Kim", counterpart="Putin", modality="planned")
    forbidden = gold("meeting", "Kim", counterpart="Putin", modality="asserted")
    d = doc([planned], forbidden=[forbidden])
    tally, errors = ev.score_article(d, [event("meeting", "Kim", counterpart="Putin")])
    t = totals(tally)
    assert (t.get("tp", 0), t["fp"], t["forbidden"], t["fn"]) == (0, 1, 1, 1)
    assert errors[0].startswith("FORBIDDEN")
    tally, _ = ev.score_article(d, [event("meeting", "Kim", counterpart="Putin", modality="planned")])
    assert (totals(tally)["tp"], totals(tally).get("forbidden", 0)) == (1, 0)


def test_forbidden_entry_is_escaped_only_by_a_different_date_or_place():
    f = gold("visit", "Shultz", trigger="visit", destination="Moscow")
    assert ev.forbidden_hit(f, event("visit", "George Shultz", trigger="visit", destination="Moscow"), "en")
    assert not ev.forbidden_hit(f, event("visit", "George Shultz", trigger="visiting", destination="Peking"), "en")
    assert ev.forbidden_hit(f, event("visit", "George Shultz", trigger="visit"), "en")  # no destination: still it
    dated = gold("departure", "Kim", trigger="left", date="2020")
    assert not ev.forbidden_hit(dated, event("departure", "Kim", trigger="left", date="2023-09-10"), "en")
    assert ev.forbidden_hit(dated, event("departure", "Kim", trigger="left", date="2020"), "en")
    assert ev.forbidden_hit(dated, event("departure", "Kim", trigger="left"), "en")  # undated: still it


def test_forbidden_by_trigger_catches_a_wrong_sense_whatever_the_actor():
    f = gold("meeting", "النادي الصفاقسي", trigger="لقاء")
    assert ev.forbidden_hit(f, event("meeting", "أف أم", lang="ar", trigger="لقاء"), "ar")


def test_two_events_of_one_actor_go_to_the_gold_with_the_same_details():
    moscow = gold("visit", "Shultz", trigger="visit", modality="planned", destination="Moscow")
    peking = gold("visit", "Shultz", trigger="visiting", destination="Peking")
    d = doc([moscow, peking])
    predictions = [event("visit", "Shultz", destination="Peking"),
                   event("visit", "Shultz", modality="planned", destination="Moscow")]
    tally, errors = ev.score_article(d, predictions)
    t = totals(tally)
    assert (t["tp"], t["modality_ok"], t.get("fn", 0)) == (2, 2, 0)
    assert not errors


def test_a_gold_event_goes_to_the_best_fitting_prediction_not_the_first():
    """The first prediction matches only through an alternative actor and has
    no date; the second is the gold's own trigger and date: it is the match,
    and the first counts as a duplicate."""
    d = doc([gold("announcement", "the ministry", trigger="stated", date="1987-03-30", actor_alt=["Tunisia"])])
    predictions = [event("announcement", "Tunisia", trigger="expressed"),
                   event("announcement", "the ministry", trigger="stated", date="1987-03-30")]
    tally, errors = ev.score_article(d, predictions)
    t = totals(tally)
    assert (t["tp"], t["tp_full"], t["date_ok"], t["dup"]) == (1, 1, 1, 1)
    assert [e.split()[0] for e in errors] == ["DUP"]


def test_missed_events_and_wrong_attributes_are_listed():
    d = doc([gold("visit", "Kinnock", trigger="trip", date="1987-W13"), gold("announcement", "Harper", date="1987-03-23")])
    tally, errors = ev.score_article(d, [event("announcement", "Harper", modality="reported")])
    assert totals(tally)["fn"] == 1
    assert [line[:3] for line in errors] == ["FN ", "ATT"]
    assert "date None" in errors[1] and "modality reported vs asserted" in errors[1]


def test_full_level_counts_a_wrong_date_as_a_miss_and_a_false_alarm():
    from collections import Counter
    p, r, f = ev.full_prf(Counter(tp=2, tp_full=1, fp=0, fn=1))
    assert (p, r) == (0.5, pytest.approx(1 / 3))
    assert ev.prf(0, 0, 0) == (0.0, 0.0, 0.0)


# ---- the gold files themselves ----

GOLD_DOCS = ev.load_gold()
TYPES = {"departure", "arrival", "visit", "meeting", "announcement"}
MODALITIES = {"asserted", "planned", "negated", "reported"}
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")


def test_gold_covers_both_languages_and_several_types():
    langs = {d["lang"] for d in GOLD_DOCS}
    types = {g["type"] for d in GOLD_DOCS for g in d["required"]}
    assert langs == {"en", "ar"} and all(sum(d["lang"] == lang for d in GOLD_DOCS) >= 12 for lang in langs)
    assert types == TYPES


@pytest.mark.parametrize("d", GOLD_DOCS, ids=[d["article"] for d in GOLD_DOCS])
def test_gold_file_is_well_formed(d):
    assert {"article", "lang", "published", "corpus", "required", "optional", "forbidden"} <= d.keys()
    for section in ("required", "optional", "forbidden"):
        for g in d[section]:
            assert g["type"] in TYPES and g.get("modality", "asserted") in MODALITIES, g
            assert g.get("date") is None or ISO.match(g["date"]), g
            if g.get("date"):
                assert g.get("date_text"), f"a date needs the text that gives it: {g}"
            if section == "forbidden":
                assert g.get("why"), g


def test_load_articles_reads_the_corpus_by_id(tmp_path):
    corpus = tmp_path / "mini.jsonl"
    rows = [{"id": "x1", "lang": "en", "published": "1987-03-31", "title": "T", "text": "Thatcher said so."},
            {"id": "x2", "lang": "ar", "published": "2017-06-04", "title": "ع", "text": "قال الوزير ذلك."}]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    articles = ev.load_articles([{"article": "x2", "corpus": "mini.jsonl"}], corpora=tmp_path)
    assert list(articles) == ["x2"]
    assert (articles["x2"].lang, articles["x2"].published) == ("ar", date(2017, 6, 4))
    with pytest.raises(SystemExit, match="x3"):
        ev.load_articles([{"article": "x3", "corpus": "mini.jsonl"}], corpora=tmp_path)
