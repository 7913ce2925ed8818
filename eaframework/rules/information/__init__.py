"""EA2xx: information (tietoarkkitehtuuri): information resources, datasets, data groups.

One rule per module, named by code and name (see eaframework.rules); its modules import
the model, diagnostics and the rules' base, registry and required modules.
"""

from . import (  # noqa: F401  (importing a module registers its rule)
    ea201_core_data_has_master,
    ea202_core_data_mastered_once,
    ea203_resource_has_owner,
    ea204_resource_has_purpose,
    ea205_resource_retention,
    ea206_resource_lists_data_groups,
    ea207_personal_data_legal_basis,
    ea208_once_only_from_base_register,
    ea209_resource_security_classification,
    ea210_dataset_search_keys,
)
