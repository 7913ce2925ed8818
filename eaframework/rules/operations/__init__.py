"""EA1xx: operations (toiminta-arkkitehtuuri): services, channels and processes.

One rule per module, named by code and name (see eaframework.rules); its modules import
the model, diagnostics and the rules' base, registry and required modules.
"""

from . import (  # noqa: F401  (importing a module registers its rule)
    ea101_e_service_uses_identification,
    ea102_e_service_uses_messaging_channel,
    ea103_process_records_manual_work,
    ea104_automation_candidate,
    ea105_service_user_involvement,
    ea106_process_has_owner,
    ea107_service_has_owner,
    ea108_service_has_channel,
)
