"""What `ea diff` does between naming the two sides and printing: read each side, load
it, refuse a side that cannot be trusted, lint both, and compare.

A side with fatal load errors (unreadable, not YAML, not a model file) cannot be compared
at all; a side with integrity errors (invalid elements, dangling references...) would
show its broken elements as removed, which is worse than no answer. Both are refused with
their diagnostics.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..config import Settings
from ..diagnostics import FATAL_CODES, Diagnostic, Severity
from ..loader import LoadResult
from .diff import ModelDiff, compare
from .revisions import Side, read_side


def load_errors(result: LoadResult) -> tuple[list[Diagnostic], int]:
    """What makes a loaded model unusable, with the exit code: the fatal errors (2), else
    the integrity errors (1); ([], 0) for a model that loaded cleanly."""
    fatal = [d for d in result.diagnostics if d.code in FATAL_CODES]
    if fatal:
        return fatal, 2
    broken = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    return broken, 1 if broken else 0


class UnusableSide(Exception):
    """A side that loaded with errors: `exit_code` 2 for fatal ones, 1 for integrity."""

    def __init__(self, side: Side, diagnostics: list[Diagnostic], exit_code: int) -> None:
        super().__init__(f"{side.label}: {len(diagnostics)} load errors")
        self.side = side
        self.diagnostics = diagnostics
        self.exit_code = exit_code


@dataclass
class Comparison:
    old: Side
    new: Side
    diff: ModelDiff


def compare_sides(
    old_spec: str,
    new_spec: str,
    path: str | os.PathLike | None = None,
    settings: Settings | None = None,
    with_lint: bool = True,
    cwd: os.PathLike | None = None,
) -> Comparison:
    """Read, load, check and compare two sides. Raises revisions.RevisionError for a side
    that cannot be read, UnusableSide for one that cannot be trusted, and
    config.ConfigError for unusable lint settings."""
    settings = settings or Settings()
    sides = [read_side(spec, path, cwd) for spec in (old_spec, new_spec)]
    models, reports = [], []
    for side in sides:
        result = side.load()
        errors, exit_code = load_errors(result)
        if errors:
            raise UnusableSide(side, errors, exit_code)
        models.append(result.model)
        if with_lint:
            from ..lint import lint_loaded

            reports.append(lint_loaded(result, settings))
    old, new = sides
    diff = compare(
        models[0], models[1],
        reports[0] if reports else None, reports[1] if reports else None,
        old.label, new.label,
    )
    return Comparison(old, new, diff)
