"""One speaker, several names in one article: statements merge per speaker
and day (extractors/events/speakers.py, merge.py)."""

from __future__ import annotations

import pytest

from event_helpers import fixture_events, only

from extractors.events.speakers import same_speaker, speaker_keys


def statements(backend, text: str, lang: str) -> list:
    """The statements Dateline finds in ``text``."""
    return [e for e in fixture_events(backend, text, lang) if e.type == "announcement"]


def test_a_surname_or_a_title_is_the_one_longer_name_that_contains_it():
    keys = speaker_keys(["Margaret Thatcher", "Thatcher", "GM spokesman", "spokesman"], "en")
    assert same_speaker(keys, "Thatcher", "Margaret Thatcher")
    assert same_speaker(keys, "spokesman", "GM spokesman")
    assert not same_speaker(keys, "Thatcher", "GM spokesman")


def test_a_short_name_two_longer_names_contain_stays_itself():
    keys = speaker_keys(["Kim Jong Un", "Kim Yo Jong", "Kim"], "en")
    assert not same_speaker(keys, "Kim", "Kim Jong Un") and not same_speaker(keys, "Kim", "Kim Yo Jong")


def test_an_arabic_title_with_its_article_is_the_titled_phrase():
    keys = speaker_keys(["وزيرة السياحة", "الوزيرة"], "ar", ["ال"])
    assert same_speaker(keys, "الوزيرة", "وزيرة السياحة")


def test_a_later_statement_by_the_spokesman_merges_into_the_gm_spokesman_s(backend):
    text = "A GM spokesman said on Monday that sales rose. The spokesman added that the plant would stay open."
    said = statements(backend, text, "en")
    assert [(e.actor, e.date, len(e.mentions)) for e in said] == [("GM spokesman", "2023-09-11", 2)]


def test_the_official_later_is_the_one_an_organization_named_with_that_title_before(backend):
    """'a Carlton official said' gives the company as actor; 'the official said' later is the same speaker."""
    text = 'Output at the Leeds plant will resume next week, a Carlton official said. "Orders are strong," the official said.'
    said = statements(backend, text, "en")
    assert [(e.actor, len(e.mentions)) for e in said] == [("Carlton", 2)]


def test_a_later_statement_by_the_minister_title_merges_into_the_minister_s(backend):
    text = "قالت وزيرة السياحة سلمى الرحال يوم الاثنين إن الحجوزات ارتفعت. وأكدت الوزيرة أن الموسم سيكون طويلا."
    said = statements(backend, text, "ar")
    assert [(e.date, len(e.mentions)) for e in said] == [("2023-09-11", 2)]
    assert said[0].actor.startswith("وزيرة السياحة")


def test_a_document_speaks_for_whoever_issued_it(backend):
    """"أفاد بيان للوزارة": the ministry said it, on the day the statement gives; one statement, not two."""
    events = fixture_events(backend, "وأفاد بيان للوزارة اليوم الثلاثاء أن الاجتماع تأجل.", "ar")
    said = only(events, "announcement")
    assert (said.actor, said.date) == ("الوزارة", "2023-09-12")
    issued = only(fixture_events(backend, "وقال بيان صادر عن الرئاسة إن الرئيس سيزور باريس.", "ar"), "announcement")
    assert issued.actor == "الرئاسة"
    english = only(fixture_events(backend, "A statement from the ministry said on Monday that the talks had stalled.", "en"), "announcement")
    assert (english.actor, english.date) == ("ministry", "2023-09-11")


def test_the_person_after_a_title_and_its_organization_speaks_not_the_organization(backend):
    """"قال نائب رئيس حزب الأمل، سمير الطيب": the organization is the title's genitive; the name holds the title."""
    said = only(fixture_events(backend, "قال نائب رئيس حزب الأمل، سمير الطيب إن الحزب سيشارك في الانتخابات.", "ar"), "announcement")
    assert said.actor == "سمير الطيب"


def test_a_document_s_issuer_and_day_are_found_when_the_parse_hangs_them_elsewhere(backend):
    """"بيان صادر اليوم الثلاثاء عن X": the issuer after the participle and the day, whatever the tree says."""
    text = "وحذرت الوزارة المواطنين من السفر. وجاء في بيان صادر اليوم الثلاثاء عن الخارجية الفرنسية أن الفنادق قد تكون مستهدفة."
    issued = [e for e in fixture_events(backend, text, "ar") if e.trigger == "بيان"]
    assert [(e.actor, e.date) for e in issued] == [("الخارجية الفرنسية", "2023-09-12")]
    text = "و جاء في بيان صادر اليوم الثلاثاء عن وزارة الداخلية أن الطرقات ستغلق."
    issued = only(fixture_events(backend, text, "ar"), "announcement")
    assert (issued.actor, issued.date, issued.date_basis) == ("وزارة الداخلية", "2023-09-12", "explicit")


def test_the_speaker_of_according_to_what_comes_last_past_a_comma(backend):
    """"وفق ما أكده لإذاعة الجوهرة، الناطق …، سامي الهمامي": the subject of the verb after "ما" stands
    after its obliques and a comma; the statement took place (asserted), it is not hearsay."""
    text = "وتم إيقاف المشتبه به، وفق ما أكده لإذاعة الجوهرة، الناطق الرسمي باسم المحكمة الابتدائية، سامي الهمامي."
    said = only(fixture_events(backend, text, "ar"), "announcement")
    assert (said.actor, said.modality) == ("سامي الهمامي", "asserted")
    text = "وتم إيقاف المشتبه به، حسب ما أفاد به للإذاعة، الناطق الرسمي باسم المحكمة."
    said = only(fixture_events(backend, text, "ar"), "announcement")
    assert (said.actor, said.modality) == ("الناطق الرسمي", "asserted")


def test_a_paper_whose_name_holds_a_time_word_speaks_and_the_one_it_quotes_speaks_too(backend):
    """"The Lisbon Daily said": "Daily" is part of the paper's name, not a frequency; "quoted X as saying":
    X said it (object control), the paper only reports it."""
    said = only(fixture_events(backend, "The Lisbon Daily said the first two Spanish ships left the port last month.", "en"), "announcement")
    assert said.actor == "Lisbon Daily"
    text = "The Lisbon Daily quoted bank chairman Pedro Alves as saying the bank would close two branches."
    quoted = only(fixture_events(backend, text, "en"), "announcement")
    assert quoted.actor == "Pedro Alves"
    text = "Lusa news agency quoted Bank of Portugal Governor Pedro Alves as telling reporters that rates would stay low."
    assert only(fixture_events(backend, text, "en"), "announcement").actor == "Pedro Alves"  # "<org> <title> <person> as telling"


@pytest.mark.parametrize("lang, text, speakers", [
    ("en", "Prices rose five pct, according to Finance Minister Pedro Alves.", ["Pedro Alves"]),
    ("en", "Prices rose, according to a contract between Petrolusa and the central bank.", []),
    ("en", "Prices rose, according to sources.", []),
    ("ar", "وارتفعت الأسعار بخمسة بالمائة، حسب وزارة التجارة.", ["وزارة التجارة"]),
    ("ar", "ويتم ذلك حسب النظام الداخلي للمجلس.", []),
])
def test_a_source_named_after_according_to_made_a_statement(backend, lang, text, speakers):
    """Guidelines: any statement attributed to an actor; 'according to X' attributes one to X when X is named
    or titled, never to a document, rules or anonymous sources. It takes no date."""
    found = statements(backend, text, lang)
    assert [e.actor for e in found] == speakers
    assert all(e.date is None for e in found)


def test_a_spokesman_named_by_his_company_s_acronym_speaks_for_the_company(backend):
    """'Western Paper Corp said … A WP spokesman said …': one speaker (the company of a spokesman names him)."""
    text = "Western Paper Corp said it will close its Ohio mill. A WP spokesman said the closing was permanent."
    said = statements(backend, text, "en")
    assert [(e.actor, len(e.mentions)) for e in said] == [("Western Paper Corp", 2)]


def test_a_bare_title_with_an_adjective_later_is_the_person_introduced_with_it(backend):
    """'وأوضح الوزير النمساوي' after 'قال وزير الداخلية النمساوي NAME': the Austrian minister is the same speaker."""
    text = "قال وزير الداخلية النمساوي كريستيان فاغنر اليوم الأحد إن القانون سيعدل. وأوضح الوزير النمساوي أن الغرامات سترتفع."
    said = statements(backend, text, "ar")
    assert [(e.actor, len(e.mentions)) for e in said] == [("كريستيان فاغنر", 2)]


@pytest.mark.parametrize("text,lang", [
    ("The talks failed to settle the dispute, an EC Commission spokesman said. The spokeswoman said the next round was not set.", "en"),
    ("قال الناطق الرسمي باسم وزارة الداخلية ياسر مصباح اليوم إن الوضع مستقر. وأضاف المتحدث الرسمي أن الوحدات منتشرة.", "ar"),
])
def test_a_title_that_says_the_same_later_is_the_same_speaker(backend, text, lang):
    """'spokesman' … 'the spokeswoman', 'الناطق الرسمي …' … 'المتحدث الرسمي': one speaker (title_synonyms)."""
    said = statements(backend, text, lang)
    assert [len(e.mentions) for e in said] == [2]


def test_an_earlier_dated_statement_reported_by_the_speaker_is_an_event_of_its_own(backend):
    """"Acme said it announced on September 1 …": the announcement of September 1
    is not the statement being made; merged, it would date that statement."""
    said = statements(backend, "Acme Holdings Inc said it announced on September 1 its intention to sell shares.", "en")
    assert sorted((e.trigger, e.date) for e in said) == [("announced", "2023-09-01"), ("said", None)]


def test_a_statement_dated_today_that_the_speaker_reports_is_the_one_being_made(backend):
    """"said it announced today": the same statement, one event, dated today."""
    said = statements(backend, "Acme Holdings Inc said it announced today its intention to sell shares.", "en")
    assert [(e.date, len(e.mentions)) for e in said] == [("2023-09-12", 2)]


def test_a_title_s_holder_whose_first_name_was_missed_is_the_surname_s_speaker(backend):
    """"قال رئيس الجمعية …، شوقي عمارة" (the recognizer missed the name) … "وأكد
    عمارة": the first name the tagger left unrecognized, then the surname that
    speaks later, hold the title; "وأضاف" in between continues the same speaker."""
    said = statements(backend, "قال رئيس الجمعية الوطنية لحماية المستهلك، شوقي عمارة إن الأسعار ارتفعت. وأضاف في تصريح اليوم أن "
                               "الرقابة ضعيفة. وأكد عمارة أن الجمعية ستواصل عملها.", "ar")
    assert [(e.actor, e.date, len(e.mentions)) for e in said] == [("شوقي عمارة", "2023-09-12", 3)]


def test_a_name_with_one_long_word_misspelt_by_a_letter_is_the_same_speaker():
    """"قايد السسي" (a typo of the article) is "الباجي قايد السبسي"; a lone
    misspelt word, or two words both misspelt, is not taken for anyone."""
    keys = speaker_keys(["الباجي قايد السبسي", "قايد السسي", "السسي", "قايط السسي"], "ar", ["ال"])
    assert same_speaker(keys, "قايد السسي", "الباجي قايد السبسي")
    assert not same_speaker(keys, "السسي", "الباجي قايد السبسي")
    assert not same_speaker(keys, "قايط السسي", "الباجي قايد السبسي")
    en = speaker_keys(["Prime Minister Margaret Thatcher", "Margret Thatcher", "Mayor Jim Lee", "Jim Leo"], "en")
    assert same_speaker(en, "Margret Thatcher", "Prime Minister Margaret Thatcher")
    assert not same_speaker(en, "Jim Leo", "Mayor Jim Lee")  # too short to call a typo


def test_the_communique_later_is_the_organization_that_issued_it(backend):
    """"أفاد بلاغ صادر عن وزارة الصحة" … "وفق ما أفاد البلاغ": the communique named
    by its noun alone speaks for its issuer, one statement (actors.issued_nouns)."""
    said = statements(backend, "أفاد بلاغ صادر عن وزارة الصحة أن الوضع الوبائي مستقر. وما تزال الأبحاث متواصلة في الموضوع وفق ما أفاد البلاغ.", "ar")
    assert [(e.actor, len(e.mentions)) for e in said] == [("وزارة الصحة", 2)]


def test_the_company_later_is_the_company_that_spoke_before(backend):
    """"Harbor Mills Inc said … The company said …": one speaker, one statement
    (actors.issuer_anaphors), not a second speaker called "company"."""
    said = statements(backend, "Harbor Mills Inc said it would close two plants in Maine. The company said it expects a loss in the quarter.", "en")
    assert [(e.actor, len(e.mentions)) for e in said] == [("Harbor Mills Inc", 2)]
