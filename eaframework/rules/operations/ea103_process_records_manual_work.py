"""EA103 process-records-manual-work."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ...diagnostics import Severity
from ...model import Process, ProcessCategory
from ..base import Rule, RuleContext, RuleOptions, Violation, label
from ..registry import register


def _effective_category(process: Process, ctx: RuleContext) -> ProcessCategory | None:
    """The process's own category, or that of the nearest parent process that has one."""
    if process.category is not None:
        return process.category
    for parent in ctx.model.ancestors(process):
        category = getattr(parent, "category", None)
        if category is not None:
            return category
    return None


def _has_live_parts(process: Process, ctx: RuleContext) -> bool:
    return any(p.is_live for p in ctx.model.sources(process, "part-of", "process"))


@register
class ProcessRecordsManualWork(Rule):
    """Core and support processes record their manual steps and yearly volume.

    ## What it does
    Checks that every process that is not retired, whose category (its own, or else its
    nearest parent's) is one of `categories`, and that has no sub-processes records both
    `manual-steps` and `yearly-volume`. A process divided into sub-processes is out of
    scope: the numbers belong to the sub-processes where the work is done.

    ## Why it matters
    Principle P3: develop where automatic processing removes manual work. Without the
    number of manual steps and how often the process runs, automation candidates cannot
    be found or ranked (see EA104), and the payback of a development project (P2) cannot
    be estimated.

    ## Example
    ```yaml
    elements:
      - {kind: process, id: prc-ostolaskut, name: Ostolaskujen käsittely, category: support,
         yearly-volume: 38000}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: process, id: prc-ostolaskut, name: Ostolaskujen käsittely, category: support,
         manual-steps: 4, yearly-volume: 38000}
    ```

    ## Options
    - `categories`: process categories that must record manual steps and yearly volume.

    ## References
    - Mikkeli's digital programme (Lupaus 2016): 44 application processes digitised end
      to end
    """

    code = "EA103"
    name = "process-records-manual-work"
    applies_to = (Process,)
    default_severity = Severity.INFO
    enforces = "P3"

    class Options(RuleOptions):
        categories: list[ProcessCategory] = Field(
            default=[ProcessCategory.CORE, ProcessCategory.SUPPORT],
            description="process categories that must record manual steps and yearly volume",
        )

    def applies(self, process, ctx) -> bool:
        return (
            process.is_live
            and _effective_category(process, ctx) in set(self.options.categories)
            and not _has_live_parts(process, ctx)
        )

    def check(self, process: Process, ctx: RuleContext) -> Iterator[Violation]:
        missing = [
            key
            for key, value in (
                ("manual-steps", process.manual_steps),
                ("yearly-volume", process.yearly_volume),
            )
            if value is None
        ]
        if not missing:
            return
        category = _effective_category(process, ctx)
        what = (
            "neither manual-steps nor yearly-volume"
            if len(missing) == 2
            else f"no {missing[0]}"
        )
        yield self.violation(
            process,
            f"{category.value} process {label(process)} records {what}",
            hint="add " + " and ".join(f"`{key}:`" for key in missing)
            + " (manual work steps per case; cases per year)",
        )
