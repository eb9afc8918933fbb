"""The text every offset indexes (see :mod:`extractors.ingest.readers`)."""

from __future__ import annotations

import unicodedata

_ONE_FOR_ONE = {
    **dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"), " "),
    **dict.fromkeys(map(ord, "\u2028\u2029\u0085\x0b\x0c"), "\n"),
}


def normalize(text: str) -> str:
    """The text every offset indexes: ``\\n`` line ends, NFC, plain spaces.

    Line ends and NFC may change the length (before any offset exists); the
    final space/separator mapping is one character for one.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).translate(_ONE_FOR_ONE)
