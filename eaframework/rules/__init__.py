"""The rule engine and the built-in rules: see base.Rule for what a rule is.

Layout (sqlfluff's, one folder per group): the hundreds digit of a code names the group
and its folder — `integrity/` EA0xx, `operations/` EA1xx, `information/` EA2xx, `systems/`
EA3xx, `technology/` EA4xx, `crossview/` EA5xx. Each rule lives alone in a module named
by its code and name, `<group>/ea<NNN>_<name with underscores>.py`: EA306
procured-system-open-interface is `systems/ea306_procured_system_open_interface.py`, its
test cases `tests/rules/cases/EA306.yaml`, its page `docs/rules/EA306.md` (generated from
the class docstring). A helper a single rule needs stays private in that rule's module;
one shared inside a folder lives in a module of that folder named for what it holds
(`operations/uses_designated.py`, `systems/ends.py`). A group's `__init__` imports its
modules, which registers the rules; `catalogue` imports the groups.

Beside the folders: `base` (Rule, RuleContext, message wording), `registry` (codes,
names, selectors), `required` (FieldRequired, the one-field rule), `engine` (running
them) and `docs` (pages from docstrings). Rules ask the model for its domain queries
(`element.is_live`, `element.is_phasing_out`, `model.is_internal(element)`,
`model.uses_information(process)` ...) rather than keeping copies. This package imports
only the model and diagnostics: it knows nothing of configuration (turning settings into
active rules is `lint.selection`) nor of files and line numbers (the engine's caller
locates findings).
"""

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
