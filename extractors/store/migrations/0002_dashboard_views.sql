-- Migration 0002_dashboard_views, frozen as it shipped (c481db7). Never edit a shipped migration:
-- add a new file (see extractors/store/migrations.py).

CREATE OR REPLACE VIEW event_dashboard AS SELECT e.event_id, e.type, e.date, e.date_start, e.granularity, e.modality, e.confidence,
                  e.actor, e.actor_resolved, e.counterpart, e.origin, e.destination,
                  coalesce(e.location, e.destination, e.origin) AS place,
                  e.trigger, e.date_text, e.lang, a.article_id, a.title, a.published, a.source
           FROM events e JOIN articles a USING (article_id);

CREATE OR REPLACE VIEW events_per_day AS SELECT date_start AS day, type, modality, count(*) AS events
           FROM events WHERE granularity IN ('day', 'time') GROUP BY ALL;

COMMENT ON VIEW event_dashboard IS 'One row per event with its article: what dashboards read';

COMMENT ON VIEW events_per_day IS 'Events per day, type and modality (day-precise dates only)';
