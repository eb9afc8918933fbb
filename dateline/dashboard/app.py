"""The Streamlit page of ``dateline dashboard``: the read copy, read-only.

Run by ``dateline dashboard`` (``streamlit run`` on this file); the file it
reads is ``DATELINE_READ_COPY`` (the command sets it from ``--db``). Each
visit or filter change runs the page's queries on one read-only connection
that is closed before anything is drawn, so the page never holds a lock; the
page redraws itself when a newer copy is published (:func:`follow`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import altair as alt
import streamlit as st

from dateline.dashboard import queries as q
from dateline.dashboard import render
from dateline.settings import settings
from extractors.errors import DatelineError


#: Seconds between two looks at the read copy's modification time.
FOLLOW_S = 15


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


@st.fragment(run_every=FOLLOW_S)
def follow(path: Path, drawn: float | None) -> None:
    """Redraw the whole page once a newer read copy replaces the one it shows
    (a stat every few seconds; no query until something changed)."""
    if _mtime(path) != drawn:
        st.rerun(scope="app")


def html(markup: str) -> None:
    st.markdown(markup, unsafe_allow_html=True)


def sidebar(options: dict) -> q.Filters:
    """The filters, offered from what the copy holds."""
    bar = st.sidebar
    bar.header("Filters")
    first, last = options["first"], options["last"]
    start = end = None
    if first and last:
        chosen = bar.date_input("Dates", value=(first, last), min_value=first, max_value=last, key="dates")
        if isinstance(chosen, (tuple, list)) and len(chosen) == 2:
            start, end = chosen
        elif isinstance(chosen, (tuple, list)) and len(chosen) == 1:  # the second click is pending
            start = end = chosen[0]
        elif isinstance(chosen, date):
            start = end = chosen
    return q.Filters(
        start=start, end=end,
        undated=bar.checkbox("Include events without a date", value=True, key="undated"),
        types=tuple(bar.multiselect("Type", options["types"], key="types", placeholder="all types")),
        modalities=tuple(bar.multiselect("Modality", options["modalities"], key="modalities", placeholder="all")),
        langs=tuple(bar.multiselect("Language", options["langs"], key="langs", placeholder="all")),
        actor=bar.text_input("Actor contains", key="actor"),
        place=bar.text_input("Place contains", key="place"),
    )


def options_of(result: tuple[list[str], list[tuple]]) -> dict:
    _, rows = result
    types, modalities, langs, first, last, n = rows[0]
    return {"types": types or [], "modalities": modalities or [], "langs": langs or [], "first": first, "last": last,
            "events": n}


def freshness(as_of: tuple[list[str], list[tuple]], path: Path) -> str:
    columns, rows = as_of
    if not rows:
        return f"Reading {path} (read-only); it records no publication."
    row = dict(zip(columns, rows[0]))
    return (f"Data as of {row['published_at']:%Y-%m-%d %H:%M:%S} UTC (run {str(row['run_id'])[:8]}, {row['stage']}): "
            f"{plural(row['articles'], 'article')}, {plural(row['events'], 'event')}. Reading {path} (read-only).")


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def chart(per_day: tuple[list[str], list[tuple]]) -> None:
    columns, rows = per_day
    data = [dict(zip(columns, r)) for r in rows]
    bars = (
        alt.Chart(alt.Data(values=[{**d, "day": d["day"].isoformat()} for d in data]))
        .mark_bar()
        .encode(x=alt.X("day:T", title="day", timeUnit="yearmonthdate"), y=alt.Y("sum(events):Q", title="events"),
                color=alt.Color("type:N", title="type"), tooltip=["day:T", "type:N", "events:Q"])
        .properties(height=260, usermeta={"embedOptions": {"renderer": "svg"}})
    )
    st.altair_chart(bars, width="stretch")
    with st.expander("Events per day, as a table"):
        html(render.table(columns, rows))


def page(path: Path) -> None:
    st.title("Dateline events")
    follow(path, _mtime(path))
    if not path.exists():
        st.warning(f"No read copy at {path} yet. Run `dateline run` (or `dateline serve`): each run publishes it, "
                   "and this page shows it as soon as it appears.")
        return
    first = q.run_all(path, {"as_of": q.DATA_AS_OF, "options": q.OPTIONS, "columns": q.PLACE_COLUMNS})
    options = options_of(first["options"])
    if not options["events"]:
        st.caption(freshness(first["as_of"], path))
        st.info("The database has no events yet: drop articles into the inbox and run `dateline run`.")
        return
    filters = sidebar(options)
    mapped = all(c in first["columns"][0] for c in q.COORDINATES)
    results = q.run_all(path, {
        "as_of": q.DATA_AS_OF, "counts": q.counts(filters), "per_day": q.per_day(filters), "events": q.events(filters),
        "actors": q.top_actors(filters), "pairs": q.top_pairs(filters), "places": q.places(filters, mapped),
    })
    st.caption(freshness(results["as_of"], path))
    html(render.STYLE)
    (total, day_precise, articles, real_world), = results["counts"][1]
    st.subheader("Events per day by type")
    st.caption(f"{plural(total, 'event')} from {plural(articles, 'article')} match ({real_world} once reports of the same "
               f"event in several articles are counted once); {day_precise} with a day-precise date are charted.")
    if day_precise:
        chart(results["per_day"])
    st.subheader("Events")
    columns, rows = results["events"]
    shown = f"the {len(rows)} most recent of {total}" if total > len(rows) else f"all {total}"
    st.caption(f"Showing {shown}; open a row to see its evidence (trigger in yellow, time expression in blue).")
    html(render.events_list([dict(zip(columns, r)) for r in rows]))
    left, right = st.columns(2)
    with left:
        st.subheader("Top actors: meetings and visits")
        st.caption("Asserted, planned or reported (negated ones left out).")
        html(render.table(*results["actors"]))
    with right:
        st.subheader("Top pairs: meetings and visits")
        st.caption("Who met whom, who visited whom (or where).")
        html(render.table(*results["pairs"]))
    places_section(results["places"], mapped)


def places_section(places: tuple[list[str], list[tuple]], mapped: bool) -> None:
    st.subheader("Places")
    columns, rows = places
    html(render.table(columns, rows))
    located = [dict(zip(columns, r)) for r in rows]
    located = [p for p in located if p.get("latitude") is not None and p.get("longitude") is not None]
    if located:
        st.map(located, latitude="latitude", longitude="longitude")
    elif not mapped:
        st.caption("No coordinates for places in this database yet, so no map.")


def main() -> None:
    st.set_page_config(page_title="Dateline events", layout="wide")
    conf = settings()
    path = conf.read_copy_path()
    try:
        page(path)
    except DatelineError as exc:
        st.error(f"Cannot show {path}: {exc}. Is it a database made by `dateline run`?")


main()
