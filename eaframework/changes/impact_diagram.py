"""The impact set as a diagram, through the diagrams machinery: a view that includes the
element and everything that depends on it, drawing only the dependency relations, grouped
by owner so the units to inform stand out. Drawn by `eaframework.diagrams`, as every view
is; never split: more than the diagrams' node limit is not a picture anyone reads.
"""

from __future__ import annotations

from ..config import Settings
from .impact import DEPENDENCIES, Impact


class DiagramUnavailable(Exception):
    """The diagram cannot be made: why, and what to do instead."""


def view_definition(result: Impact):
    from ..diagrams import ViewDefinition

    root = result.root
    ids = [root.id] + [i.element.id for i in result.impacted]
    depth = f" (syvyys {result.depth_limit})" if result.depth_limit else ""
    depth_en = f" (depth {result.depth_limit})" if result.depth_limit else ""
    return ViewDefinition.model_validate({
        "id": f"vaikutukset-{root.id}",
        "title": {"fi": f"Vaikutukset: {root.name}", "en": f"Impact: {root.label('en')}"},
        "description": {
            "fi": f"Mikä lakkaa toimimasta tai muuttuu, jos {root.name} poistuu{depth}",
            "en": f"What stops or is affected if {root.label('en')} goes{depth_en}",
        },
        "include": [{"id": ids}],
        "relations": sorted({d.relation for d in DEPENDENCIES if d.relation != "owned-by"}),
        "group_by": "owner",
        "direction": "LR",
    })


def render(model, result: Impact, fmt: str, settings: Settings | None = None,
           lang: str = "fi") -> str | bytes:
    """DOT source (str) or an svg/png image (bytes) of the impact set."""
    from .. import diagrams

    view = diagrams.compute_view(model, view_definition(result), lang=lang)
    if len(view.nodes) > diagrams.DEFAULT_MAX_NODES:
        raise DiagramUnavailable(
            f"the impact set has {len(view.nodes)} elements, too many to draw (at most "
            f"{diagrams.DEFAULT_MAX_NODES}); limit it with --depth, or use --format text or json")
    options = diagrams.RenderOptions(fmt=fmt, lang=lang, dot=settings.dot if settings else None)
    try:
        image = diagrams.render(view, options)
    except diagrams.GraphvizError as exc:
        raise DiagramUnavailable(str(exc)) from None
    return image.decode("utf-8") if fmt == "dot" else image
