"""Findings and where they are: shared by the loader, the rule engine and the reporters."""

from __future__ import annotations

import re
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
    import difflib  # late: only a run with a mistake to explain needs it

    matches = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=cutoff)
    return f"; did you mean {matches[0]!r}?" if matches else ""


# -- text that is safe to print ---------------------------------------------------------
# Characters a terminal or a CI log acts on instead of showing: C0 and C1 controls, DEL
# (ESC starts a terminal escape sequence, CR rewrites the line), the Unicode line and
# paragraph separators, and the bidirectional overrides and isolates that reorder a line.
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNSAFE = [*range(0x20), 0x7F, *range(0x80, 0xA0), 0x061C, 0x200E, 0x200F, 0x2028, 0x2029,
           *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_ESCAPES = {c: _NAMED.get(chr(c)) or (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}")
            for c in _UNSAFE}
_ESCAPES_MULTILINE = {c: e for c, e in _ESCAPES.items() if chr(c) not in "\n\t"}


def printable(text: str, *, multiline: bool = False) -> str:
    """`text` safe to show on a terminal or in a CI log: every character that would act
    instead of showing (controls, ESC, CR, DEL, LS/PS, bidi overrides) becomes a visible
    escape (`\\x1b`, `\\r`, `\\u202e`). A newline (and a tab) becomes `\\n` (`\\t`) too,
    unless `multiline`; then lines are kept, and a line that a CI log would take for a
    workflow command (`::` after blanks) starts `\\x3a:` instead of `::`. GitHub's older
    log commands (`##[error]`, `##[group]` ...) start `\\x23#[` instead, on every line
    and at the start of a one-line text (which may start a printed line: a file name).

    Every text output passes model-derived text through this (file names, names, messages);
    formats with their own escaping (JSON, XML, GitHub annotations) apply theirs after."""
    if text.isprintable() and "::" not in text and "##[" not in text:
        return text
    if not multiline:
        return _OLD_COMMAND.sub(r"\1\\x23#[", text.translate(_ESCAPES), count=1)
    return _COMMAND.sub(_neutralised, text.translate(_ESCAPES_MULTILINE))


_COMMAND = re.compile(r"^(\s*)(::|##\[)", re.MULTILINE)
_OLD_COMMAND = re.compile(r"^(\s*)##\[")


def _neutralised(match: re.Match) -> str:
    return match.group(1) + ("\\x3a:" if match.group(2) == "::" else "\\x23#[")


# What JSON leaves raw that acts on a terminal showing the file (DEL, C1 controls, line
# separators, bidi overrides) or cannot be written as UTF-8 (a lone surrogate from a file
# name that is not UTF-8).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                          "\u2066-\u2069\ud800-\udfff]")


def safe_json(text: str) -> str:
    """JSON text (`json.dumps(..., ensure_ascii=False)`) with those characters written
    `\\uXXXX`: they can only be inside strings, and every JSON reader decodes them back."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
