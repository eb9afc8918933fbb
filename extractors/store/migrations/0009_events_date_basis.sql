-- Migration 0009_events_date_basis: where each event's date comes from (issue 15).
-- Never edit a shipped migration: add a new file (see extractors/store/migrations.py).

ALTER TABLE events ADD COLUMN IF NOT EXISTS date_basis VARCHAR;

COMMENT ON COLUMN events.date_basis IS 'Where the date comes from: explicit (an expression in the event''s own clause), sentence (inherited from the predicate it depends on), context (carried from an earlier sentence on the same actor), publication (a present-tense report with no expression), none (date is null)';
