"""What a rule is: a small class with a code, a name, the kinds it applies to, options and a
`check()` generator. Rules know nothing of files, config or line numbers: they yield
violations naming an element and a field; the engine adds severity, place and suppression.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from ..diagnostics import Severity
from ..model import ElementBase, Model, Relation, Viewpoint
from ..model.base import kebab


class Status(StrEnum):
    STABLE = "stable"
    PREVIEW = "preview"  # only with --preview
    DEPRECATED = "deprecated"


class RuleOptions(BaseModel):
    """Per-rule options, set in `[eaframework:rules:<name>]` with kebab-case keys."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", alias_generator=kebab, validate_by_name=True,
        validate_by_alias=True,
    )


# The hundreds digit of a code names the group, as in the catalogue's docs.
GROUPS: dict[str, str] = {
    "0": "integrity",
    "1": Viewpoint.OPERATIONS.value,
    "2": Viewpoint.INFORMATION.value,
    "3": Viewpoint.SYSTEMS.value,
    "4": Viewpoint.TECHNOLOGY.value,
    "5": "crossview",
}


@dataclass(frozen=True, slots=True)
class Violation:
    """What a rule found: the element (by id), the field path inside it, and words."""

    element: str | None
    message: str
    hint: str | None = None
    field: tuple = ()
    relation: Relation | None = None


@dataclass
class RuleContext:
    """What a rule may look at: the model and today's date (for expiry and age checks)."""

    model: Model
    today: dt.date = field(default_factory=dt.date.today)

    def years_ago(self, years: int) -> dt.date:
        """The same calendar day `years` before today (28 February for 29 February)."""
        try:
            return self.today.replace(year=self.today.year - years)
        except ValueError:
            return self.today.replace(year=self.today.year - years, day=28)


class Rule:
    """Base class of every rule. Subclasses set the class attributes and `check()`."""

    code: ClassVar[str]
    name: ClassVar[str]
    # Element classes the rule checks one by one, or (Model,) for one check of the whole.
    applies_to: ClassVar[tuple[type, ...]] = ()
    default_severity: ClassVar[Severity] = Severity.WARNING
    recommended: ClassVar[bool] = True
    status: ClassVar[Status] = Status.STABLE
    since: ClassVar[str] = "0.1.0"
    # The principle (P1..P8) or law section (e.g. "TiHL §28") the rule enforces.
    enforces: ClassVar[str | None] = None
    # Loader rules report while reading files; their `check` is never called.
    from_loader: ClassVar[bool] = False

    class Options(RuleOptions):
        pass

    def __init__(self, options: RuleOptions | None = None) -> None:
        self.options = options if options is not None else self.Options()

    # -- what subclasses write ----------------------------------------------------------
    def applies(self, subject, ctx: RuleContext) -> bool:
        """Whether `subject` is in scope (counted as checked for compliance)."""
        return True

    def check(self, subject, ctx: RuleContext) -> Iterator[Violation]:
        raise NotImplementedError
        yield  # pragma: no cover

    # -- helpers ------------------------------------------------------------------------
    def violation(
        self,
        subject: ElementBase | Model | None,
        message: str,
        *,
        hint: str | None = None,
        field: str | tuple = (),
        relation: Relation | None = None,
    ) -> Violation:
        element = subject.id if isinstance(subject, ElementBase) else None
        path = (field,) if isinstance(field, str) else tuple(field)
        return Violation(element, message, hint, path, relation)

    @classmethod
    def group(cls) -> str:
        return GROUPS.get(cls.code[-3], "custom")

    @classmethod
    def kinds(cls) -> tuple[str, ...]:
        from ..model import kind_of

        return tuple("model" if k is Model else kind_of(k) for k in cls.applies_to)


def label(element: ElementBase) -> str:
    """How messages name an element: its Finnish name in quotes."""
    return repr(element.name.fi)


def kind_words(element: ElementBase) -> str:
    """How messages name a kind: 'information system', 'platform', 'technology service'."""
    return element.kind.replace("-", " ")


def listing(names: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
