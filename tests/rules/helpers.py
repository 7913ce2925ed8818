"""Running a rule on a model given as text, as the docs examples and case files do."""

from __future__ import annotations

import datetime as dt

from eaframework.config import Settings
from eaframework.lint import lint_texts

API = "apiVersion: eaframework/v1\n"
# A fixed day, so that expiry and age checks give the same answer on every run.
TODAY = dt.date(2026, 6, 1)


def as_file(text: str) -> str:
    return text if "apiVersion:" in text else API + text


def findings(text: str, rule_code: str, options: dict | None = None, preset: str = "all"):
    """Unsuppressed findings of `rule_code` on the model in `text` (all rules run, so that
    interactions with suppressions show)."""
    settings = Settings(preset=preset, today=TODAY)
    if options:
        settings.rule_options[rule_code] = {k: v for k, v in options.items()}
    report = lint_texts({"example.yaml": as_file(text)}, settings)
    return [d for d in report.active if d.code == rule_code], report
