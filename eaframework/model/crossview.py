"""What spans the viewpoints: principles, development projects and impact assessments."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import Field, NonNegativeFloat

from .base import ElementBase, Ref, Strict, Viewpoint
from .operations import Owned


class Principle(Owned):
    """An architecture principle (arkkitehtuuriperiaate): statement, rationale, implications."""

    viewpoint: ClassVar = Viewpoint.CROSS
    reference_fields: ClassVar = {"owner": "owned-by"}

    kind: Literal["principle"]
    code: str | None = Field(None, description="short code, e.g. P6")
    statement: str | None = Field(None, description="Periaate")
    rationale: str | None = Field(None, description="Perustelu")
    implications: str | None = Field(None, description="Vaikutukset")
    source: str | None = None
    rules: tuple[str, ...] = Field((), description="codes or names of the rules enforcing it")


class Costs(Strict):
    investment: NonNegativeFloat | None = Field(None, description="one-off euros")
    annual: NonNegativeFloat | None = Field(None, description="running euros per year")


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
    expected_annual_benefit: NonNegativeFloat | None = Field(None, description="euros per year")
    payback_years: NonNegativeFloat | None = None
    adds: tuple[Ref, ...] = ()
    replaces: tuple[Ref, ...] = ()
    impact_assessment: Ref | None = None
    user_involvement: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

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
    assessed_on: dt.date | None = None
    assessed_by: str | None = None
    security: str | None = None
    disclosures: str | None = None
    case_management: str | None = None
    publicity: str | None = None
    interoperability: str | None = None


__all__ = ["Costs", "DevelopmentProject", "ImpactAssessment", "Principle"]
