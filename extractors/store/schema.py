"""The event tables, column by column, with the documentation analysts read.

Plain data, no DuckDB: the current shape of the database, which the frozen
migrations (:mod:`extractors.store.migrations`) must build exactly, comments
included (``tests/test_migrations.py``), and from which
:mod:`extractors.store.frames` types the Polars frames the writer inserts.
Character offsets (``start_char``/``end_char``) always
index ``articles.text``: ``substr(text, start_char + 1, end_char - start_char)``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    doc: str


@dataclass(frozen=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _c(name: str, type_: str, doc: str) -> Column:
    return Column(name, type_, doc)


_ARTICLE = _c("article_id", "VARCHAR", "Article identifier (metadata id, else sha- + content hash prefix)")
_SPAN = (
    _c("start_char", "INTEGER", "Start offset (0-based, inclusive) into articles.text"),
    _c("end_char", "INTEGER", "End offset (exclusive) into articles.text"),
)
ARTICLE_ID_OF_ERROR = _c("article_id", "VARCHAR", "Article identifier when the file was read but the article could not be processed (e.g. unsupported_language)")
_SENTENCE = _c("sentence_index", "INTEGER", "0-based index of the sentence in the article")

CODED_EVENT_COLUMNS = (
    _c("origin_country", "VARCHAR", "ISO 3166-1 alpha-2 code of the origin (see places)"),
    _c("destination_country", "VARCHAR", "ISO 3166-1 alpha-2 code of the destination"),
    _c("location_country", "VARCHAR", "ISO 3166-1 alpha-2 code of the location"),
    _c("actor_country", "VARCHAR", "ISO 3166-1 alpha-2 code of the actor's country (see actors)"),
    _c("counterpart_country", "VARCHAR", "ISO 3166-1 alpha-2 code of the counterpart's country"),
    _c("cameo_code", "VARCHAR", "CAMEO event code (extractors/coding/codes.toml: visit 042, meeting 040/044, statement 010)"),
    _c("plover_type", "VARCHAR", "PLOVER event type (CONSULT for travel and meetings; null for statements, which PLOVER does not code)"),
    _c("cluster_id", "VARCHAR", "Cluster of events reporting the same real-world event (event_clusters.cluster_id)"),
)

TABLES: tuple[Table, ...] = (
    Table("sources", "Article files processed, with the hash used to skip unchanged files", (
        _c("path", "VARCHAR", "File path as found under the input folder"),
        _c("file_sha256", "VARCHAR", "SHA-256 of the file (and its .meta.json sidecar) when processed; empty while the file is pending (unreadable, waiting for models or languages, or an id held by another file), so the next run tries it again"),
        _c("n_articles", "INTEGER", "Articles stored from this file"),
        _c("n_errors", "INTEGER", "Articles or lines of this file recorded in ingest_errors"),
        _c("missing_since", "TIMESTAMP", "When a run first found the file gone from its input folder (UTC); null while it exists. dateline run --prune deletes such files' rows"),
    ), key=("path",)),
    Table("articles", "One row per ingested article", (
        _ARTICLE,
        _c("source_path", "VARCHAR", "File the article came from (sources.path)"),
        _c("location", "VARCHAR", "File path, with :LINE for a line of a .jsonl file"),
        _c("content_sha256", "VARCHAR", "SHA-256 of the article's raw bytes"),
        _c("lang", "VARCHAR", "ISO 639-1 language code"),
        _c("lang_source", "VARCHAR", "Where lang came from: metadata, detected or none"),
        _c("published", "DATE", "Publication date, the anchor of relative dates"),
        _c("published_source", "VARCHAR", "Where published came from: metadata, filename, mtime or none"),
        _c("title", "VARCHAR", "Title from metadata"),
        _c("url", "VARCHAR", "URL from metadata"),
        _c("source", "VARCHAR", "Publisher or feed from metadata"),
        _c("n_chars", "INTEGER", "Length of text in characters"),
        _c("text", "VARCHAR", "Article text (NFC, \\n line ends) that every offset indexes"),
        _c("extractor_version", "VARCHAR", "Dateline extractor version that processed the article"),
    ), key=("article_id",)),
    Table("sentences", "Sentences found by Stanza", (
        _ARTICLE, _SENTENCE, *_SPAN,
        _c("text", "VARCHAR", "Sentence text"),
        _c("n_words", "INTEGER", "Syntactic words in the sentence"),
    ), key=("article_id", "sentence_index")),
    Table("entities", "Named-entity mentions (Stanza NER, CLDR/GeoNames gazetteer, propagated surnames)", (
        _ARTICLE, _SENTENCE, *_SPAN,
        _c("text", "VARCHAR", "Mention as written"),
        _c("label", "VARCHAR", "PER, LOC, ORG or MISC"),
        _c("canonical", "VARCHAR", "Matching key: diacritics stripped, letter variants unified, case-folded"),
        _c("resolved", "VARCHAR", "Canonical form of the full name this mention links to in the article"),
        _c("origin", "VARCHAR", "model (Stanza NER), gazetteer (CLDR/GeoNames) or propagated (later surname mention)"),
    ), key=("article_id", "start_char", "end_char")),
    Table("time_expressions", "Time expressions normalized against the publication date (TIMEX3 style)", (
        _ARTICLE, *_SPAN,
        _c("text", "VARCHAR", "Expression as written"),
        _c("kind", "VARCHAR", "TIMEX3 type: date, time, duration or set"),
        _c("value", "VARCHAR", "TIMEX3 value: 2023-09-10, 2023-09-10TAF, 2023-W37, 2023-09, 2023, P1M, PAST_REF, ..."),
        _c("granularity", "VARCHAR", "day, week, month, quarter, year, decade, range, time, duration, set or ref"),
        _c("date_start", "DATE", "First day the value covers (null for durations, sets and references)"),
        _c("date_end", "DATE", "Last day the value covers (inclusive)"),
        _c("rule", "VARCHAR", "Normalization rule applied (e.g. weekday_past, day_month_nearest)"),
        _c("anchor_date", "DATE", "Date the expression was resolved against (the publication date)"),
    ), key=("article_id", "start_char", "end_char")),
    Table("events", "One row per event after merging its mentions in an article", (
        _c("event_id", "VARCHAR", "Stable id: hash of article, type and first trigger span"),
        _ARTICLE,
        _c("lang", "VARCHAR", "Language of the article"),
        _c("type", "VARCHAR", "departure, arrival, visit, meeting or announcement"),
        _c("trigger", "VARCHAR", "Trigger word of the first mention"),
        *_SPAN, _SENTENCE,
        _c("modality", "VARCHAR", "asserted, planned, negated or reported"),
        _c("confidence", "DOUBLE", "Evidence score in [0, 1] (see extractors/confidence.py)"),
        _c("actor", "VARCHAR", "Who acted, as written"),
        _c("actor_resolved", "VARCHAR", "Canonical full name the actor resolves to in the article"),
        _c("counterpart", "VARCHAR", "With whom (meetings), as written"),
        _c("counterpart_resolved", "VARCHAR", "Canonical full name of the counterpart"),
        _c("origin", "VARCHAR", "Place left (departures)"),
        _c("destination", "VARCHAR", "Place headed to, reached or visited"),
        _c("location", "VARCHAR", "Place where it happened"),
        _c("date", "VARCHAR", "Event date in ISO at its granularity (YYYY-MM-DD, YYYY-MM, YYYY, week or start/end); null when the text gives none"),
        _c("date_start", "DATE", "First day the date covers"),
        _c("date_end", "DATE", "Last day the date covers"),
        _c("granularity", "VARCHAR", "Granularity of date (day, week, month, year, range, ...)"),
        _c("date_text", "VARCHAR", "Time expression the date came from"),
        _c("n_mentions", "INTEGER", "Mentions merged into this event (see event_mentions)"),
        _c("extractor_version", "VARCHAR", "Dateline extractor version"),
        *CODED_EVENT_COLUMNS,
        _c("date_basis", "VARCHAR", "Where the date comes from: explicit (an expression in the event's own clause), sentence (inherited from the predicate it depends on), context (carried from an earlier sentence on the same actor), publication (a present-tense report with no expression), none (date is null)"),
    ), key=("event_id",)),
    Table("event_mentions", "Every mention of every event, with its evidence span", (
        _c("event_id", "VARCHAR", "Event the mention belongs to (events.event_id)"),
        _ARTICLE,
        _c("mention_index", "INTEGER", "0-based order of the mention in the article"),
        _c("trigger", "VARCHAR", "Trigger word as written"),
        *_SPAN, _SENTENCE,
        _c("modality", "VARCHAR", "Modality of this mention"),
        _c("date_text", "VARCHAR", "Time expression attached to this mention"),
    ), key=("event_id", "mention_index")),
    Table("places", "Place mentions (LOC entities and event place arguments), geocoded offline with GeoNames and CLDR data", (
        _ARTICLE, *_SPAN, _SENTENCE,
        _c("text", "VARCHAR", "Place name as written"),
        _c("roles", "VARCHAR", "Event arguments this mention fills, comma-separated (origin, destination, location); null for a mention no event uses"),
        _c("geonames_id", "INTEGER", "GeoNames id of the place chosen (null when unresolved)"),
        _c("name", "VARCHAR", "GeoNames name of the place chosen (English)"),
        _c("country_code", "VARCHAR", "ISO 3166-1 alpha-2 code of the country the place is or lies in"),
        _c("admin1", "VARCHAR", "GeoNames first-level division (CC.code, e.g. RU.59) a city lies in, or a division itself"),
        _c("lat", "DOUBLE", "Latitude (WGS84): a city's own, a country's representative point"),
        _c("lon", "DOUBLE", "Longitude (WGS84)"),
        _c("place_kind", "VARCHAR", "country, admin (first-level division) or city"),
        _c("method", "VARCHAR", "How the place was chosen: country (a country name), alias (a name from lang/*/places.toml), unique (one place of that name), context (a place in a country the article names elsewhere), population (the most populous of that name) or unresolved"),
    ), key=("article_id", "start_char", "end_char")),
    Table("actors", "Actors of each article (event actors and counterparts, people and organizations), coded", (
        _ARTICLE,
        _c("name", "VARCHAR", "Canonical resolved name (events.actor_resolved / counterpart_resolved)"),
        _c("text", "VARCHAR", "The name as first written"),
        _c("kind", "VARCHAR", "person, organization, state (a country or a place acting for it) or group"),
        _c("role", "VARCHAR", "head_of_state, head_of_government, government, ministry, military, party, company, media or other"),
        _c("country_code", "VARCHAR", "ISO 3166-1 alpha-2 code of the actor's country, from the text (null when it does not say)"),
        _c("evidence", "VARCHAR", "Words the role and the country were read from (titles, nationality words, institutions, country names)"),
        _c("n_mentions", "INTEGER", "Mentions of the actor in the article"),
    ), key=("article_id", "name")),
    Table("event_clusters", "The same real-world event reported by one or more articles, in any language (see extractors/clusters)", (
        _c("cluster_id", "VARCHAR", "Stable id: c- + the event_id of the event that founded the cluster"),
        _c("family", "VARCHAR", "Type family: travel (departure, arrival, visit), meeting or statement"),
        _c("representative_event_id", "VARCHAR", "Event that stands for the cluster: the most confident, then the earliest published"),
        _c("first_published", "DATE", "Publication date of the earliest article reporting the event"),
        _c("first_seen_at", "TIMESTAMP", "When Dateline first stored an event of the cluster (UTC)"),
        _c("n_events", "INTEGER", "Events in the cluster"),
        _c("n_articles", "INTEGER", "Articles reporting the event"),
        _c("n_languages", "INTEGER", "Languages of those articles"),
        _c("languages", "VARCHAR", "Those languages, comma-separated"),
        _c("date_start", "DATE", "Earliest first day the member events' dates cover"),
        _c("date_end", "DATE", "Latest last day the member events' dates cover"),
    ), key=("cluster_id",)),
    Table("ingest_errors", "Files or lines that could not be processed, with the reason", (
        _c("source_path", "VARCHAR", "File the error belongs to (sources.path)"),
        _c("location", "VARCHAR", "File path, with :LINE for a line of a .jsonl file"),
        _c("reason", "VARCHAR", "Stable code: empty, binary, encoding, malformed_json, missing_text, too_large, too_long, too_slow, bad_file_name, unreadable, duplicate_id, unsupported_language, processing, ..."),
        _c("detail", "VARCHAR", "Human-readable explanation"),
        _c("content_sha256", "VARCHAR", "SHA-256 of the offending bytes, when read"),
        ARTICLE_ID_OF_ERROR,
    ), key=("location",)),
    Table("runs", "One row per pipeline run", (
        _c("run_id", "VARCHAR", "Run identifier"),
        _c("started_at", "TIMESTAMP", "When the run started (UTC)"),
        _c("finished_at", "TIMESTAMP", "When the run finished (UTC)"),
        _c("input_dir", "VARCHAR", "Folder that was scanned"),
        _c("files_seen", "INTEGER", "Article files found"),
        _c("files_new", "INTEGER", "Files new or changed since their last run"),
        _c("files_skipped", "INTEGER", "Files unchanged since their last run"),
        _c("files_failed", "INTEGER", "Files with at least one ingest error in this run"),
        _c("articles_written", "INTEGER", "Articles stored in this run"),
        _c("events_written", "INTEGER", "Events stored in this run"),
        _c("errors_recorded", "INTEGER", "Rows added to ingest_errors in this run"),
        _c("duration_s", "DOUBLE", "Wall time of the run in seconds"),
        _c("extractor_version", "VARCHAR", "Dateline extractor version"),
        _c("lock_wait_s", "DOUBLE", "Seconds the run waited for another process to release the database file (all its openings together)"),
        _c("status", "VARCHAR", "ok, failed (error says why) or interrupted (SIGTERM or Ctrl-C)"),
        _c("error", "VARCHAR", "One-line reason of a failed or interrupted run; null when ok"),
    ), key=("run_id",)),
    Table("publications", "Read copies published for dashboards: one row each, copied into the copy itself", (
        _c("published_at", "TIMESTAMP", "When the copy was made (UTC)"),
        _c("run_id", "VARCHAR", "Run that published it (runs.run_id; that row exists once the run has finished)"),
        _c("stage", "VARCHAR", "during run (after some batches of a long run) or end of run"),
        _c("articles", "INTEGER", "Articles in the copy"),
        _c("events", "INTEGER", "Events in the copy"),
    ), key=("published_at", "run_id")),
)

VIEWS: tuple[tuple[str, str, str], ...] = (
    (
        "event_dashboard",
        """SELECT e.event_id, e.type, e.date, e.date_start, e.granularity, e.modality, e.confidence,
                  e.actor, e.actor_resolved, e.counterpart, e.origin, e.destination,
                  coalesce(e.location, e.destination, e.origin) AS place,
                  e.trigger, e.date_text, e.lang, a.article_id, a.title, a.published, a.source, e.cluster_id
           FROM events e JOIN articles a USING (article_id)""",
        "One row per event with its article and its cluster (the real-world event it reports): what dashboards read",
    ),
    (
        "events_per_day",
        """SELECT date_start AS day, type, modality, count(*) AS events
           FROM events WHERE granularity IN ('day', 'time') GROUP BY ALL""",
        "Events per day, type and modality (day-precise dates only)",
    ),
    (
        "events_deduplicated",
        """SELECT e.*, c.n_articles, c.n_languages, c.languages, c.first_published, c.first_seen_at
           FROM event_clusters c JOIN events e ON e.event_id = c.representative_event_id""",
        "One row per real-world event: the representative event of each cluster, with how many articles and languages report it",
    ),
    (
        "data_as_of",
        """SELECT published_at, run_id, stage, articles, events
           FROM publications ORDER BY published_at DESC LIMIT 1""",
        "The last publication of the read copy: how fresh the data readers see is",
    ),
    (
        "event_places",
        """SELECT event_id, role, place FROM (
               SELECT event_id, 'origin' AS role, origin AS place FROM events
               UNION ALL SELECT event_id, 'destination', destination FROM events
               UNION ALL SELECT event_id, 'location', location FROM events)
           WHERE place IS NOT NULL""",
        "One row per event and place it names, with the role (origin, destination or location)",
    ),
    (
        "event_evidence",
        """SELECT e.event_id, e.lang, s.text AS sentence,
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
               GROUP BY e2.event_id) tm ON tm.event_id = e.event_id""",
        "Each event's evidence: its sentence, the trigger and time expression offsets within that sentence, and its article",
    ),
)


def table(name: str) -> Table:
    return next(t for t in TABLES if t.name == name)
