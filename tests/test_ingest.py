"""Ingestion: every good article read, every bad file recorded with a reason,
ids and hashes stable, dates and languages say where they came from, and the
stored text is the one every offset indexes."""

import hashlib
import json
import os
import unicodedata
from datetime import date

import pytest

from extractors.ingest import detect_language, discover, file_sha256, normalize, read_articles
from extractors.records import Article, IngestError

AR = ("غادر الزعيم الكوري الشمالي كيم جونغ أون بيونغ يانغ بالقطار يوم الأحد متوجها إلى روسيا، "
      "حيث من المقرر أن يلتقي الرئيس فلاديمير بوتين، بحسب ما أعلنت وكالة الأنباء المركزية الكورية.")
EN = ("North Korean leader Kim Jong Un left Pyongyang by train on Sunday for Russia, "
      "where he is expected to meet President Vladimir Putin, state media said on Tuesday.")
OLD = 1_600_000_000  # 2020-09-13 UTC


def read(path, **kwargs):
    return list(read_articles(path, **kwargs))


def one(path, **kwargs):
    (item,) = read(path, **kwargs)
    return item


def write_json(path, obj):
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return path


# --- discovery ---------------------------------------------------------------

def test_discover_is_recursive_sorted_and_skips_sidecars_annotations_and_hidden(tmp_path):
    for name in ["b.txt", "b.meta.json", "a.json", "a.expected.json", "sub/deep/c.jsonl",
                 ".hidden.txt", ".git/x.txt", "notes.md", "d.txt.bak"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}", encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)] == ["a.json", "b.txt", "sub/deep/c.jsonl"]


# --- bad input -----------------------------------------------------------------

def test_mixed_folder_every_bad_file_has_its_reason_and_good_ones_are_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"\xef\xbb\xbf \r\n\t")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01")
    (tmp_path / "latin1.txt").write_bytes("café à Paris, dit-il.".encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes(EN.encode("utf-16"))
    (tmp_path / "broken.json").write_text('{"text": "unterminated', encoding="utf-8")
    (tmp_path / "list.json").write_text('["not", "an", "object"]', encoding="utf-8")
    write_json(tmp_path / "notext.json", {"title": "no body"})
    write_json(tmp_path / "numtext.json", {"text": 42})
    (tmp_path / "big.txt").write_text(EN * 50, encoding="utf-8")
    (tmp_path / "good.txt").write_text(EN, encoding="utf-8")
    write_json(tmp_path / "good.json", {"text": AR, "lang": "ar"})
    items = {p.name: one(p, max_bytes=4000) for p in discover(tmp_path)}
    reasons = {name: i.reason for name, i in items.items() if isinstance(i, IngestError)}
    assert reasons == {"binary.txt": "binary", "blank.txt": "empty", "big.txt": "too_large", "broken.json": "malformed_json",
                       "empty.txt": "empty", "latin1.txt": "encoding", "list.json": "malformed_json",
                       "notext.json": "missing_text", "numtext.json": "missing_text", "utf16.txt": "encoding"}
    assert {n for n, i in items.items() if isinstance(i, Article)} == {"good.txt", "good.json"}
    for name, error in items.items():
        if isinstance(error, IngestError):
            assert error.path == str(tmp_path / name) and error.detail and "\n" not in error.detail
    assert "UTF-8" in items["latin1.txt"].detail and "UTF-16" in items["utf16.txt"].detail


def test_a_bad_jsonl_line_does_not_lose_the_others(tmp_path):
    lines = [json.dumps({"id": "a", "text": EN, "lang": "en", "published": "2023-09-12"}), "{not json", "",
             json.dumps({"title": "no text"}), json.dumps({"id": "b", "text": AR, "lang": "ar"}, ensure_ascii=False),
             "x" * 500, json.dumps({"text": EN})]
    path = tmp_path / "drop.jsonl"
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    items = read(path, max_bytes=400)
    assert [(i.path, getattr(i, "reason", "ok")) for i in items] == [
        (f"{path}:1", "ok"), (f"{path}:2", "malformed_json"), (f"{path}:4", "missing_text"),
        (f"{path}:5", "ok"), (f"{path}:6", "too_large"), (f"{path}:7", "ok")]
    assert [i.article_id for i in items if isinstance(i, Article)][:2] == ["a", "b"]
    line7 = lines[6].encode("utf-8")
    assert items[-1].content_sha256 == hashlib.sha256(line7).hexdigest()
    assert items[-1].article_id == "sha-" + hashlib.sha256(line7).hexdigest()[:16]
    assert items[0].text == EN and items[3].text == AR


def test_empty_jsonl_is_one_error(tmp_path):
    path = tmp_path / "nothing.jsonl"
    path.write_text("\n  \n", encoding="utf-8")
    assert [(e.path, e.reason) for e in read(path)] == [(str(path), "empty")]


def test_a_malformed_sidecar_is_an_error_not_silently_ignored(tmp_path):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": ', encoding="utf-8")
    error = one(tmp_path / "a.txt")
    assert isinstance(error, IngestError) and error.reason == "malformed_json" and "a.meta.json" in error.detail


# --- metadata, ids and hashes --------------------------------------------------------

def test_sidecar_metadata_with_the_seed_naming(tmp_path):
    (tmp_path / "000_ab12.txt").write_text(AR, encoding="utf-8")
    write_json(tmp_path / "000_ab12.meta.json", {"id": "x1", "published": "2023-09-12T08:00:00Z", "lang": "ar-SA",
                                                 "title": "عنوان", "url": "https://example.org/a", "source": "AFP"})
    a = one(tmp_path / "000_ab12.txt")
    assert (a.article_id, a.published, a.published_source, a.lang, a.lang_source) == (
        "x1", date(2023, 9, 12), "metadata", "ar", "metadata")
    assert (a.title, a.url, a.source, a.path) == ("عنوان", "https://example.org/a", "AFP", str(tmp_path / "000_ab12.txt"))


def test_seed_article_is_read_with_its_metadata(seed_article, seed_expected):
    assert (seed_article.article_id, seed_article.lang, seed_article.published) == (
        seed_expected["article"], "ar", date.fromisoformat(seed_expected["published"]))
    for event in seed_expected["required"]:
        assert event["trigger"] in seed_article.text and event["actor"] in seed_article.text


def test_ids_and_hashes_are_stable_and_content_derived(tmp_path):
    raw = EN.encode("utf-8")
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "b.txt").write_bytes(raw)
    (tmp_path / "two.txt").write_bytes(raw)
    (tmp_path / "three.txt").write_bytes(raw + b" Reuter")
    first, again, moved, changed = (one(p) for p in [tmp_path / "one" / "b.txt", tmp_path / "one" / "b.txt",
                                                     tmp_path / "two.txt", tmp_path / "three.txt"])
    assert first.content_sha256 == hashlib.sha256(raw).hexdigest() == file_sha256(tmp_path / "two.txt")
    assert first.article_id == again.article_id == moved.article_id == "sha-" + first.content_sha256[:16]
    assert changed.article_id != first.article_id


def test_editing_the_sidecar_changes_the_file_hash_but_not_the_content_hash(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(AR, encoding="utf-8")
    before, content = file_sha256(path), one(path).content_sha256
    (tmp_path / "a.meta.json").write_text('{"lang": "ar"}')
    assert file_sha256(path) != before and one(path).content_sha256 == content


# --- publication dates ---------------------------------------------------------------

@pytest.mark.parametrize("name, published, source", [
    ("2021-03-04_story.txt", None, ("2021-03-04", "filename")),
    ("wire_20210304.txt", None, ("2021-03-04", "filename")),
    ("f09eb540a3741d99.txt", None, ("2020-09-13", "mtime")),
    ("2021-0304.txt", None, ("2020-09-13", "mtime")),
    ("2021-13-45.txt", None, ("2020-09-13", "mtime")),
    ("story.txt", "2023-09-12T23:30:00-05:00", ("2023-09-12", "metadata")),
    ("story.txt", "2023-09-12 08:00", ("2023-09-12", "metadata")),
    ("story.txt", "next Tuesday", ("2020-09-13", "mtime+invalid_metadata")),
    ("2021-03-04.txt", "2023-02-30", ("2021-03-04", "filename+invalid_metadata")),
])
def test_publication_date_and_where_it_came_from(tmp_path, name, published, source):
    path = tmp_path / name
    path.write_text(EN, encoding="utf-8")
    if published:
        write_json(tmp_path / (name[:-4] + ".meta.json"), {"published": published})
    os.utime(path, (OLD, OLD))
    article = one(path)
    assert (article.published.isoformat(), article.published_source) == source


def test_json_published_field_is_used_and_blank_means_missing(tmp_path):
    dated = write_json(tmp_path / "a.json", {"text": EN, "published": "1987-02-26"})
    blank = write_json(tmp_path / "b.json", {"text": EN, "published": " "})
    os.utime(blank, (OLD, OLD))
    assert (one(dated).published, one(dated).published_source) == (date(1987, 2, 26), "metadata")
    assert (one(blank).published, one(blank).published_source) == (date(2020, 9, 13), "mtime")


# --- languages -------------------------------------------------------------------------

def test_language_detection_on_short_paragraphs():
    assert detect_language(AR) == "ar"
    assert detect_language(EN) == "en"
    assert detect_language("12 345 !! 2023-09-12") is None


def test_language_source_says_declared_detected_or_none(tmp_path):
    declared = write_json(tmp_path / "a.json", {"text": EN, "lang": "EN_us"})
    detected = write_json(tmp_path / "b.json", {"text": AR})
    unknown = write_json(tmp_path / "c.json", {"text": "1,234 vs 5,678 ... 9.1 %"})
    assert [(a.lang, a.lang_source) for a in map(one, [declared, detected, unknown])] == [
        ("en", "metadata"), ("ar", "detected"), (None, "none")]


# --- text normalization and offsets -----------------------------------------------------------

def test_crlf_and_bom_give_the_same_text_and_offsets_as_plain_lf(tmp_path):
    lf = "First line.\nKim Jong Un left on Sunday.\n\nغادر يوم الأحد.\n"
    (tmp_path / "unix.txt").write_bytes(lf.encode("utf-8"))
    (tmp_path / "win.txt").write_bytes(b"\xef\xbb\xbf" + lf.replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "mac.txt").write_bytes(lf.replace("\n", "\r").encode("utf-8"))
    texts = {p.name: one(p).text for p in discover(tmp_path)}
    assert set(texts.values()) == {lf}
    for word in ["Sunday", "الأحد"]:
        start = texts["win.txt"].index(word)
        assert texts["mac.txt"][start : start + len(word)] == word
    assert one(tmp_path / "win.txt").content_sha256 != one(tmp_path / "unix.txt").content_sha256


def test_stored_text_is_nfc_and_exotic_spaces_keep_their_length():
    decomposed = "Cafe\u0301\u00a0Kim\u202fJong\u2009Un\u2028left."
    text = normalize(decomposed)
    assert text == "Café Kim Jong Un\nleft."
    assert text == unicodedata.normalize("NFC", text)
    assert len(text) == len(unicodedata.normalize("NFC", decomposed))


def test_arabic_marks_in_either_order_are_stored_the_same(tmp_path):
    (tmp_path / "a.txt").write_text("محمد\u064e\u0651", encoding="utf-8")  # fatha then shadda
    (tmp_path / "b.txt").write_text("محمد\u0651\u064e", encoding="utf-8")  # shadda then fatha
    assert one(tmp_path / "a.txt").text == one(tmp_path / "b.txt").text


def test_json_text_with_line_separators_and_escapes_is_parsed_then_normalized(tmp_path):
    path = tmp_path / "a.json"
    path.write_bytes('{"text": "Kim\u00a0left\u2028on Sunday.\\r\\nPutin waited."}'.encode("utf-8"))
    article = one(path)
    assert article.text == "Kim left\non Sunday.\nPutin waited."
    assert article.content_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_declared_language_reads_the_same_with_or_without_cldr_tables():
    """The common news languages are read without loading CLDR's tables; what Babel's tables say must agree."""
    from extractors.ingest.metadata import NEWS_LANGUAGES, _language_tables, language_code

    codes, names = _language_tables()
    assert all(codes.get(code) == code and language_code(code.upper()) == code for code in NEWS_LANGUAGES)
    assert (language_code("ar-SA"), language_code("Arabic"), language_code("العربية"), language_code("ara")) == ("ar", "ar", "ar", "ar")
    assert language_code("xx-YY") is None
