"""EA502 process-uses-information."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Process
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


@register
class ProcessUsesInformation(Rule):
    """Every process uses an information system or information resource, or is manual.

    ## What it does
    Checks that every process that is not retired and not marked `manual: true` `uses` an
    information system, information resource or dataset, or is supported by a system
    (`supports:` on the system). A process whose sub-processes (`part-of`) do so counts
    as well.

    ## Why it matters
    JHS 179 traceability: each process is linked to the information and systems it
    needs, so that the effects of changing a system on operations can be seen. TiHL §5
    asks the information management model to link processes to information resources and
    systems. A process with neither links nor a `manual` mark is simply undocumented.

    ## Example
    ```yaml
    elements:
      - {kind: process, id: pr-haku, name: Varhaiskasvatukseen hakeminen}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-system, id: sys-vaka, name: Vaka-järjestelmä}
      - {kind: process, id: pr-haku, name: Varhaiskasvatukseen hakeminen, uses: [sys-vaka]}
    ```

    ## References
    - JHS 179 Kokonaisarkkitehtuurin suunnittelu ja kehittäminen
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 5
    """

    code = "EA502"
    name = "process-uses-information"
    applies_to = (Process,)
    enforces = "JHS 179"

    def applies(self, process, ctx: RuleContext) -> bool:
        return process.is_live and not process.manual

    def check(self, process: Process, ctx: RuleContext) -> Iterator[Violation]:
        if ctx.model.uses_information(process):
            return
        yield self.violation(
            process,
            f"process {label(process)} uses no information system or information resource",
            hint="list what it uses under `uses:`, or mark it `manual: true` if it is "
            "carried out without information systems",
        )
