"""EA302 system-has-responsible-person."""

from __future__ import annotations

from ...diagnostics import Severity
from ...model import InformationSystem
from ..registry import register
from ..required import FieldRequired


@register
class SystemHasResponsiblePerson(FieldRequired):
    """Every information system has a named responsible person.

    ## What it does
    Checks that every information system of the organisation that is not retired names
    its responsible person (`responsible:`, a `person`).

    ## Why it matters
    Principle P8: every information system has a named owner *and* a named responsible
    person (vastaava viranhaltija). An organisation unit cannot answer a question from the
    data protection officer or sign off a change: a person can.

    ## Example
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-talous, name: Talouspalvelut}
      - {kind: information-system, id: sys-talous, name: Taloushallinto, owner: ou-talous}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: organisation-unit, id: ou-talous, name: Talouspalvelut}
      - {kind: person, id: per-jukka, name: Jukka Nieminen, unit: ou-talous}
      - {kind: information-system, id: sys-talous, name: Taloushallinto, owner: ou-talous,
         responsible: per-jukka}
    ```

    ## Known limitations
    Systems owned by an external organisation unit (another authority, a vendor) are out
    of scope: their responsible person is the other party's business.

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 4
    - Espoo's information management model: "vastaava viranhaltija" per system
    """

    code = "EA302"
    name = "system-has-responsible-person"
    applies_to = (InformationSystem,)
    default_severity = Severity.WARNING
    enforces = "P8"

    required = "responsible"
    missing = "has no responsible person"
    fix = (
        "add `responsible:` with the `person` who answers for the system "
        "(vastaava viranhaltija)"
    )
    own_only = True
