-- Migration 0007_coded_events_and_clusters: geocoded places, coded actors, CAMEO/PLOVER codes,
-- cross-article event clusters (issue 14). Never edit a shipped migration: add a new file
-- (see extractors/store/migrations.py).

ALTER TABLE events ADD COLUMN IF NOT EXISTS origin_country VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS destination_country VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS location_country VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS actor_country VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS counterpart_country VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS cameo_code VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS plover_type VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS cluster_id VARCHAR;

COMMENT ON COLUMN events.origin_country IS 'ISO 3166-1 alpha-2 code of the origin (see places)';
COMMENT ON COLUMN events.destination_country IS 'ISO 3166-1 alpha-2 code of the destination';
COMMENT ON COLUMN events.location_country IS 'ISO 3166-1 alpha-2 code of the location';
COMMENT ON COLUMN events.actor_country IS 'ISO 3166-1 alpha-2 code of the actor''s country (see actors)';
COMMENT ON COLUMN events.counterpart_country IS 'ISO 3166-1 alpha-2 code of the counterpart''s country';
COMMENT ON COLUMN events.cameo_code IS 'CAMEO event code (extractors/coding/codes.toml: visit 042, meeting 040/044, statement 010)';
COMMENT ON COLUMN events.plover_type IS 'PLOVER event type (CONSULT for travel and meetings; null for statements, which PLOVER does not code)';
COMMENT ON COLUMN events.cluster_id IS 'Cluster of events reporting the same real-world event (event_clusters.cluster_id)';

CREATE TABLE IF NOT EXISTS places (
  article_id VARCHAR,
  start_char INTEGER,
  end_char INTEGER,
  sentence_index INTEGER,
  text VARCHAR,
  roles VARCHAR,
  geonames_id INTEGER,
  name VARCHAR,
  country_code VARCHAR,
  admin1 VARCHAR,
  lat DOUBLE,
  lon DOUBLE,
  place_kind VARCHAR,
  method VARCHAR,
  PRIMARY KEY (article_id, start_char, end_char)
);

COMMENT ON TABLE places IS 'Place mentions (LOC entities and event place arguments), geocoded offline with GeoNames and CLDR data';

COMMENT ON COLUMN places.article_id IS 'Article identifier (metadata id, else sha- + content hash prefix)';

COMMENT ON COLUMN places.start_char IS 'Start offset (0-based, inclusive) into articles.text';

COMMENT ON COLUMN places.end_char IS 'End offset (exclusive) into articles.text';

COMMENT ON COLUMN places.sentence_index IS '0-based index of the sentence in the article';

COMMENT ON COLUMN places.text IS 'Place name as written';

COMMENT ON COLUMN places.roles IS 'Event arguments this mention fills, comma-separated (origin, destination, location); null for a mention no event uses';

COMMENT ON COLUMN places.geonames_id IS 'GeoNames id of the place chosen (null when unresolved)';

COMMENT ON COLUMN places.name IS 'GeoNames name of the place chosen (English)';

COMMENT ON COLUMN places.country_code IS 'ISO 3166-1 alpha-2 code of the country the place is or lies in';

COMMENT ON COLUMN places.admin1 IS 'GeoNames first-level division (CC.code, e.g. RU.59) a city lies in, or a division itself';

COMMENT ON COLUMN places.lat IS 'Latitude (WGS84): a city''s own, a country''s representative point';

COMMENT ON COLUMN places.lon IS 'Longitude (WGS84)';

COMMENT ON COLUMN places.place_kind IS 'country, admin (first-level division) or city';

COMMENT ON COLUMN places.method IS 'How the place was chosen: country (a country name), alias (a name from lang/*/places.toml), unique (one place of that name), context (a place in a country the article names elsewhere), population (the most populous of that name) or unresolved';

CREATE TABLE IF NOT EXISTS actors (
  article_id VARCHAR,
  name VARCHAR,
  text VARCHAR,
  kind VARCHAR,
  role VARCHAR,
  country_code VARCHAR,
  evidence VARCHAR,
  n_mentions INTEGER,
  PRIMARY KEY (article_id, name)
);

COMMENT ON TABLE actors IS 'Actors of each article (event actors and counterparts, people and organizations), coded';

COMMENT ON COLUMN actors.article_id IS 'Article identifier (metadata id, else sha- + content hash prefix)';

COMMENT ON COLUMN actors.name IS 'Canonical resolved name (events.actor_resolved / counterpart_resolved)';

COMMENT ON COLUMN actors.text IS 'The name as first written';

COMMENT ON COLUMN actors.kind IS 'person, organization, state (a country or a place acting for it) or group';

COMMENT ON COLUMN actors.role IS 'head_of_state, head_of_government, government, ministry, military, party, company, media or other';

COMMENT ON COLUMN actors.country_code IS 'ISO 3166-1 alpha-2 code of the actor''s country, from the text (null when it does not say)';

COMMENT ON COLUMN actors.evidence IS 'Words the role and the country were read from (titles, nationality words, institutions, country names)';

COMMENT ON COLUMN actors.n_mentions IS 'Mentions of the actor in the article';

CREATE TABLE IF NOT EXISTS event_clusters (
  cluster_id VARCHAR,
  family VARCHAR,
  representative_event_id VARCHAR,
  first_published DATE,
  first_seen_at TIMESTAMP,
  n_events INTEGER,
  n_articles INTEGER,
  n_languages INTEGER,
  languages VARCHAR,
  date_start DATE,
  date_end DATE,
  PRIMARY KEY (cluster_id)
);

COMMENT ON TABLE event_clusters IS 'The same real-world event reported by one or more articles, in any language (see extractors/clusters)';

COMMENT ON COLUMN event_clusters.cluster_id IS 'Stable id: c- + the event_id of the event that founded the cluster';

COMMENT ON COLUMN event_clusters.family IS 'Type family: travel (departure, arrival, visit), meeting or statement';

COMMENT ON COLUMN event_clusters.representative_event_id IS 'Event that stands for the cluster: the most confident, then the earliest published';

COMMENT ON COLUMN event_clusters.first_published IS 'Publication date of the earliest article reporting the event';

COMMENT ON COLUMN event_clusters.first_seen_at IS 'When Dateline first stored an event of the cluster (UTC)';

COMMENT ON COLUMN event_clusters.n_events IS 'Events in the cluster';

COMMENT ON COLUMN event_clusters.n_articles IS 'Articles reporting the event';

COMMENT ON COLUMN event_clusters.n_languages IS 'Languages of those articles';

COMMENT ON COLUMN event_clusters.languages IS 'Those languages, comma-separated';

COMMENT ON COLUMN event_clusters.date_start IS 'Earliest first day the member events'' dates cover';

COMMENT ON COLUMN event_clusters.date_end IS 'Latest last day the member events'' dates cover';

CREATE OR REPLACE VIEW events_deduplicated AS SELECT e.*, c.n_articles, c.n_languages, c.languages, c.first_published, c.first_seen_at
           FROM event_clusters c JOIN events e ON e.event_id = c.representative_event_id;

COMMENT ON VIEW events_deduplicated IS 'One row per real-world event: the representative event of each cluster, with how many articles and languages report it';
