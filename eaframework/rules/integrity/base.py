"""The two kinds of integrity rule: the loader's checks (EA000–EA010), documented here but found
while reading the files, and the suppression checks (EA011–EA014) the engine runs last."""

from __future__ import annotations

from ...diagnostics import Severity
from ..base import Rule


class LoaderRule(Rule):
    """Base of the loader's checks: reported while reading, never called by the engine."""

    from_loader = True
    default_severity = Severity.ERROR
    applies_to = ()


class SuppressionRule(Rule):
    """Base of the suppression checks: the engine reports these after the other rules."""

    applies_to = ()
    default_severity = Severity.WARNING
    from_loader = False
