"""Rule documentation from the rule's own code: the docstring in fixed sections, the class
metadata and the options model. Used by `ea rule`, `ea rules`, docs/rules/ and SARIF, so
the docs cannot drift from the code."""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field

from .base import Rule

REQUIRED = ("What it does", "Why it matters", "Example")
ORDER = ("What it does", "Why it matters", "Example", "Options", "Known limitations", "References")
_FENCE = re.compile(r"```(\w+)\n(.*?)```", re.DOTALL)
_OPTION = re.compile(r"^- `([a-z0-9-]+)`", re.MULTILINE)


@dataclass
class RuleDoc:
    summary: str
    sections: dict[str, str] = field(default_factory=dict)

    @property
    def failing_example(self) -> tuple[str, str] | None:
        """(language, text) of the first block under Example."""
        blocks = _FENCE.findall(self.sections.get("Example", "").split("Use instead:")[0])
        return blocks[0] if blocks else None

    @property
    def passing_example(self) -> tuple[str, str] | None:
        parts = self.sections.get("Example", "").split("Use instead:")
        blocks = _FENCE.findall(parts[1]) if len(parts) > 1 else []
        return blocks[0] if blocks else None

    @property
    def documented_options(self) -> list[str]:
        return _OPTION.findall(self.sections.get("Options", ""))


def parse(rule: type[Rule]) -> RuleDoc:
    """Split the docstring on `## ` headings; the first line is the summary."""
    doc = inspect.getdoc(rule) or ""
    head, *rest = re.split(r"^## ", doc, flags=re.MULTILINE)
    sections = {}
    for chunk in rest:
        title, _, body = chunk.partition("\n")
        sections[title.strip()] = body.strip()
    return RuleDoc(summary=head.strip().splitlines()[0].rstrip(".") if head.strip() else "",
                   sections=sections)


def problems(rule: type[Rule]) -> list[str]:
    """What is wrong with a rule's documentation (empty when it is complete)."""
    doc = parse(rule)
    found = [f"missing section '## {s}'" for s in REQUIRED if s not in doc.sections]
    unknown = [s for s in doc.sections if s not in ORDER]
    found += [f"unknown section '## {s}'" for s in unknown]
    known = [s for s in doc.sections if s in ORDER]
    if known != sorted(known, key=ORDER.index):
        found.append(f"sections out of order: {known}")
    options = option_names(rule)
    if options and "Options" not in doc.sections:
        found.append("missing section '## Options'")
    if sorted(doc.documented_options) != sorted(options):
        found.append(f"documented options {doc.documented_options} != options model {options}")
    if not doc.summary:
        found.append("no summary line")
    if doc.failing_example is None:
        found.append("no example under '## Example'")
    elif not rule.from_loader and doc.passing_example is None:
        found.append("no 'Use instead:' example")
    return found


def option_names(rule: type[Rule]) -> list[str]:
    return [info.alias or name for name, info in rule.Options.model_fields.items()]


def options_table(rule: type[Rule]) -> str:
    schema = rule.Options.model_json_schema(by_alias=True)
    props = schema.get("properties", {})
    if not props:
        return ""
    rows = ["| option | type | default | description |", "|---|---|---|---|"]
    for key, spec in props.items():
        kind = spec.get("type") or " | ".join(
            s.get("type", "?") for s in spec.get("anyOf", [])) or "?"
        if kind == "array":
            kind = f"list of {spec.get('items', {}).get('type', 'values')}"
        default = spec.get("default", "")
        if isinstance(default, list):
            default = ", ".join(map(str, default))
        rows.append(f"| `{key}` | {kind} | `{default}` | {spec.get('description', '')} |")
    return "\n".join(rows)


def render_markdown(rule: type[Rule]) -> str:
    """The page of one rule: metadata line, the docstring body, options table, how to
    suppress."""
    doc = parse(rule)
    kinds = ", ".join(rule.kinds()) or ("files (loader)" if rule.from_loader else "suppressions")
    meta = [
        f"group: {rule.group()}",
        f"default severity: {rule.default_severity.value}",
        f"applies to: {kinds}",
        f"status: {rule.status.value}",
        f"since {rule.since}",
    ]
    if rule.enforces:
        meta.append(f"enforces: {rule.enforces}")
    meta.append("in `recommended`" if rule.recommended else "not in `recommended`")
    out = [f"# {rule.name} ({rule.code})", "", doc.summary + ".", "",
           "*" + " · ".join(meta) + "*", ""]
    for title in ORDER:
        if title in doc.sections:
            out += [f"## {title}", "", doc.sections[title], ""]
            if title == "Options":
                table = options_table(rule)
                if table:
                    out += [table, ""]
    if not rule.code.startswith("EA0"):
        out += [
            "## How to suppress",
            "",
            "On the element, with the reason the exception is accepted:",
            "",
            "```yaml",
            "suppress:",
            f"  - rule: {rule.code}  # {rule.name}",
            "    reason: <why, at least 15 characters>",
            "    expires: 2027-12-31",
            "    approved-by: <who decided>",
            "```",
            "",
        ]
    return "\n".join(out).rstrip() + "\n"


def render_index(rules: list[type[Rule]]) -> str:
    out = ["# Rules", "", "Generated by `ea rules --format markdown`; do not edit by hand.", ""]
    group = None
    for rule in rules:
        if rule.group() != group:
            group = rule.group()
            out += ["", f"## {group}", "",
                    "| code | name | summary | severity | enforces | recommended |",
                    "|---|---|---|---|---|---|"]
        out.append(
            f"| [{rule.code}]({rule.code}.md) | {rule.name} | {parse(rule).summary} | "
            f"{rule.default_severity.value} | {rule.enforces or ''} | "
            f"{'✓' if rule.recommended else ''} |"
        )
    return "\n".join(out).strip() + "\n"
