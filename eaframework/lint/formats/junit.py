"""`ea lint --format junit`: JUnit XML, for CI systems that show test results."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from typing import Any

from ...diagnostics import Diagnostic, printable
from .common import ordered, rule_title, suppressed_text

# What `printable` leaves that XML 1.0 forbids: lone surrogates (from a file name that is
# not UTF-8) and the two non-characters.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    """Text for an XML attribute or element: controls shown escaped (`printable`), so the
    document is always well-formed and nothing acts on the reader's terminal."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", printable(text, multiline=True))


def format_junit(report, **_: Any) -> str:
    """JUnit XML: a testsuite per rule that ran ("CODE name"), a failing testcase per
    finding, a skipped one per suppressed finding, one passing testcase for a clean rule."""
    from ...rules.registry import lookup

    by_code: dict[str, list[Diagnostic]] = {}
    for d in ordered(report.diagnostics):
        by_code.setdefault(d.code, []).append(d)
    suites: list[tuple[str, str | None]] = [(r.code, r.name) for r in report.rules]
    for code, found in by_code.items():  # e.g. loader findings of rules not in `rules`
        if code not in {c for c, _ in suites}:
            rule = lookup(code)
            suites.append((code, found[0].rule or (rule.name if rule else None)))
    suites.sort(key=lambda s: s[0])

    root = ET.Element("testsuites", name="ea lint")
    totals = Counter()
    for code, name in suites:
        title = _xml(rule_title(code, name))
        suite = ET.SubElement(root, "testsuite", name=title)
        found = by_code.get(code, [])
        counts = Counter(tests=max(len(found), 1))
        if not found:
            ET.SubElement(suite, "testcase", classname=title, name=title)
        for d in found:
            where = str(d.location) if d.location else "(model)"
            case = ET.SubElement(
                suite, "testcase", classname=title, name=_xml(f"{d.element or where}: {d.message}")
            )
            if d.suppressed is not None:
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", message=_xml(suppressed_text(d.suppressed)))
            else:
                counts["failures"] += 1
                body = [where] + ([f"hint: {d.hint}"] if d.hint else [])
                body += [f"principle: {d.principle}"] if d.principle else []
                failure = ET.SubElement(
                    case, "failure", message=_xml(d.message), type=d.severity.value
                )
                failure.text = _xml("\n".join(body))
        for key in ("tests", "failures", "errors", "skipped"):
            suite.set(key, str(counts[key]))
        totals.update(counts)
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(totals[key]))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
