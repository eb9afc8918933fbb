"""Language data is complete: adding a language means adding the same files."""

from extractors import lexicon


def _settings_keys(tables):
    """Keys of the tables that hold settings (identifier keys in every
    language), not words (whose keys are the words of each language)."""
    def is_settings(name):
        return all(isinstance(t.get(name), dict) and all(k.isascii() and k.replace("_", "").isalpha() for k in t[name]) for t in tables.values())

    names = set.intersection(*(set(t) for t in tables.values()))
    return {lang: {f"{n}.{k}" for n in names if is_settings(n) for k in t[n]} for lang, t in tables.items()}


def test_every_language_has_every_file_and_table():
    langs = lexicon.languages()
    assert {"ar", "en"} <= set(langs)
    files = {lang: sorted(p.stem for p in (lexicon.LANG_DIR / lang).glob("*.toml")) for lang in langs}
    reference = files[langs[0]]
    assert all(f == reference for f in files.values()), files
    for name in reference:
        tables = {lang: lexicon.load(lang, name) for lang in langs}
        top = {lang: set(t) for lang, t in tables.items()}
        assert all(t == top[langs[0]] for t in top.values()), f"{name}.toml tables differ: {top}"
        settings = _settings_keys(tables)
        for lang, keys in settings.items():
            assert keys == settings[langs[0]], f"{lang}/{name}.toml settings differ: {sorted(keys ^ settings[langs[0]])}"


def test_every_event_type_has_triggers_in_every_language():
    for lang in lexicon.languages():
        types = lexicon.load(lang, "events")["types"]
        assert set(types) == {"departure", "arrival", "visit", "meeting", "announcement"}
        assert all(entry["verbs"] for entry in types.values()), lang


def test_every_month_and_weekday_is_named():
    for lang in lexicon.languages():
        time = lexicon.load(lang, "time")
        assert set(time["months"].values()) == set(range(1, 13)), lang
        assert set(time["weekdays"].values()) == set(range(1, 8)), lang
