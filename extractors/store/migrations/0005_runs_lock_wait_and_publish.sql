-- Migration 0005_runs_lock_wait_and_publish. Never edit a shipped migration:
-- add a new file (see extractors/store/migrations.py).
--
-- The writer now opens the database only for each batch's transaction and
-- publishes a read copy for dashboards; the run says how long it waited for
-- the file, each publication is recorded, and the views below are what the
-- dashboard (and any BI tool) reads.

ALTER TABLE runs ADD COLUMN IF NOT EXISTS lock_wait_s DOUBLE;

COMMENT ON COLUMN runs.lock_wait_s IS 'Seconds the run waited for another process to release the database file (all its openings together)';

CREATE TABLE IF NOT EXISTS publications (
  published_at TIMESTAMP,
  run_id VARCHAR,
  stage VARCHAR,
  articles INTEGER,
  events INTEGER,
  PRIMARY KEY (published_at, run_id)
);

COMMENT ON TABLE publications IS 'Read copies published for dashboards: one row each, copied into the copy itself';

COMMENT ON COLUMN publications.published_at IS 'When the copy was made (UTC)';

COMMENT ON COLUMN publications.run_id IS 'Run that published it (runs.run_id; that row exists once the run has finished)';

COMMENT ON COLUMN publications.stage IS 'during run (after some batches of a long run) or end of run';

COMMENT ON COLUMN publications.articles IS 'Articles in the copy';

COMMENT ON COLUMN publications.events IS 'Events in the copy';

CREATE OR REPLACE VIEW data_as_of AS SELECT published_at, run_id, stage, articles, events
           FROM publications ORDER BY published_at DESC LIMIT 1;

CREATE OR REPLACE VIEW event_places AS SELECT event_id, role, place FROM (
               SELECT event_id, 'origin' AS role, origin AS place FROM events
               UNION ALL SELECT event_id, 'destination', destination FROM events
               UNION ALL SELECT event_id, 'location', location FROM events)
           WHERE place IS NOT NULL;

CREATE OR REPLACE VIEW event_evidence AS SELECT e.event_id, e.lang, s.text AS sentence,
                  e.start_char - s.start_char AS trigger_start, e.end_char - s.start_char AS trigger_end,
                  e.date_text, tm.time_start - s.start_char AS time_start, tm.time_end - s.start_char AS time_end,
                  a.title, a.source, a.url, a.published
           FROM events e JOIN articles a USING (article_id)
           LEFT JOIN sentences s ON s.article_id = e.article_id AND s.sentence_index = e.sentence_index
           LEFT JOIN (
               SELECT e2.event_id, arg_min(t.start_char, abs(t.start_char - e2.start_char)) AS time_start,
                      arg_min(t.end_char, abs(t.start_char - e2.start_char)) AS time_end
               FROM events e2
               JOIN sentences s2 ON s2.article_id = e2.article_id AND s2.sentence_index = e2.sentence_index
               JOIN time_expressions t ON t.article_id = e2.article_id AND t.text = e2.date_text
                    AND t.start_char >= s2.start_char AND t.end_char <= s2.end_char
               GROUP BY e2.event_id) tm ON tm.event_id = e.event_id;

COMMENT ON VIEW data_as_of IS 'The last publication of the read copy: how fresh the data readers see is';

COMMENT ON VIEW event_places IS 'One row per event and place it names, with the role (origin, destination or location)';

COMMENT ON VIEW event_evidence IS 'Each event''s evidence: its sentence, the trigger and time expression offsets within that sentence, and its article';
