"""The rule engine and the catalogue: see base.Rule for what a rule is."""

from .base import Rule, RuleContext, RuleOptions, Status, Violation, label
from .registry import REGISTRY, all_rules, lookup, register

__all__ = [
    "REGISTRY",
    "Rule",
    "RuleContext",
    "RuleOptions",
    "Status",
    "Violation",
    "all_rules",
    "label",
    "lookup",
    "register",
]
