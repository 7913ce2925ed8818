"""The loader's codes (the EA0xx integrity group) and the phrases its messages share.

- EA001 unreadable-file, EA002 invalid-yaml, EA003 not-a-model-file: the file cannot be
  used at all (exit 2);
- EA004 duplicate-key, EA005 invalid-element, EA006 duplicate-id, EA007 unknown-reference,
  EA008 relation-not-allowed, EA009 unknown-relation-type, EA010 part-of-cycle: the model
  is read, and these are reported as errors (exit 1).
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Location, Severity
from ..model import KINDS, ElementBase

CODE_NAMES = {
    "EA001": "unreadable-file",
    "EA002": "invalid-yaml",
    "EA003": "not-a-model-file",
    "EA004": "duplicate-key",
    "EA005": "invalid-element",
    "EA006": "duplicate-id",
    "EA007": "unknown-reference",
    "EA008": "relation-not-allowed",
    "EA009": "unknown-relation-type",
    "EA010": "part-of-cycle",
}
LOADER_CODES = frozenset(CODE_NAMES)


def load_error(code: str, message: str, location: Location | None, **kw) -> Diagnostic:
    """One of the loader's findings: always an error, named by its code."""
    return Diagnostic(code=code, message=message, severity=Severity.ERROR, location=location,
                      rule=CODE_NAMES[code], **kw)


def describe(element: ElementBase) -> str:
    return f"{element.kind} {element.id!r}"


def label(item: dict) -> str:
    """An element as written, valid or not: its kind (if known) and id."""
    kind = item.get("kind")
    kind = kind if isinstance(kind, str) and kind in KINDS else "element"
    element_id = item.get("id")
    return f"{kind} {element_id!r}" if isinstance(element_id, str) else f"{kind} without an id"


def article(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def kinds(names: tuple[str, ...]) -> str:
    if "*" in names:
        return "any element"
    words = [article(k) for k in names]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def yaml_type(value: object) -> str:
    return {dict: "mapping", list: "list", str: "string", int: "number", float: "number",
            bool: "boolean"}.get(type(value), type(value).__name__)
