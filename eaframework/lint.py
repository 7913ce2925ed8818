"""`lint`: load a model and check it, returning every diagnostic. The library behind `ea lint`.

The rule engine plugs in here: today the checks are the loader's integrity checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import cache
from .diagnostics import FATAL_CODES, Diagnostic
from .files import model_files


@dataclass
class LintReport:
    diagnostics: list[Diagnostic]
    files: int
    elements: int
    cached: bool = False
    stats: dict = field(default_factory=dict)

    @property
    def fatal(self) -> bool:
        return any(d.code in FATAL_CODES for d in self.diagnostics)


def _read_all(paths: list[Path]) -> list[tuple[str, bytes]] | None:
    found = []
    for path in paths:
        for file in model_files(path) if path.exists() else []:
            try:
                found.append((file.as_posix(), file.read_bytes()))
            except OSError:
                return None
    return found


def lint(paths: list[Path], use_cache: bool = True, settings: str = "") -> LintReport:
    """Check the model at `paths`. With `use_cache`, unchanged files give stored results."""
    directory = key = None
    if use_cache and paths:
        contents = _read_all(paths)
        if contents is not None:
            directory = cache.cache_dir(paths[0])
            key = cache.fingerprint(contents, settings + "\0" + str(Path.cwd()))
            stored = cache.load(directory, key)
            if isinstance(stored, LintReport):
                stored.cached = True
                return stored
    from .loader import load_model

    result = load_model(paths)
    report = LintReport(
        diagnostics=result.diagnostics,
        files=len(result.sources.files),
        elements=len(result.model),
    )
    if key is not None:
        cache.store(directory, key, report)
    return report
