"""What one lint run found: the findings, per-rule counts and compliance per principle,
and their plain-data form for the result cache."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..diagnostics import FATAL_CODES, Diagnostic, Severity


@dataclass
class RuleResult:
    code: str
    name: str
    severity: str
    checked: int
    findings: int
    suppressed: int


@dataclass
class PrincipleResult:
    """How well the model follows one of its principles, through the rules enforcing it."""

    id: str
    code: str | None
    name: str
    rules: list[str]  # codes of the enforcing rules that ran
    checked: int  # elements in scope of those rules
    failing: list[tuple[str, str]]  # (id, name) of elements with unsuppressed findings
    unknown_rules: list[str] = field(default_factory=list)

    @property
    def comply(self) -> int:
        return self.checked - len(self.failing)

    @property
    def share(self) -> float | None:
        return self.comply / self.checked if self.checked else None


@dataclass
class LintReport:
    diagnostics: list[Diagnostic]
    files: int
    elements: int
    rules: list[RuleResult] = field(default_factory=list)
    principles: list[PrincipleResult] = field(default_factory=list)
    cached: bool = False

    @property
    def fatal(self) -> bool:
        return any(d.code in FATAL_CODES for d in self.diagnostics)

    @property
    def active(self) -> list[Diagnostic]:
        """Findings that count (not suppressed)."""
        return [d for d in self.diagnostics if d.suppressed is None]

    @property
    def suppressed(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.suppressed is not None]

    def to_data(self) -> dict:
        """Plain JSON-able data (for the result cache)."""
        return {
            "diagnostics": [_diagnostic_data(d) for d in self.diagnostics],
            "files": self.files,
            "elements": self.elements,
            "rules": [dataclasses.asdict(r) for r in self.rules],
            "principles": [dataclasses.asdict(p) for p in self.principles],
        }

    @classmethod
    def from_data(cls, data) -> LintReport | None:
        """The report `to_data` gave, or None when the data does not fit exactly (every
        field is checked: see `stored`)."""
        from .stored import Unfit, report_fields

        try:
            return cls(**report_fields(data))
        except Unfit:
            return None

    def fails(self, fail_on: str = "error") -> bool:
        """Whether an unsuppressed finding is at or above `fail_on` ("never": none is)."""
        if fail_on == "never":
            return False
        threshold = Severity(fail_on).rank
        return any(d.severity.rank >= threshold for d in self.active)


def _diagnostic_data(d: Diagnostic) -> dict:
    data = dataclasses.asdict(d)
    data.pop("extra", None)
    data["severity"] = d.severity.value
    return data
