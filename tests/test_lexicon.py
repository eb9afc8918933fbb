"""Language data is complete: adding a language means adding the same files
with the same tables and settings, whatever the languages are.

A TOML table is either *settings* (its keys are identifiers such as
``verbs`` or ``destination``: every language must have the same ones, with
values of the same kind) or *words* (its keys are the words of each language,
e.g. month names: only the table itself must exist everywhere). A table is
taken as settings when, in every language, it is non-empty and all its keys
are ASCII identifiers; Arabic keeps word tables from passing for settings.
"""

import re
from collections.abc import Mapping
from typing import Any

from extractors import lexicon

IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*\Z")


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, Mapping):
        return "table"
    if isinstance(value, (list, tuple)):
        return "array"
    return "string" if isinstance(value, str) else type(value).__name__


def _is_settings(tables: dict[str, dict]) -> bool:
    return all(t and all(IDENTIFIER.match(k) for k in t) for t in tables.values())


def _differences(tables: dict[str, Any], where: str) -> list[str]:
    """Every place where the languages' structures disagree, recursively."""
    kinds = {lang: _kind(v) for lang, v in tables.items()}
    if len(set(kinds.values())) > 1:
        return [f"{where}: value kinds differ {kinds}"]
    if not all(isinstance(v, Mapping) for v in tables.values()) or not _is_settings(tables):
        return []
    keys = {lang: set(t) for lang, t in tables.items()}
    every = set.union(*keys.values())
    problems = [f"{where}.{k}: missing in {sorted(l for l in keys if k not in keys[l])}"
                for k in sorted(every) if not all(k in ks for ks in keys.values())]
    for key in sorted(set.intersection(*keys.values())):
        problems += _differences({lang: t[key] for lang, t in tables.items()}, f"{where}.{key}")
    return problems


def _files() -> dict[str, set[str]]:
    return {lang: {p.stem for p in (lexicon.LANG_DIR / lang).glob("*.toml")} for lang in lexicon.languages()}


def test_at_least_arabic_and_english_have_data():
    assert {"ar", "en"} <= set(lexicon.languages())
    assert all(_files().values()), _files()


def test_every_language_has_the_same_files():
    files = _files()
    every = set.union(*files.values())
    missing = {lang: sorted(every - names) for lang, names in files.items() if every - names}
    assert not missing, f"TOML files missing per language: {missing}"


def test_every_file_has_the_same_top_level_tables_everywhere():
    for name in sorted(set.union(*_files().values())):
        top = {lang: set(lexicon.load(lang, name)) for lang in lexicon.languages()}
        every = set.union(*top.values())
        missing = {lang: sorted(every - keys) for lang, keys in top.items() if every - keys}
        assert not missing, f"{name}.toml: top-level keys missing per language: {missing}"


def test_settings_tables_have_the_same_keys_and_value_kinds_everywhere():
    problems = []
    for name in sorted(set.union(*_files().values())):
        tables = {lang: lexicon.load(lang, name) for lang in lexicon.languages()}
        for key in sorted(set.intersection(*(set(t) for t in tables.values()))):
            problems += _differences({lang: t[key] for lang, t in tables.items()}, f"{name}.toml:{key}")
    assert not problems, "\n".join(problems)


def test_structure_check_catches_a_missing_setting_and_a_wrong_kind():
    """The checker itself can fail (so a green run means something)."""
    en = {"departure": {"verbs": ["leave"], "nouns": []}}
    ar = {"departure": {"verbs": "غادر"}}
    problems = _differences({"en": en, "ar": ar}, "types")
    assert problems == ["types.departure.nouns: missing in ['ar']", "types.departure.verbs: value kinds differ {'en': 'array', 'ar': 'string'}"]
    assert _differences({"en": {"monday": 1}, "ar": {"الاثنين": 1}}, "weekdays") == []


def test_every_event_type_has_trigger_words_in_every_language():
    for lang in lexicon.languages():
        types = lexicon.load(lang, "events").get("types", {})
        assert types, lang
        empty = [t for t, entry in types.items() if not any(entry.get(k) for k in ("verbs", "nouns"))]
        assert not empty, f"{lang}: event types without any trigger word: {empty}"


def test_every_month_and_weekday_is_named():
    for lang in lexicon.languages():
        time = lexicon.load(lang, "time")
        assert set(time["months"].values()) == set(range(1, 13)), lang
        assert set(time["weekdays"].values()) == set(range(1, 8)), lang
