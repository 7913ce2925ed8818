"""The one exit-code policy, and the one way a command gets a model fit for it.

    verdict of `eaframework.lint.gate.fitness`   exit
    fit                                           0 (the command goes on)
    broken (integrity errors; output commands)    1, after printing them
    unusable (EA000-EA003; every command)         2, after printing them

`ea lint` exits 1 for findings at or above `fail-on` instead of refusing.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..lint.gate import Use, Verdict, fitness
from . import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from .options import model_paths, settings_for

if TYPE_CHECKING:
    from ..config import Settings
    from ..lint import LintReport
    from ..loader import LoadResult

EXIT_FOR = {Verdict.FIT: EXIT_OK, Verdict.BROKEN: EXIT_FINDINGS, Verdict.UNUSABLE: EXIT_ERROR}


def stop_unless_fit(diagnostics, fix_them: str, use: Use = Use.OUTPUT) -> None:
    """Go on if the model is fit; else print what blocks it and exit by the policy.
    `fix_them` ends the message: 'before exporting', 'first, nothing written'."""
    from ..lint.formats.common import plural
    from ..lint.formats.text import findings_text

    found = fitness(diagnostics, use)
    if found.fit:
        return
    click.echo(findings_text(found.blocking).rstrip("\n"), err=True)
    if found.verdict is Verdict.UNUSABLE:
        click.echo("error: the model cannot be read; nothing written", err=True)
    else:
        count = plural(len(found.blocking), "integrity error")
        click.echo(f"error: the model has {count}; fix them {fix_them}", err=True)
    sys.exit(EXIT_FOR[found.verdict])


def lint_exit(report, fail_on: str) -> int:
    """`ea lint`: 2 unusable input, 1 findings at or above `fail_on`, else 0."""
    if fitness(report.diagnostics, Use.CHECK).verdict is Verdict.UNUSABLE:
        return EXIT_ERROR
    return EXIT_FINDINGS if report.fails(fail_on) else EXIT_OK


@dataclass
class Checked:
    """A model fit for the command, with what it was read with."""

    settings: Settings
    targets: list[Path]
    loaded: LoadResult
    report: LintReport | None  # when the command lints

    @property
    def model(self):
        return self.loaded.model


def fit_model(ctx, paths, fix_them: str, lint: bool = False,
              use_cache: bool | None = None) -> Checked:
    """Load (and with `lint`, lint) the model in PATHS, or exit by the policy. With a lint
    report the gate sees configured severities, as `ea lint` would."""
    from ..config import ConfigError
    from ..lint import lint as run_lint
    from ..loader import Limits, load_model
    from . import fail

    settings = settings_for(ctx, paths)
    targets = model_paths(settings, paths)
    loaded = load_model(targets, Limits(settings.max_model_bytes, settings.max_elements))
    report = None
    if lint:
        try:
            report = run_lint(targets, settings, use_cache=use_cache, loaded=loaded)
        except ConfigError as exc:
            fail(str(exc))
    stop_unless_fit((report or loaded).diagnostics, fix_them)
    return Checked(settings, targets, loaded, report)
