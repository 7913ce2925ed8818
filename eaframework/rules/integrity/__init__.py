"""EA0xx: model integrity. Always on; these can be downgraded to a warning, never off.

EA001–EA010 are found by the loader while it reads the files; their classes carry the
documentation so that `ea rules`, `ea rule` and SARIF describe them like any other rule.
EA011–EA014 check the suppressions written on elements.

One rule per module, named by code and name (see eaframework.rules); its modules import
the model, diagnostics and the rules' base, registry and required modules.
"""

from . import (  # noqa: F401  (importing a module registers its rule)
    ea000_internal_error,
    ea001_unreadable_file,
    ea002_invalid_yaml,
    ea003_not_a_model_file,
    ea004_duplicate_key,
    ea005_invalid_element,
    ea006_duplicate_id,
    ea007_unknown_reference,
    ea008_relation_not_allowed,
    ea009_unknown_relation_type,
    ea010_part_of_cycle,
    ea011_unused_suppression,
    ea012_expired_suppression,
    ea013_suppression_without_reason,
    ea014_unknown_rule_in_suppression,
)
