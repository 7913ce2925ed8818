"""Whether a loaded model is fit for a command: one decision for every command.

- unusable: a file cannot be read or parsed (EA000-EA003): nothing can be done with it.
- broken: integrity errors (EA0xx at error severity, not suppressed), for commands whose
  output people act on (drawings, the council report, the statutory documents, exports,
  impact): a picture of a broken model would look right and be wrong.
- fit: anything else. Linting and diffing report integrity errors as findings instead.

Exit codes are the CLI's business (`eaframework.cli.gate`); this module only decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ..diagnostics import FATAL_CODES, Diagnostic, Severity

INTEGRITY_PREFIX = "EA0"  # the loader's model-integrity codes


class Verdict(StrEnum):
    FIT = "fit"
    BROKEN = "broken"
    UNUSABLE = "unusable"


class Use(StrEnum):
    """What a command does with the model, which decides what stops it."""

    CHECK = "check"  # lint, diff: integrity errors are findings like any other
    OUTPUT = "output"  # render, report, publish, export, impact


@dataclass(frozen=True)
class Fitness:
    verdict: Verdict
    blocking: tuple[Diagnostic, ...] = ()  # what decided it, in report order

    @property
    def fit(self) -> bool:
        return self.verdict is Verdict.FIT


def fitness(diagnostics: Iterable[Diagnostic], use: Use = Use.OUTPUT) -> Fitness:
    """The verdict on a model from its diagnostics: those of its lint report when there is
    one (so configured severities count), else those of loading it."""
    found = sorted(diagnostics, key=Diagnostic.sort_key)
    fatal = tuple(d for d in found if d.code in FATAL_CODES)
    if fatal:
        return Fitness(Verdict.UNUSABLE, fatal)
    if use is Use.OUTPUT:
        broken = tuple(d for d in found if d.code.startswith(INTEGRITY_PREFIX)
                       and d.severity is Severity.ERROR and d.suppressed is None)
        if broken:
            return Fitness(Verdict.BROKEN, broken)
    return Fitness(Verdict.FIT)
