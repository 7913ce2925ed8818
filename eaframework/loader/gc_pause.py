"""The garbage collector paused while a model is built, and what the load made moved out
of its way afterwards."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Loading makes millions of small objects and no reference cycles: collect nothing
    meanwhile, then move the survivors to the oldest generation (see below)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            _to_oldest_generation()
            gc.enable()


def _to_oldest_generation() -> None:
    """Move what the load made to the garbage collector's oldest generation.

    With gc off during the load, the model's objects (millions, for a large model) all sit
    in the youngest generation, and the collections soon after the load would traverse
    all of them, once per generation, only to promote them: a second or more per 100,000
    elements. The model lives as long as its caller keeps it and holds no reference
    cycles; in the oldest generation only an occasional full collection looks at it.
    freeze() + unfreeze() moves everything there at once. Not done when something else
    has frozen objects, which unfreeze() would release.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
