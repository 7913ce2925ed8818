"""The commonest rule: each element in scope has one field filled in (an owner, a purpose,
a transfer method ...). A subclass names the field and its words; the check is here once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ..model import ElementBase
from .base import Rule, RuleContext, Violation, kind_words, label


class FieldRequired(Rule):
    """Base class: `required` is the Python field name, `missing` ends the message
    ("has no owner"), `fix` is the hint. In scope: every element not retired (and, with
    `own_only`, owned by the organisation itself)."""

    required: ClassVar[str]
    missing: ClassVar[str]
    fix: ClassVar[str]
    # Only the organisation's own elements, not those owned by other authorities or vendors.
    own_only: ClassVar[bool] = False

    def applies(self, subject: ElementBase, ctx: RuleContext) -> bool:
        return subject.is_live and (not self.own_only or ctx.model.is_internal(subject))

    def filled(self, subject: ElementBase, ctx: RuleContext) -> bool:
        if self.required == "owner":  # an owned-by relation in a `relations:` list counts too
            return ctx.model.owner_of(subject) is not None
        return getattr(subject, self.required) not in (None, "", (), {})

    def check(self, subject: ElementBase, ctx: RuleContext) -> Iterator[Violation]:
        if not self.filled(subject, ctx):
            yield self.violation(
                subject,
                f"{kind_words(subject)} {label(subject)} {self.missing}",
                hint=self.fix,
            )
