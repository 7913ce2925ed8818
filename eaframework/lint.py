"""`lint`: load a model, run the rules, and summarise compliance per rule and per principle.
The library behind `ea lint`; the CLI only parses options and prints.

Results are cached by the content of every model file plus the settings, so a re-run on an
unchanged model costs a read and a hash of each file, without importing the rule machinery.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import cache
from .config import Settings
from .diagnostics import FATAL_CODES, Diagnostic, Location, Severity, Suppressed
from .files import model_files

if TYPE_CHECKING:
    from .loader import LoadResult


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
        """The report `to_data` gave, or None when the data does not fit (stale cache)."""
        try:
            return cls(
                diagnostics=[_diagnostic(d) for d in data["diagnostics"]],
                files=data["files"],
                elements=data["elements"],
                rules=[RuleResult(**r) for r in data["rules"]],
                principles=[
                    PrincipleResult(**{**p, "failing": [tuple(f) for f in p["failing"]]})
                    for p in data["principles"]
                ],
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    def exit_code(self, fail_on: str = "error") -> int:
        """0 clean, 1 findings at or above `fail_on`, 2 unusable input or internal error."""
        if self.fatal:
            return 2
        if fail_on == "never":
            return 0
        threshold = Severity(fail_on).rank
        return 1 if any(d.severity.rank >= threshold for d in self.active) else 0


def _diagnostic_data(d: Diagnostic) -> dict:
    data = dataclasses.asdict(d)
    data.pop("extra", None)
    data["severity"] = d.severity.value
    return data


def _diagnostic(data: dict) -> Diagnostic:
    data = dict(data)
    location = data.pop("location")
    suppressed = data.pop("suppressed")
    return Diagnostic(
        **{**data, "severity": Severity(data["severity"])},
        location=Location(**location) if location else None,
        suppressed=Suppressed(**suppressed) if suppressed else None,
    )


def _read_all(paths: list[Path]) -> list[tuple[str, bytes]] | None:
    found = []
    for path in paths:
        for file in model_files(path) if path.exists() else []:
            try:
                found.append((file.as_posix(), file.read_bytes()))
            except OSError:
                return None
    return found


def lint(
    paths: list[Path],
    settings: Settings | None = None,
    use_cache: bool = True,
    loaded: LoadResult | None = None,
) -> LintReport:
    """Check the model at `paths`. Raises config.ConfigError for unusable settings.

    A caller that has loaded the model already (to draw or report it) passes the result
    as `loaded`, so that a cache miss does not read and validate the files again."""
    settings = settings or Settings()
    directory = key = None
    if use_cache and paths:
        contents = _read_all(paths)
        if contents is not None:
            directory = cache.cache_dir(paths[0])
            key = cache.fingerprint(
                contents, "\0".join([settings.digest(), str(Path.cwd())])
            )
            stored = cache.load(directory, key)
            report = LintReport.from_data(stored) if stored is not None else None
            if report is not None:
                report.cached = True
                return report
    from .loader import load_model

    report = _lint((lambda: loaded) if loaded is not None else (lambda: load_model(paths)),
                   settings)
    if key is not None and not report.fatal:
        cache.store(directory, key, report.to_data())
    return report


def lint_loaded(result: LoadResult, settings: Settings | None = None) -> LintReport:
    """Lint a model already loaded (no cache: there are no files to key it by)."""
    return _lint(lambda: result, settings or Settings())


def lint_texts(files: dict[str, str], settings: Settings | None = None) -> LintReport:
    """Lint a model given as {file name: YAML text}, e.g. a rule's documented example."""
    from .loader import load_texts

    return _lint(lambda: load_texts(files), settings or Settings())


def _lint(load, settings: Settings) -> LintReport:
    from .rules import engine
    from .rules.selection import engine_settings, resolve

    active, severities = resolve(settings)  # config errors before any reading
    result = load()
    loader_findings = [
        dataclasses.replace(d, severity=severities.get(d.code, d.severity))
        if d.code not in FATAL_CODES else d
        for d in result.diagnostics
    ]
    report = LintReport(loader_findings, len(result.sources.files), len(result.model))
    if result.fatal:
        return report
    model = result.model
    labels = _principle_labels(model)
    options = engine_settings(settings, severities)
    options.principles = labels
    outcome = engine.run(model, result.sources, active, options)
    report.diagnostics = sorted(loader_findings + outcome.diagnostics, key=Diagnostic.sort_key)
    report.rules = [
        RuleResult(
            code=type(item.rule).code,
            name=type(item.rule).name,
            severity=item.severity.value,
            checked=len(outcome.stats[type(item.rule).code].checked),
            findings=outcome.stats[type(item.rule).code].findings,
            suppressed=outcome.stats[type(item.rule).code].suppressed,
        )
        for item in active
    ]
    report.principles = _compliance(model, outcome.stats, {type(a.rule).code for a in active})
    return report


def _principle_labels(model) -> dict[str, str]:
    """Rule code -> the model principle listing it (code and name), for findings."""
    from .rules.registry import lookup

    labels: dict[str, str] = {}
    for principle in model.of_kind("principle"):
        label = f"{principle.code} {principle.name.fi}" if principle.code else principle.name.fi
        for ref in principle.rules:
            rule = lookup(ref)
            if rule is not None:
                labels.setdefault(rule.code, label)
    return labels


def _compliance(model, stats, ran: set[str]) -> list[PrincipleResult]:
    from .rules.registry import lookup

    results = []
    for principle in model.of_kind("principle"):
        codes, unknown = [], []
        for ref in principle.rules:
            rule = lookup(ref)
            if rule is None:
                unknown.append(ref)
            elif rule.code in ran and rule.code not in codes:
                codes.append(rule.code)
        checked: set[str] = set()
        failing: set[str] = set()
        for code in codes:
            checked |= stats[code].checked
            failing |= stats[code].failing
        failing &= checked
        named = sorted(
            (i, model.get(i).name.fi if model.get(i) else i) for i in failing
        )
        results.append(
            PrincipleResult(
                id=principle.id,
                code=principle.code,
                name=principle.name.fi,
                rules=codes,
                checked=len(checked),
                failing=named,
                unknown_rules=unknown,
            )
        )
    return results
