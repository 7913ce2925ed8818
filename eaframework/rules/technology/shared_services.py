"""The designated shared services (identification, messaging) that principle P1 asks every
citizen-facing e-service to use: EA403 checks the model designates them, EA101/EA102 their use."""

from __future__ import annotations

from collections import defaultdict
from weakref import WeakKeyDictionary

from ...model import Model, ServiceCategory, TechnologyService

# The shared services principle P1 asks every citizen-facing e-service to use.
P1_CATEGORIES = (ServiceCategory.IDENTIFICATION, ServiceCategory.MESSAGING)

_DESIGNATED: WeakKeyDictionary[Model, dict[ServiceCategory, list[TechnologyService]]] = (
    WeakKeyDictionary()
)


def designated_services(model: Model, category: ServiceCategory) -> list[TechnologyService]:
    """The live technology services marked `designated: true` for `category`, in file order.

    Computed once per model (one pass over the technology services), then a lookup."""
    found = _DESIGNATED.get(model)
    if found is None:
        found = defaultdict(list)
        for service in model.of_kind("technology-service"):
            if service.designated and service.category is not None and service.is_live:
                found[service.category].append(service)
        _DESIGNATED[model] = found
    return found.get(category, [])
