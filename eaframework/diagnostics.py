"""Findings and where they are: shared by the loader, the rule engine and the reporters."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum


# The input cannot be used at all (unreadable, not YAML, not a model file) or a rule
# crashed (EA000): exit 2.
FATAL_CODES = frozenset({"EA000", "EA001", "EA002", "EA003"})


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    def word(self, lang: str) -> str:
        """The level as a person reads it in a report, a diagram or a diff memo."""
        return SEVERITY_WORDS.get(lang, SEVERITY_WORDS["fi"])[self.value]


# The one place severities are put in words (the level names themselves stay the keys of
# configuration and of `ea lint`'s machine formats).
SEVERITY_WORDS: dict[str, dict[str, str]] = {
    "fi": {"error": "virhe", "warning": "varoitus", "info": "huomio"},
    "sv": {"error": "fel", "warning": "varning", "info": "anmärkning"},
    "en": {"error": "error", "warning": "warning", "info": "note"},
}


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a model file; line and column count from 1."""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Suppressed:
    """Why a finding is accepted: an in-source suppression on the element, or the config."""

    kind: str  # "inSource" (on the element) or "external" (per-file-ignores), as in SARIF
    reason: str
    approved_by: str | None = None
    expires: str | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in a model: by the loader (EA0xx) or by a rule."""

    code: str
    message: str
    severity: Severity = Severity.ERROR
    location: Location | None = None
    hint: str | None = None
    element: str | None = None
    field: str | None = None
    rule: str | None = None  # kebab-case rule name
    principle: str | None = None  # principle code or law section the finding serves
    suppressed: Suppressed | None = None

    def sort_key(self) -> tuple:
        loc = self.location
        return (
            loc.file if loc else "",
            loc.line if loc else 0,
            loc.column if loc else 0,
            self.code,
            self.message,
        )


def did_you_mean(word: str, choices, cutoff: float = 0.6) -> str:
    """' (did you mean 'x'?)' for the closest choice, or '' when nothing is close."""
    matches = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=cutoff)
    return f"; did you mean {matches[0]!r}?" if matches else ""
