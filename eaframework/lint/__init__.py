"""Linting a model, and what follows from its findings.

- `run`: `lint(paths, settings)` loads the model, runs the rules and returns a `LintReport`
  (cached by file content); `lint_loaded` and `lint_texts` for a model already in hand.
- `results`: `LintReport`, `RuleResult`, `PrincipleResult`; `compliance`: per principle.
- `selection`: from settings to the rules that run, with severities and options.
- `gate`: whether a loaded model is fit for a command (`fitness`), one policy for all.
- `formats`: the output formats of `ea lint` (text, json, sarif, junit, github).

May import the model, loader, rules and config layers; never `cli`, `report` or
`diagrams`. Kept light at import: the cached path of `ea lint` needs no pydantic.
"""

from __future__ import annotations

from .results import LintReport, PrincipleResult, RuleResult
from .run import lint, lint_loaded, lint_texts

__all__ = ["LintReport", "PrincipleResult", "RuleResult", "lint", "lint_loaded", "lint_texts"]
