"""The NLP layer: offsets exact, sentences right, entities found and linked.

Tests marked ``stanza`` check the Stanza backend's own contract on the real
models (inventory, exact spans, sentence ends, clitics, empty articles, order
across languages); the entity checks run on recorded analyses (``backend``).
"""

import json
from datetime import date

import pickle

import pytest

from conftest import analyzed_all
from extractors.entities import canonical
from extractors.errors import ModelsMissing
from extractors.nlp import StanzaBackend, chunk_text, model_inventory
from extractors.records import Article


def make_article(text, lang, article_id="t"):
    return Article(article_id, text, "0" * 64, "mem", lang, "metadata", date(2023, 9, 12), "metadata")


def assert_spans_exact(article, analysis):
    text = article.text
    for s in analysis.sentences:
        assert s.span.of(text) == s.text
        assert s.text == s.text.strip()
        for w in s.words:
            assert s.span.contains(w.span)
            assert w.span.of(text) == w.text
        indexes = [w.token_index for w in s.words]
        assert indexes == sorted(indexes) and indexes[0] == 0
    for e in analysis.entities:
        assert e.span.of(text) == e.text
        assert any(s.index == e.sentence_index and s.span.contains(e.span) for s in analysis.sentences)


def entity(analysis, surface):
    return next((e for e in analysis.entities if e.text == surface), None)


@pytest.mark.stanza
def test_inventory_reads_resources_json(models_dir):
    inventory = model_inventory(models_dir)
    assert set(inventory) >= {"ar", "en"}
    assert {"tokenize", "mwt", "ner"} <= set(inventory["ar"])


def test_inventory_of_a_folder_without_models_is_empty(tmp_path):
    assert model_inventory(tmp_path) == {}
    (tmp_path / "resources.json").write_text("not json")
    assert model_inventory(tmp_path) == {}


def _fake_models(root, lang, entry, files):
    (root / "resources.json").write_text(json.dumps({lang: entry}))
    for name in files:
        path = root / lang / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")


def test_inventory_lists_only_processors_whose_files_exist(tmp_path):
    defaults = {"tokenize": "t", "mwt": "m", "pos": "p", "lemma": "l", "depparse": "d", "ner": "n"}
    _fake_models(tmp_path, "xx", {"default_processors": defaults}, ["tokenize/t.pt", "lemma/l.pt", "depparse/d.pt", "ner/n.pt"])
    # depparse needs pos, which is missing, so it is left out too
    assert model_inventory(tmp_path) == {"xx": ("tokenize", "lemma", "ner")}


def test_inventory_without_tokenizer_has_no_language(tmp_path):
    _fake_models(tmp_path, "xx", {"default_processors": {"ner": "n"}}, ["ner/n.pt"])
    assert model_inventory(tmp_path) == {}
    assert not StanzaBackend(tmp_path).supports("xx")


def test_inventory_falls_back_to_any_listed_package_on_disk(tmp_path):
    _fake_models(tmp_path, "xx", {"tokenize": {"gsd": {}}, "default_processors": {"tokenize": "missing"}}, ["tokenize/gsd.pt"])
    assert model_inventory(tmp_path) == {"xx": ("tokenize",)}


@pytest.mark.stanza
def test_seed_sentences_end_at_the_article_sentence_ends(seed_article, stanza_seed_analysis):
    assert_spans_exact(seed_article, stanza_seed_analysis)
    first = stanza_seed_analysis.sentences[0].text
    assert first.startswith("(سيئول)") and first.endswith("يوم الثلاثاء.")
    assert all(s.text.rstrip()[-1] in ".”؟!" for s in stanza_seed_analysis.sentences)


@pytest.mark.stanza
def test_arabic_clitics_get_exact_sub_spans(seed_article, stanza_seed_analysis):
    words = [w for s in stanza_seed_analysis.sentences for w in s.words]
    clitic = next(w for w in words if w.text == "القطار")
    assert seed_article.text[clitic.span.start - 1 : clitic.span.end] == "بالقطار"


@pytest.mark.parametrize("surface,label", [
    ("كيم جونغ أون", "PER"), ("فلاديمير بوتين", "PER"), ("بيونغ يانغ", "LOC"),
    ("روسيا", "LOC"), ("فلاديفوستوك", "LOC"), ("ديمتري بيسكوف", "PER"),
])
def test_seed_entities_are_found_with_their_kind(seed_analysis, surface, label):
    found = entity(seed_analysis, surface)
    assert found is not None, surface
    assert found.label == label


def test_seed_short_mentions_link_to_full_names(seed_analysis):
    assert entity(seed_analysis, "كيم").resolved == canonical("كيم جونغ أون", "ar")
    assert entity(seed_analysis, "بوتين").resolved == canonical("فلاديمير بوتين", "ar")
    assert {e.origin for e in seed_analysis.entities} >= {"model", "gazetteer"}


@pytest.mark.stanza
def test_english_fixture_spans_and_sentences(en_article, stanza_en_analysis):
    assert_spans_exact(en_article, stanza_en_analysis)
    assert stanza_en_analysis.sentences[0].text.endswith("said on Tuesday.")
    ends = [s.text[-1] for s in stanza_en_analysis.sentences]
    assert len(stanza_en_analysis.sentences) == 6 and set(ends) == {"."}


def test_english_fixture_entities(en_analysis):
    assert entity(en_analysis, "Pyongyang").label == "LOC"  # the model says PER; the gazetteer knows better
    assert entity(en_analysis, "Russia").label == "LOC"
    assert entity(en_analysis, "Putin").resolved == "vladimir putin"
    assert entity(en_analysis, "Kim").resolved == "kim jong un"


@pytest.mark.stanza
def test_mixed_script_empty_and_one_word_articles(engine):
    mixed = make_article("قال الرئيس Emmanuel Macron في باريس إن المحادثات مع Olaf Scholz كانت جيدة.", "ar", "mixed")
    empty = make_article("   \n", "en", "empty")
    one = make_article("Moscow", "en", "one")
    analyses = analyzed_all(engine, [mixed, empty, one])
    assert [a.article_id for a in analyses] == ["mixed", "empty", "one"]
    assert_spans_exact(mixed, analyses[0])
    assert entity(analyses[0], "Emmanuel Macron").label == "PER"
    assert entity(analyses[0], "باريس").label == "LOC"
    assert analyses[1].sentences == ()
    assert len(analyses[2].sentences) == 1
    assert [e.label for e in analyses[2].entities] == ["LOC"]


def test_latin_names_in_an_english_article_with_arabic_words(backend):
    article = make_article("Putin said in Moscow that talks with كيم جونغ أون went well.", "en", "mixed-en")
    (analysis,) = analyzed_all(backend, [article])
    assert_spans_exact(article, analysis)
    assert entity(analysis, "Moscow").label == "LOC"
    assert entity(analysis, "Putin").label == "PER"


@pytest.mark.stanza
def test_articles_come_back_in_input_order_across_languages(engine):
    articles = [make_article("Putin left Moscow.", "en", "e1"), make_article("غادر بوتين موسكو.", "ar", "a1"),
                make_article("Kim left Pyongyang.", "en", "e2")]
    analyses = analyzed_all(engine, articles)
    assert [(a.article_id, a.lang) for a in analyses] == [("e1", "en"), ("a1", "ar"), ("e2", "en")]
    assert "mwt" in analyses[1].processors


@pytest.mark.stanza
def test_language_without_models(models_dir):
    engine = StanzaBackend(models_dir)
    assert not engine.supports("sw")
    with pytest.raises(ModelsMissing, match="dateline models pull sw"):
        engine.analyze([make_article("Habari za asubuhi", "sw")])


def test_long_articles_are_chunked_at_paragraphs_with_offsets_kept():
    text = "\n\n".join(f"Paragraph {i} is here." for i in range(50))
    chunks = list(chunk_text(0, text, 100))
    assert all(len(c.text) <= 100 for c in chunks)
    assert "".join(c.text for c in chunks) == text
    assert all(text[c.offset : c.offset + len(c.text)] == c.text for c in chunks)


@pytest.mark.stanza
def test_chunked_analysis_keeps_offsets(engine):
    text = "\n\n".join(["Vladimir Putin met Kim Jong Un in Vladivostok on Wednesday."] * 4)
    small = StanzaBackend(engine.directory, max_chunk_chars=80)
    (analysis,) = analyzed_all(small, [make_article(text, "en")])
    article = make_article(text, "en")
    assert_spans_exact(article, analysis)
    assert len(analysis.sentences) == 4
    assert [s.index for s in analysis.sentences] == [0, 1, 2, 3]


@pytest.mark.stanza
def test_pipelines_are_built_once_per_process(engine, models_dir):
    assert engine.pipeline("en") is engine.pipeline("en")
    assert {"en", "ar"} <= set(engine.warm(["en", "ar"])) <= set(engine.loaded_languages())
    worker_copy = pickle.loads(pickle.dumps(engine))  # what a worker process receives: no models, loads its own
    assert worker_copy.loaded_languages() == () and worker_copy.inventory == engine.inventory


def test_auto_pull_that_cannot_download_leaves_the_language_unsupported(tmp_path):
    """Offline the download fails on the network, online on the unknown code;
    either way the language is unsupported and analyze says how to fix it."""
    engine = StanzaBackend(tmp_path, auto_pull=True)
    assert not engine.supports("zz-none")
    with pytest.raises(ModelsMissing, match="dateline models pull zz-none"):
        engine.analyze([make_article("text", "zz-none")])


@pytest.mark.stanza
def test_article_without_language_gets_an_actionable_error(models_dir):
    with pytest.raises(ModelsMissing, match="language unknown"):
        StanzaBackend(models_dir).analyze([make_article("Some text.", None)])
