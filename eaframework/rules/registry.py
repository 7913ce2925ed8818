"""The rule registry: a decorator adds a rule class; selectors pick rules by code, name,
group or code prefix (in that order of precedence)."""

from __future__ import annotations

import re

from ..diagnostics import did_you_mean
from .base import GROUPS, Rule

REGISTRY: dict[str, type[Rule]] = {}  # code -> class
BY_NAME: dict[str, type[Rule]] = {}  # name -> class
_CODE = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")
_PREFIX = re.compile(r"^[A-Z]{2,4}[0-9]{0,2}$")


def register(cls: type[Rule]) -> type[Rule]:
    code, name = cls.code, cls.name
    if not _CODE.match(code):
        raise ValueError(
            f"rule code {code!r} must be two to four capital letters and three digits "
            "(EA for built-in rules, e.g. ESI301 for an organisation's own)"
        )
    for taken, registry in ((code, REGISTRY), (name, BY_NAME)):
        if taken in registry and registry[taken] is not cls:
            raise ValueError(f"rule {taken!r} is registered twice")
    REGISTRY[code] = cls
    BY_NAME[name] = cls
    return cls


def lookup(ref: str) -> type[Rule] | None:
    """A rule by its code (any case) or name."""
    return REGISTRY.get(ref.upper()) or BY_NAME.get(ref.lower())


def known_refs() -> list[str]:
    """Every code and name a selector or suppression may use (for did-you-mean)."""
    return [*REGISTRY, *BY_NAME]


class UnknownRuleRef(ValueError):
    pass


def match(ref: str) -> tuple[int, list[type[Rule]]]:
    """Rules a selector names, with its precedence: 3 code, 2 name, 1 group, 0 prefix.

    Raises UnknownRuleRef with a did-you-mean when the selector names nothing."""
    text = ref.strip()
    upper, lower = text.upper(), text.lower()
    if upper in REGISTRY:
        return 3, [REGISTRY[upper]]
    if lower in BY_NAME:
        return 2, [BY_NAME[lower]]
    if lower in GROUPS.values():
        return 1, [r for r in REGISTRY.values() if r.group() == lower]
    if _PREFIX.match(upper):
        found = [r for c, r in REGISTRY.items() if c.startswith(upper) and
                 c[: len(c) - 3] == upper.rstrip("0123456789")]
        if found:
            return 0, found
    choices = [*known_refs(), *GROUPS.values()]
    raise UnknownRuleRef(f"unknown rule {ref!r}{did_you_mean(text, choices)}")


def all_rules() -> list[type[Rule]]:
    load_catalogue()
    return sorted(REGISTRY.values(), key=lambda r: r.code)


def load_catalogue() -> None:
    """Import the built-in rule modules (they register themselves)."""
    from . import catalogue  # noqa: F401
