"""The whole way from a model and a view to files' contents: compute, split when too large,
DOT, Graphviz, and the SVG finishing. Returns names and bytes; only the CLI writes.
Reached through the package (`from eaframework.diagrams import render_view`).

    outputs = render_view(model, builtin_views()[0], RenderOptions(fmt="png"))
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import DEFAULT_MAX_NODES, DEFAULT_TIMEOUT, graphviz_runner, style, svg, words
from .builtin import BUILTIN
from .compute import ComputedView, compute
from .dot import to_dot
from .split import split
from .viewdef import DefinedView, ViewDefinition, ViewError
from .viewfiles import check_references, load_views

__all__ = ["Output", "RenderOptions", "available_views", "builtin_views", "compute_view",
           "parts", "render", "render_view", "stale_names", "title"]


@dataclass(frozen=True)
class RenderOptions:
    fmt: str = "svg"
    lang: str = "fi"
    findings: bool = False  # draw the finding overlay
    max_nodes: int = DEFAULT_MAX_NODES
    dot: str | None = None  # the configured Graphviz binary (setup.cfg `dot`)
    timeout: float = DEFAULT_TIMEOUT


@dataclass(frozen=True)
class Output:
    name: str  # file name, e.g. "palvelukartta.svg" or "tietojarjestelmakartta-2.en.png"
    content: bytes
    view: ComputedView


def builtin_views() -> list[DefinedView]:
    """The JHS 179 descriptions every model has, in their fixed order."""
    return list(BUILTIN.values())


def available_views(model, folder: Path | None) -> tuple[list[DefinedView], list[ViewError]]:
    """The built-in views, then those defined in `folder` (if given), and every problem in
    the definitions: bad files, element ids the model lacks, a built-in view's name."""
    defined, errors = load_views(folder) if folder is not None else ([], [])
    for view in defined:
        errors += check_references(view, model)
        if view.id in BUILTIN:
            errors.append(view.at(("title",), f"view '{view.id}' has the name of a built-in "
                                              "view; rename the file"))
    return [*BUILTIN.values(), *defined], errors


def compute_view(model, view: DefinedView | ViewDefinition, lang: str = "fi",
                 findings: Iterable = (), show_findings: bool | None = None) -> ComputedView:
    """The whole view over `model`, in `lang`, never split (`parts` splits)."""
    definition = view.definition if isinstance(view, DefinedView) else view
    return compute(model, definition, findings, lang=lang, show_findings=show_findings)


def parts(model, view: DefinedView | ViewDefinition, options: RenderOptions,
          findings: Iterable = ()) -> list[ComputedView]:
    """The computed view, or its parts when it is larger than `max_nodes` (raises
    ViewTooLarge when it cannot be split)."""
    computed = compute_view(model, view, options.lang, findings if options.findings else (),
                            show_findings=options.findings)
    return split(computed, options.max_nodes)


def render_view(model, view: DefinedView, options: RenderOptions, findings: Iterable = (),
                binary: graphviz_runner.Binary | None = None) -> list[Output]:
    """Every file of one view (one per part). Raises split.ViewTooLarge and
    graphviz_runner.GraphvizError."""
    if options.fmt != "dot" and binary is None:
        binary = graphviz_runner.find_binary(options.fmt, options.dot)
    return [Output(file_name(part, options), render(part, options, binary), part)
            for part in parts(model, view, options, findings)]


def render(view: ComputedView, options: RenderOptions,
           binary: graphviz_runner.Binary | None = None) -> bytes:
    """One computed view (or part) in `options.fmt`: DOT source, or an image by Graphviz
    (`binary`, else the one `find_binary` picks); an SVG gets its title and description
    for screen readers. Raises GraphvizError."""
    source = to_dot(view)
    if options.fmt == "dot":
        return source.encode("utf-8")
    if binary is None:
        binary = graphviz_runner.find_binary(options.fmt, options.dot)
    args = (f"-Gdpi={style.PNG_DPI}",) if options.fmt == "png" else ()
    data = graphviz_runner.run(source, options.fmt, binary, options.timeout, args)
    if options.fmt == "svg":
        data = svg.accessible(data, title(view), description(view))
    return data


def file_name(view: ComputedView, options: RenderOptions) -> str:
    part = f"-{view.part[0]}" if view.part else ""
    lang = "" if options.lang == "fi" else f".{options.lang}"
    return f"{view.id}{part}{lang}.{options.fmt}"


def stale_names(names: Iterable[str], view_id: str, written: set[str],
                options: RenderOptions, views: set[str]) -> list[str]:
    """Files of an earlier run of `view_id` among `names` that this run did not write (it
    was split then, or differently), but never the file of another view whose name ends
    in digits."""
    lang = "" if options.lang == "fi" else rf"\.{options.lang}"
    pattern = re.compile(rf"({re.escape(view_id)}(?:-\d+)?){lang}\.{options.fmt}")
    stale = []
    for name in sorted(names):
        match = pattern.fullmatch(name)
        if match and name not in written and (match.group(1) == view_id
                                              or match.group(1) not in views):
            stale.append(name)
    return stale


def title(view: ComputedView, subtitle: bool = True) -> str:
    """The view's title, its part (of a split view) and, unless left out, its subtitle."""
    text = view.title
    if view.part:
        text += f" ({words.phrase('part', view.lang, i=view.part[0], n=view.part[1])})"
    return f"{text} – {view.subtitle}" if view.subtitle and subtitle else text


def description(view: ComputedView) -> str:
    """One line for screen readers: what the diagram shows and how much of it."""
    lang = view.lang
    counts = [words.phrase("elements", lang, n=len(view.nodes)),
              words.phrase("edges", lang, n=len(view.edges))]
    if view.hidden_edges:
        counts.append(words.phrase("not-shown", lang, n=view.hidden_edges))
    text = f"{view.description} ({', '.join(counts)})" if view.description else (
        ", ".join(counts))
    return text.strip()
