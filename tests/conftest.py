"""Shared helpers: writing model files, running the real `ea` command, the shared folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# `<repo>/../shared`: files shared between the projects of this workspace (schemas, seeds).
SHARED = Path(__file__).resolve().parents[2] / "shared"

HEADER = "apiVersion: eaframework/v1\n"


class EaResult(tuple):
    """(exit code, stdout, stderr) of one `ea` run; `.seconds` is how long it took."""

    def __new__(cls, code: int, out: str, err: str, seconds: float):
        result = super().__new__(cls, (code, out, err))
        result.seconds = seconds
        return result

    code = property(lambda self: self[0])
    out = property(lambda self: self[1])
    err = property(lambda self: self[2])


def run_ea(
    *args: str | os.PathLike,
    cwd: str | os.PathLike | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
) -> EaResult:
    """Run the real CLI (`python -m eaframework ...`) in a subprocess.

    `env` entries are added to the current environment; a value of None removes a name.
    """
    full_env = dict(os.environ)
    full_env.pop("EA_CACHE_DIR", None)
    for name, value in (env or {}).items():
        if value is None:
            full_env.pop(name, None)
        else:
            full_env[name] = value
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "eaframework", *map(str, args)],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )
    return EaResult(proc.returncode, proc.stdout, proc.stderr, time.monotonic() - started)


@pytest.fixture(name="run_ea")
def run_ea_fixture(tmp_path_factory) -> Callable[..., EaResult]:
    """`run_ea(*args, cwd=..., env=..., timeout=60)`; the lint cache goes to a private
    temporary folder unless `env` names EA_CACHE_DIR, so the repository is never touched."""
    cache = tmp_path_factory.mktemp("ea-cache")

    def _run(*args, cwd=None, env=None, timeout=60) -> EaResult:
        merged = {"EA_CACHE_DIR": str(cache), **(env or {})}
        return run_ea(*args, cwd=cwd, env=merged, timeout=timeout)

    return _run


def _write_model(root: Path, files: dict[str, str | bytes]) -> Path:
    root = Path(root)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def write_model() -> Callable[[Path, dict[str, str | bytes]], Path]:
    """`write_model(tmp_path, {"a.yaml": text, ...})` writes the files and returns the folder."""
    return _write_model


@pytest.fixture
def shared_dir() -> Path:
    return SHARED


@pytest.fixture
def shared_file(shared_dir) -> Callable[[str], Path]:
    """`shared_file("sarif/sarif-schema-2.1.0.json")`: the path, or the test is skipped."""

    def _get(relative: str) -> Path:
        path = shared_dir / relative
        if not path.exists():
            pytest.skip(f"needs {relative} in the shared folder {shared_dir}, which is absent")
        return path

    return _get


def position(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """1-based (line, column) of the `occurrence`-th `needle` in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return line, column


# `file:line:col  severity  code  message`, or `(model)  severity  code  message` for
# findings about the model as a whole; `    hint: ...` lines belong to the line above.
_FINDING = re.compile(
    r"^(?:(?P<file>.+?):(?P<line>\d+):(?P<col>\d+)|\(model\))  (?P<sev>error|warning|info)"
    r"  (?P<code>EA\d{3})  (?P<msg>.+)$"
)


def findings(out: str) -> list[dict]:
    """The findings in `ea lint`'s text output; fails on any line of another shape."""
    found = []
    for line in out.splitlines():
        if not line.strip() or line.startswith("    hint: "):
            continue
        match = _FINDING.match(line)
        assert match, f"not a finding line: {line!r}\n---\n{out}"
        item = match.groupdict()
        if item["file"] is not None:
            item["line"], item["col"] = int(item["line"]), int(item["col"])
        found.append(item)
    return found


def integrity(out: str) -> list[dict]:
    """Only the loader's model-integrity findings (EA0xx), not the rules' ones."""
    return [f for f in findings(out) if f["code"].startswith("EA0")]
