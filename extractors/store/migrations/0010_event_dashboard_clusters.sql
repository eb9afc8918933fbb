-- Migration 0010_event_dashboard_clusters. Never edit a shipped migration:
-- add a new file (see extractors/store/migrations.py).
--
-- The dashboard counts real-world events as well as reports: two articles
-- reporting one meeting are two rows but one cluster.

CREATE OR REPLACE VIEW event_dashboard AS SELECT e.event_id, e.type, e.date, e.date_start, e.granularity, e.modality, e.confidence,
                  e.actor, e.actor_resolved, e.counterpart, e.origin, e.destination,
                  coalesce(e.location, e.destination, e.origin) AS place,
                  e.trigger, e.date_text, e.lang, a.article_id, a.title, a.published, a.source, e.cluster_id
           FROM events e JOIN articles a USING (article_id);

COMMENT ON VIEW event_dashboard IS 'One row per event with its article and its cluster (the real-world event it reports): what dashboards read';
