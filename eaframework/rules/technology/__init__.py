"""EA4xx: technology (teknologia-arkkitehtuuri): platforms and shared technology services.

One rule per module, named by code and name (see eaframework.rules); its modules import
the model, diagnostics and the rules' base, registry and required modules.
"""

from . import (  # noqa: F401  (importing a module registers its rule)
    ea401_no_production_on_retired_platform,
    ea402_platform_has_owner,
    ea403_designated_shared_services,
    ea404_platform_lifecycle_dates,
)
