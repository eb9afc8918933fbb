-- Migration 0001_tables, frozen as it shipped (c481db7). Never edit a shipped migration:
-- add a new file (see extractors/store/migrations.py).

CREATE TABLE IF NOT EXISTS sources (
  path VARCHAR,
  file_sha256 VARCHAR,
  n_articles INTEGER,
  n_errors INTEGER,
  PRIMARY KEY (path)
);

COMMENT ON TABLE sources IS 'Article files processed, with the hash used to skip unchanged files';

COMMENT ON COLUMN sources.path IS 'File path as found under the input folder';

COMMENT ON COLUMN sources.file_sha256 IS 'SHA-256 of the file (and its .meta.json sidecar) when processed';

COMMENT ON COLUMN sources.n_articles IS 'Articles stored from this file';

COMMENT ON COLUMN sources.n_errors IS 'Articles or lines of this file recorded in ingest_errors';

CREATE TABLE IF NOT EXISTS articles (
  article_id VARCHAR,
  source_path VARCHAR,
  location VARCHAR,
  content_sha256 VARCHAR,
  lang VARCHAR,
  lang_source VARCHAR,
  published DATE,
  published_source VARCHAR,
  title VARCHAR,
  url VARCHAR,
  source VARCHAR,
  n_chars INTEGER,
  text VARCHAR,
  extractor_version VARCHAR,
  PRIMARY KEY (article_id)
);

COMMENT ON TABLE articles IS 'One row per ingested article';

COMMENT ON COLUMN articles.article_id IS 'Article identifier (metadata id, else sha- + content hash prefix)';

COMMENT ON COLUMN articles.source_path IS 'File the article came from (sources.path)';

COMMENT ON COLUMN articles.location IS 'File path, with :LINE for a line of a .jsonl file';

COMMENT ON COLUMN articles.content_sha256 IS 'SHA-256 of the article''s raw bytes';

COMMENT ON COLUMN articles.lang IS 'ISO 639-1 language code';

COMMENT ON COLUMN articles.lang_source IS 'Where lang came from: metadata, detected or none';

COMMENT ON COLUMN articles.published IS 'Publication date, the anchor of relative dates';

COMMENT ON COLUMN articles.published_source IS 'Where published came from: metadata, filename, mtime or none';

COMMENT ON COLUMN articles.title IS 'Title from metadata';

COMMENT ON COLUMN articles.url IS 'URL from metadata';

COMMENT ON COLUMN articles.source IS 'Publisher or feed from metadata';

COMMENT ON COLUMN articles.n_chars IS 'Length of text in characters';

COMMENT ON COLUMN articles.text IS 'Article text (NFC, \n line ends) that every offset indexes';

COMMENT ON COLUMN articles.extractor_version IS 'Dateline extractor version that processed the article';

CREATE TABLE IF NOT EXISTS sentences (
  article_id VARCHAR,
  sentence_index INTEGER,
  start_char INTEGER,
  end_char INTEGER,
  text VARCHAR,
  n_words INTEGER,
  PRIMARY KEY (article_id, sentence_index)
);

COMMENT ON TABLE sentences IS 'Sentences found by Stanza';

COMMENT ON COLUMN sentences.article_id IS 'Article identifier (metadata id, else sha- + content hash prefix)';

COMMENT ON COLUMN sentences.sentence_index IS '0-based index of the sentence in the article';

COMMENT ON COLUMN sentences.start_char IS 'Start offset (0-based, inclusive) into articles.text';

COMMENT ON COLUMN sentences.end_char IS 'End offset (exclusive) into articles.text';

COMMENT ON COLUMN sentences.text IS 'Sentence text';

COMMENT ON COLUMN sentences.n_words IS 'Syntactic words in the sentence';

CREATE TABLE IF NOT EXISTS entities (
  article_id VARCHAR,
  sentence_index INTEGER,
  start_char INTEGER,
  end_char INTEGER,
  text VARCHAR,
  label VARCHAR,
  canonical VARCHAR,
  resolved VARCHAR,
  origin VARCHAR,
  PRIMARY KEY (article_id, start_char, end_char)
);

COMMENT ON TABLE entities IS 'Named-entity mentions (Stanza NER, CLDR/GeoNames gazetteer, propagated surnames)';

COMMENT ON COLUMN entities.article_id IS 'Article identifier (metadata id, else sha- + content hash prefix)';

COMMENT ON COLUMN entities.sentence_index IS '0-based index of the sentence in the article';

COMMENT ON COLUMN entities.start_char IS 'Start offset (0-based, inclusive) into articles.text';

COMMENT ON COLUMN entities.end_char IS 'End offset (exclusive) into articles.text';

COMMENT ON COLUMN entities.text IS 'Mention as written';

COMMENT ON COLUMN entities.label IS 'PER, LOC, ORG or MISC';

COMMENT ON COLUMN entities.canonical IS 'Matching key: diacritics stripped, letter variants unified, case-folded';

COMMENT ON COLUMN entities.resolved IS 'Canonical form of the full name this mention links to in the article';

COMMENT ON COLUMN entities.origin IS 'model (Stanza NER), gazetteer (CLDR/GeoNames) or propagated (later surname mention)';

CREATE TABLE IF NOT EXISTS time_expressions (
  article_id VARCHAR,
  start_char INTEGER,
  end_char INTEGER,
  text VARCHAR,
  kind VARCHAR,
  value VARCHAR,
  granularity VARCHAR,
  date_start DATE,
  date_end DATE,
  rule VARCHAR,
  anchor_date DATE,
  PRIMARY KEY (article_id, start_char, end_char)
);

COMMENT ON TABLE time_expressions IS 'Time expressions normalized against the publication date (TIMEX3 style)';

COMMENT ON COLUMN time_expressions.article_id IS 'Article identifier (metadata id, else sha- + content hash prefix)';

COMMENT ON COLUMN time_expressions.start_char IS 'Start offset (0-based, inclusive) into articles.text';

COMMENT ON COLUMN time_expressions.end_char IS 'End offset (exclusive) into articles.text';

COMMENT ON COLUMN time_expressions.text IS 'Expression as written';

COMMENT ON COLUMN time_expressions.kind IS 'TIMEX3 type: date, time, duration or set';

COMMENT ON COLUMN time_expressions.value IS 'TIMEX3 value: 2023-09-10, 2023-09-10TAF, 2023-W37, 2023-09, 2023, P1M, PAST_REF, ...';

COMMENT ON COLUMN time_expressions.granularity IS 'day, week, month, quarter, year, decade, range, time, duration, set or ref';

COMMENT ON COLUMN time_expressions.date_start IS 'First day the value covers (null for durations, sets and references)';

COMMENT ON COLUMN time_expressions.date_end IS 'Last day the value covers (inclusive)';

COMMENT ON COLUMN time_expressions.rule IS 'Normalization rule applied (e.g. weekday_past, day_month_nearest)';

COMMENT ON COLUMN time_expressions.anchor_date IS 'Date the expression was resolved against (the publication date)';

CREATE TABLE IF NOT EXISTS events (
  event_id VARCHAR,
  article_id VARCHAR,
  lang VARCHAR,
  type VARCHAR,
  trigger VARCHAR,
  start_char INTEGER,
  end_char INTEGER,
  sentence_index INTEGER,
  modality VARCHAR,
  confidence DOUBLE,
  actor VARCHAR,
  actor_resolved VARCHAR,
  counterpart VARCHAR,
  counterpart_resolved VARCHAR,
  origin VARCHAR,
  destination VARCHAR,
  location VARCHAR,
  date VARCHAR,
  date_start DATE,
  date_end DATE,
  granularity VARCHAR,
  date_text VARCHAR,
  n_mentions INTEGER,
  extractor_version VARCHAR,
  PRIMARY KEY (event_id)
);

COMMENT ON TABLE events IS 'One row per event after merging its mentions in an article';

COMMENT ON COLUMN events.event_id IS 'Stable id: hash of article, type and first trigger span';

COMMENT ON COLUMN events.article_id IS 'Article identifier (metadata id, else sha- + content hash prefix)';

COMMENT ON COLUMN events.lang IS 'Language of the article';

COMMENT ON COLUMN events.type IS 'departure, arrival, visit, meeting or announcement';

COMMENT ON COLUMN events.trigger IS 'Trigger word of the first mention';

COMMENT ON COLUMN events.start_char IS 'Start offset (0-based, inclusive) into articles.text';

COMMENT ON COLUMN events.end_char IS 'End offset (exclusive) into articles.text';

COMMENT ON COLUMN events.sentence_index IS '0-based index of the sentence in the article';

COMMENT ON COLUMN events.modality IS 'asserted, planned, negated or reported';

COMMENT ON COLUMN events.confidence IS 'Evidence score in [0, 1] (see extractors/confidence.py)';

COMMENT ON COLUMN events.actor IS 'Who acted, as written';

COMMENT ON COLUMN events.actor_resolved IS 'Canonical full name the actor resolves to in the article';

COMMENT ON COLUMN events.counterpart IS 'With whom (meetings), as written';

COMMENT ON COLUMN events.counterpart_resolved IS 'Canonical full name of the counterpart';

COMMENT ON COLUMN events.origin IS 'Place left (departures)';

COMMENT ON COLUMN events.destination IS 'Place headed to, reached or visited';

COMMENT ON COLUMN events.location IS 'Place where it happened';

COMMENT ON COLUMN events.date IS 'Event date in ISO at its granularity (YYYY-MM-DD, YYYY-MM, YYYY, week or start/end); null when the text gives none';

COMMENT ON COLUMN events.date_start IS 'First day the date covers';

COMMENT ON COLUMN events.date_end IS 'Last day the date covers';

COMMENT ON COLUMN events.granularity IS 'Granularity of date (day, week, month, year, range, ...)';

COMMENT ON COLUMN events.date_text IS 'Time expression the date came from';

COMMENT ON COLUMN events.n_mentions IS 'Mentions merged into this event (see event_mentions)';

COMMENT ON COLUMN events.extractor_version IS 'Dateline extractor version';

CREATE TABLE IF NOT EXISTS event_mentions (
  event_id VARCHAR,
  article_id VARCHAR,
  mention_index INTEGER,
  trigger VARCHAR,
  start_char INTEGER,
  end_char INTEGER,
  sentence_index INTEGER,
  modality VARCHAR,
  date_text VARCHAR,
  PRIMARY KEY (event_id, mention_index)
);

COMMENT ON TABLE event_mentions IS 'Every mention of every event, with its evidence span';

COMMENT ON COLUMN event_mentions.event_id IS 'Event the mention belongs to (events.event_id)';

COMMENT ON COLUMN event_mentions.article_id IS 'Article identifier (metadata id, else sha- + content hash prefix)';

COMMENT ON COLUMN event_mentions.mention_index IS '0-based order of the mention in the article';

COMMENT ON COLUMN event_mentions.trigger IS 'Trigger word as written';

COMMENT ON COLUMN event_mentions.start_char IS 'Start offset (0-based, inclusive) into articles.text';

COMMENT ON COLUMN event_mentions.end_char IS 'End offset (exclusive) into articles.text';

COMMENT ON COLUMN event_mentions.sentence_index IS '0-based index of the sentence in the article';

COMMENT ON COLUMN event_mentions.modality IS 'Modality of this mention';

COMMENT ON COLUMN event_mentions.date_text IS 'Time expression attached to this mention';

CREATE TABLE IF NOT EXISTS ingest_errors (
  source_path VARCHAR,
  location VARCHAR,
  reason VARCHAR,
  detail VARCHAR,
  content_sha256 VARCHAR,
  PRIMARY KEY (location)
);

COMMENT ON TABLE ingest_errors IS 'Files or lines that could not be processed, with the reason';

COMMENT ON COLUMN ingest_errors.source_path IS 'File the error belongs to (sources.path)';

COMMENT ON COLUMN ingest_errors.location IS 'File path, with :LINE for a line of a .jsonl file';

COMMENT ON COLUMN ingest_errors.reason IS 'Stable code: empty, binary, encoding, malformed_json, missing_text, too_large, unsupported_language, processing, ...';

COMMENT ON COLUMN ingest_errors.detail IS 'Human-readable explanation';

COMMENT ON COLUMN ingest_errors.content_sha256 IS 'SHA-256 of the offending bytes, when read';

CREATE TABLE IF NOT EXISTS runs (
  run_id VARCHAR,
  started_at TIMESTAMP,
  finished_at TIMESTAMP,
  input_dir VARCHAR,
  files_seen INTEGER,
  files_new INTEGER,
  files_skipped INTEGER,
  files_failed INTEGER,
  articles_written INTEGER,
  events_written INTEGER,
  errors_recorded INTEGER,
  duration_s DOUBLE,
  extractor_version VARCHAR,
  PRIMARY KEY (run_id)
);

COMMENT ON TABLE runs IS 'One row per pipeline run';

COMMENT ON COLUMN runs.run_id IS 'Run identifier';

COMMENT ON COLUMN runs.started_at IS 'When the run started (UTC)';

COMMENT ON COLUMN runs.finished_at IS 'When the run finished (UTC)';

COMMENT ON COLUMN runs.input_dir IS 'Folder that was scanned';

COMMENT ON COLUMN runs.files_seen IS 'Article files found';

COMMENT ON COLUMN runs.files_new IS 'Files new or changed since their last run';

COMMENT ON COLUMN runs.files_skipped IS 'Files unchanged since their last run';

COMMENT ON COLUMN runs.files_failed IS 'Files with at least one ingest error in this run';

COMMENT ON COLUMN runs.articles_written IS 'Articles stored in this run';

COMMENT ON COLUMN runs.events_written IS 'Events stored in this run';

COMMENT ON COLUMN runs.errors_recorded IS 'Rows added to ingest_errors in this run';

COMMENT ON COLUMN runs.duration_s IS 'Wall time of the run in seconds';

COMMENT ON COLUMN runs.extractor_version IS 'Dateline extractor version';
