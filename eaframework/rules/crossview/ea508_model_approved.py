"""EA508 model-approved."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ...model import Model
from ..base import Rule, RuleContext, RuleOptions, Violation, listing
from ..registry import register


@register
class ModelApproved(Rule):
    """The model records who approved it, when, and when it was last reviewed.

    ## What it does
    Checks that the model's `metadata` has `approved-by`, `approved-on` and
    `last-reviewed`, and that the last review is no older than `max-review-age-days`. A
    model without `metadata` is a finding. Missing fields are named in one finding; an
    outdated review is a second finding.

    ## Why it matters
    TiHL §4: the management of the authority is responsible for information management
    and for keeping the information management model up to date. Recording who approved
    the model and when it was last reviewed is how the model shows that it is the
    authority's decided description and not somebody's draft.

    ## Example
    ```yaml
    metadata: {organisation: Esimerkkilän kaupunki, approved-by: Kaupunginjohtaja}
    elements:
      - {kind: organisation-unit, id: ou-konserni, name: Konsernipalvelut}
    ```

    Use instead:
    ```yaml
    metadata: {organisation: Esimerkkilän kaupunki, approved-by: Kaupunginjohtaja,
               approved-on: 2026-01-15, last-reviewed: 2026-01-15}
    elements:
      - {kind: organisation-unit, id: ou-konserni, name: Konsernipalvelut}
    ```

    ## Options
    - `max-review-age-days`: how many days old the last review may be.

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 4 and § 5
    """

    code = "EA508"
    name = "model-approved"
    applies_to = (Model,)
    enforces = "TiHL §4"

    class Options(RuleOptions):
        max_review_age_days: int = Field(
            default=400, ge=1, description="how many days old the last review may be"
        )

    def check(self, model: Model, ctx: RuleContext) -> Iterator[Violation]:
        meta = model.metadata
        if meta is None:
            yield self.violation(
                model,
                "model has no metadata, so nobody is recorded as having approved it",
                hint="add a `metadata:` block with `organisation:`, `approved-by:`, "
                "`approved-on:` and `last-reviewed:` to one file",
            )
            return
        missing = [
            key
            for key, value in (
                ("approved-by", meta.approved_by),
                ("approved-on", meta.approved_on),
                ("last-reviewed", meta.last_reviewed),
            )
            if not value
        ]
        if missing:
            yield self.violation(
                model,
                f"model metadata has no {listing(missing)}",
                hint="record who approved the model (`approved-by:`), when "
                "(`approved-on:`) and when it was last reviewed (`last-reviewed:`)",
                field=missing[0] if len(missing) == 1 else (),
            )
        limit = self.options.max_review_age_days
        if meta.last_reviewed is not None:
            age = (ctx.today - meta.last_reviewed).days
            if age > limit:
                yield self.violation(
                    model,
                    f"model was last reviewed on {meta.last_reviewed.isoformat()}, {age} "
                    f"days ago (more than {limit})",
                    hint="review the model with its owners and update `last-reviewed:`",
                    field="last-reviewed",
                )
