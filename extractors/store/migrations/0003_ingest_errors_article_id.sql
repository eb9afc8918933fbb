-- Migration 0003_ingest_errors_article_id, frozen as it shipped (9e05f55). Never edit a shipped migration:
-- add a new file (see extractors/store/migrations.py).

ALTER TABLE ingest_errors ADD COLUMN IF NOT EXISTS article_id VARCHAR;

COMMENT ON COLUMN ingest_errors.article_id IS 'Article identifier when the file was read but the article could not be processed (e.g. unsupported_language)';
