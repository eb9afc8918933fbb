"""Saved web pages and news feeds → articles.

* ``*.html``/``*.htm``: the main text and title of the page (trafilatura),
  its language from ``<html lang>`` (``lang_source = 'html'``, else detected),
  its publication date from the page (htmldate, ``published_source = 'html'``).
  A ``NAME.meta.json`` sidecar still wins over what the page says.
* ``*.xml``/``*.rss``/``*.atom``: every item of an RSS or Atom feed is an
  article (feedparser), located as ``feed.xml:N`` like a JSONL line; its
  date comes from the item (``published_source = 'feed'``), its text from
  the item's content or summary with the markup removed.

Paragraphs are separated by a blank line, as in a ``.txt`` article, and the
text then goes through the same normalization, so a page and the same text
saved as ``.txt`` give the same article text (and the same events). Pages
and feeds with no text, or that cannot be parsed, are ingest errors.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from extractors.ingest.metadata import as_text, language, publication_date
from extractors.ingest.text import normalize
from extractors.records import Article, IngestError

HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
_HTML_LANG = re.compile(rb"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)


def read_html(path: Path, raw: bytes, meta: dict[str, Any]) -> Article | IngestError:
    """The article a saved page holds (the page's bytes: trafilatura finds
    their encoding from the page's own declaration)."""
    import trafilatura
    from htmldate import find_date

    if b"\0" in raw[:8192]:
        return _error(path, "binary", "contains NUL bytes; not an HTML page", raw)
    try:
        doc = trafilatura.bare_extraction(raw, with_metadata=True)
    except Exception as exc:  # noqa: BLE001 — a page the parser chokes on is bad input
        return _error(path, "malformed_html", f"cannot parse the page: {type(exc).__name__}", raw)
    body = paragraphs((doc.text or "") if doc is not None else "", getattr(doc, "title", None))
    if not body:
        return _error(path, "missing_text", "no main text found in the page", raw)
    found = _safe_date(lambda: find_date(raw, extensive_search=False, outputformat="%Y-%m-%d"))
    lang = meta.get("lang") or _page_language(raw)
    return _build(path, str(path), raw, body, meta, found, "html", lang, title=getattr(doc, "title", None))


def read_feed(path: Path, raw: bytes) -> Iterator[Article | IngestError]:
    """Every item of an RSS or Atom feed."""
    import feedparser

    feed = feedparser.parse(raw)
    entries = list(feed.entries)
    if not entries:
        reason = "malformed_feed" if feed.bozo else "empty"
        detail = f"not a readable RSS/Atom feed: {_first_line(feed.get('bozo_exception'))}" if feed.bozo else "the feed has no items"
        yield _error(path, reason, detail, raw)
        return
    feed_lang = (feed.feed.get("language") or "").split("-")[0] or None
    for number, entry in enumerate(entries, start=1):
        where = f"{path}:{number}"
        html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        body = paragraphs(_markup_free(html))
        item_raw = f"{entry.get('id', '')}\0{entry.get('link', '')}\0{html}".encode()
        if not body:
            yield _error(where, "missing_text", "feed item without text", item_raw)
            continue
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        meta = {"id": entry.get("id") or entry.get("link"), "url": entry.get("link"), "source": feed.feed.get("title")}
        lang = (entry.get("language") or "").split("-")[0] or feed_lang
        yield _build(path, where, item_raw, body, meta, date(*parsed[:3]) if parsed else None, "feed", lang,
                     title=entry.get("title"))


def paragraphs(text: str, title: str | None = None) -> str:
    """Non-blank lines as paragraphs separated by a blank line, ending with a
    line end like a text file; a first line that repeats the title (the
    page's heading) is left out."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == " ".join(title.split()):
        lines = lines[1:]
    return "\n\n".join(lines) + "\n" if lines else ""  # ends like a text file


def _markup_free(html: str) -> str:
    if "<" not in html:
        return html
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{html}</div>")
    except Exception:  # noqa: BLE001 — unparsable markup: keep the text as it is
        return re.sub(r"<[^>]+>", " ", html)
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        block.tail = "\n" + (block.tail or "")
    return root.text_content()


def _page_language(raw: bytes) -> str | None:
    found = _HTML_LANG.search(raw[:20_000])
    return found.group(1).decode().lower() if found else None


def _safe_date(find) -> date | None:
    try:
        value = find()
    except Exception:  # noqa: BLE001 — no date is better than no article
        return None
    return date.fromisoformat(value) if value else None


def _build(path: Path, where: str, raw: bytes, body: str, meta: dict, found: date | None, source: str, lang: str | None,
           title: str | None) -> Article:
    text = normalize(body)
    if meta.get("published"):
        published, published_source = publication_date(meta.get("published"), path)
    else:
        published, published_source = (found, source) if found else publication_date(None, path)
    lang_code, lang_source = language(lang, text)
    if lang_source == "metadata" and not meta.get("lang"):
        lang_source = source  # declared by the page or the feed
    sha = hashlib.sha256(raw).hexdigest()
    return Article(
        article_id=as_text(meta.get("id")) or f"sha-{sha[:16]}", text=text, content_sha256=sha, path=where,
        lang=lang_code, lang_source=lang_source, published=published, published_source=published_source,
        title=as_text(meta.get("title")) or as_text(title), url=as_text(meta.get("url")), source=as_text(meta.get("source")),
    )


def _first_line(exc: object) -> str:
    return str(exc).splitlines()[0] if exc and str(exc) else "unknown error"


def _error(where: Path | str, reason: str, detail: str, raw: bytes) -> IngestError:
    return IngestError(path=str(where), reason=reason, detail=detail, content_sha256=hashlib.sha256(raw).hexdigest())
