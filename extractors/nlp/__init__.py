"""The NLP stage: articles → sentences, words, lemmas, parts of speech,
dependencies and the model's named-entity mentions (:class:`Analysis`).

    Article* → NlpBackend.analyze → Analysis* (entities as the model gave them)

:mod:`.backend` is the seam (:class:`NlpBackend`); :mod:`.stanza_backend`
the production backend and the only Stanza import; :mod:`.snapshot` replays
recorded analyses for tests and :mod:`.blank` gives empty ones (no models);
:mod:`.models` reads which models a directory holds; :mod:`.chunking` cuts
long articles for Stanza, and :mod:`.stanza_docs` turns its documents into records.
"""

from extractors.errors import ModelsMissing
from extractors.nlp.backend import NlpBackend
from extractors.nlp.chunking import MAX_CHUNK_CHARS, chunk_text
from extractors.nlp.models import (
    KNOWN_PROCESSORS,
    missing_models_message,
    model_inventory,
    model_packages,
    resources_dir,
)
from extractors.nlp.blank import BlankBackend
from extractors.nlp.snapshot import SnapshotBackend, SnapshotMissing
from extractors.nlp.stanza_backend import (
    DOCS_PER_CALL,
    STANZA_BATCH_SIZES,
    StanzaBackend,
    pull_models,
)

__all__ = [
    "BlankBackend", "DOCS_PER_CALL", "KNOWN_PROCESSORS", "MAX_CHUNK_CHARS", "STANZA_BATCH_SIZES", "ModelsMissing", "NlpBackend",
    "SnapshotBackend", "SnapshotMissing", "StanzaBackend", "chunk_text", "missing_models_message", "model_inventory",
    "model_packages", "pull_models", "resources_dir",
]
