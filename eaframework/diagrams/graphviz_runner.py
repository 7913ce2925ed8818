"""The one place that runs Graphviz: DOT text in, image bytes out.

Which binary, in order:
1. `EA_DOT` in the environment, else `dot` in setup.cfg: a command name or a path;
2. `graphviz-pure` installed next to this Python (it comes from pip with eaframework) or
   on PATH: a static, deterministic `dot` that makes svg and png;
3. a system Graphviz `dot` on PATH, which is also the only one that makes pdf.

The binary gets the DOT on stdin and a timeout, so a layout that never ends is stopped
with a message instead of hanging the run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from . import DEFAULT_TIMEOUT

PURE = "graphviz-pure"
SYSTEM = "dot"
PURE_FORMATS = ("svg", "png")


class GraphvizError(Exception):
    """Graphviz is missing, failed or took too long; the message says what to do."""


@dataclass(frozen=True)
class Binary:
    path: str
    origin: str  # where it came from, for messages: "EA_DOT", "setup.cfg", ...

    @property
    def is_pure(self) -> bool:
        return Path(self.path).name.removesuffix(".exe") == PURE


def find_binary(fmt: str, configured: str | None = None, env: dict | None = None) -> Binary:
    """The Graphviz binary to make `fmt` with, or a GraphvizError naming what was tried.
    `env` (default: the process environment) gives EA_DOT and the PATH searched."""
    env = os.environ if env is None else env
    search = env.get("PATH", "")
    tried = []
    for origin, value in (("EA_DOT", env.get("EA_DOT")), ("setup.cfg `dot`", configured)):
        if value:
            found = shutil.which(value, path=search) or (value if Path(value).is_file() else None)
            if found is None:
                raise GraphvizError(f"Graphviz binary {value!r} from {origin} not found; "
                                    "give a command on PATH or a path to an executable")
            return Binary(found, origin)
    if fmt in PURE_FORMATS:
        beside = Path(sys.executable).parent / (PURE + (".exe" if os.name == "nt" else ""))
        tried.append(f"{PURE} next to Python ({beside.parent})")
        if beside.is_file():
            return Binary(str(beside), "pip")
        tried.append(f"{PURE} on PATH")
        if found := shutil.which(PURE, path=search):
            return Binary(found, "PATH")
    tried.append(f"{SYSTEM} on PATH")
    if found := shutil.which(SYSTEM, path=search):
        return Binary(found, "PATH")
    if fmt in PURE_FORMATS:
        raise GraphvizError(
            f"no Graphviz found to make {fmt} (looked for EA_DOT, `dot` in setup.cfg, "
            f"{', '.join(tried)}); install it with `pip install graphviz-pure`, or use "
            "--format dot"
        )
    raise GraphvizError(
        f"{fmt} needs Graphviz's own `dot` (graphviz-pure makes svg and png only), and none "
        f"was found (looked for EA_DOT, `dot` in setup.cfg, {', '.join(tried)}); install "
        "Graphviz (e.g. `apt install graphviz`) or set EA_DOT, or use --format svg"
    )


def run(dot: str, fmt: str, binary: Binary, timeout: float = DEFAULT_TIMEOUT,
        args: tuple[str, ...] = ()) -> bytes:
    """The image of `dot` in `fmt`, made by `binary`."""
    command = [binary.path, "-q", f"-T{fmt}", *args]
    try:
        done = subprocess.run(command, input=dot.encode("utf-8"), capture_output=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise GraphvizError(
            f"Graphviz did not finish within {timeout:g} s; the view is too large or "
            "tangled to lay out: narrow it (--view with a definition that includes less, "
            "or a lower --max-nodes so that it is split)"
        ) from None
    except OSError as exc:
        raise GraphvizError(f"cannot run {binary.path} ({binary.origin}): "
                            f"{exc.strerror or exc}") from None
    if done.returncode != 0 or not done.stdout:
        reason = _first_line(done.stderr) or f"exit code {done.returncode}"
        if binary.is_pure and fmt not in PURE_FORMATS:
            reason = (f"graphviz-pure cannot make {fmt}; set EA_DOT (or `dot` in setup.cfg) "
                      f"to Graphviz's own dot ({reason})")
        raise GraphvizError(f"Graphviz failed ({Path(binary.path).name}): {reason}")
    return done.stdout


def _first_line(data: bytes) -> str:
    for line in data.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if line and not line.lower().startswith("warning"):
            return line.removeprefix("Error: ").strip()
    return ""
