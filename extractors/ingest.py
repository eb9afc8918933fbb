"""Article files → :class:`Article` records (or :class:`IngestError` for bad input).

Formats, found recursively under a folder:

* ``NAME.txt`` with an optional sidecar ``NAME.meta.json``
  (``id``, ``title``, ``url``, ``source``, ``published``, ``lang``);
* ``NAME.json``: one article object with ``text`` and the same fields;
* ``NAME.jsonl``: one article object per line; each bad line is its own error.

Text handling: bytes are decoded as UTF-8 (a BOM is dropped), line ends become
``\\n`` and the text is NFC-normalized. *That* normalized text is what
``Article.text`` holds and what every later character offset indexes; the
``content_sha256`` is over the raw bytes so that change detection sees every
byte. Exotic spaces (no-break, thin, …) become plain spaces one for one, so the
normalization never moves an offset after the NFC step.

Bad content never raises: it becomes an ``IngestError`` with a stable reason
code and a one-line detail, and reading goes on with the next article.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any

from extractors.records import Article, IngestError

ARTICLE_SUFFIXES = (".txt", ".json", ".jsonl")
SKIPPED_SUFFIXES = (".meta.json", ".expected.json")
DEFAULT_MAX_BYTES = 20_000_000
_EXOTIC_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000"), " ")
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")

Result = Article | IngestError


def discover(root: Path) -> list[Path]:
    """Article files under ``root``, recursively and sorted; sidecars excluded."""
    root = Path(root)
    found = (
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.name.endswith(ARTICLE_SUFFIXES)
        and not p.name.endswith(SKIPPED_SUFFIXES)
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )
    return sorted(found)


def file_sha256(path: Path) -> str:
    """SHA-256 of a file and its sidecar, so editing either re-processes it."""
    digest = hashlib.sha256(Path(path).read_bytes())
    sidecar = sidecar_path(Path(path))
    if sidecar.exists():
        digest.update(b"\0meta\0" + sidecar.read_bytes())
    return digest.hexdigest()


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name[: -len(path.suffix)] + ".meta.json")


def read_articles(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Result]:
    """Every article in ``path`` (one for .txt/.json, one per line for .jsonl)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield _error(path, "too_large", f"{size:,} bytes exceeds the {max_bytes:,}-byte limit")
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield _error(path, "unreadable", exc.strerror or str(exc))
        return
    if path.suffix == ".jsonl":
        yield from _read_jsonl(path, raw)
    elif path.suffix == ".json":
        yield _from_json_bytes(path, str(path), raw)
    else:
        yield _from_text_file(path, raw)


def _read_jsonl(path: Path, raw: bytes) -> Iterator[Result]:
    if not raw.strip():
        yield _error(path, "empty", "file is empty")
        return
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.strip():
            yield _from_json_bytes(path, f"{path}:{number}", line)


def _from_text_file(path: Path, raw: bytes) -> Result:
    text, problem = decode(raw)
    if problem:
        return _error(path, *problem, sha=_sha(raw))
    meta, meta_problem = _read_sidecar(path)
    if meta_problem:
        return _error(path, "malformed_json", meta_problem, sha=_sha(raw))
    return _article(path, str(path), raw, text, meta)


def _from_json_bytes(path: Path, where: str, raw: bytes) -> Result:
    text, problem = decode(raw)
    if problem:
        return _error(where, *problem, sha=_sha(raw))
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return _error(where, "malformed_json", f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", sha=_sha(raw))
    if not isinstance(obj, dict):
        return _error(where, "malformed_json", f"expected a JSON object, found {type(obj).__name__}", sha=_sha(raw))
    body = obj.get("text")
    if not isinstance(body, str) or not body.strip():
        return _error(where, "missing_text", "no non-empty 'text' field", sha=_sha(raw))
    return _article(path, where, raw, normalize(body), obj)


def decode(raw: bytes) -> tuple[str, tuple[str, str] | None]:
    """Normalized text, or ``("", (reason, detail))`` for unusable bytes."""
    if not raw.strip():
        return "", ("empty", "file is empty")
    if b"\0" in raw[:8192]:
        return "", ("binary", "contains NUL bytes; not a text file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return "", ("encoding", f"not valid UTF-8 (byte {exc.start}: {raw[exc.start:exc.start + 1]!r})")
    if len(_CONTROL.findall(text[:8192])) > 8:
        return "", ("binary", "mostly control characters; not a text file")
    return normalize(text), None


def normalize(text: str) -> str:
    """The text every offset indexes: NFC, ``\\n`` line ends, plain spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).translate(_EXOTIC_SPACES)


def _read_sidecar(path: Path) -> tuple[dict[str, Any], str | None]:
    sidecar = sidecar_path(path)
    if not sidecar.exists():
        return {}, None
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, f"sidecar {sidecar.name} is not valid JSON: {exc}"
    if not isinstance(meta, dict):
        return {}, f"sidecar {sidecar.name} is not a JSON object"
    return meta, None


def _article(path: Path, where: str, raw: bytes, text: str, meta: dict[str, Any]) -> Result:
    if not text.strip():
        return _error(where, "missing_text", "article text is blank", sha=_sha(raw))
    sha = _sha(raw)
    published, published_source = publication_date(meta.get("published"), path)
    lang, lang_source = _language(meta.get("lang"), text)
    return Article(
        article_id=_str(meta.get("id")) or f"sha-{sha[:16]}",
        text=text,
        content_sha256=sha,
        path=where,
        lang=lang,
        lang_source=lang_source,
        published=published,
        published_source=published_source,
        title=_str(meta.get("title")),
        url=_str(meta.get("url")),
        source=_str(meta.get("source")),
    )


def publication_date(value: Any, path: Path) -> tuple[date | None, str]:
    """Metadata date, else a date in the file name, else the file's mtime.

    The second element says where the date came from (``metadata``,
    ``filename``, ``mtime``), so analysts can tell real dates from guesses.
    """
    parsed = _parse_date(value)
    if parsed:
        return parsed, "metadata"
    match = _DATE_IN_NAME.search(path.name)
    if match:
        try:
            return date(*map(int, match.groups())), "filename"
        except ValueError:
            pass
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc).date(), "mtime"
    except OSError:
        return None, "none"


def _parse_date(value: Any) -> date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None


def _language(value: Any, text: str) -> tuple[str | None, str]:
    declared = _str(value)
    if declared:
        return declared.lower().split("-")[0], "metadata"
    detected = detect_language(text)
    return (detected, "detected") if detected else (None, "none")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code from py3langid (ships its model), or None when unsure.

    Candidates are limited to major news languages: over all 140 of its
    labels, short English news sentences come out as Nigerian Pidgin.
    """
    sample = text[:4000]
    if sum(ch.isalpha() for ch in sample) < 3:
        return None
    lang, prob = _identifier().classify(sample)
    return lang if prob >= MIN_LANGUAGE_CONFIDENCE else None


MIN_LANGUAGE_CONFIDENCE = 0.5
NEWS_LANGUAGES = (
    "ar bn cs da de el en es fa fi fr he hi hu id it ja ko ms nl no pl pt ro ru sv sw ta th tr uk ur vi zh"
).split()


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(NEWS_LANGUAGES)
    return identifier


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _sha(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _error(where: Path | str, reason: str, detail: str, sha: str | None = None) -> IngestError:
    return IngestError(path=str(where), reason=reason, detail=detail, content_sha256=sha)
