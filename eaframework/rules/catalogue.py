"""Imports every built-in rule package; each imports its modules, and each module
registers its rule on import."""

from . import (  # noqa: F401
    crossview,
    information,
    integrity,
    operations,
    systems,
    technology,
)
