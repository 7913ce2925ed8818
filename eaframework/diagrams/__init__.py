"""Views and diagrams: the JHS descriptions of a model as pictures.

model + view definition -> `compute` -> ComputedView -> `to_dot` -> DOT -> Graphviz (one
adapter, `graphviz_runner`) -> svg / png / pdf. Everything before the adapter is pure;
`pipeline.render_view` runs the whole way and returns names and bytes.

Kept free of imports: the CLI reads these constants at start-up.
"""

FORMATS = ("svg", "png", "pdf", "dot")
LANGS = ("fi", "en")
DEFAULT_MAX_NODES = 400  # elements in one diagram; larger views are split or refused
DEFAULT_TIMEOUT = 60.0  # seconds Graphviz may take for one diagram
