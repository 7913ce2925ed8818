"""EA209 resource-security-classification."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ...model import InformationResource
from ..base import Rule, RuleContext, RuleOptions, Violation, label, listing
from ..registry import register


@register
class ResourceSecurityClassification(Rule):
    """Every information resource is classified and its risks recently assessed.

    ## What it does
    Checks that every information resource that is not retired has a `criticality`, a
    `publicity` class and a `last-risk-assessment` date, and that the assessment is no
    older than `max-age-years`. Missing fields are named in one finding; an outdated
    assessment is a second finding.

    ## Why it matters
    TiHL §13: the authority secures its datasets over their whole lifecycle, based on a
    risk assessment, and classifies them by publicity and significance. A resource without
    a classification gets no particular protection; a risk assessment years old no longer
    reflects the systems and threats of today.

    ## Example
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         criticality: high}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-resource, id: ir-vaka, name: Varhaiskasvatusrekisteri,
         criticality: high, publicity: secret, last-risk-assessment: 2025-09-15}
    ```

    ## Options
    - `max-age-years`: how many years old the last risk assessment may be.

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 13
    - Julkisen hallinnon tietoturvallisuuden arviointikriteeristö (Julkri)
    """

    code = "EA209"
    name = "resource-security-classification"
    applies_to = (InformationResource,)
    enforces = "TiHL §13"

    class Options(RuleOptions):
        max_age_years: int = Field(
            default=3, ge=1, description="how many years old the last risk assessment may be"
        )

    def applies(self, resource, ctx: RuleContext) -> bool:
        return resource.is_live

    def check(self, resource: InformationResource, ctx: RuleContext) -> Iterator[Violation]:
        missing = [
            key
            for key, value in (
                ("criticality", resource.criticality),
                ("publicity", resource.publicity),
                ("last-risk-assessment", resource.last_risk_assessment),
            )
            if value is None
        ]
        if missing:
            yield self.violation(
                resource,
                f"information resource {label(resource)} has no {listing(missing)}",
                hint="classify the resource (`criticality:`, `publicity:`) and record the "
                "date of its last risk assessment in `last-risk-assessment:`",
                field=missing[0] if len(missing) == 1 else (),
            )
        assessed = resource.last_risk_assessment
        years = self.options.max_age_years
        if assessed is not None and assessed < ctx.years_ago(years):
            yield self.violation(
                resource,
                f"last risk assessment of information resource {label(resource)} is from "
                f"{assessed.isoformat()}, more than {years} years ago",
                hint="assess the resource's risks again and update `last-risk-assessment:`",
                field="last-risk-assessment",
            )
