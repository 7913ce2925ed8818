"""The value types of the metamodel, defined once: numbers that stay finite, exact and in
ranges a municipality can reach, dates in the years a plan can mean, and text without the
control characters that break outputs or disguise what a name says.

Every number field and every free-text field of a model file uses one of these, so that a
value the reports, diagrams and `ea diff` cannot handle is refused at load, located, like
an unknown enum value (EA005). The checks run inside pydantic-core (bounds, one regular
expression), so they cost next to nothing per element.

- `Money`: euros, 0 ... 10^12 (a whole municipality's budget is about 10^9), finite.
- `Share`: a share in percent, 0 ... 100.
- `Years`: a length of time in years (a payback period), 0 ... 1000.
- `Count`: a whole number of things (a yearly volume, steps), 0 ... 10^12: far below 2^53,
  so it stays exact wherever it becomes a float.
- `Date`: a calendar date between 1900-01-01 and 2200-12-31.
- `Prose`: free text, several lines allowed: no control characters but tab and line feed,
  no line or paragraph separators (U+2028, U+2029), no bidirectional overrides or isolates
  (U+202A-U+202E, U+2066-U+2069), which can make text read other than it is.
- `Line`: like `Prose`, on one line: no tab or line feed either (tags, property keys).

Names and titles (`base.LocalName`) are one line in every language; descriptions
(`base.LocalText`) are prose.

Each bounded type carries a `Bounds` (read by the loader's `pydantic_errors` to word the
error: "must be an amount between 0 and 1 000 000 000 000 €, not .inf").
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import BeforeValidator, Field, StringConstraints
from pydantic_core import PydanticKnownError

# Characters text may never hold (as a character class body, in the syntax both
# pydantic-core's Rust regex and Python's `re` read): C0 controls but tab and line feed,
# DEL and the C1 controls, the line and paragraph separators, bidirectional embeddings,
# overrides and isolates.
_NEVER = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
PROSE_PATTERN = rf"^[^{_NEVER}]*$"
LINE_PATTERN = rf"^[^\t\n{_NEVER}]*$"
TEXT_PATTERNS = frozenset({PROSE_PATTERN, LINE_PATTERN})
_FORBIDDEN_IN_PROSE = re.compile(f"[{_NEVER}]")
_FORBIDDEN_IN_LINE = re.compile(rf"[\t\n{_NEVER}]")

Prose = Annotated[str, StringConstraints(pattern=PROSE_PATTERN)]
Line = Annotated[str, StringConstraints(pattern=LINE_PATTERN)]

_CHARACTER_NAMES = {
    "\t": "a tab", "\n": "a line break", "\r": "a carriage return", "\x00": "a NUL character",
    "\x1b": "an escape character (ESC)", "\x7f": "a delete character (DEL)",
    "\u2028": "a line separator (U+2028)", "\u2029": "a paragraph separator (U+2029)",
}


def forbidden_character(text: str, one_line: bool) -> tuple[int, str] | None:
    """The first character `text` may not hold, as (index, what it is), or None."""
    match = (_FORBIDDEN_IN_LINE if one_line else _FORBIDDEN_IN_PROSE).search(text)
    if match is None:
        return None
    char = match.group()
    code = ord(char)
    if char in _CHARACTER_NAMES:
        what = _CHARACTER_NAMES[char]
    elif 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        what = f"a bidirectional text control (U+{code:04X})"
    else:
        what = f"a control character (U+{code:04X})"
    return match.start(), what


@dataclass(frozen=True)
class Bounds:
    """The range of a number or date type, as words for its error message."""

    what: str  # "an amount", "a share"
    low: float | dt.date
    high: float | dt.date
    unit: str = ""

    def phrase(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        return f"{self.what} between {_number(self.low)} and {_number(self.high)}{unit}"


def _number(value) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}".replace(",", " ")


def shown(value) -> str:
    """A number as a YAML file would write it (`.inf`, `.nan`), other values as repr."""
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**30:
        # (str() of a very long int raises, and a float cannot hold it)
        return f"a number of about 10^{int(abs(value).bit_length() * 0.30103)}"
    return repr(value)


MAX_MONEY = 10**12
MAX_COUNT = 10**12
MAX_YEARS = 1000
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2200, 12, 31)

MONEY = Bounds("a finite amount", 0, MAX_MONEY, "€")
SHARE = Bounds("a finite share", 0, 100, "percent")
YEARS = Bounds("a finite number of years", 0, MAX_YEARS)
COUNT = Bounds("a whole number", 0, MAX_COUNT)
DATE = Bounds("a date", FIRST_DATE, LAST_DATE)


def _a_number(value):
    """A number as written: YAML's true and false and quoted numbers ("100") are not
    amounts (pydantic would read them as 1, 0 and 100), and -0.0 is 0.0 (it would pass
    `ge=0` and show as "-0 €")."""
    if isinstance(value, (bool, str)):
        raise PydanticKnownError("float_type")
    return 0.0 if value == 0 and isinstance(value, float) else value


def _a_whole_number(value):
    if isinstance(value, (bool, str)):
        raise PydanticKnownError("int_type")
    return value


_NUMBER = BeforeValidator(_a_number)
Money = Annotated[float, Field(ge=0, le=MAX_MONEY, allow_inf_nan=False), _NUMBER, MONEY]
Share = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False), _NUMBER, SHARE]
Years = Annotated[float, Field(ge=0, le=MAX_YEARS, allow_inf_nan=False), _NUMBER, YEARS]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT), BeforeValidator(_a_whole_number), COUNT]
Date = Annotated[dt.date, Field(ge=FIRST_DATE, le=LAST_DATE), DATE]

__all__ = [
    "COUNT", "DATE", "MONEY", "SHARE", "YEARS", "Bounds", "Count", "Date", "Line", "Money",
    "Prose", "Share", "Years", "forbidden_character", "shown",
]
