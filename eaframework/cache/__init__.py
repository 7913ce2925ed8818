"""A cache of lint results keyed by the content of every model file.

A re-run on unchanged files reads the files, hashes them and prints the stored results:
no parsing, no validation, not even an import of pydantic. Anything else (a changed,
added or removed file, another eaframework version, other settings) misses the cache.

`ea lint` runs on pull requests written by people the user does not control, so the cache
is built so that a checkout cannot use it against the user:

- **Where.** In the user's cache folder, never in the checkout: `$XDG_CACHE_HOME/eaframework`
  (else `~/.cache/eaframework`), `~/Library/Caches/eaframework` on macOS,
  `%LOCALAPPDATA%\\eaframework\\Cache` on Windows. The environment variable `EA_CACHE_DIR`
  moves it anywhere: the environment is the user's. A repository's own setup.cfg is not the
  user's, so its `cache-dir` may only pick a folder *inside* that user cache folder (a
  relative path is taken from there; `..` out of it, or a symlink on the way, is a
  configuration error, exit 2): it can separate its entries, never aim the cache at its
  own files or anyone else's.
- **No symlinks.** The folder is opened with O_NOFOLLOW (checked with lstat where that is
  missing) and must be a folder owned by the user that others cannot write; every name is
  then opened relative to that open folder, again with O_NOFOLLOW, and must be a regular
  file. A folder this creates is 0700, the key 0600.
- **Only its own files.** Entries are named `lint-<64 hex digits>.json`; pruning (the newest
  `KEEP` stay) looks at nothing but regular files of exactly that pattern, and temporary
  files `.tmp-<32 hex digits>` older than an hour, in that one folder.
- **Bound to the user.** Each entry starts with an HMAC-SHA256 over its cache key and its
  content, under a random key kept in the cache folder (file `key`, created 0600 on first
  use with `secrets.token_bytes`, never read from the checkout). An entry copied from
  elsewhere, tampered, truncated or moved to another key fails the check and is a miss;
  one that passes is still checked field by field (`LintReport.from_data`, plain Python,
  no pydantic) before it is believed. A bad entry is never an error.
- **Off in CI** (the `CI` variable set, other than `false`/`0`): a CI runner's cache can be
  restored across trust boundaries. `--cache` on the command line or `EA_CACHE=1` turns it
  on there; `--no-cache` or `EA_CACHE=0` turns it off anywhere. A repository's
  configuration cannot switch it on: an attacker writes that file.

Entries are JSON, never pickle: reading one cannot run code.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
import sys
import time
from pathlib import Path

from .. import __version__
from .folder import TEMP, Folder

ENV_DIR = "EA_CACHE_DIR"
ENV_SWITCH = "EA_CACHE"
KEY_NAME = "key"
KEY_BYTES = 32
KEEP = 16
_PREFIX, _SUFFIX = "lint-", ".json"
_MAGIC = b"eaframework-lint-cache/1 "
_HEX = frozenset("0123456789abcdef")
_YES, _NO = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def fingerprint(files: list[tuple[str, bytes]], settings: str = "") -> str:
    digest = hashlib.sha256()
    digest.update(f"eaframework {__version__}\0{settings}\0".encode())
    for name, content in files:
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


def enabled(requested: bool | None = None) -> bool:
    """Whether to use the cache: `requested` (--cache / --no-cache) when given, else
    `EA_CACHE`, else on unless running in CI."""
    if requested is not None:
        return requested
    switch = os.environ.get(ENV_SWITCH, "").strip().lower()
    if switch in _YES or switch in _NO:
        return switch in _YES
    return os.environ.get("CI", "").strip().lower() in ("", "false", "0")


def user_cache_root() -> Path | None:
    """The platform's user cache folder for eaframework, or None when there is no home."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA", "")
        return Path(base, "eaframework", "Cache") if os.path.isabs(base) else None
    home = os.path.expanduser("~")
    if not os.path.isabs(home):
        return None
    if sys.platform == "darwin":
        return Path(home, "Library", "Caches", "eaframework")
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: a relative value is ignored
        base = os.path.join(home, ".cache")
    return Path(base, "eaframework")


def cache_dir(configured: str | None = None) -> Path | None:
    """`EA_CACHE_DIR`, else the folder inside the user cache folder that a configuration's
    `cache-dir` names, else the user cache folder. ValueError when `cache-dir` names a
    folder outside it or reached through a symlink (whether or not it would be used)."""
    root = user_cache_root()
    target = root
    if root is not None and configured and configured.strip():
        target = Path(os.path.normpath(os.path.join(root, configured.strip())))
        try:
            inside = target.relative_to(root)
        except ValueError:
            raise ValueError(
                f"cache-dir {configured!r} is outside the user cache folder {root}: a "
                f"repository may only choose a folder inside it ({ENV_DIR} moves it anywhere)"
            ) from None
        step = root
        for part in inside.parts:
            step = step / part
            if os.path.islink(step):
                raise ValueError(f"cache-dir {configured!r} passes through a symlink ({step})")
    if env := os.environ.get(ENV_DIR):
        return Path(os.path.abspath(env))
    return target


def load(directory: Path | None, key: str):
    """The JSON data stored under `key`, or None (missing, foreign, tampered, unreadable)."""
    if directory is None or not _is_digest(key):
        return None
    try:
        folder = Folder(directory, create=False)
    except OSError:
        return None
    try:
        secret = _key(folder, create=False)
        name = _PREFIX + key + _SUFFIX
        data = folder.read(name) if secret else None
        if not data or not data.startswith(_MAGIC):
            return None
        start = len(_MAGIC) + 64
        if data[start:start + 1] != b"\n":
            return None
        payload = data[start + 1:]
        if not hmac.compare_digest(data[len(_MAGIC):start], _mac(secret, key, payload)):
            return None
        folder.touch(name)  # pruning keeps the entries used last
        return json.loads(payload)
    except (OSError, ValueError, RecursionError):
        return None
    finally:
        folder.close()


def store(directory: Path | None, key: str, value: object, keep: int = KEEP) -> None:
    """Store JSON-able `value` under `key`, keeping the newest `keep` entries."""
    if directory is None or not _is_digest(key):
        return
    try:
        payload = json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                             allow_nan=False).encode()
        folder = Folder(directory, create=True)
    except (OSError, TypeError, ValueError):
        return
    try:
        secret = _key(folder, create=True)
        if secret is None:
            return
        folder.create(".gitignore", b"*\n")
        folder.write(_PREFIX + key + _SUFFIX,
                     _MAGIC + _mac(secret, key, payload) + b"\n" + payload)
        _prune(folder, keep)
    except OSError:
        pass
    finally:
        folder.close()


def _is_digest(text: str) -> bool:
    return len(text) == 64 and _HEX.issuperset(text)


def _mac(secret: bytes, key: str, payload: bytes) -> bytes:
    mac = hmac.new(secret, _MAGIC + key.encode() + b"\n", "sha256")
    mac.update(payload)
    return mac.hexdigest().encode()


def _key(folder: Folder, create: bool) -> bytes | None:
    """The secret of this cache folder; None when it is missing (and not `create`) or not
    a private regular file of the right length (then the cache is not used)."""
    secret = folder.read(KEY_NAME, private=True)
    if secret is None and create and not folder.exists(KEY_NAME):
        import secrets  # only here: the warm path needs no random numbers

        fresh = secrets.token_bytes(KEY_BYTES)
        secret = fresh if folder.publish(KEY_NAME, fresh) else folder.read(KEY_NAME, private=True)
    return secret if secret is not None and len(secret) == KEY_BYTES else None


def _prune(folder: Folder, keep: int) -> None:
    entries, stale = [], time.time() - 3600
    for name in folder.names():
        temp = name.startswith(TEMP) and len(name) == len(TEMP) + 32 and _HEX.issuperset(
            name[len(TEMP):])
        entry = (name.startswith(_PREFIX) and name.endswith(_SUFFIX)
                 and _is_digest(name[len(_PREFIX):-len(_SUFFIX)]))
        if not (temp or entry):
            continue
        try:
            info = folder.lstat(name)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        if entry:
            entries.append((info.st_mtime_ns, name))
        elif info.st_mtime < stale:
            folder.unlink(name)
    entries.sort()
    for _, name in entries[:max(len(entries) - keep, 0)]:
        folder.unlink(name)
