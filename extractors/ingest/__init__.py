"""The ingest stage: article files → :class:`Article` records, or
:class:`IngestError` records for bad input (never an exception).

    folder → discover → read_articles(path) → Article | IngestError

:mod:`.files` finds and hashes files; :mod:`.readers` reads ``.txt`` (with a
``.meta.json`` sidecar), ``.json`` and ``.jsonl`` into normalized text;
:mod:`.metadata` fills in the publication date and language when the
metadata does not give them.
"""

from extractors.ingest.files import (
    ARTICLE_SUFFIXES,
    discover,
    file_sha256,
    has_bad_name,
    name_hex,
    path_key,
    sidecar_path,
)
from extractors.ingest.metadata import date_in_name, detect_language, is_language_code, language_code, publication_date
from extractors.ingest.readers import (
    DEFAULT_MAX_BYTES,
    MAX_ARTICLE_CHARS,
    decode,
    normalize,
    read_articles,
)

__all__ = [
    "ARTICLE_SUFFIXES", "DEFAULT_MAX_BYTES", "MAX_ARTICLE_CHARS", "date_in_name", "decode", "detect_language", "discover",
    "file_sha256", "has_bad_name", "is_language_code", "language_code", "name_hex", "normalize", "path_key", "publication_date",
    "read_articles", "sidecar_path",
]
