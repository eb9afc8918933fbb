"""The database's part of clustering: ``cluster_inputs`` reads only the stored
events a new event could match (same family, a date near one new event, a
shared name word or coded country and role), and never leaves out one that
``compatible`` would accept. Random stored events from a fixed seed, through a
real DuckDB file."""

import random
from datetime import date, timedelta

from extractors.clusters import ClusterEvent, compatible
from extractors.store import Store
from extractors.store.clusters import CANDIDATE_MARGIN_DAYS, cluster_inputs

#: Names with the whitespace Python splits on and RE2's \s does not (no-break, ideographic space).
NAMES = ["vladimir putin", "putin", "vladimir", "kim jong un", "kim", "un", "  ", "\u00a0", "vladimir\u00a0putin",
         "sergei lavrov putin", "\u3000kim", "olaf scholz", "scholz"]
ROLES = [None, "other", "head_of_state", "minister"]
START = date(2024, 3, 1)


def _store_random(store: Store, rng: random.Random, n_articles: int, clustered: bool, prefix: str, names=NAMES) -> list[str]:
    ids = []
    for a in range(n_articles):
        article = f"{prefix}{a}"
        ids.append(article)
        lang = rng.choice(["en", "ar"])
        published = START + timedelta(days=rng.choice([0, 0, 3, 40, 200]))
        store.con.execute("INSERT INTO articles (article_id, lang, published) VALUES (?, ?, ?)", [article, lang, published])
        roles = {}
        for e in range(rng.randint(1, 3)):
            actor, counterpart = rng.choice(names + [None]), rng.choice([None, None] + names)
            for name in (actor, counterpart):
                if name and name not in roles:
                    roles[name] = rng.choice(ROLES)
                    store.con.execute("INSERT INTO actors (article_id, name, role) VALUES (?, ?, ?)", [article, name, roles[name]])
            day = rng.choice([None, published, published - timedelta(days=2), published + timedelta(days=60)])
            store.con.execute(
                "INSERT INTO events (event_id, article_id, lang, type, modality, date_start, date_end, granularity,"
                " actor_resolved, actor_country, counterpart_resolved, counterpart_country, confidence, cluster_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0.5, ?)",
                [f"{article}-e{e}", article, lang, rng.choice(["meeting", "visit", "arrival", "announcement"]),
                 rng.choice(["asserted", "asserted", "planned", "negated"]), day, day, "day" if day else None,
                 actor, rng.choice([None, "RU", "KP"]), counterpart, rng.choice([None, "RU"]),
                 f"c-{article}-e{e}" if clustered else None])
    return ids


def test_the_database_never_leaves_out_a_stored_event_a_new_one_could_join(tmp_path):
    rng = random.Random(5)
    read, stored_in_all, compatible_pairs = 0, 0, 0
    for round_ in range(60):
        with Store.open(tmp_path / f"{round_}.duckdb") as store:
            store.migrate()
            _store_random(store, rng, 12, clustered=True, prefix="old")
            # A new name of spaces matches every name and turns the name filter off: only in some rounds.
            names = NAMES if round_ % 5 == 0 else [n for n in NAMES if n.split()]
            new_ids = _store_random(store, rng, 3, clustered=False, prefix="new", names=names)
            new, existing, _ = cluster_inputs(store, new_ids)
            everything = cluster_inputs_without_filter(store, new_ids)
        found = {e.event_id for e in existing}
        for stored in everything:
            if any(compatible(n, stored) for n in new):
                compatible_pairs += 1
                assert stored.event_id in found, (round_, stored)
        read += len(found)
        stored_in_all += len(everything)
    assert compatible_pairs > 20  # the cases do exercise matches
    assert read < 0.8 * stored_in_all  # and the filter does leave events out


def cluster_inputs_without_filter(store: Store, new_ids: list[str]) -> list[ClusterEvent]:
    """Every clustered event of the other articles, however far: what the filter must cover."""
    from extractors.store import clusters

    rows = store.query(clusters._EVENTS + " WHERE e.cluster_id IS NOT NULL AND e.article_id NOT IN (SELECT unnest(?::VARCHAR[]))",
                       [new_ids])
    return [clusters._event(r) for r in rows]


def test_one_old_date_in_a_batch_does_not_read_the_years_between(tmp_path):
    """Windows are per new event: a batch holding a 2001 event and a 2024 one
    reads neither 2010 nor the events of names it does not hold."""
    with Store.open(tmp_path / "w.duckdb") as store:
        store.migrate()
        rows = [("old2010", date(2010, 6, 1), "vladimir putin"), ("near", date(2024, 3, 2), "vladimir putin"),
                ("other-name", date(2024, 3, 2), "olaf scholz"), ("new", date(2024, 3, 4), "putin"),
                ("new", date(2001, 1, 5), "vladimir putin")]
        for i, (article, day, actor) in enumerate(rows):
            store.con.execute("INSERT OR IGNORE INTO articles (article_id, lang, published) VALUES (?, 'en', ?)", [article, day])
            store.con.execute(
                "INSERT INTO events (event_id, article_id, lang, type, modality, date_start, date_end, granularity, actor_resolved,"
                " confidence, cluster_id) VALUES (?, ?, 'en', 'meeting', 'asserted', ?, ?, 'day', ?, 0.5, ?)",
                [f"e{i}", article, day, day, actor, None if article == "new" else f"c-e{i}"])
        new, existing, _ = cluster_inputs(store, ["new"])
    assert len(new) == 2
    assert [e.article_id for e in existing] == ["near"]
    assert CANDIDATE_MARGIN_DAYS < (date(2024, 3, 2) - date(2010, 6, 1)).days


def test_a_new_name_made_of_spaces_reads_every_name_of_the_window(tmp_path):
    """``same_name`` lets a name of spaces match any name, so the database must
    not filter on words for it (the random cases above rarely hit it alone)."""
    with Store.open(tmp_path / "s.duckdb") as store:
        store.migrate()
        for i, (article, actor, cluster) in enumerate([("old", "olaf scholz", "c-e0"), ("new", "\u00a0 ", None)]):
            store.con.execute("INSERT INTO articles (article_id, lang, published) VALUES (?, 'en', ?)", [article, START])
            store.con.execute(
                "INSERT INTO events (event_id, article_id, lang, type, modality, date_start, date_end, granularity, actor_resolved,"
                " confidence, cluster_id) VALUES (?, ?, 'en', 'meeting', 'asserted', ?, ?, 'day', ?, 0.5, ?)",
                [f"e{i}", article, START, START, actor, cluster])
        new, existing, _ = cluster_inputs(store, ["new"])
    assert compatible(new[0], existing[0]) and [e.article_id for e in existing] == ["old"]
