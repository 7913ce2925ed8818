"""Views and diagrams: the JHS descriptions of a model as pictures.

model + view definition -> ComputedView (`compute`: `selection`, `grouping`, `drawing`;
pure) -> DOT (`dot` with `labels`, `legend`, `packing`; pure) -> Graphviz (`graphviz_runner`,
the one adapter that runs it) -> svg / png / pdf, or boxes (`placement`, the one reader of
its JSON). View definitions are `viewdef` (the format) and `viewfiles` (reading them);
`builtin` holds the JHS 179 views, `split` cuts a large view into parts.

Other packages use only the names below, never the modules: the report, the exchange file,
`ea impact` and the CLI all draw through this one door. May import the model, the loader's
file reading and diagnostics; never the CLI, lint, rules, report or interchange.

The constants are defined here and everything else is imported on first use, so the CLI
can read them at start-up without loading pydantic, graphviz or the model.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

FORMATS = ("svg", "png", "pdf", "dot")
DEFAULT_MAX_NODES = 400  # elements in one diagram; larger views are split or refused
DEFAULT_TIMEOUT = 60.0  # seconds Graphviz may take for one diagram

# name -> module that defines it
_API = {
    "RenderOptions": "pipeline", "Output": "pipeline", "builtin_views": "pipeline",
    "available_views": "pipeline", "compute_view": "pipeline", "parts": "pipeline",
    "render": "pipeline", "render_view": "pipeline", "stale_names": "pipeline",
    "title": "pipeline",
    "Layout": "placement", "Box": "placement", "layout": "placement",
    "find_binary": "graphviz_runner", "GraphvizError": "graphviz_runner",
    "ViewTooLarge": "split",
    "ComputedView": "computed",
    "DefinedView": "viewdef", "ViewDefinition": "viewdef", "ViewError": "viewdef",
}

__all__ = ["DEFAULT_MAX_NODES", "DEFAULT_TIMEOUT", "FORMATS", *_API]

if TYPE_CHECKING:
    from .computed import ComputedView
    from .graphviz_runner import GraphvizError, find_binary
    from .pipeline import (Output, RenderOptions, available_views, builtin_views,
                           compute_view, parts, render, render_view, stale_names, title)
    from .placement import Box, Layout, layout
    from .split import ViewTooLarge
    from .viewdef import DefinedView, ViewDefinition, ViewError


def __getattr__(name: str):
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
