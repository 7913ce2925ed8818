"""Finding model files, naming them for people, writing output atomically."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eaframework.files import display_name, model_files, write_atomic


def test_model_files_of_a_folder(tmp_path, write_model):
    write_model(tmp_path, {
        "m/b.yml": "", "m/a.yaml": "", "m/notes.txt": "", "m/README.md": "",
        "m/.git/config.yaml": "", "m/.hidden/x.yaml": "", "m/sub/c.yaml": "",
        "elsewhere/d.yaml": "",
    })
    os.symlink(tmp_path / "elsewhere", tmp_path / "m" / "link", target_is_directory=True)
    assert [p.relative_to(tmp_path / "m").as_posix() for p in model_files(tmp_path / "m")] == [
        "a.yaml", "b.yml", "sub/c.yaml"
    ]


def test_a_file_given_by_name_is_read_whatever_its_suffix(tmp_path):
    path = tmp_path / "malli.txt"
    path.write_text("x")
    assert model_files(path) == [path]


def test_display_name(tmp_path, monkeypatch):
    (tmp_path / "m").mkdir()
    monkeypatch.chdir(tmp_path)
    assert display_name(Path("m/a.yaml")) == "m/a.yaml"
    assert display_name(tmp_path / "m" / "a.yaml") == "m/a.yaml"
    monkeypatch.chdir(tmp_path / "m")
    outside = tmp_path.parent / "other.yaml"
    assert display_name(outside) == outside.as_posix()


def test_write_atomic(tmp_path):
    target = tmp_path / "new" / "deep" / "out.json"
    write_atomic(target, "ä\n")
    assert target.read_bytes() == "ä\n".encode()
    write_atomic(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.json"]


def test_write_atomic_leaves_nothing_on_failure(tmp_path):
    target = tmp_path / "out"
    target.mkdir()  # a folder cannot be replaced by a file
    with pytest.raises(OSError):
        write_atomic(target, "x")
    assert list(tmp_path.iterdir()) == [target]
    assert list(target.iterdir()) == []
