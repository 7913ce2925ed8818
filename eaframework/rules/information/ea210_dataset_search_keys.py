"""EA210 dataset-search-keys."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Dataset, InformationResource, InformationSystem
from ..base import Rule, RuleContext, Violation, label
from ..registry import register


@register
class DatasetSearchKeys(Rule):
    """Datasets of a case register record their search keys.

    ## What it does
    Checks that every dataset that is not retired and belongs to a case register has
    `search-keys`. A dataset belongs to a case register when a live information system
    with `case-register: true` stores it, or stores the information resource it is part of.

    ## Why it matters
    TiHL §28: the authority publishes a document publicity description
    (asiakirjajulkisuuskuvaus) of its case registers, listing datasets by data group with
    the search keys (hakutekijät) by which documents can be found. Customers and
    journalists use them to make information requests the authority can answer.

    ## Example
    ```yaml
    elements:
      - {kind: information-resource, id: ir-asiat, name: Asiarekisteri}
      - {kind: dataset, id: ds-kirjeet, name: Saapuneet kirjeet, resource: ir-asiat}
      - {kind: information-system, id: sys-ahj, name: Asianhallinta, case-register: true,
         stores: [ir-asiat]}
    ```

    Use instead:
    ```yaml
    elements:
      - {kind: information-resource, id: ir-asiat, name: Asiarekisteri}
      - {kind: dataset, id: ds-kirjeet, name: Saapuneet kirjeet, resource: ir-asiat,
         search-keys: [diaarinumero, lähettäjä, saapumispäivä]}
      - {kind: information-system, id: sys-ahj, name: Asianhallinta, case-register: true,
         stores: [ir-asiat]}
    ```

    ## Known limitations
    Systems holding only service data (`service-data: true`), which §28 also covers, are
    not looked at.

    ## References
    - Laki julkisen hallinnon tiedonhallinnasta 906/2019, § 28
    """

    code = "EA210"
    name = "dataset-search-keys"
    applies_to = (Dataset,)
    enforces = "TiHL §28"

    def _register(self, dataset: Dataset, ctx: RuleContext) -> InformationSystem | None:
        holders = [dataset, *ctx.model.targets(dataset, "part-of", InformationResource)]
        for holder in holders:
            for system in ctx.model.sources(holder, "stores", InformationSystem):
                if system.case_register and system.is_live:
                    return system
        return None

    def applies(self, dataset, ctx: RuleContext) -> bool:
        return dataset.is_live and self._register(dataset, ctx) is not None

    def check(self, dataset: Dataset, ctx: RuleContext) -> Iterator[Violation]:
        system = self._register(dataset, ctx)
        if system is not None and not dataset.search_keys:
            yield self.violation(
                dataset,
                f"dataset {label(dataset)} of case register {label(system)} has no search "
                "keys",
                hint="add `search-keys:` with the fields documents can be searched by "
                "(e.g. diaarinumero, asianosainen, päivämäärä)",
            )
