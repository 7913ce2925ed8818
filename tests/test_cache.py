"""The lint result cache: what its key depends on, where it lives, and that a checkout
cannot turn it against the user (symlinks, pruning, forged, tampered or misshapen entries,
CI). Every `ea` run here has its own HOME and XDG_CACHE_HOME: nothing touches the real
user cache."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
import sys
import time
from pathlib import Path

import pytest

from eaframework import cache
from eaframework.diagnostics import Diagnostic, Location
from eaframework.lint import LintReport
from tests.conftest import integrity
from tests.test_cli import BROKEN, CLEAN

FILES = [("m/a.yaml", b"apiVersion: eaframework/v1\n"), ("m/b.yaml", b"elements: []\n")]
KEY = "ab" * 32
POSIX = os.name == "posix"
posix_only = pytest.mark.skipif(not POSIX, reason="permissions and symlinks as on POSIX")


# -- helpers ----------------------------------------------------------------------------------
@pytest.fixture
def home(tmp_path, monkeypatch):
    """A private HOME and XDG_CACHE_HOME, in this process and for `ea` runs (`env`)."""
    env = {"HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": str(tmp_path / "xdg"),
           "LOCALAPPDATA": str(tmp_path / "local"), "USERPROFILE": str(tmp_path / "home"),
           "EA_CACHE_DIR": None, "EA_CACHE": None, "CI": None}
    for name, value in env.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    return env


@pytest.fixture
def project(tmp_path, write_model):
    """A checkout: setup.cfg, .git and a model with findings."""
    root = tmp_path / "checkout"
    write_model(root, {"setup.cfg": "[metadata]\nname = kunta\n", "malli/m.yaml": BROKEN})
    (root / ".git").mkdir()
    return root


def entries_in(folder: Path) -> list[Path]:
    return sorted(folder.glob("lint-*.json")) if folder.is_dir() else []


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every path under `folder` with its content (symlinks by target, not followed)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = "-> " + os.readlink(path)
        elif path.is_file():
            found[name] = path.read_bytes()
        else:
            found[name] = "dir"
    return found


def payload_of(entry: Path) -> dict:
    """The JSON an entry holds (after the keyed-hash header line, where there is one)."""
    raw = entry.read_bytes()
    return json.loads(raw.split(b"\n", 1)[1] if raw.startswith(b"eaframework-lint") else raw)


def rewrite(entry: Path, payload: bytes, secret: bytes | None = None) -> None:
    """Replace what `entry` holds by `payload`, signed with `secret` (by default the
    cache folder's own key, as eaframework would) when the entry was signed."""
    raw = entry.read_bytes()
    if not raw.startswith(b"eaframework-lint"):  # an unsigned cache: plain JSON
        entry.write_bytes(payload)
        return
    magic = raw[: raw.index(b" ") + 1]
    secret = secret if secret is not None else (entry.parent / "key").read_bytes()
    fingerprint = entry.name.removeprefix("lint-").removesuffix(".json")
    mac = hmac.new(secret, magic + fingerprint.encode() + b"\n" + payload, "sha256")
    entry.write_bytes(magic + mac.hexdigest().encode() + b"\n" + payload)


def with_diagnostics(entry: Path, diagnostics: list[Diagnostic]) -> bytes:
    stored = LintReport.from_data(payload_of(entry))
    assert isinstance(stored, LintReport)
    stored.diagnostics = diagnostics
    return json.dumps(stored.to_data()).encode()


MARKER = Diagnostic("EA999", "answer from the cache", location=Location("malli/m.yaml", 7, 7))
MARKER_LINE = "malli/m.yaml:7:7  error  EA999  answer from the cache\n"


# -- the key of an entry -------------------------------------------------------------------
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


# -- storing and loading ----------------------------------------------------------------------
@posix_only
def test_store_and_load_in_a_private_folder_with_a_private_key(tmp_path):
    folder = tmp_path / "c"
    assert cache.load(folder, KEY) is None
    cache.store(folder, KEY, {"answer": [1, 2]})
    assert cache.load(folder, KEY) == {"answer": [1, 2]}
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    key = folder / "key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == 32
    assert sorted(p.name for p in folder.iterdir()) == [".gitignore", "key", f"lint-{KEY}.json"]
    assert cache.load(None, KEY) is None
    cache.store(None, KEY, 1)  # no folder: nothing happens
    cache.store(folder, "../escape", 1)  # not a digest: not a name the cache writes
    assert not (tmp_path / "escape.json").exists()


def test_entries_are_bound_to_the_key_and_to_their_name(tmp_path):
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    cache.store(mine, KEY, {"v": 1})
    cache.store(theirs, KEY, {"v": 2})
    entry = mine / f"lint-{KEY}.json"
    # an entry made with another key (another user, a committed file) is a miss
    entry.write_bytes((theirs / f"lint-{KEY}.json").read_bytes())
    assert cache.load(mine, KEY) is None
    # so is an entry moved to another name, a tampered one and a truncated one
    cache.store(mine, KEY, {"v": 1})
    other = "cd" * 32
    (mine / f"lint-{other}.json").write_bytes(entry.read_bytes())
    assert cache.load(mine, other) is None
    good = entry.read_bytes()
    for bad in (good.replace(b'"v":1', b'"v":3'), good[:-1], good[:40], b"", b"\x80\x04\x95",
                b"garbage", good.split(b"\n", 1)[1]):
        entry.write_bytes(bad)
        assert cache.load(mine, KEY) is None, bad
    entry.write_bytes(good)
    assert cache.load(mine, KEY) == {"v": 1}


@posix_only
def test_a_key_that_is_not_private_or_not_a_file_disables_the_cache(tmp_path):
    folder = tmp_path / "c"
    cache.store(folder, KEY, 1)
    key = folder / "key"
    key.chmod(0o644)
    assert cache.load(folder, KEY) is None
    key.chmod(0o600)
    assert cache.load(folder, KEY) == 1
    elsewhere = tmp_path / "planted-key"
    elsewhere.write_bytes(key.read_bytes())
    elsewhere.chmod(0o600)
    key.unlink()
    key.symlink_to(elsewhere)
    assert cache.load(folder, KEY) is None
    cache.store(folder, KEY, 2)  # neither followed nor replaced
    assert key.is_symlink() and cache.load(folder, KEY) is None


@posix_only
def test_symlinks_are_never_followed(tmp_path):
    target = tmp_path / "victim"
    target.mkdir()
    for number in range(20):
        (target / f"notes{number}.json").write_text("{}", encoding="utf-8")
    cache.store(target, KEY, {"v": 1})  # a valid entry behind the link
    before = tree(target)
    link = tmp_path / "c"
    link.symlink_to(target, target_is_directory=True)
    assert cache.load(link, KEY) is None
    for number in range(20):
        cache.store(link, f"{number:064x}", number, keep=2)
    assert tree(target) == before
    # inside a real folder: an entry that is a symlink is not read
    folder = tmp_path / "real"
    cache.store(folder, KEY, {"v": 1})
    entry = folder / f"lint-{KEY}.json"
    outside = tmp_path / "outside.json"
    outside.write_bytes(entry.read_bytes())
    entry.unlink()
    entry.symlink_to(outside)
    assert cache.load(folder, KEY) is None


@posix_only
def test_a_fifo_named_like_an_entry_does_not_hang(tmp_path):
    folder = tmp_path / "c"
    cache.store(folder, "00" * 32, 1)
    os.mkfifo(folder / f"lint-{KEY}.json")
    assert cache.load(folder, KEY) is None


def test_pruning_keeps_the_newest_and_touches_only_its_own_entries(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir(mode=0o700)
    others = {"notes.json": b"{}", "lint-xyz.json": b"x", f"lint-{'AB' * 32}.json": b"x",
              f"lint-{'ab' * 31}.json": b"x", f"lint-{'ab' * 32}.json.bak": b"x",
              f"x-lint-{'ab' * 32}.json": b"x", ".tmp-short": b"x", f".tmp-{'0' * 32}": b"x"}
    for name, content in others.items():
        (folder / name).write_bytes(content)
    stale = folder / f".tmp-{'1' * 32}"  # left by a crash an hour ago
    stale.write_bytes(b"x")
    os.utime(stale, (time.time() - 4000, time.time() - 4000))
    (folder / f"lint-{'ef' * 32}.json").mkdir()  # a folder named like an entry
    keys = [f"{number:064x}" for number in range(10)]
    for number, key in enumerate(keys):
        cache.store(folder, key, number, keep=8)
        past = time.time() - 100 + number  # distinct, increasing modification times
        os.utime(folder / f"lint-{key}.json", (past, past))
    cache.store(folder, KEY, "last", keep=8)
    assert {p.name for p in entries_in(folder) if p.is_file()} - set(others) == {
        f"lint-{k}.json" for k in [KEY, *keys[3:]]
    }
    for name, content in others.items():
        assert (folder / name).read_bytes() == content
    assert (folder / f"lint-{'ef' * 32}.json").is_dir()
    assert not stale.exists()


def test_an_unusable_folder_is_simply_not_used(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    cache.store(blocker / "c", KEY, 1)
    cache.store(blocker, KEY, 1)
    assert cache.load(blocker, KEY) is None
    assert blocker.read_text(encoding="utf-8") == "x"


# -- where the cache lives ------------------------------------------------------------------
def test_the_default_folder_is_the_user_cache_folder(home, tmp_path, monkeypatch):
    root = cache.user_cache_root()
    if sys.platform not in ("win32", "darwin"):
        assert root == tmp_path / "xdg" / "eaframework"
        monkeypatch.setenv("XDG_CACHE_HOME", "relative/xdg")  # ignored, as XDG says
        assert cache.user_cache_root() == tmp_path / "home" / ".cache" / "eaframework"
        monkeypatch.delenv("XDG_CACHE_HOME")
        assert cache.user_cache_root() == tmp_path / "home" / ".cache" / "eaframework"
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == root
    monkeypatch.setenv("EA_CACHE_DIR", str(tmp_path / "env"))
    assert cache.cache_dir() == tmp_path / "env"
    assert cache.cache_dir("kunta") == tmp_path / "env"


def test_a_configuration_may_only_choose_a_folder_inside_the_user_cache(home, tmp_path):
    root = cache.user_cache_root()
    assert cache.cache_dir("kunta") == root / "kunta"
    assert cache.cache_dir("kunta/../muu") == root / "muu"
    assert cache.cache_dir(str(root / "abs")) == root / "abs"
    for outside in ("..", "../eaframework-other", "kunta/../../..", str(tmp_path / "checkout"),
                    str(tmp_path / "xdg")):
        with pytest.raises(ValueError, match="outside the user cache folder"):
            cache.cache_dir(outside)
    if POSIX:
        root.mkdir(parents=True)
        (root / "sneaky").symlink_to(tmp_path, target_is_directory=True)
        with pytest.raises(ValueError, match="symlink"):
            cache.cache_dir("sneaky/c")


@pytest.mark.parametrize(
    ("environment", "requested", "expected"),
    [({}, None, True), ({"CI": "true"}, None, False), ({"CI": "1"}, None, False),
     ({"CI": "woodpecker"}, None, False), ({"CI": "false"}, None, True), ({"CI": "0"}, None, True),
     ({"CI": ""}, None, True), ({"CI": "true"}, True, True), ({}, False, False),
     ({"CI": "true", "EA_CACHE": "1"}, None, True), ({"EA_CACHE": "0"}, None, False),
     ({"EA_CACHE": "0"}, True, True), ({"CI": "true", "EA_CACHE": "1"}, False, False)],
)
def test_on_unless_in_ci_or_asked(home, monkeypatch, environment, requested, expected):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert cache.enabled(requested) is expected


# -- the shape of an entry ----------------------------------------------------------------------
def _stored_report() -> dict:
    report = LintReport([MARKER], files=1, elements=2)
    data = report.to_data()
    data["rules"] = [{"code": "EA101", "name": "x", "severity": "error", "checked": 2,
                      "findings": 1, "suppressed": 0}]
    data["principles"] = [{"id": "p", "code": None, "name": "P", "rules": ["EA101"],
                           "checked": 2, "failing": [["a", "A"]], "unknown_rules": []}]
    return data


def _misshapen() -> list:
    good = _stored_report()
    diagnostic, rule, principle = good["diagnostics"][0], good["rules"][0], good["principles"][0]

    def change(**parts):
        return {**good, **parts}

    return [
        [], "text", 5, None, {}, {**good, "extra": 1},
        {k: v for k, v in good.items() if k != "rules"},
        change(files="5"), change(files=True), change(files=-1), change(files=10**30),
        change(files=1e308), change(files=float("nan")), change(elements=2.0),
        change(diagnostics={}), change(diagnostics=[None]), change(diagnostics=["EA999"]),
        change(diagnostics=[{**diagnostic, "code": 5}]),
        change(diagnostics=[{**diagnostic, "message": None}]),
        change(diagnostics=[{**diagnostic, "severity": "fatal"}]),
        change(diagnostics=[{**diagnostic, "severity": 3}]),
        change(diagnostics=[{**diagnostic, "location": {"file": 5, "line": 1, "column": 1}}]),
        change(diagnostics=[{**diagnostic, "location": {"file": "a", "line": 10**20,
                                                        "column": 1}}]),
        change(diagnostics=[{**diagnostic, "location": ["a", 1, 1]}]),
        change(diagnostics=[{**diagnostic, "suppressed": {"kind": "x"}}]),
        change(diagnostics=[{**diagnostic, "hint": ["list"]}]),
        change(diagnostics=[{k: v for k, v in diagnostic.items() if k != "hint"}]),
        change(rules=[{**rule, "checked": "2"}]), change(rules=[{**rule, "extra": 1}]),
        change(rules=[[1, 2]]), change(principles=[{**principle, "failing": [["a"]]}]),
        change(principles=[{**principle, "failing": [[1, 2]]}]),
        change(principles=[{**principle, "rules": "EA101"}]),
    ]


def test_a_report_is_read_back_only_when_every_field_fits():
    good = _stored_report()
    report = LintReport.from_data(json.loads(json.dumps(good)))
    assert report is not None and json.loads(json.dumps(report.to_data())) == good
    assert report.principles[0].failing == [("a", "A")]
    for bad in _misshapen():
        assert LintReport.from_data(bad) is None, bad


# -- attacks through the command line -------------------------------------------------------------
def test_a_cache_symlink_in_the_checkout_is_neither_followed_nor_pruned(run_ea, home, project,
                                                                        tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    for number in range(12):
        (victim / f"important{number}.json").write_text(f'{{"n": {number}}}', encoding="utf-8")
    (project / ".ea_cache").symlink_to(victim, target_is_directory=True)
    before_victim, before_checkout = tree(victim), tree(project)
    model = project / "malli" / "m.yaml"
    for number in range(10):  # ten different models: ten entries, pruning on every store
        model.write_text(BROKEN + f"# {number}\n", encoding="utf-8")
        before_checkout["malli/m.yaml"] = model.read_bytes()
        result = run_ea("lint", "malli", cwd=project, env=home)
        assert result.code == 1, result.err
    assert tree(victim) == before_victim
    assert tree(project) == before_checkout
    assert len(entries_in(Path(home["XDG_CACHE_HOME"]) / "eaframework")) == 10


def test_a_committed_or_tampered_entry_is_not_trusted(run_ea, home, project, tmp_path):
    env = {**home, "EA_CACHE_DIR": str(tmp_path / "cache")}
    first = run_ea("lint", "malli", cwd=project, env=env)
    assert first.code == 1 and integrity(first.out)
    (entry,) = sorted((tmp_path / "cache").glob("*.json"))
    good, emptied = entry.read_bytes(), with_diagnostics(entry, [])
    attacker_key = b"\x01" * 32
    for forge in (lambda: entry.write_bytes(emptied),  # a plain JSON entry, as once written
                  lambda: rewrite(entry, emptied, attacker_key),  # signed with another key
                  lambda: entry.write_bytes(good.split(b"\n", 1)[0] + b"\n" + emptied)):
        entry.write_bytes(good)
        forge()
        again = run_ea("lint", "malli", cwd=project, env=env)
        assert (again.code, again.out) == (first.code, first.out)
        assert "internal error" not in again.err


def test_ea_report_shows_the_findings_a_tampered_entry_hides(run_ea, home, tmp_path, write_model):
    from tests.conftest import REPO

    model = tmp_path / "malli"
    for source in (REPO / "models" / "esimerkkila").rglob("*.yaml"):
        write_model(model, {source.relative_to(REPO / "models" / "esimerkkila").as_posix():
                            source.read_bytes()})
    env = {**home, "EA_CACHE_DIR": str(tmp_path / "cache")}
    honest = run_ea("report", "malli", "--no-diagrams", "--no-cache", "-o", "honest.html",
                    cwd=tmp_path, env=env)
    assert honest.code == 0, honest.err
    run_ea("report", "malli", "--no-diagrams", "-o", "first.html", cwd=tmp_path, env=env)
    (entry,) = sorted((tmp_path / "cache").glob("*.json"))
    entry.write_bytes(with_diagnostics(entry, []))  # plain JSON, or a broken signature
    tampered = run_ea("report", "malli", "--no-diagrams", "-o", "tampered.html", cwd=tmp_path,
                      env=env)
    assert tampered.code == 0, tampered.err
    assert (tmp_path / "tampered.html").read_bytes() == (tmp_path / "honest.html").read_bytes()


def test_misshapen_entries_are_misses_never_internal_errors(run_ea, home, project, tmp_path):
    env = {**home, "EA_CACHE_DIR": str(tmp_path / "cache")}
    first = run_ea("lint", "malli", cwd=project, env=env)
    (entry,) = sorted((tmp_path / "cache").glob("*.json"))
    payloads = [json.dumps(bad).encode() for bad in _misshapen()]
    payloads += [b"\xff\xfe\x00not utf-8", b"[" * 100_000 + b"]" * 100_000, b'{"files": 1',
                 b'{"files": ' + b"9" * 5000 + b"}"]
    for payload in payloads:
        rewrite(entry, payload)  # signed with the folder's own key, where entries are signed
        again = run_ea("lint", "malli", cwd=project, env=env)
        assert (again.code, again.out, again.err) == (first.code, first.out, first.err), payload


def test_the_cache_is_off_in_ci_unless_asked_for(run_ea, home, project, tmp_path):
    env = {**home, "EA_CACHE_DIR": str(tmp_path / "cache")}
    ci = run_ea("lint", "malli", cwd=project, env={**env, "CI": "true"})
    assert ci.code == 1
    assert not list(tmp_path.glob("cache/*.json"))
    first = run_ea("lint", "malli", cwd=project, env=env)  # outside CI: written
    (entry,) = sorted((tmp_path / "cache").glob("*.json"))
    rewrite(entry, with_diagnostics(entry, [MARKER]))  # a valid entry, to see who reads it
    for extra, args, read in [({"CI": "true"}, (), False), ({"CI": "1"}, (), False),
                              ({"CI": "true"}, ("--cache",), True),
                              ({"CI": "true", "EA_CACHE": "1"}, (), True),
                              ({"CI": "false"}, (), True), ({"CI": "0"}, (), True),
                              ({}, ("--no-cache",), False), ({"EA_CACHE": "0"}, (), False)]:
        result = run_ea("lint", "malli", *args, cwd=project, env={**env, **extra})
        assert result.out == (MARKER_LINE if read else first.out), (extra, args)
    assert sorted((tmp_path / "cache").glob("*.json")) == [entry]


@posix_only
def test_the_default_cache_is_private_and_outside_the_checkout(run_ea, home, project, tmp_path):
    before = tree(project)
    first = run_ea("lint", "malli", cwd=project, env=home)
    second = run_ea("lint", "malli", cwd=project, env=home)
    assert first.code == second.code == 1 and first.out == second.out
    assert tree(project) == before  # nothing written into the checkout
    folder = Path(home["XDG_CACHE_HOME"]) / "eaframework"
    assert len(entries_in(folder)) == 1
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "key").stat().st_mode) == 0o600


def test_ea_cache_dir_moves_the_cache(run_ea, home, project, tmp_path):
    moved = tmp_path / "elsewhere" / "c"
    result = run_ea("lint", "malli", cwd=project, env={**home, "EA_CACHE_DIR": str(moved)})
    assert result.code == 1
    assert len(entries_in(moved)) == 1
    assert not (tmp_path / "xdg").exists()


def test_cache_dir_in_the_repository_stays_inside_the_user_cache(run_ea, home, project,
                                                                 tmp_path):
    cfg = project / "setup.cfg"
    cfg.write_text("[eaframework]\ncache-dir = kunta\n", encoding="utf-8")
    assert run_ea("lint", "malli", cwd=project, env=home).code == 1
    assert len(entries_in(tmp_path / "xdg" / "eaframework" / "kunta")) == 1
    for outside in ("../../checkout/.ea_cache", str(project / "cache"), ".."):
        cfg.write_text(f"[eaframework]\ncache-dir = {outside}\n", encoding="utf-8")
        result = run_ea("lint", "malli", cwd=project, env=home)
        assert result.code == 2, (outside, result.err)
        assert "outside the user cache folder" in result.err
        assert len(result.err.strip().splitlines()) == 1
        assert not (project / ".ea_cache").exists() and not (project / "cache").exists()


# -- the cache at work (moved here from test_cli) ----------------------------------------------
@pytest.fixture
def cached(tmp_path, write_model, home):
    write_model(tmp_path, {"malli/m.yaml": BROKEN})
    return tmp_path, {**home, "EA_CACHE_DIR": str(tmp_path / "cache")}


def test_cache_entry_is_written_and_reused(run_ea, cached):
    root, env = cached
    first = run_ea("lint", "malli", cwd=root, env=env)
    assert first.code == 1
    entries = entries_in(root / "cache")
    assert len(entries) == 1
    assert (root / "cache" / ".gitignore").read_text() == "*\n"
    second = run_ea("lint", "malli", cwd=root, env=env)
    assert (second.code, second.out, second.err) == (first.code, first.out, first.err)
    assert entries_in(root / "cache") == entries

    # prove the second answer came from the entry: replace what it holds (signed)
    rewrite(entries[0], with_diagnostics(entries[0], [MARKER]))
    third = run_ea("lint", "malli", cwd=root, env=env)
    assert third.out == MARKER_LINE
    assert third.code == 1

    # --no-cache neither reads nor writes entries
    fresh = run_ea("lint", "malli", "--no-cache", cwd=root, env=env)
    assert (fresh.code, fresh.out) == (first.code, first.out)
    assert entries_in(root / "cache") == entries


def test_a_changed_file_changes_the_result(run_ea, cached):
    root, env = cached
    first = run_ea("lint", "malli", cwd=root, env=env)
    assert any(f["code"] == "EA005" for f in integrity(first.out))
    (root / "malli" / "m.yaml").write_text(CLEAN, encoding="utf-8")
    second = run_ea("lint", "malli", cwd=root, env=env)
    assert second.code == 0 and second.out == ""
    assert len(entries_in(root / "cache")) == 2
    # an added file is a change too
    (root / "malli" / "extra.yaml").write_text(
        "apiVersion: eaframework/v1\nelements:\n  - kind: organisation-unit\n"
        "    id: org-kunta\n    name: Toinen\n", encoding="utf-8")
    third = run_ea("lint", "malli", cwd=root, env=env)
    assert [f["code"] for f in integrity(third.out)] == ["EA006"]


def test_unusable_input_is_not_cached_as_a_result_for_other_paths(run_ea, cached):
    root, env = cached
    first = run_ea("lint", "missing-one", cwd=root, env=env)
    second = run_ea("lint", "missing-two", cwd=root, env=env)
    assert first.out == "missing-one:1:1  error  EA001  no such file or folder: missing-one\n"
    assert second.out == "missing-two:1:1  error  EA001  no such file or folder: missing-two\n"


def test_unwritable_cache_is_simply_not_used(run_ea, cached, write_model):
    root, env = cached
    write_model(root, {"m.yaml": CLEAN, "not-a-folder": "x"})
    env = {**env, "EA_CACHE_DIR": str(root / "not-a-folder" / "cache")}
    result = run_ea("lint", "m.yaml", cwd=root, env=env)
    assert result.code == 0 and result.out == ""
    assert "Traceback" not in result.err


class _Touch:
    """A pickle that, when loaded, creates a file: what a hostile checkout could commit."""

    def __init__(self, path):
        self.path = str(path)

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_cache_entries_are_data_never_code(run_ea, cached):
    """A crafted entry is read as JSON data or ignored, never unpickled."""
    import pickle

    root, env = cached
    first = run_ea("lint", "malli", cwd=root, env=env)
    (entry,) = entries_in(root / "cache")
    marker = root / "EXECUTED"
    for forged in (pickle.dumps(_Touch(marker)), b"not json {"):
        entry.write_bytes(forged)
        again = run_ea("lint", "malli", cwd=root, env=env)
        assert not marker.exists()
        assert (again.code, again.out) == (first.code, first.out)


def test_the_key_is_random_per_cache_folder(tmp_path):
    cache.store(tmp_path / "a", KEY, 1)
    cache.store(tmp_path / "b", KEY, 1)
    keys = {(tmp_path / name / "key").read_bytes() for name in "ab"}
    assert len(keys) == 2 and all(len(k) == 32 for k in keys)
    assert hashlib.sha256(b"").digest() not in keys


def test_an_entry_read_is_kept_longer_than_one_not_read(tmp_path):
    folder = tmp_path / "c"
    old, newer, newest = ("1" * 64, "2" * 64, "3" * 64)
    for number, key in enumerate((old, newer)):
        cache.store(folder, key, number)
        past = time.time() - 100 + number
        os.utime(folder / f"lint-{key}.json", (past, past))
    assert cache.load(folder, old) == 0  # used now: the newest
    cache.store(folder, newest, 2, keep=2)
    assert cache.load(folder, old) == 0 and cache.load(folder, newest) == 2
    assert cache.load(folder, newer) is None
