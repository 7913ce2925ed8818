"""EA0xx: model integrity. Always on; these can be downgraded to a warning, never off.

EA001–EA010 are found by the loader while it reads the files; the classes here carry their
documentation so that `ea rules`, `ea rule` and SARIF describe them like any other rule.
EA011–EA014 check the suppressions written on elements.
"""

from __future__ import annotations

from ..diagnostics import Severity
from .base import Rule
from .registry import register


class LoaderRule(Rule):
    """Base of the loader's checks: reported while reading, never called by the engine."""

    from_loader = True
    default_severity = Severity.ERROR
    applies_to = ()


@register
class InternalError(LoaderRule):
    """A rule failed with an internal error.

    ## What it does
    Reports a rule that raised an exception on an element, naming the rule, the element
    and the exception. The run exits with 2: its results are incomplete.

    ## Why it matters
    A crashing check must not pass silently, nor hide the other findings behind a
    traceback.

    ## Example
    ```text
    EA000  rule EA305 cost-fully-allocated failed on sys-talous: ZeroDivisionError
    ```

    ## References
    - Report the model that triggers it to the eaframework maintainers.
    """

    code = "EA000"
    name = "internal-error"


@register
class UnreadableFile(LoaderRule):
    """A model file cannot be read as UTF-8 text.

    ## What it does
    Reports a file that cannot be opened, is larger than 32 MiB, contains NUL bytes
    (binary data) or is not valid UTF-8, at the first offending byte. The run exits with 2.

    ## Why it matters
    A model that cannot be read cannot be checked; guessing an encoding would silently
    change names.

    ## Example
    ```text
    a file saved as Latin-1: "Yhteispalvelupiste" followed by the byte 0xe4 for "ä"
    ```

    Use instead:
    ```text
    save the file as UTF-8 (every editor offers it)
    ```
    """

    code = "EA001"
    name = "unreadable-file"


@register
class InvalidYaml(LoaderRule):
    """A model file is not valid YAML, or is hostile YAML.

    ## What it does
    Reports broken YAML with the parser's line and column, and refuses alias bombs
    (billions of expansions from a few lines), absurd nesting, overlong lines and several
    documents in one file. The run exits with 2.

    ## Why it matters
    Nothing a model file says may make the linter hang, run out of memory or execute code.

    ## Example
    ```yaml
    elements: [{kind: service, id: svc-a, name: A}
    ```

    Use instead:
    ```yaml
    elements: [{kind: service, id: svc-a, name: A}]
    ```
    """

    code = "EA002"
    name = "invalid-yaml"


@register
class NotAModelFile(LoaderRule):
    """A YAML file is not an eaframework model file.

    ## What it does
    Reports a file that is not a mapping, lacks `apiVersion: eaframework/v1`, or whose
    `elements:` or `relations:` is not a list. The run exits with 2.

    ## Why it matters
    Every file under the model folder is part of the model; a stray file is more likely a
    mistake than something to ignore.

    ## Example
    ```text
    elements:
      - {kind: service, id: svc-a, name: A}
    ```

    Use instead:
    ```text
    apiVersion: eaframework/v1
    elements:
      - {kind: service, id: svc-a, name: A}
    ```
    """

    code = "EA003"
    name = "not-a-model-file"


@register
class DuplicateKey(LoaderRule):
    """A key appears twice in one mapping.

    ## What it does
    Reports every repeated key, at the repetition, naming the line of the first one.

    ## Why it matters
    YAML parsers keep one of the two values silently; the architect's other value would be
    lost without a word.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: organisation-unit
        id: ou-a
        name: Konsernipalvelut
        name: Sivistystoimi
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: organisation-unit
        id: ou-a
        name: Konsernipalvelut
    ```
    """

    code = "EA004"
    name = "duplicate-key"


@register
class InvalidElement(LoaderRule):
    """An element does not match its kind's schema.

    ## What it does
    Reports unknown keys, unknown kinds, values outside an enumeration, wrong types, a
    missing required key and malformed ids, each at its key with a did-you-mean.

    ## Why it matters
    A misspelt key (`ownr:`) would otherwise be dropped, and the linter would report a
    missing owner that the architect did write.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: information-system, id: sys-a, name: Talous, sourcing: procurd}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: information-system, id: sys-a, name: Talous, sourcing: procured}
    ```
    """

    code = "EA005"
    name = "invalid-element"


@register
class DuplicateId(LoaderRule):
    """Two elements have the same id.

    ## What it does
    Reports the second element with an id already used anywhere in the model, naming the
    place of the first.

    ## Why it matters
    Ids are how every reference, diagram and export names an element; two elements with
    one id make every reference ambiguous.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: service, id: svc-a, name: Kirjastopalvelut}
      - {kind: service, id: svc-a, name: Liikuntapalvelut}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: service, id: svc-kirjasto, name: Kirjastopalvelut}
      - {kind: service, id: svc-liikunta, name: Liikuntapalvelut}
    ```
    """

    code = "EA006"
    name = "duplicate-id"


@register
class UnknownReference(LoaderRule):
    """A reference names no element of the model.

    ## What it does
    Reports a reference field (`owner:`, `supports:` ...) or a relation end that names an
    id no element has, with the closest existing id of a fitting kind.

    ## Why it matters
    A dangling owner is no owner: Backstage allows them, and its catalogues fill with
    owners that do not exist.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: organisation-unit, id: ou-konserni, name: Konsernipalvelut}
      - {kind: information-system, id: sys-a, name: Talous, owner: ou-konsreni}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: organisation-unit, id: ou-konserni, name: Konsernipalvelut}
      - {kind: information-system, id: sys-a, name: Talous, owner: ou-konserni}
    ```
    """

    code = "EA007"
    name = "unknown-reference"


@register
class RelationNotAllowed(LoaderRule):
    """A relation joins kinds it may not join.

    ## What it does
    Checks every relation, from a reference field or the `relations:` list, against the
    table of allowed (source kind, relation, target kind) triples.

    ## Why it matters
    A system "owned by" another system, or a process that "stores" data, is a modelling
    mistake that would mislead every diagram and report built on it.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: information-system, id: sys-a, name: Talous}
      - {kind: information-system, id: sys-b, name: Palkat, owner: sys-a}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: organisation-unit, id: ou-konserni, name: Konsernipalvelut}
      - {kind: information-system, id: sys-b, name: Palkat, owner: ou-konserni}
    ```
    """

    code = "EA008"
    name = "relation-not-allowed"


@register
class UnknownRelationType(LoaderRule):
    """A `relations:` entry has an unknown type.

    ## What it does
    Reports a relation type that is not in the relation table, with the closest known one.

    ## Why it matters
    Each relation type maps to an ArchiMate relationship and a meaning in the reports; an
    unknown type has neither.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: principle, id: pr-a, name: Avoimet rajapinnat}
      - {kind: information-system, id: sys-a, name: Talous}
    relations:
      - {type: influencs, source: pr-a, target: sys-a}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: principle, id: pr-a, name: Avoimet rajapinnat}
      - {kind: information-system, id: sys-a, name: Talous}
    relations:
      - {type: influences, source: pr-a, target: sys-a}
    ```
    """

    code = "EA009"
    name = "unknown-relation-type"


@register
class PartOfCycle(LoaderRule):
    """A part-of hierarchy loops back on itself.

    ## What it does
    Reports a chain of `part-of` links (organisation units, processes, task classes) that
    returns to where it started.

    ## Why it matters
    Hierarchies drive grouping in diagrams and ownership checks ("the owner or a unit
    above it"); a loop has no top.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: organisation-unit, id: ou-a, name: A, part-of: ou-b}
      - {kind: organisation-unit, id: ou-b, name: B, part-of: ou-a}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - {kind: organisation-unit, id: ou-a, name: A, part-of: ou-b}
      - {kind: organisation-unit, id: ou-b, name: B}
    ```
    """

    code = "EA010"
    name = "part-of-cycle"


class SuppressionRule(Rule):
    """Base of the suppression checks: the engine reports these after the other rules."""

    applies_to = ()
    default_severity = Severity.WARNING
    from_loader = False


@register
class UnusedSuppression(SuppressionRule):
    """A suppression suppresses nothing.

    ## What it does
    Reports a suppression on an element where its rule finds nothing (the rule ran and the
    element complies).

    ## Why it matters
    An exception that is no longer needed stays in the register of accepted exceptions
    and hides the next real finding of that rule on the element.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: organisation-unit
        id: ou-a
        name: Konsernipalvelut
      - kind: information-system
        id: sys-a
        name: Talous
        owner: ou-a
        suppress:
          - {rule: system-has-owner, reason: "Omistaja päätetään vuoden 2026 aikana"}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: organisation-unit
        id: ou-a
        name: Konsernipalvelut
      - kind: information-system
        id: sys-a
        name: Talous
        owner: ou-a
    ```
    """

    code = "EA011"
    name = "unused-suppression"


@register
class ExpiredSuppression(SuppressionRule):
    """A suppression has expired.

    ## What it does
    Reports a suppression whose `expires` date has passed. The suppression no longer
    applies, so the finding it covered is reported again.

    ## Why it matters
    Exceptions are decided for a time (until a contract ends, until a project delivers);
    after that, someone must decide again.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: information-system
        id: sys-a
        name: Talous
        suppress:
          - {rule: system-has-owner, reason: "Omistaja päätetään vuoden 2020 aikana",
             expires: 2020-12-31}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: information-system
        id: sys-a
        name: Talous
        suppress:
          - {rule: system-has-owner, reason: "Omistaja päätetään vuoden 2099 aikana",
             expires: 2099-12-31}
    ```
    """

    code = "EA012"
    name = "expired-suppression"


@register
class SuppressionWithoutReason(SuppressionRule):
    """A suppression has no meaningful reason, or runs longer than allowed.

    ## What it does
    Reports a suppression whose `reason` is missing or shorter than the minimum length
    (15 characters by default), or, where the configuration sets
    `max-suppression-days`, one without an `expires` date or running beyond it. A
    suppression without a meaningful reason does not suppress.

    ## Why it matters
    An accepted exception is a decision; "ok" or "tbd" records none, and the council's
    register of exceptions would be empty words.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: information-system
        id: sys-a
        name: Talous
        suppress:
          - {rule: system-has-owner, reason: ok}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: information-system
        id: sys-a
        name: Talous
        suppress:
          - {rule: system-has-owner, reason: "Omistaja päätetään vuoden 2026 aikana"}
    ```
    """

    code = "EA013"
    name = "suppression-without-reason"


@register
class UnknownRuleInSuppression(SuppressionRule):
    """A suppression names a rule that does not exist.

    ## What it does
    Reports a suppression whose `rule` is neither a rule code nor a rule name, with the
    closest one.

    ## Why it matters
    A misspelt rule suppresses nothing, and the architect believes the exception is in
    place.

    ## Example
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: information-system
        id: sys-a
        name: Talous
        suppress:
          - {rule: system-has-ownr, reason: "Omistaja päätetään vuoden 2026 aikana"}
    ```

    Use instead:
    ```yaml
    apiVersion: eaframework/v1
    elements:
      - kind: information-system
        id: sys-a
        name: Talous
        suppress:
          - {rule: system-has-owner, reason: "Omistaja päätetään vuoden 2026 aikana"}
    ```
    """

    code = "EA014"
    name = "unknown-rule-in-suppression"


