"""EA5xx: across the viewpoints: traceability, principles, the roadmap and lifecycles.

One rule per module, named by code and name (see eaframework.rules); its modules import
the model, diagnostics and the rules' base, registry and required modules.
"""

from . import (  # noqa: F401  (importing a module registers its rule)
    ea501_system_supports_operations,
    ea502_process_uses_information,
    ea503_resource_held_in_system,
    ea504_principle_complete,
    ea505_principle_enforced,
    ea506_change_has_impact_assessment,
    ea507_project_investment_calculation,
    ea508_model_approved,
    ea509_no_dependency_on_retired,
    ea510_planned_system_in_project,
)
