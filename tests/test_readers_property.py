"""Property: whatever the bytes, the file name and the metadata, reading a
file gives stored articles or ``ingest_errors`` rows, never an exception, and
what comes out can be written to the database."""

from __future__ import annotations

import json
import os
import shutil
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.pipeline import BatchResult, process_batch, read_files
from extractors.records import Analysis, Article, IngestError
from extractors.store import Store

class AnyLanguage:
    """A backend for every language that finds no sentences."""

    inventory = {"any": ("tokenize",)}

    def supports(self, lang):
        return True

    def processors(self, lang):
        return ("tokenize",)

    def analyze(self, articles, deadline=None):
        return [Analysis(a.article_id, a.lang, (), (), ("tokenize",)) for a in articles]


names = st.binary(min_size=1, max_size=24).filter(lambda b: b"/" not in b and b"\0" not in b and b not in (b".", b".."))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
metadata = st.dictionaries(st.sampled_from(["id", "title", "published", "lang", "url", "source", "text"]) | st.text(max_size=8),
                           json_values, max_size=6)
texts = st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass"))
contents = st.binary(max_size=300) | texts | st.builds(lambda m: json.dumps(m).encode(), metadata)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=names, suffix=st.sampled_from([".txt", ".json", ".jsonl", ".html", ".xml"]), content=contents,
       sidecar=st.none() | st.builds(lambda m: json.dumps(m).encode(), metadata) | st.binary(max_size=60))
def test_any_file_becomes_articles_or_error_rows_never_an_exception(tmp_path, name, suffix, content, sidecar):
    folder = tmp_path / uuid.uuid4().hex
    folder.mkdir()
    path = os.path.join(os.fsencode(folder), name + suffix.encode())
    with open(path, "wb") as handle:
        handle.write(content)
    if sidecar is not None:
        with open(os.path.join(os.fsencode(folder), name + b".meta.json"), "wb") as handle:
            handle.write(sidecar)
    result = BatchResult()
    articles = read_files([os.fsdecode(path)], result)
    assert all(isinstance(a, Article) for a in articles) and all(isinstance(e, IngestError) for e in result.errors)
    assert articles or result.errors
    process_batch(articles, AnyLanguage(), result=result)
    assert len(result.articles) + len(result.errors) >= 1
    frames = result.frames()
    with Store(tmp_path / "p.duckdb") as store:  # what comes out is storable
        store.migrate()
        store.write_batch(frames, list(result.sources))
    shutil.rmtree(folder)
