"""Hypothesis profiles of the fuzzing suite: a fixed budget, so that `make test` stays within
about two minutes on a two-core machine.

- `fuzz-ci` (when `CI` is set): derandomized, so a CI run is reproducible;
- `fuzz` (locally): random, a new corner each run. A failure prints its `@example` blob.

Tests take the profile with `@settings(fuzz_settings())` (the suite's own settings, not
the global ones, so other property tests keep theirs). `EA_FUZZ_EXAMPLES=N` scales the
budget up for a longer hunt.
"""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": timedelta(seconds=10),  # a noisy shared machine; examples take ~0.1 s
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                              HealthCheck.filter_too_much, HealthCheck.large_base_example],
    "database": None,  # nothing written into the working tree
    "print_blob": True,
}
settings.register_profile("fuzz", max_examples=40, **_COMMON)
settings.register_profile("fuzz-ci", max_examples=40, derandomize=True, **_COMMON)


def fuzz_settings(scale: float = 1.0) -> settings:
    """The suite's profile (CI: reproducible), with `scale` times its examples."""
    profile = settings.get_profile("fuzz-ci" if os.environ.get("CI") else "fuzz")
    base = int(os.environ.get("EA_FUZZ_EXAMPLES", profile.max_examples))
    return settings(profile, max_examples=max(1, int(base * scale)))
