"""What spans the viewpoints: principles, development projects and impact assessments."""

from typing import ClassVar, Literal

from pydantic import Field

from .base import ElementBase, Ref, Strict, Viewpoint
from .operations import Owned
from .values import Date, Line, Money, Prose, Years


class Principle(Owned):
    """An architecture principle (arkkitehtuuriperiaate): statement, rationale, implications."""

    viewpoint: ClassVar = Viewpoint.CROSS
    reference_fields: ClassVar = {"owner": "owned-by"}

    kind: Literal["principle"]
    code: Prose | None = Field(None, description="short code, e.g. P6")
    statement: Prose | None = Field(None, description="Periaate")
    rationale: Prose | None = Field(None, description="Perustelu")
    implications: Prose | None = Field(None, description="Vaikutukset")
    source: Prose | None = None
    rules: tuple[Line, ...] = Field((), description="codes or names of the rules enforcing it")


class Costs(Strict):
    investment: Money | None = Field(None, description="one-off euros")
    annual: Money | None = Field(None, description="running euros per year")


class DevelopmentProject(Owned):
    """A development project (kehittämishanke) on the roadmap from as-is to to-be."""

    viewpoint: ClassVar = Viewpoint.CROSS
    reference_fields: ClassVar = {
        "owner": "owned-by",
        "adds": "adds",
        "replaces": "replaces",
        "impact_assessment": "assessed-by",
    }

    kind: Literal["development-project"]
    costs: Costs | None = None
    expected_annual_benefit: Money | None = Field(None, description="euros per year")
    payback_years: Years | None = None
    adds: tuple[Ref, ...] = ()
    replaces: tuple[Ref, ...] = ()
    impact_assessment: Ref | None = None
    user_involvement: Prose | None = None
    start: Date | None = None
    end: Date | None = None

    def computed_payback(self) -> float | None:
        """Payback in years from the costs and benefit, where both are known."""
        if self.costs is None or self.costs.investment is None:
            return None
        net = (self.expected_annual_benefit or 0) - (self.costs.annual or 0)
        return round(self.costs.investment / net, 1) if net > 0 else None


class ImpactAssessment(ElementBase):
    """An impact assessment (muutosvaikutusten arviointi, TiHL §5.3)."""

    viewpoint: ClassVar = Viewpoint.CROSS

    kind: Literal["impact-assessment"]
    assessed_on: Date | None = None
    assessed_by: Prose | None = None
    security: Prose | None = None
    disclosures: Prose | None = None
    case_management: Prose | None = None
    publicity: Prose | None = None
    interoperability: Prose | None = None


__all__ = ["Costs", "DevelopmentProject", "ImpactAssessment", "Principle"]
