"""The lint cache lives in the user cache folder (`eaframework.cache`), never in the
project: nothing of the project still names the old `.ea_cache/` folder as if ea wrote it."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_gitignore_and_make_clean_name_no_project_cache():
    for name in (".gitignore", "Makefile"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert ".ea_cache" not in text, f"{name} still names .ea_cache"
