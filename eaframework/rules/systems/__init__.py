"""EA3xx: information systems (tietojärjestelmäarkkitehtuuri).

One rule per module, named by code and name (see eaframework.rules); its modules import
the model, diagnostics and the rules' base, registry and required modules.
"""

from . import (  # noqa: F401  (importing a module registers its rule)
    ea301_system_has_owner,
    ea302_system_has_responsible_person,
    ea303_owner_owns_operations,
    ea304_system_cost_known,
    ea305_cost_fully_allocated,
    ea306_procured_system_open_interface,
    ea307_contract_data_ownership,
    ea308_custom_build_justified,
    ea309_new_system_saas_first,
    ea310_system_has_purpose,
    ea311_system_security_assessed,
    ea312_case_register_description,
    ea313_interface_documented,
    ea314_interface_declares_standards,
    ea315_open_interface_criteria,
    ea316_integration_has_method,
    ea317_manual_transfer,
    ea318_authority_disclosure_via_interface,
    ea319_personal_data_legal_basis_in_transfer,
    ea320_retired_system_no_live_interfaces,
    ea321_phase_out_has_end_date,
    ea322_integration_via_platform,
)
