"""The dashboard's text as HTML: tables and evidence a person can read,
search, copy and hear (a screen reader), in the page's DOM rather than drawn
on a canvas, with Arabic laid out right to left.

Every value is escaped; cells carry ``dir="auto"`` so that each one takes the
direction of its own text (an Arabic name in an English page, and the
reverse), and evidence in Arabic is a right-to-left paragraph.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

#: Languages written right to left.
RTL = frozenset({"ar", "fa", "he", "ur"})

STYLE = """<style>
.dl-table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
.dl-table th, .dl-table td { border-bottom: 1px solid rgba(128,128,128,.3); padding: .25rem .5rem; text-align: start; }
.dl-events { width: 100%; font-size: 0.9rem; }
.dl-row { display: grid; grid-template-columns: 7rem 1.4fr 1.2fr 1.6fr 6.5rem 5.5rem 4.5rem; gap: .5rem;
          padding: .3rem .5rem; border-bottom: 1px solid rgba(128,128,128,.3); }
.dl-head { font-weight: 600; }
.dl-event > summary { cursor: pointer; list-style: none; }
.dl-event > summary::-webkit-details-marker { display: none; }
.dl-event > summary:hover, .dl-event[open] > summary { background: rgba(128,128,128,.12); }
.dl-evidence { padding: .5rem 1rem .75rem 1rem; border-bottom: 1px solid rgba(128,128,128,.3); }
.dl-evidence p { margin: 0 0 .4rem 0; }
.dl-sentence { font-size: 1.05rem; line-height: 1.7; }
mark.dl-trigger { background: #ffd54f; color: #000; padding: 0 .15rem; }
mark.dl-time { background: #81d4fa; color: #000; padding: 0 .15rem; }
.dl-source { opacity: .8; }
</style>"""

EVENT_COLUMNS = ("Type", "Actor", "Counterpart", "Places", "Date", "Modality", "Confidence")


def text_dir(lang: str | None) -> str:
    return "rtl" if lang in RTL else "ltr"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return escape(str(value))


def table(columns: Sequence[str], rows: Sequence[Sequence], caption: str = "") -> str:
    """A plain HTML table; each cell takes the direction of its own text."""
    head = "".join(f"<th scope='col'>{escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td dir='auto'>{_cell(v)}</td>" for v in row) + "</tr>" for row in rows)
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table class='dl-table'>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def highlighted(sentence: str, marks: Sequence[tuple[int | None, int | None, str]]) -> str:
    """``sentence`` escaped, with each (start, end, css class) span wrapped in
    ``<mark>``; spans outside the sentence or overlapping an earlier one are
    left out rather than garbling the text."""
    spans = sorted((s, e, c) for s, e, c in marks if s is not None and e is not None and 0 <= s < e <= len(sentence))
    out, at = [], 0
    for start, end, css in spans:
        if start < at:
            continue
        out.append(escape(sentence[at:start]))
        out.append(f"<mark class='{css}'>{escape(sentence[start:end])}</mark>")
        at = end
    out.append(escape(sentence[at:]))
    return "".join(out)


def evidence(event: Mapping) -> str:
    """The sentence with the trigger and the time expression highlighted, then
    the article's title, source and publication date."""
    direction, lang = text_dir(event.get("lang")), escape(event.get("lang") or "")
    sentence = event.get("sentence")
    if sentence:
        body = highlighted(sentence, [(event.get("trigger_start"), event.get("trigger_end"), "dl-trigger"),
                                      (event.get("time_start"), event.get("time_end"), "dl-time")])
        lines = [f"<p class='dl-sentence' dir='{direction}' lang='{lang}'>{body}</p>"]
    else:
        lines = [f"<p>Trigger: <mark class='dl-trigger' dir='auto'>{_cell(event.get('trigger'))}</mark></p>"]
    if event.get("date_text"):
        lines.append(f"<p>Time expression: <mark class='dl-time' dir='{direction}'>{_cell(event['date_text'])}</mark>"
                     f" → {_cell(event.get('date')) or 'no date'}</p>")
    title = _cell(event.get("title")) or "untitled article"
    if event.get("url"):
        title = f"<a href='{escape(event['url'], quote=True)}' rel='noopener noreferrer'>{title}</a>"
    source = " — ".join(x for x in (_cell(event.get("source")), _cell(event.get("published"))) if x)
    lines.append(f"<p class='dl-source'><cite dir='auto'>{title}</cite>{' — ' + source if source else ''}</p>")
    return "".join(lines)


def events_list(events: Sequence[Mapping]) -> str:
    """The events table: one row per event, each a ``<details>`` element that
    opens its evidence (a keyboard and a screen reader can open it too)."""
    head = "".join(f"<span>{c}</span>" for c in EVENT_COLUMNS)
    rows = []
    for e in events:
        cells = (e.get("type"), e.get("actor"), e.get("counterpart"), e.get("places"), e.get("date"),
                 e.get("modality"), e.get("confidence"))
        summary = "".join(f"<span dir='auto'>{_cell(v)}</span>" for v in cells)
        rows.append(f"<details class='dl-event' data-event='{escape(e.get('event_id') or '', quote=True)}'>"
                    f"<summary class='dl-row'>{summary}</summary>"
                    f"<div class='dl-evidence'>{evidence(e)}</div></details>")
    return f"<div class='dl-events'><div class='dl-row dl-head'>{head}</div>{''.join(rows)}</div>"
