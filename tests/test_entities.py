"""Entity layer: canonical keys, gazetteer, repaired spans, labels and links.

The pure functions are tested on records built here; the seed, the English
fixture and the small texts below go through recorded Stanza analyses (the
``backend`` fixture: real model output, errors included, without the models).
"""

from datetime import date

import pytest

from conftest import analyzed_all
from extractors.entities import (
    canonical,
    is_place,
    link_mentions,
    place_names,
    strip_clitics_by_mentions,
)
from extractors.records import Article, Entity, Span


def ent(text, label, start, origin="model", lang="en", sentence=0):
    key = canonical(text, lang)
    return Entity(text, label, Span(start, start + len(text)), sentence, key, key, origin)


def find(analysis, surface):
    return [e for e in analysis.entities if e.text == surface]


# --- canonical keys ---------------------------------------------------------------


def test_arabic_canonical_strips_marks_and_unifies_letter_variants():
    assert canonical("أُوكْرَانِيَا", "ar") == canonical("اوكرانيا", "ar")
    assert canonical("كوريـــا الشمالية", "ar") == canonical("كوريا الشماليه", "ar")
    assert canonical("إيران", "ar") == canonical("ايران", "ar")
    assert canonical("موسيقى", "ar") == canonical("موسيقي", "ar")


def test_other_scripts_are_case_folded():
    assert canonical("Vladimir PUTIN", "en") == "vladimir putin"
    assert canonical("  Kim   Jong Un, ", "en") == "kim jong un"


def test_a_leading_clitic_is_stripped_only_where_the_gazetteer_shows_it():
    assert canonical("لروسيا", "ar") == canonical("روسيا", "ar")
    assert canonical("والهند", "ar") == canonical("الهند", "ar")
    # "بولندا" is itself a place: its first letter is not the preposition ب
    assert canonical("بولندا", "ar") == canonical("بولندا", "ar") != canonical("ولندا", "ar")
    # no evidence that و is a clitic in an unknown name
    assert canonical("وكيم", "ar").startswith("و")


# --- gazetteer ----------------------------------------------------------------------


def test_gazetteer_has_territories_and_big_cities_in_both_languages():
    for lang, names in {"ar": ("روسيا", "موسكو", "بيونغ يانغ", "فلاديفوستوك"), "en": ("Russia", "Moscow", "Pyongyang")}.items():
        for name in names:
            assert is_place(canonical(name, lang), lang), (lang, name)


def test_gazetteer_matches_arabic_spelling_variants():
    assert is_place(canonical("سيئول", "ar"), "ar")  # CLDR/GeoNames spell it سيول
    assert is_place(canonical("بيونغيانغ", "ar"), "ar")


def test_gazetteer_holds_no_function_words_or_codes():
    names = place_names("en")
    assert not {"the", "and", "of"} & set(names)
    assert not any(v.isupper() for v in names.values())
    assert not is_place(canonical("Kim", "en"), "en")


# --- linking and labels on hand-built records -------------------------------------------


def test_short_mentions_link_to_the_most_frequent_full_name():
    linked = link_mentions([
        ent("Vladimir Putin", "PER", 0), ent("Putin", "PER", 40), ent("Putin", "PER", 80),
    ], "en")
    assert {e.resolved for e in linked} == {"vladimir putin"}


def test_a_stock_symbol_after_a_company_s_name_is_no_mention_of_its_own():
    """Wire copy writes "Alfama Holdings Inc <ALFH.O> said": the symbol is the company's, so the speaker is the
    company; a name the recognizer ran into the bracket ends before it."""
    from extractors.entities.linking import cut_tickers, resolve_tickers

    text = "Alfama Holdings Inc <ALFH.O> said, and Lusitania Banking Bhd <LUSB.LI> agreed. <BRNT.L> rose."
    found = [ent("Alfama Holdings", "ORG", 0), ent("ALFH.O", "ORG", 21), ent("Lusitania Banking Bhd <LUSB.LI", "ORG", 39),
             ent("BRNT.L", "ORG", 81)]
    kept = resolve_tickers(link_mentions(cut_tickers(found, "en"), "en"), text)
    assert [e.text for e in kept] == ["Alfama Holdings", "Lusitania Banking Bhd", "BRNT.L"]  # a symbol alone stays
    assert kept[1].span == Span(39, 60) and text[39:60] == "Lusitania Banking Bhd"


def test_a_name_found_after_a_hyphen_inside_a_word_starts_with_the_word():
    """"K-Tron International Inc" found as "Tron International Inc" is K-Tron's; in "the Costa-Alves talks"
    the part before the hyphen is a name of its own and stays apart."""
    from extractors.entities.linking import whole_hyphenated

    text = "K-Tron International Inc said the Costa-Alves talks ended."
    found = [ent("Tron International Inc", "ORG", 2), ent("Costa", "PER", 34), ent("Alves", "PER", 40)]
    assert [e.text for e in whole_hyphenated(found, text, "en")] == ["K-Tron International Inc", "Costa", "Alves"]


def test_a_per_mention_of_the_same_name_wins_over_org():
    linked = link_mentions([ent("Kim Jong Un", "ORG", 0), ent("Kim", "PER", 50)], "en")
    assert [e.label for e in linked] == ["PER", "PER"]
    assert linked[1].resolved == "kim jong un"


def test_the_gazetteer_wins_for_places_the_model_calls_people():
    (fixed,) = link_mentions([ent("Pyongyang", "PER", 10)], "en")
    assert fixed.label == "LOC"


def test_places_are_not_link_targets_for_people():
    linked = link_mentions([ent("بيونغ يانغ", "LOC", 0, lang="ar"), ent("يانغ", "PER", 30, lang="ar")], "ar")
    assert linked[1].resolved == canonical("يانغ", "ar")


def test_unrelated_names_do_not_link():
    linked = link_mentions([ent("Olaf Scholz", "PER", 0), ent("Kishida", "PER", 30)], "en")
    assert linked[1].resolved == "kishida"


def test_a_glued_clitic_goes_when_another_mention_shows_the_bare_name():
    text = "التقى كيم مع مسؤولين ثم غادر وكيم"
    first = ent("كيم", "PER", text.index("كيم"), lang="ar")
    second = ent("وكيم", "PER", text.rindex("وكيم"), lang="ar")
    out = strip_clitics_by_mentions([first, second], text, "ar")
    assert out[1].text == "كيم" and out[1].span.of(text) == "كيم"
    untouched = strip_clitics_by_mentions([second], text, "ar")
    assert untouched[0].text == "وكيم"


# --- real analyses -----------------------------------------------------------------------


SEED_ENTITIES = [
    ("كيم جونغ أون", "PER"), ("فلاديمير بوتين", "PER"), ("بيونغ يانغ", "LOC"), ("روسيا", "LOC"),
    ("فلاديفوستوك", "LOC"), ("وكالة الأنباء المركزية الكورية", "ORG"), ("سيئول", "LOC"),
]


@pytest.mark.parametrize("surface,label", SEED_ENTITIES)
def test_seed_entities_have_their_kind_in_every_mention(seed_analysis, surface, label):
    mentions = find(seed_analysis, surface)
    assert mentions, surface
    assert {e.label for e in mentions} == {label}, surface


def test_seed_short_mentions_are_linked(seed_analysis):
    assert {e.resolved for e in find(seed_analysis, "كيم")} == {canonical("كيم جونغ أون", "ar")}
    assert {e.resolved for e in find(seed_analysis, "بوتين")} == {canonical("فلاديمير بوتين", "ar")}


def test_seed_runaway_model_span_is_repaired(seed_article, seed_analysis):
    text = seed_article.text
    for e in seed_analysis.entities:
        assert e.span.of(text) == e.text
        assert e.text == e.text.strip() and not e.text.endswith((".", "،", "”"))
        assert "بالقطار" not in e.text and "يوم" not in e.text.split()
    first = [e for e in seed_analysis.entities if e.sentence_index == 0]
    assert [e.text for e in first][:3] == ["سيئول", "كيم جونغ أون", "بيونغ يانغ"]


def test_seed_vladivostok_is_a_place_although_the_model_says_org(seed_analysis):
    assert all(e.label == "LOC" for e in find(seed_analysis, "فلاديفوستوك"))


def test_seed_entity_origins_are_recorded(seed_analysis):
    origins = {e.origin for e in seed_analysis.entities}
    assert {"model", "gazetteer"} <= origins
    assert origins <= {"model", "gazetteer", "pattern", "propagated"}
    assert find(seed_analysis, "بيونغ يانغ")[0].origin == "gazetteer"


def test_english_labels_are_corrected_from_evidence(en_article, en_analysis):
    """The compact English model says ORG for "Kim Jong Un" and PER for
    "Pyongyang"; a person's title and the gazetteer correct them."""
    assert {e.label for e in find(en_analysis, "Kim Jong Un")} == {"PER"}
    assert {e.label for e in find(en_analysis, "Kim")} == {"PER"}
    assert find(en_analysis, "Pyongyang")[0].label == "LOC"
    assert find(en_analysis, "Korean Central News Agency")[0].label == "ORG"
    assert not find(en_analysis, "The")


def test_one_article_gets_its_own_links_only(backend):
    def article(text, article_id):
        return Article(article_id, text, "0" * 64, "mem", "en", "metadata", date(2023, 9, 12), "metadata")

    first, second = analyzed_all(backend, [
        article("President Vladimir Putin spoke in Moscow. Putin left on Monday.", "a"),
        article("Putin was not named in full here.", "b"),
    ])
    assert {e.resolved for e in first.entities if e.text == "Putin"} == {"vladimir putin"}
    assert {e.resolved for e in second.entities if e.text == "Putin"} == {"putin"}


def test_an_adjective_after_a_title_does_not_become_a_person(backend):
    article = Article("adj", "قال الرئيس الروسي إن المحادثات مع الصين كانت مفيدة.", "0" * 64, "mem", "ar", "metadata",
                      date(2023, 9, 12), "metadata")
    (analysis,) = analyzed_all(backend, [article])
    assert not [e for e in analysis.entities if e.label == "PER"]
    assert [e.text for e in analysis.entities if e.label == "LOC"] == ["الصين"]


def test_an_organization_head_beats_a_per_label():
    linked = link_mentions([ent("Schult Homes Corp", "PER", 0), ent("Schult", "PER", 40)], "en")
    assert [e.label for e in linked] == ["ORG", "ORG"]


@pytest.mark.parametrize("surface", ["وزارة الخارجية", "جامعة الدراسات الكورية الشمالية", "جامعة كوكمين"])
def test_seed_organizations_the_model_missed_come_from_head_nouns(seed_analysis, surface):
    (found,) = find(seed_analysis, surface)
    assert (found.label, found.origin) == ("ORG", "pattern")


def test_a_name_does_not_end_with_a_preposition_the_recognizer_took_into_it():
    """'ولفت حسن الى ان': NER glued "to" (tagged a noun) onto the name; the name is "حسن", and a mention that
    is only the preposition is none. A preposition glued to a name's first word ("بلحسن") is left alone."""
    from extractors.entities.repair import cut_at_prepositions
    from extractors.records import Word

    text = "ولفت حسن الى ان بلحسن قال."
    tokens = [("و", 0), ("لفت", 0), ("حسن", 1), ("الى", 2), ("ان", 3), ("ب", 4), ("لحسن", 4), ("قال", 5), (".", 6)]
    words, at = [], 0
    for i, (piece, token) in enumerate(tokens, 1):
        at = text.index(piece, at)
        words.append(Word(i, piece, piece, "NOUN", None, None, None, Span(at, at + len(piece)), token))
        at += len(piece)
    name, alone, glued = ent("حسن الى", "PER", 5, lang="ar"), ent("الى", "PER", 9, lang="ar"), ent("بلحسن", "PER", 16, lang="ar")
    tidy = cut_at_prepositions([name, alone, glued], words, text, "ar")
    assert [(e.text, e.label) for e in tidy] == [("حسن", "PER"), ("بلحسن", "PER")]


def test_an_organization_found_by_its_head_replaces_the_pieces_the_model_made_of_it():
    """"Great Lakes Forest Products Ltd": the model's person "Great Lakes" and organization "Ltd" are one
    organization; a model mention reaching past the pattern's name keeps the model's reading."""
    from extractors.entities import with_organizations

    org = ent("Great Lakes Forest Products Ltd", "ORG", 0, origin="pattern")
    pieces = [ent("Great Lakes", "PER", 0), ent("Ltd", "ORG", 28), ent("Ontario", "LOC", 60)]
    assert [e.text for e in with_organizations(pieces, [org])] == ["Ontario", "Great Lakes Forest Products Ltd"]
    wider = [ent("Great Lakes Forest Products Ltd of Ontario", "ORG", 0)]
    assert with_organizations(wider, [org]) == wider


def test_an_acronym_resolves_to_the_organization_whose_initials_it_is():
    """"GM" → "General Motors Corp": the initials of its words, the company suffix aside; a word in
    capitals that is no organization's initials stays itself."""
    found = link_mentions([ent("General Motors Corp", "ORG", 0), ent("GM", "ORG", 40), ent("OPEC", "ORG", 60)], "en")
    assert [e.resolved for e in found] == ["general motors corp", "general motors corp", "opec"]


def test_a_double_barrelled_surname_the_recognizer_split_at_its_hyphen_is_one_person():
    """"John Kingsley-Jones" found as "John Kingsley" and "Jones" is one person; "Baker-Chung" stays two."""
    from extractors.entities.linking import whole_hyphenated

    text = "spokesman John Kingsley-Jones said after the Baker-Chung meeting"
    found = whole_hyphenated([ent("John Kingsley", "PER", 10), ent("Jones", "PER", 24), ent("Baker", "PER", 45), ent("Chung", "PER", 51)], text, "en")
    assert [e.text for e in found] == ["John Kingsley-Jones", "Baker", "Chung"]


@pytest.mark.parametrize("text,speaker", [
    ("About 8,000 miners returned to work at the largest gold mine, mine owner Anglo Pacific Corp of New Zealand Ltd <APNZ.W> said.",
     "Anglo Pacific Corp of New Zealand Ltd"),
    ("Output rose 5 pct, Midland Tire and Rubber Co said.", "Midland Tire and Rubber Co"),
])
def test_a_company_name_runs_over_of_and_and_and_its_symbol_with_an_exchange_is_no_speaker(backend, text, speaker):
    from event_helpers import fixture_events

    assert [e.actor for e in fixture_events(backend, text, "en") if e.type == "announcement"] == [speaker]
