"""A cache of lint results keyed by the content of every model file.

A re-run on unchanged files reads the files, hashes them and prints the stored results:
no parsing, no validation, not even an import of pydantic. Anything else (a changed,
added or removed file, another eaframework version, other settings) misses the cache.
Writes are atomic; a cache that cannot be read or written is simply not used.
Entries are JSON, never pickle: a checkout may hold a crafted `.ea_cache/`, and reading
it must not be able to run code.
"""

from __future__ import annotations

import hashlib
import os
import json
import tempfile
from pathlib import Path

from . import __version__

CACHE_DIR_NAME = ".ea_cache"


def fingerprint(files: list[tuple[str, bytes]], settings: str = "") -> str:
    digest = hashlib.sha256()
    digest.update(f"eaframework {__version__}\0{settings}\0".encode())
    for name, content in files:
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


def cache_dir(start: Path) -> Path | None:
    """`EA_CACHE_DIR`, else `.ea_cache` in the project root (the nearest folder above the
    model holding setup.cfg, pyproject.toml or .git)."""
    if env := os.environ.get("EA_CACHE_DIR"):
        return Path(env)
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        if any((candidate / marker).exists() for marker in ("setup.cfg", "pyproject.toml", ".git")):
            return candidate / CACHE_DIR_NAME
    return None


def load(directory: Path | None, key: str):
    """The JSON data stored under `key`, or None."""
    if directory is None:
        return None
    try:
        with open(directory / f"{key}.json", "rb") as handle:
            return json.loads(handle.read())
    except (OSError, ValueError):
        return None


def store(directory: Path | None, key: str, value: object, keep: int = 8) -> None:
    """Store JSON-able `value` under `key`, keeping the newest `keep` entries."""
    if directory is None:
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        gitignore = directory / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text("*\n", encoding="utf-8")
        fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(value, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, directory / f"{key}.json")
        entries = sorted(directory.glob("*.json"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-keep]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
