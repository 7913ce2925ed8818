"""How things look: ArchiMate-like layer colours (operations yellow, information and
systems blue, technology green, motivation purple), a shape per kind, line styles for
lifecycle and transfer method, and the finding overlay's outline colours.

Only presentation lives here; `dot.py` turns these into Graphviz attributes and the
legend shows exactly the entries a diagram uses.
"""

from __future__ import annotations

from dataclasses import dataclass

FONT = "Arial"  # graphviz-pure ships Arimo, metric-compatible with Arial
TEXT = "#212529"
LINE = "#495057"
MUTED = "#868e96"

# fill by layer
OPERATIONS = "#fff4b3"
INFORMATION = "#d3e7fc"
SYSTEMS = "#b3e5fc"
TECHNOLOGY = "#cdeac0"
MOTIVATION = "#dcd6f7"
IMPLEMENTATION = "#fde2e2"
RETIRED = "#e9ecef"

ERROR = "#e03131"
WARNING = "#f08c00"
MANUAL = "#e8590c"
API = "#1864ab"


@dataclass(frozen=True)
class Look:
    shape: str
    fill: str
    rounded: bool = False
    margin: str | None = None  # inside the shape, where its outline needs more room


KIND_LOOK: dict[str, Look] = {
    "organisation-unit": Look("box", OPERATIONS),
    "role": Look("box", OPERATIONS, rounded=True),
    "person": Look("ellipse", OPERATIONS),
    "stakeholder": Look("ellipse", OPERATIONS),
    "service": Look("box", OPERATIONS, rounded=True),
    "channel": Look("ellipse", OPERATIONS),
    "process": Look("cds", OPERATIONS, margin="0.16,0.16"),
    "task-class": Look("folder", OPERATIONS),
    "information-resource": Look("cylinder", INFORMATION),
    "data-group": Look("note", INFORMATION),
    "dataset": Look("tab", INFORMATION),
    "information-system": Look("component", SYSTEMS),
    "interface": Look("ellipse", SYSTEMS),
    "integration": Look("rarrow", SYSTEMS),
    "platform": Look("box3d", TECHNOLOGY),
    "technology-service": Look("box", TECHNOLOGY, rounded=True),
    "network": Look("parallelogram", TECHNOLOGY),
    "location": Look("house", TECHNOLOGY),
    "principle": Look("note", MOTIVATION),
    "development-project": Look("tab", IMPLEMENTATION),
    "impact-assessment": Look("note", MOTIVATION),
}
DEFAULT_LOOK = Look("box", "#f1f3f5")

# Clusters that are elements get a pale tint of their layer; plain groups stay neutral.
CLUSTER_FILL = {
    "organisation-unit": ("#f8f9fa", "#ffffff"),  # alternating by depth
    "process": ("#fffbe0", "#fff6c2"),
    "information-resource": ("#eef5fd", "#e1eefb"),
    "platform": ("#f0f8ec", "#e3f2dc"),
    "technology-service": ("#f0f8ec", "#e3f2dc"),
}
GROUP_FILL = ("#f8f9fa", "#ffffff")
NO_OWNER_FILL = "#fff5f5"

# transfer method -> (line colour, dashed)
METHOD_LINE: dict[str | None, tuple[str, bool]] = {
    "api": (API, False),
    "message": (API, False),
    "file": (LINE, False),
    "database": (LINE, False),
    "view": (LINE, False),
    "manual": (MANUAL, True),
    None: (MUTED, True),
}

# relation -> line colour, for the few that often share a diagram
RELATION_LINE: dict[str, str] = {
    "mastered-in": "#6741d9",
    "holds": "#1098ad",
    "uses": "#0b7285",
    "supports": "#2b8a3e",
}

# Layout sizes (inches and points), tuned by looking at the PNGs.
WRAP = 20  # characters per label line
NODE_FONT = 12
DETAIL_FONT = 9
EDGE_FONT = 9
CLUSTER_FONT = 12
TITLE_FONT = 20
SUBTITLE_FONT = 11
PNG_DPI = 110


def look(kind: str) -> Look:
    return KIND_LOOK.get(kind, DEFAULT_LOOK)


def lifecycle_key(phase: str | None, to_be: bool) -> str | None:
    """The lifecycle variant a node is drawn in (None for an ordinary, running element)."""
    if phase == "retired":
        return "retired"
    if phase == "phasing-out":
        return "phasing-out"
    if phase == "planned" or to_be:
        return "planned"
    return None


def outline(severity: str | None) -> tuple[str, str] | None:
    """(colour, pen width) of the finding overlay for the worst severity of a node."""
    if severity == "error":
        return ERROR, "3"
    if severity == "warning":
        return WARNING, "3"
    return None


def worst(findings) -> str | None:
    severities = {f.severity for f in findings}
    for level in ("error", "warning"):
        if level in severities:
            return level
    return None
