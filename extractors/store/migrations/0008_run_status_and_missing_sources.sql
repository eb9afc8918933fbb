-- Migration 0008_run_status_and_missing_sources. Never edit a shipped migration:
-- add a new file (see extractors/store/migrations.py).
--
-- Failed and interrupted runs are recorded too, with their status and error,
-- and a source file that disappeared from the input folder is marked with the
-- time it was first found missing (`dateline run --prune` deletes its rows).

ALTER TABLE runs ADD COLUMN IF NOT EXISTS status VARCHAR;

ALTER TABLE runs ADD COLUMN IF NOT EXISTS error VARCHAR;

UPDATE runs SET status = 'ok' WHERE status IS NULL;

COMMENT ON COLUMN runs.status IS 'ok, failed (error says why) or interrupted (SIGTERM or Ctrl-C)';

COMMENT ON COLUMN runs.error IS 'One-line reason of a failed or interrupted run; null when ok';

ALTER TABLE sources ADD COLUMN IF NOT EXISTS missing_since TIMESTAMP;

COMMENT ON COLUMN sources.missing_since IS 'When a run first found the file gone from its input folder (UTC); null while it exists. dateline run --prune deletes such files'' rows';

COMMENT ON COLUMN sources.file_sha256 IS 'SHA-256 of the file (and its .meta.json sidecar) when processed; empty while the file is pending (unreadable, waiting for models or languages, or an id held by another file), so the next run tries it again';

COMMENT ON COLUMN ingest_errors.reason IS 'Stable code: empty, binary, encoding, malformed_json, missing_text, too_large, too_long, too_slow, bad_file_name, unreadable, duplicate_id, unsupported_language, processing, ...';
