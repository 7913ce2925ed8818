"""SARIF 2.1.0 for lint results, built from typed structures (a subset of the schema).

`build(report)` gives the `SarifLog` model; `to_sarif(report)` its JSON text. The output is
what GitHub code scanning reads: one run, the rule catalogue in `tool.driver.rules` (its
documentation comes from the rules' docstrings), one result per finding with a physical
location (file, line, column) and a logical one (the element), a fingerprint that stays the
same across runs, and `suppressions[]` with the reason for accepted exceptions.

Pure: no files are read or written here; the CLI writes the text. The schema types live
in `sarif_schema`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from ...diagnostics import Diagnostic, Severity
from .sarif_schema import (
    ArtifactLocation,
    Level,
    LogicalLocation,
    Message,
    PhysicalLocation,
    Region,
    ReportingConfiguration,
    ReportingDescriptor,
    Result,
    ResultLocation,
    Run,
    SarifLog,
    Suppression,
    Tool,
    ToolComponent,
)

SRCROOT = "%SRCROOT%"
FINGERPRINT = "eaFinding/v1"
TOOL_NAME = "eaframework"
LEVELS: dict[Severity, Level] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}


def rule_descriptor(rule) -> ReportingDescriptor:
    """A rule's entry in `tool.driver.rules`, from its class metadata and docstring."""
    from ...rules.docs import parse, render_markdown

    doc = parse(rule)
    page = render_markdown(rule)
    what = doc.sections.get("What it does")
    tags = [rule.group()] + ([rule.enforces] if rule.enforces else [])
    return ReportingDescriptor(
        id=rule.code,
        name=rule.name,
        short_description=Message(text=doc.summary or rule.name),
        full_description=Message(text=what) if what else None,
        help=Message(text=page, markdown=page),
        default_configuration=ReportingConfiguration(level=LEVELS[rule.default_severity]),
        properties={"tags": tags},
    )


def _minimal_descriptor(code: str, name: str | None) -> ReportingDescriptor:
    """For a finding whose rule is not registered (e.g. a plugin that is gone)."""
    return ReportingDescriptor(id=code, name=name)


def fingerprint(d: Diagnostic) -> str:
    """Stable across runs and line moves: what the finding is about, not where it is."""
    parts = [d.code, d.element or "", d.field or "", d.message]
    if d.element is None and d.location is not None:
        parts.append(d.location.file)  # model-level findings: keep files apart
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


def _artifact(file: str, srcroot: Path | None) -> ArtifactLocation:
    """A relative POSIX path under %SRCROOT%, or an absolute file URI outside it."""
    path = Path(file)
    if path.is_absolute():
        if srcroot is not None:
            try:
                path = path.relative_to(srcroot)
            except ValueError:
                return ArtifactLocation(uri=path.as_uri())
        else:
            return ArtifactLocation(uri=path.as_uri())
    posix = PurePosixPath(*path.parts).as_posix()
    if posix.startswith("./"):
        posix = posix[2:]
    return ArtifactLocation(uri=quote(posix, safe="/"), uri_base_id=SRCROOT)


def _location(d: Diagnostic, fallback_file: str | None, srcroot: Path | None):
    physical = None
    if d.location is not None:
        physical = PhysicalLocation(
            artifact_location=_artifact(d.location.file, srcroot),
            region=Region(
                start_line=max(d.location.line or 1, 1),
                start_column=max(d.location.column or 1, 1),
            ),
        )
    elif fallback_file is not None:
        physical = PhysicalLocation(
            artifact_location=_artifact(fallback_file, srcroot), region=Region(start_line=1)
        )
    logical = (
        [LogicalLocation(name=d.element, fully_qualified_name=d.element, kind="element")]
        if d.element
        else None
    )
    if physical is None and logical is None:
        return None
    return [ResultLocation(physical_location=physical, logical_locations=logical)]


def _suppressions(d: Diagnostic) -> list[Suppression] | None:
    s = d.suppressed
    if s is None:
        return None
    extra = {k: v for k, v in (("approvedBy", s.approved_by), ("expires", s.expires)) if v}
    return [
        Suppression(
            kind="external" if s.kind == "external" else "inSource",
            status="accepted",
            justification=s.reason,
            properties=extra or None,
        )
    ]


def _message(d: Diagnostic) -> Message:
    return Message(text=f"{d.message}\nhint: {d.hint}" if d.hint else d.message)


def build(
    report,
    *,
    default_uri: str | None = None,
    srcroot: str | Path | None = None,
    all_rules: bool = True,
    version: str | None = None,
) -> SarifLog:
    """The SARIF log of one lint run.

    - `default_uri`: the file findings without a place are reported on (line 1); default:
      the first file any finding names.
    - `srcroot`: the folder relative paths start from; when given, `originalUriBaseIds`
      carries its absolute URI and absolute file paths under it become relative.
    - `all_rules`: list every registered rule in `tool.driver.rules` (so GitHub shows their
      descriptions), or only those with results.
    - `version`: the tool version (default: `eaframework.__version__`).
    """
    from ... import __version__
    from ...rules.registry import all_rules as registered, lookup

    root = Path(srcroot).resolve() if srcroot is not None else None
    findings = sorted(report.diagnostics, key=Diagnostic.sort_key)
    used = {d.code for d in findings}
    catalogue = [r for r in registered() if all_rules or r.code in used]
    descriptors = [rule_descriptor(r) for r in catalogue]
    for d in findings:  # codes not in the registry still get an entry
        if d.code not in {x.id for x in descriptors}:
            rule = lookup(d.code)
            descriptors.append(
                rule_descriptor(rule) if rule else _minimal_descriptor(d.code, d.rule)
            )
    index = {x.id: i for i, x in enumerate(descriptors)}

    fallback = default_uri or next((d.location.file for d in findings if d.location), None)
    results = []
    for d in findings:
        properties = {k: v for k, v in (("principle", d.principle), ("field", d.field)) if v}
        results.append(
            Result(
                rule_id=d.code,
                rule_index=index[d.code],
                level=LEVELS[d.severity],
                message=_message(d),
                locations=_location(d, fallback, root),
                partial_fingerprints={FINGERPRINT: fingerprint(d)},
                suppressions=_suppressions(d),
                properties=properties or None,
            )
        )
    base = (
        ArtifactLocation(uri=root.as_uri().rstrip("/") + "/")
        if root is not None
        else ArtifactLocation(
            description=Message(text="the folder `ea lint` ran in (repository root)")
        )
    )
    version = __version__ if version is None else version
    driver = ToolComponent(
        name=TOOL_NAME, semantic_version=version, version=version, rules=descriptors
    )
    run = Run(
        tool=Tool(driver=driver),
        original_uri_base_ids={SRCROOT: base},
        column_kind="unicodeCodePoints",
        results=results,
    )
    return SarifLog(runs=[run])


def to_sarif(report, **options) -> str:
    """`build(report, **options)` as indented JSON text (UTF-8, not ASCII-escaped)."""
    return build(report, **options).to_json()


def format_sarif(report, *, default_uri: str | None = None, srcroot=None, **_: Any) -> str:
    """The `ea lint` format: `to_sarif` with the options the CLI passes to every format."""
    return to_sarif(report, default_uri=default_uri, srcroot=srcroot)
