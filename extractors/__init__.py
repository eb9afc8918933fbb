"""Pure, Prefect-free code that turns article text into typed records.

One module per concern: ``ingest`` (files → articles), ``nlp`` (Stanza),
``timex`` (dateparser + language rules), ``events`` (event extraction),
``tables`` (records → Polars frames) and ``storage`` (DuckDB schema and writes).
"""

EXTRACTOR_VERSION = "0.1.0"
