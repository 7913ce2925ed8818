"""Running rules over a model: dispatch by kind, stamp severity and place, apply
suppressions, turn a crashing rule into an internal error, and count compliance.

Each element is visited once per rule that applies to its kind; rules look things up
through the model's indexes, so a run is linear in the size of the model.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import gc
import traceback
from collections import defaultdict
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Location, Severity, Suppressed, did_you_mean
from ..model import ElementBase, Model, kind_of
from .base import Rule, RuleContext, Violation
from .registry import known_refs, lookup


@dataclass
class ActiveRule:
    rule: Rule
    severity: Severity


@dataclass
class RuleStats:
    checked: set = field(default_factory=set)  # subject ids in scope
    failing: set = field(default_factory=set)  # subject ids with an unsuppressed finding
    findings: int = 0
    suppressed: int = 0


@dataclass
class EngineSettings:
    today: dt.date = field(default_factory=dt.date.today)
    min_reason_length: int = 15
    require_reason: bool = True
    max_suppression_days: int | None = None
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)  # glob -> rule refs
    severities: dict[str, Severity] = field(default_factory=dict)  # for EA011-EA014
    principles: dict[str, str] = field(default_factory=dict)  # rule code -> model principle


@dataclass
class EngineResult:
    diagnostics: list[Diagnostic]
    stats: dict[str, RuleStats]  # rule code -> stats


MODEL_ID = "(model)"


def run(model: Model, sources, active: list[ActiveRule], settings: EngineSettings) -> EngineResult:
    """Apply `active` rules to `model`. `sources` (a loader SourceMap or None) places
    findings; it is the only thing here that knows about files.

    The garbage collector is off during the run, as during the load: a run makes many
    small objects and no cycles worth collecting, and with a large model in memory each
    full collection would walk all of it (a third of a 100,000-element run). What the run
    made (the findings) then goes to the oldest generation, as the load's objects do (see
    loader/gc_pause.py): else the first collections after it walk it all only to promote
    it, 0.06 s on 100,000 elements."""
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _run(model, sources, active, settings)
    finally:
        if gc_was_enabled:
            if gc.get_freeze_count() == 0:  # unfreeze() would release others' frozen objects
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def _run(model: Model, sources, active: list[ActiveRule], settings: EngineSettings) -> EngineResult:
    ctx = RuleContext(model=model, today=settings.today)
    by_kind: dict[str, list[ActiveRule]] = defaultdict(list)
    model_rules: list[ActiveRule] = []
    for item in active:
        for target in type(item.rule).applies_to:
            if target is Model:
                model_rules.append(item)
            else:
                by_kind[kind_of(target)].append(item)
    run_state = _Run(model, sources, settings)
    # Rule by rule over a kind's elements: each rule still sees its elements in file
    # order, and the findings are sorted by place and code afterwards.
    for kind, rules in by_kind.items():
        elements = model.of_kind(kind)
        for item in rules:
            run_state.apply_all(item, elements, ctx)
    for item in model_rules:
        run_state.apply_all(item, [model], ctx)
    run_state.check_suppressions({type(a.rule).code for a in active})
    return EngineResult(run_state.placed(), run_state.stats)


class _Run:
    def __init__(self, model: Model, sources, settings: EngineSettings) -> None:
        self.model = model
        self.sources = sources
        self.settings = settings
        # Findings with where to place them (see `where`): placed at the end, file by file.
        self.found: list[tuple[object, dict]] = []
        self.stats: dict[str, RuleStats] = defaultdict(RuleStats)
        self.used: set[tuple[str, int]] = set()  # (element id, suppression index)
        self.file_ignores = [
            (pattern, {r.code for ref in refs if (r := lookup(ref))})
            for pattern, refs in settings.per_file_ignores.items()
        ]

    def apply_all(self, item: ActiveRule, subjects: list, ctx: RuleContext) -> None:
        """Apply a rule to each subject (elements, or the model), with what that needs
        looked up once: a run makes tens of thousands of applications per 10,000 elements."""
        rule = item.rule
        cls = type(rule)
        applies = None if cls.applies is Rule.applies else rule.applies
        check = rule.check
        model = self.model
        stats = None
        for subject in subjects:
            subject_id = MODEL_ID if subject is model else subject.id
            try:
                if applies is not None and not applies(subject, ctx):
                    continue
                if stats is None:
                    stats = self.stats[cls.code]
                stats.checked.add(subject_id)
                violations = list(check(subject, ctx))
            except Exception as exc:  # a rule must never take the run down with a traceback
                self.crashed(cls, subject_id, exc)
                continue
            for violation in violations:
                self.emit(item, violation, stats)

    def crashed(self, cls, subject_id: str, exc: Exception) -> None:
        """EA000 for a rule that raised on a subject."""
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        self.found.append((self.where(subject_id, ()), dict(
            code="EA000",
            message=f"rule {cls.code} {cls.name} failed on {subject_id}: "
            f"{type(exc).__name__}: {exc} ({frame.filename.rsplit('/', 1)[-1]}:"
            f"{frame.lineno})",
            severity=Severity.ERROR,
            element=None if subject_id == MODEL_ID else subject_id,
            rule="internal-error",
            hint="this is a bug in the rule; report it with the model that triggers it",
        )))

    def emit(self, item: ActiveRule, violation: Violation, stats: RuleStats) -> None:
        cls = type(item.rule)
        where = self.where(violation.element, violation.field, violation)
        suppressed = self.suppression_for(cls, violation.element, where)
        if suppressed is None:
            stats.findings += 1
            stats.failing.add(violation.element or MODEL_ID)
        else:
            stats.suppressed += 1
        self.found.append((where, dict(
            code=cls.code,
            message=violation.message,
            severity=item.severity,
            hint=violation.hint,
            element=violation.element,
            field=".".join(str(p) for p in violation.field) or None,
            rule=cls.name,
            principle=self.settings.principles.get(cls.code, cls.enforces),
            suppressed=suppressed,
        )))

    def where(self, element_id, path, violation: Violation | None = None):
        """Where a finding goes: a (file, path) the SourceMap places, a Location, or None."""
        if self.sources is None:
            return None
        if violation is not None and violation.relation is not None and element_id is None:
            return self.sources.where_relation(violation.relation)
        if element_id is None or element_id == MODEL_ID:
            # The model as a whole: its metadata block, else the start of its first file.
            if self.sources.metadata:
                return (self.sources.metadata, ("metadata",))
            first = min(self.sources.files, default=None)
            return Location(first) if first else None
        return self.sources.where(element_id, tuple(path))

    def placed(self) -> list[Diagnostic]:
        """The findings, each at its line and column: found file by file, in one go."""
        wheres = [where for where, _ in self.found]
        places = self.sources.place_all(wheres) if self.sources is not None else wheres
        return [Diagnostic(location=place, **fields)
                for place, (_, fields) in zip(places, self.found)]

    def suppression_for(self, cls, element_id, where) -> Suppressed | None:
        element = self.model.get(element_id) if element_id else None
        if element is not None:
            for index, sup in enumerate(element.suppress):
                target = lookup(sup.rule)
                if target is None or target.code != cls.code:
                    continue
                if sup.expires is not None and sup.expires < self.settings.today:
                    continue  # expired: reported by check_suppressions, not applied
                if not self.reason_ok(sup.reason):
                    continue  # reported by check_suppressions, not applied
                self.used.add((element_id, index))
                return Suppressed(
                    kind="inSource",
                    reason=sup.reason or "",
                    approved_by=sup.approved_by,
                    expires=sup.expires.isoformat() if sup.expires else None,
                )
        file = where.file if isinstance(where, Location) else where[0] if where else None
        if file is not None:
            for pattern, codes in self.file_ignores:
                if cls.code in codes and fnmatch.fnmatch(file, pattern):
                    return Suppressed(
                        kind="external",
                        reason=f"per-file-ignores {pattern!r} in the configuration",
                    )
        return None

    def reason_ok(self, reason: str | None) -> bool:
        if not self.settings.require_reason:
            return True
        return reason is not None and len(reason.strip()) >= self.settings.min_reason_length

    def check_suppressions(self, active_codes: set[str]) -> None:
        """Unknown, reasonless, expired, too long-lived and unused suppressions."""
        today = self.settings.today
        limit = self.settings.max_suppression_days
        for element in self.model:
            for index, sup in enumerate(element.suppress):
                path = ("suppress", index)
                target = lookup(sup.rule)
                name = repr(element.name.fi)
                if target is None:
                    self.meta("EA014", element, path,
                              f"suppression on {name} names unknown rule {sup.rule!r}"
                              f"{did_you_mean(sup.rule, known_refs())}",
                              "name a rule by its code (EA302) or name (see `ea rules`)")
                    continue
                if not self.reason_ok(sup.reason):
                    self.meta("EA013", element, path,
                              f"suppression of {target.code} on {name} has no meaningful reason "
                              f"(at least {self.settings.min_reason_length} characters)",
                              "say why the exception is accepted, e.g. the contract that "
                              "prevents the fix and when it ends")
                    continue
                if sup.expires is not None and sup.expires < today:
                    self.meta("EA012", element, (*path, "expires"),
                              f"suppression of {target.code} on {name} expired on "
                              f"{sup.expires.isoformat()}, so the finding counts again",
                              "fix the finding, or renew the exception with a new decision")
                    continue
                if limit is not None and sup.expires is None:
                    self.meta("EA013", element, path,
                              f"suppression of {target.code} on {name} has no `expires` date; "
                              f"the configuration allows at most {limit} days",
                              "add `expires:` within the allowed period")
                elif limit is not None and (sup.expires - today).days > limit:
                    self.meta("EA013", element, (*path, "expires"),
                              f"suppression of {target.code} on {name} runs until "
                              f"{sup.expires.isoformat()}, beyond the {limit} days allowed",
                              "set an earlier `expires:` date")
                if target.code in active_codes and (element.id, index) not in self.used:
                    self.meta("EA011", element, path,
                              f"suppression of {target.code} on {name} is unused: the rule "
                              "finds nothing here",
                              "remove the suppression")

    def meta(self, code: str, element: ElementBase, path: tuple, message: str, hint: str) -> None:
        cls = lookup(code)
        severity = self.settings.severities.get(code) or (
            cls.default_severity if cls else Severity.WARNING
        )
        self.found.append((self.where(element.id, path), dict(
            code=code,
            message=message,
            severity=severity,
            hint=hint,
            element=element.id,
            field=".".join(str(p) for p in path),
            rule=cls.name if cls else None,
        )))
