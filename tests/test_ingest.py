"""Ingestion: every good article read, every bad file recorded with a reason."""

import json
import os
from datetime import date

from extractors.ingest import detect_language, discover, file_sha256, read_articles
from extractors.records import Article, IngestError

AR = "غادر الزعيم الكوري الشمالي كيم جونغ أون بيونغ يانغ بالقطار يوم الأحد متوجها إلى روسيا."
EN = "North Korean leader Kim Jong Un left Pyongyang by train on Sunday for Russia."


def read(path):
    return list(read_articles(path))


def test_bad_files_become_errors_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0IHDR")
    (tmp_path / "latin1.txt").write_bytes("café à Paris".encode("latin-1"))
    (tmp_path / "broken.json").write_text('{"text": "unterminated', encoding="utf-8")
    (tmp_path / "notext.json").write_text('{"title": "no body"}', encoding="utf-8")
    reasons = {p.name: read(p)[0].reason for p in discover(tmp_path)}
    assert reasons == {"binary.txt": "binary", "broken.json": "malformed_json", "empty.txt": "empty",
                       "latin1.txt": "encoding", "notext.json": "missing_text"}


def test_a_bad_jsonl_line_does_not_lose_the_others(tmp_path):
    lines = [json.dumps({"id": "a", "text": EN, "lang": "en", "published": "2023-09-12"}), "{not json", "",
             json.dumps({"id": "b", "text": AR, "lang": "ar", "published": "2023-09-12"})]
    path = tmp_path / "drop.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Article", "IngestError", "Article"]
    assert items[1].path == f"{path}:2" and items[1].reason == "malformed_json"
    assert [i.article_id for i in items if isinstance(i, Article)] == ["a", "b"]


def test_too_large_files_are_refused_without_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(EN * 100, encoding="utf-8")
    (error,) = read_articles(path, max_bytes=1000)
    assert isinstance(error, IngestError) and error.reason == "too_large"


def test_sidecar_metadata_and_stable_ids(tmp_path):
    (tmp_path / "a.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"id": "x1", "published": "2023-09-12T08:00:00Z", "lang": "ar", "title": "t"}))
    (tmp_path / "b.txt").write_text(EN, encoding="utf-8")
    assert [p.name for p in discover(tmp_path)] == ["a.txt", "b.txt"]
    (a,) = read(tmp_path / "a.txt")
    assert (a.article_id, a.published, a.published_source, a.lang, a.lang_source, a.title) == (
        "x1", date(2023, 9, 12), "metadata", "ar", "metadata", "t")
    (b,) = read(tmp_path / "b.txt")
    assert b.article_id.startswith("sha-") and b.article_id == read(tmp_path / "b.txt")[0].article_id
    assert (b.lang, b.lang_source) == ("en", "detected")


def test_editing_the_sidecar_changes_the_file_hash(tmp_path):
    (tmp_path / "a.txt").write_text(AR, encoding="utf-8")
    before = file_sha256(tmp_path / "a.txt")
    (tmp_path / "a.meta.json").write_text('{"lang": "ar"}')
    assert file_sha256(tmp_path / "a.txt") != before


def test_publication_date_fallbacks_are_recorded(tmp_path):
    named = tmp_path / "2021-03-04_story.txt"
    named.write_text(EN, encoding="utf-8")
    plain = tmp_path / "story.txt"
    plain.write_text(EN, encoding="utf-8")
    os.utime(plain, (1_600_000_000, 1_600_000_000))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"text": EN, "published": "next Tuesday"}))
    os.utime(bad, (1_600_000_000, 1_600_000_000))
    assert (read(named)[0].published, read(named)[0].published_source) == (date(2021, 3, 4), "filename")
    assert (read(plain)[0].published, read(plain)[0].published_source) == (date(2020, 9, 13), "mtime")
    assert read(bad)[0].published_source == "mtime"


def test_language_detection_on_short_paragraphs():
    assert detect_language(AR) == "ar"
    assert detect_language(EN) == "en"
    assert detect_language("12 345 !!") is None


def test_crlf_bom_and_exotic_spaces_keep_offsets_exact(tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes("\ufeffFirst line.\r\nKim\u00a0left on Sunday.\r\n".encode("utf-8"))
    (article,) = read(path)
    assert article.text == "First line.\nKim left on Sunday.\n"
    start = article.text.index("Sunday")
    assert article.text[start : start + 6] == "Sunday"
