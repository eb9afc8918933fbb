"""Article files → :class:`Article` records (or :class:`IngestError` for bad input).

Formats, found recursively under a folder (hidden files and folders skipped):

* ``NAME.txt`` with an optional sidecar ``NAME.meta.json``
  (``id``, ``title``, ``url``, ``source``, ``published``, ``lang``);
* ``NAME.json``: one article object with ``text`` and the same fields;
* ``NAME.jsonl``: one article object per line; each bad line is its own error
  (path ``file.jsonl:LINE``) and the other lines are still read;
* ``NAME.html``, and RSS/Atom feeds ``NAME.xml``/``.rss``/``.atom`` (one
  article per item): see :mod:`extractors.ingest.web`.

Text and offsets. Bytes are decoded as UTF-8 (a BOM is dropped), line ends
``\\r\\n`` and ``\\r`` become ``\\n``, and the text is NFC-normalized (so that
``é`` typed as ``e`` + combining accent and Arabic marks typed in either order
compare equal downstream). *That* normalized text is what ``Article.text``
holds, what the ``articles`` table stores, and what every later character
offset indexes: offsets are never into the raw file, so the length-changing
steps (CRLF, NFC) are safe. After NFC, no-break and other exotic spaces become
plain spaces and Unicode line/paragraph separators become ``\\n``, one
character for one, so those steps move no offset. ``content_sha256`` is over
the raw bytes (of the file, or of the JSONL line), so change detection sees
every byte, including ones normalization hides.

Identity and dates. ``article_id`` is the metadata ``id``, else
``sha-`` + the first 16 hex digits of ``content_sha256``. ``published`` comes
from metadata (ISO date or datetime; a datetime keeps its own calendar day),
else from a ``YYYY-MM-DD`` / ``YYYYMMDD`` date in the file name, else from the
file's modification time; ``published_source`` is ``metadata``, ``filename``,
``mtime`` or ``none``, with ``+invalid_metadata`` appended when metadata had an
unparsable date that was ignored (``mtime+invalid_metadata``). ``lang`` comes
from metadata, else from py3langid (offline, ships its model), else ``None``;
which languages are *processed* is decided downstream, not here.

Bad content never raises: it becomes an ``IngestError`` with a stable reason
code (``empty``, ``binary``, ``encoding``, ``malformed_json``,
``missing_text``, ``too_large``, ``too_long``, ``unreadable``,
``bad_file_name``) and a one-line detail. Limits: ``too_large`` is a file (or
JSONL line) over ``max_bytes`` bytes, refused unread; ``too_long`` an article
whose text is over :data:`MAX_ARTICLE_CHARS` characters (the analysis of one
article must take bounded time); ``binary`` a NUL byte anywhere in the file or
a NUL character in the text; ``bad_file_name`` a file name that is not valid
UTF-8 (the row's path writes the odd bytes as ``\\xNN``, the detail holds the
exact name in hex).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from extractors.ingest import web
from extractors.ingest.files import has_bad_name, name_hex, path_key, sidecar_path
from extractors.ingest.metadata import as_text, language, publication_date
from extractors.ingest.text import normalize
from extractors.records import Article, IngestError

DEFAULT_MAX_BYTES = 20_000_000
#: Longest article text analysed, in characters (about 30,000 words; news
#: articles are under 20,000). Longer ones get a ``too_long`` row.
MAX_ARTICLE_CHARS = 200_000
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_WIDE_BOMS = {b"\xff\xfe\x00\x00": "UTF-32", b"\x00\x00\xfe\xff": "UTF-32", b"\xff\xfe": "UTF-16", b"\xfe\xff": "UTF-16"}
_SNIFF = 8192

Result = Article | IngestError


def read_articles(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, lines: tuple[int, int] | None = None) -> Iterator[Result]:
    """Every article in ``path`` (see :func:`_read`), an article longer than
    :data:`MAX_ARTICLE_CHARS` characters turned into a ``too_long`` error."""
    for item in _read(Path(path), max_bytes, lines):
        if isinstance(item, Article) and len(item.text) > MAX_ARTICLE_CHARS:
            yield _error(item.path, "too_long", f"{len(item.text):,} characters exceeds the {MAX_ARTICLE_CHARS:,}-character "
                         "limit of one article; split it", sha=item.content_sha256)
        else:
            yield item


def _read(path: Path, max_bytes: int, lines: tuple[int, int] | None = None) -> Iterator[Result]:
    """Every article in ``path``: one for .txt/.json, one per line for .jsonl
    (only lines ``lines[0]..lines[1]`` when given: one batch's part of a big file).

    ``max_bytes`` bounds one article: the whole file for .txt/.json, one line
    for .jsonl (a drop of many articles in one JSONL file is normal; one
    enormous line is not). Oversized input is refused without being loaded.
    """
    path = Path(path)
    if has_bad_name(path):
        yield _error(path_key(path), "bad_file_name", f"file name is not valid UTF-8 (bytes: {name_hex(path)}); rename the file")
        return
    try:
        if path.suffix == ".jsonl":
            yield from _read_jsonl(path, max_bytes, lines)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield _error(path, "too_large", f"{size:,} bytes exceeds the {max_bytes:,}-byte limit; split the file")
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield _error(path, "unreadable", f"cannot read the file: {exc.strerror or exc}")
        return
    if path.suffix in web.FEED_SUFFIXES:
        yield from web.read_feed(path, raw)
    elif path.suffix in web.HTML_SUFFIXES:
        yield _from_html_file(path, raw)
    else:
        yield _from_json_bytes(path, str(path), raw) if path.suffix == ".json" else _from_text_file(path, raw)


def _from_html_file(path: Path, raw: bytes) -> Result:
    meta, meta_problem = _read_sidecar(path)
    if meta_problem:
        return _error(path, "malformed_json", meta_problem, sha=_sha(raw))
    return web.read_html(path, raw, meta)


def _read_jsonl(path: Path, max_bytes: int, lines: tuple[int, int] | None = None) -> Iterator[Result]:
    seen = lines is not None  # a part of a file is never the whole file's emptiness
    with path.open("rb") as handle:
        for number, line in _bounded_lines(handle, max_bytes):
            where = f"{path}:{number}"
            if lines is not None and not lines[0] <= number <= lines[1]:
                if number > lines[1]:
                    break
                continue
            if line is None:
                seen = True
                yield _error(where, "too_large", f"line exceeds the {max_bytes:,}-byte limit")
            elif line.strip():
                seen = True
                yield _from_json_bytes(path, where, line)
    if not seen:
        yield _error(path, "empty", "file has no non-blank line")


def _bounded_lines(handle: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines without their line end; ``None`` for a line over ``limit``
    bytes, which is skipped in chunks rather than loaded."""
    number = 0
    while chunk := handle.readline(limit + 1):
        number += 1
        if len(chunk) > limit and not chunk.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, chunk.rstrip(b"\n").rstrip(b"\r")


def _from_text_file(path: Path, raw: bytes) -> Result:
    text, problem = decode(raw)
    if problem:
        return _error(path, *problem, sha=_sha(raw))
    meta, meta_problem = _read_sidecar(path)
    if meta_problem:
        return _error(path, "malformed_json", meta_problem, sha=_sha(raw))
    return _article(path, str(path), raw, text, meta)


def _from_json_bytes(path: Path, where: str, raw: bytes) -> Result:
    source, problem = _decode_raw(raw)
    if problem:
        return _error(where, *problem, sha=_sha(raw))
    try:
        obj = json.loads(source)
    except json.JSONDecodeError as exc:
        return _error(where, "malformed_json", f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", sha=_sha(raw))
    if not isinstance(obj, dict):
        return _error(where, "malformed_json", f"expected a JSON object, found {type(obj).__name__}", sha=_sha(raw))
    body = obj.get("text")
    if not isinstance(body, str) or not body.strip():
        return _error(where, "missing_text", "no non-empty string field 'text'", sha=_sha(raw))
    if "\0" in body:
        return _error(where, "binary", "field 'text' contains a NUL character; not text", sha=_sha(raw))
    return _article(path, where, raw, normalize(body), obj)


def decode(raw: bytes) -> tuple[str, tuple[str, str] | None]:
    """Normalized text, or ``("", (reason, detail))`` for unusable bytes."""
    text, problem = _decode_raw(raw)
    return ("", problem) if problem else (normalize(text), None)


def _decode_raw(raw: bytes) -> tuple[str, tuple[str, str] | None]:
    """UTF-8 without BOM, not yet normalized (JSON is parsed from this: turning
    a line separator inside a JSON string into ``\\n`` would break the JSON)."""
    for bom, name in _WIDE_BOMS.items():
        if raw.startswith(bom):
            return "", ("encoding", f"{name} text; convert the file to UTF-8 (e.g. iconv -f {name} -t UTF-8)")
    nul = raw.find(b"\0")
    if nul >= 0:
        return "", ("binary", f"contains a NUL byte (at byte {nul:,}); not a text file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        byte = raw[exc.start : exc.start + 1]
        return "", ("encoding", f"not valid UTF-8 (byte {exc.start}: {byte!r}); convert the file to UTF-8")
    if not text.strip():
        return "", ("empty", "no text (empty or only whitespace)")
    if len(_CONTROL.findall(text[:_SNIFF])) > 8:
        return "", ("binary", "mostly control characters; not a text file")
    return text, None


def _read_sidecar(path: Path) -> tuple[dict[str, Any], str | None]:
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return {}, None
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return {}, f"sidecar {sidecar.name} is not valid UTF-8 JSON: {detail}"
    if not isinstance(meta, dict):
        return {}, f"sidecar {sidecar.name} is not a JSON object"
    return meta, None


def _article(path: Path, where: str, raw: bytes, text: str, meta: dict[str, Any]) -> Article:
    sha = _sha(raw)
    published, published_source = publication_date(meta.get("published"), path)
    lang, lang_source = language(meta.get("lang"), text)
    return Article(
        article_id=as_text(meta.get("id")) or f"sha-{sha[:16]}",
        text=text,
        content_sha256=sha,
        path=where,
        lang=lang,
        lang_source=lang_source,
        published=published,
        published_source=published_source,
        title=as_text(meta.get("title")),
        url=as_text(meta.get("url")),
        source=as_text(meta.get("source")),
    )


def _sha(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _error(where: Path | str, reason: str, detail: str, sha: str | None = None) -> IngestError:
    return IngestError(path=str(where), reason=reason, detail=detail, content_sha256=sha)
