"""The lint result cache: what its key depends on, storing, pruning, bad entries."""

from __future__ import annotations

import os
import time

from eaframework import cache

FILES = [("m/a.yaml", b"apiVersion: eaframework/v1\n"), ("m/b.yaml", b"elements: []\n")]


def test_fingerprint_depends_on_names_contents_order_settings_and_version(monkeypatch):
    base = cache.fingerprint(FILES, "s")
    assert base == cache.fingerprint(list(FILES), "s")
    assert len(base) == 64
    assert cache.fingerprint([("m/c.yaml", FILES[0][1]), FILES[1]], "s") != base
    assert cache.fingerprint([(FILES[0][0], b"x"), FILES[1]], "s") != base
    assert cache.fingerprint(FILES[::-1], "s") != base
    assert cache.fingerprint(FILES[:1], "s") != base
    assert cache.fingerprint(FILES, "t") != base
    monkeypatch.setattr(cache, "__version__", "9.9.9")
    assert cache.fingerprint(FILES, "s") != base


def test_fingerprint_cannot_be_confused_by_moving_bytes_between_name_and_content():
    assert cache.fingerprint([("ab", b"c")]) != cache.fingerprint([("a", b"bc")])


def test_store_and_load(tmp_path):
    folder = tmp_path / "c"
    assert cache.load(folder, "k") is None
    cache.store(folder, "k", {"answer": [1, 2]})
    assert cache.load(folder, "k") == {"answer": [1, 2]}
    assert (folder / ".gitignore").read_text() == "*\n"
    assert sorted(p.name for p in folder.iterdir()) == [".gitignore", "k.json"]
    assert cache.load(None, "k") is None
    cache.store(None, "k", 1)  # no folder: nothing happens


def test_bad_entries_read_as_missing(tmp_path):
    for content in (b"", b"garbage", b"\x80\x04\x95"):
        (tmp_path / "k.json").write_bytes(content)
        assert cache.load(tmp_path, "k") is None


def test_only_the_newest_entries_are_kept(tmp_path):
    for number in range(10):
        cache.store(tmp_path, f"k{number}", number, keep=8)
        past = time.time() - 100 + number  # distinct, increasing modification times
        os.utime(tmp_path / f"k{number}.json", (past, past))
    cache.store(tmp_path, "last", "x", keep=8)
    names = sorted(p.stem for p in tmp_path.glob("*.json"))
    assert names == sorted(["last", *(f"k{n}" for n in range(3, 10))])


def test_cache_dir_from_environment_or_project_root(tmp_path, monkeypatch):
    monkeypatch.setenv("EA_CACHE_DIR", str(tmp_path / "env"))
    assert cache.cache_dir(tmp_path) == tmp_path / "env"
    monkeypatch.delenv("EA_CACHE_DIR")
    project = tmp_path / "kunta"
    (project / "models" / "sub").mkdir(parents=True)
    (project / "pyproject.toml").write_text("")
    (project / "models" / "sub" / "m.yaml").write_text("")
    assert cache.cache_dir(project / "models" / "sub") == project.resolve() / ".ea_cache"
    assert cache.cache_dir(project / "models" / "sub" / "m.yaml") == (
        project.resolve() / ".ea_cache"
    )
