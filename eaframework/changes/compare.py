"""What `ea diff` does between naming the two sides and printing: read each side, load
it, lint both, and compare.

A side that does not load cleanly is compared all the same: a pull request that breaks
references is exactly when a reviewer needs the diff. Its load errors (EA0xx) are
findings like any other, so those the change brings appear among the new findings, each
at its file and line. A file that cannot be used at all (unreadable, not YAML, not a
model file) is left out of its side: the rest is compared, and `Comparison.old_left_out`
and `new_left_out` name what was left out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..config import Settings
from ..diagnostics import FATAL_CODES, Diagnostic, Severity
from ..loader import LOADER_CODES, Limits, LoadResult
from .diff import ModelDiff, compare
from .revisions import Side, read_side


@dataclass
class Comparison:
    old: Side
    new: Side
    diff: ModelDiff
    old_left_out: list[Diagnostic] = field(default_factory=list)  # files not read, per side
    new_left_out: list[Diagnostic] = field(default_factory=list)

    @property
    def new_load_errors(self) -> list:
        """The load errors (EA0xx) that the new side has and the old one had not."""
        return [f for f in self.diff.findings_new
                if f.code in LOADER_CODES and f.severity == Severity.ERROR.value]


def compare_sides(
    old_spec: str,
    new_spec: str,
    path: str | os.PathLike | None = None,
    settings: Settings | None = None,
    with_lint: bool = True,
    cwd: os.PathLike | None = None,
) -> Comparison:
    """Read, load, check and compare two sides. Raises revisions.RevisionError for a side
    that cannot be read at all, and config.ConfigError for unusable lint settings."""
    settings = settings or Settings()
    sides = [read_side(spec, path, cwd) for spec in (old_spec, new_spec)]
    # Each side within the configured limits, as `ea lint` reads a model.
    limits = Limits(settings.max_model_bytes, settings.max_elements)
    models, reports, unread = [], [], []
    for side in sides:
        result = side.load(limits)
        fatal = [d for d in result.diagnostics if d.code in FATAL_CODES]
        unread.append(fatal)
        models.append(result.model)
        reports.append(_findings(result, fatal, settings, with_lint))
    old, new = sides
    diff = compare(models[0], models[1], reports[0], reports[1], old.label, new.label)
    diff.linted = with_lint
    diff.old_left_out, diff.new_left_out = (_files(fatal) for fatal in unread)
    return Comparison(old, new, diff, unread[0], unread[1])


def _findings(result: LoadResult, fatal: list[Diagnostic], settings: Settings, with_lint: bool):
    """The side's lint report; without lint, one of its load errors alone. The rules run
    on what could be read: the files left out are only reported."""
    from ..lint import LintReport, lint_loaded

    if not with_lint:
        return LintReport(list(result.diagnostics), len(result.sources.files), len(result.model))
    readable = LoadResult(result.model, [d for d in result.diagnostics if d not in fatal],
                          result.sources)
    report = lint_loaded(readable, settings)
    report.diagnostics = sorted(fatal + report.diagnostics, key=Diagnostic.sort_key)
    return report


def _files(diagnostics: list[Diagnostic]) -> list[str]:
    return list(dict.fromkeys(d.location.file for d in diagnostics if d.location))
