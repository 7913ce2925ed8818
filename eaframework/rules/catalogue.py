"""Imports every built-in rule module; each registers its rules on import."""

from . import (  # noqa: F401
    crossview,
    information,
    integrity,
    operations,
    systems,
    technology,
)
