"""Coding: places geocoded offline, actors coded from the text, CAMEO/PLOVER codes.

Pure functions on names and hand-built records; the fixtures of
``tests/fixtures/clusters`` (an English and an Arabic report of one meeting)
and the seed go through recorded analyses (the ``backend`` fixture).
"""

from pathlib import Path

import pytest

from conftest import FIXTURES, SEEDS, SEED_ID, analyzed_all
from extractors.coding import code_article
from extractors.coding.actors import code_actors
from extractors.coding.codes import cameo_code, plover_type
from extractors.entities.geocode import geocode_names
from extractors.events import extract_events
from extractors.ingest import read_articles
from extractors.records import Analysis, Event, Span
from extractors.timex import find_time_expressions

CLUSTERS = FIXTURES / "clusters"


def coded(backend, path: Path):
    article = next(read_articles(path))
    analysis = analyzed_all(backend, [article])[0]
    times = find_time_expressions(article.text, analysis.lang, article.published, analysis.sentences)
    return code_article(article, analysis, extract_events(article, analysis, times))


# --- geocoding --------------------------------------------------------------------------


@pytest.mark.parametrize("arabic, english, code", [
    ("بيونغ يانغ", "Pyongyang", "KP"), ("روسيا", "Russia", "RU"), ("موسكو", "Moscow", "RU"),
    ("فلاديفوستوك", "Vladivostok", "RU"), ("الصين", "China", "CN"),
])
def test_arabic_and_english_spellings_reach_the_same_geonames_place(arabic, english, code):
    ar, en = geocode_names([arabic], "ar")[arabic], geocode_names([english], "en")[english]
    assert ar.place.geonames_id == en.place.geonames_id is not None
    assert ar.place.country_code == en.place.country_code == code
    assert ar.place.lat is not None and ar.place.lon is not None


def test_a_city_carries_its_first_level_division_and_kind():
    found = geocode_names(["Vladivostok", "Russia"], "en")
    assert found["Vladivostok"].place.kind == "city"
    assert found["Vladivostok"].place.admin1 == "RU.59"
    assert found["Russia"].place.kind == "country" and found["Russia"].method == "country"


def test_the_articles_other_places_settle_an_ambiguous_city():
    alone = geocode_names(["Valencia"], "en")["Valencia"]
    assert (alone.place.country_code, alone.method) == ("ES", "population")
    in_venezuela = geocode_names(["Valencia", "Venezuela"], "en")["Valencia"]
    assert (in_venezuela.place.country_code, in_venezuela.method) == ("VE", "context")


@pytest.mark.parametrize("city, other, country", [("Paris", "U.S.", "FR"), ("Venice", "U.S.", "IT"), ("Frankfurt", "U.S.", "DE")])
def test_a_well_known_city_is_not_displaced_by_a_namesake_in_a_context_country(city, other, country):
    assert geocode_names([city, other], "en")[city].place.country_code == country


def test_lower_case_words_and_institutions_are_no_places():
    assert geocode_names(["port", "White House", "Kremlin"], "en") == {}


def test_glued_prepositions_and_aliases_are_understood():
    found = geocode_names(["بموسكو", "الاتحاد الروسي", "لولاية المهدية"], "ar") | geocode_names(["West Germany", "U.S."], "en")
    assert found["لولاية المهدية"].place.name == "Mahdia"  # "(to the) governorate of": leading words dropped
    assert found["بموسكو"].place.name == "Moscow"
    assert (found["الاتحاد الروسي"].place.country_code, found["الاتحاد الروسي"].method) == ("RU", "alias")
    assert found["West Germany"].place.country_code == "DE" and found["U.S."].place.country_code == "US"


def test_words_that_are_no_place_stay_unresolved():
    assert geocode_names(["Kremlin", "the", "Putin"], "en") == {}


def test_seed_departure_goes_from_north_korea_to_russia_with_coordinates(backend):
    result = coded(backend, SEEDS / f"{SEED_ID}.txt")
    departure = next(e for e in result.events if e.type == "departure" and e.modality == "asserted")
    assert (departure.origin_country, departure.destination_country) == ("KP", "RU")
    places = {p.text: p for p in result.places if p.roles}
    assert places["بيونغ يانغ"].name == "Pyongyang" and places["بيونغ يانغ"].place_kind == "city"
    assert places["روسيا"].place_kind == "country"
    assert all(places[n].lat is not None and places[n].lon is not None for n in ("بيونغ يانغ", "روسيا"))
    assert (departure.cameo_code, departure.plover_type) == ("042", "CONSULT")


# --- actors -------------------------------------------------------------------------------


def _phrase_actor(text: str, lang: str):
    analysis = Analysis("a", lang, (), ())
    event = Event("e", "a", lang, "announcement", "said", Span(0, 1), 0, "asserted", 0.5, actor=text, actor_resolved=text)
    (actor,) = code_actors(text, analysis, [event], {})
    return actor


@pytest.mark.parametrize("text, lang, country, role", [
    ("U.S. Treasury", "en", "US", "ministry"),
    ("وزارة الخارجية الأمريكية", "ar", "US", "ministry"),
    ("the Soviet news agency", "en", "RU", "media"),
    ("وزير خارجية روسيا", "ar", "RU", "government"),
    ("experts", "en", None, "other"),
])
def test_an_actor_phrase_says_its_country_and_role(text, lang, country, role):
    actor = _phrase_actor(text, lang)
    assert (actor.country_code, actor.role) == (country, role)


def test_titles_code_the_same_person_alike_in_both_languages(backend):
    people = {}
    for name in ("en_meeting", "ar_meeting"):
        result = coded(backend, CLUSTERS / f"{name}.txt")
        people[name] = {a.name: a for a in result.actors if a.kind == "person"}
    putin_en, putin_ar = people["en_meeting"]["vladimir putin"], people["ar_meeting"]["فلاديمير بوتين"]
    assert (putin_en.country_code, putin_en.role) == (putin_ar.country_code, putin_ar.role) == ("RU", "head_of_state")
    xi = people["ar_meeting"]["شي جين بينغ"]
    assert (xi.country_code, xi.role) == ("CN", "head_of_state")


def test_events_carry_the_countries_of_their_actors(backend):
    result = coded(backend, CLUSTERS / "ar_meeting.txt")
    meeting = next(e for e in result.events if e.type == "meeting")
    assert (meeting.actor_country, meeting.counterpart_country, meeting.location_country) == ("RU", "CN", "RU")


# --- codes ----------------------------------------------------------------------------------


def _event(type_, **kw):
    return Event("e", "a", "en", type_, "x", Span(0, 1), 0, "asserted", 0.5, **kw)


def test_codes_come_from_the_mapping_table():
    assert (cameo_code(_event("visit")), plover_type(_event("visit"))) == ("042", "CONSULT")
    assert (cameo_code(_event("meeting")), plover_type(_event("meeting"))) == ("040", "CONSULT")
    assert (cameo_code(_event("announcement")), plover_type(_event("announcement"))) == ("010", None)


def test_a_meeting_in_neither_partys_country_is_at_a_third_location():
    third = _event("meeting", actor_country="RU", counterpart_country="TR", location_country="IR")
    home = _event("meeting", actor_country="RU", counterpart_country="TR", location_country="RU")
    assert (cameo_code(third), cameo_code(home)) == ("044", "040")


def test_seed_departure_row_in_the_database_has_countries_and_coordinates(prefect_harness, backend, tmp_path):
    import duckdb

    from flows.ingest import ingest_articles

    ingest_articles(input_dir=str(SEEDS), db_path=str(tmp_path / "d.duckdb"), backend=backend)
    con = duckdb.connect(str(tmp_path / "d.duckdb"), read_only=True)
    row = con.execute("""
        SELECT e.origin_country, e.destination_country, o.lat, o.lon, d.lat, d.lon, o.geonames_id, d.place_kind
        FROM events e
        JOIN places o ON o.article_id = e.article_id AND o.text = e.origin AND o.roles LIKE '%origin%'
        JOIN places d ON d.article_id = e.article_id AND d.text = e.destination AND d.roles LIKE '%destination%'
        WHERE e.type = 'departure' AND e.modality = 'asserted'""").fetchall()
    assert len(row) == 1
    origin, destination, *coords, pyongyang, kind = row[0]
    assert (origin, destination, pyongyang, kind) == ("KP", "RU", 1871859, "country")
    assert all(c is not None for c in coords)
    undocumented = con.execute("SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND table_name IN "
                               "(SELECT table_name FROM duckdb_tables()) AND (comment IS NULL OR comment = '')").fetchall()
    assert not [u for u in undocumented if u[0] != "schema_migrations"]  # every column documented
