"""eaframework: enterprise architecture as code for Finnish public bodies.

The public API is imported lazily, so that `ea` starts fast when its cache answers.
"""

from __future__ import annotations

__version__ = "0.1.0"

_LAZY = {
    "load_model": ("eaframework.loader", "load_model"),
    "LoadResult": ("eaframework.loader", "LoadResult"),
    "Model": ("eaframework.model", "Model"),
    "Diagnostic": ("eaframework.diagnostics", "Diagnostic"),
    "Severity": ("eaframework.diagnostics", "Severity"),
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'eaframework' has no attribute {name!r}")
