"""EA506 change-has-impact-assessment."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import DevelopmentProject, InformationSystem
from ..base import Rule, RuleContext, Violation, label, listing
from ..registry import register


@register
class ChangeHasImpactAssessment(Rule):
    """A change that adds or replaces an information system references an impact assessment.

    ## What it does
    Checks that every development project that is not retired and `adds` or `replaces`
    an information system references an `impact-assessment`. A planned or to-be system of
    the organisation that no development project `adds` is reported itself, since nothing
    links it to an assessment; a planned system that some project adds is that project's
    responsibility and is not reported.

    ## Why it matters
    TiHL §5.3: material changes to administration or information systems are assessed in
    advance for their effects on information management: security, disclosures and
    interfaces, case management, publicity and interoperability. Without the assessment
    these surface only after the system is bought.

    ## Example
    ```yaml
    elements:
      - {kind: information-system, id: sys-uusi, name: Uusi asiakasjärjestelmä,
         lifecycle: {phase: planned}}
      - {kind: development-project, id: dp-asiakas, name: Asiakkuushanke, adds: [sys-uusi]}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-uusi, name: Uusi asiakasjärjestelmä,
         lifecycle: {phase: planned}}
      - {kind: impact-assessment, id: ia-asiakas, name: Asiakkuushankkeen vaikutusarvio,
         assessed-on: 2026-02-01}
      - {kind: development-project, id: dp-asiakas, name: Asiakkuushanke, adds: [sys-uusi],
         impact-assessment: ia-asiakas}
    ```

    ## Known limitations
    An information system cannot reference an impact assessment itself; a planned system
    outside any project is reported even if its change has been assessed. Put it into a
    development project (EA510 asks the same).

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5 (3)
    - Digi- ja väestötietovirasto: muutosvaikutusten arviointi (suositus)
    """

    code = "EA506"
    name = "change-has-impact-assessment"
    applies_to = (DevelopmentProject, InformationSystem)
    default_severity = Severity.ERROR
    enforces = "TiHL §5"

    @staticmethod
    def _changed(project: DevelopmentProject, ctx: RuleContext) -> list:
        return [
            system
            for relation in ("adds", "replaces")
            for system in ctx.model.targets(project, relation, InformationSystem)
        ]

    def applies(self, subject, ctx: RuleContext) -> bool:
        if isinstance(subject, DevelopmentProject):
            return subject.is_live and bool(self._changed(subject, ctx))
        return (
            subject.is_planned
            and ctx.model.is_internal(subject)
            and not ctx.model.sources(subject, "adds", DevelopmentProject)
        )

    def check(self, subject, ctx: RuleContext) -> Iterator[Violation]:
        if isinstance(subject, InformationSystem):
            yield self.violation(
                subject,
                f"planned system {label(subject)} is not part of a development project with "
                "an impact assessment",
                hint="add it to `adds:` of the development project that introduces it, and "
                "give the project an `impact-assessment:`",
            )
            return
        if subject.impact_assessment is None:
            changed = self._changed(subject, ctx)
            systems = ("information systems " if len(changed) > 1 else "information system ")
            yield self.violation(
                subject,
                f"development project {label(subject)} changes {systems}"
                f"{listing([label(s) for s in changed])} but references no impact assessment",
                hint="assess the change's effects on information management and reference "
                "the `impact-assessment` element under `impact-assessment:`",
            )
