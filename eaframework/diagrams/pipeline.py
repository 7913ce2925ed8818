"""The whole way from a model and a view to files' contents: compute, split when too large,
DOT, Graphviz, and the SVG finishing. Returns names and bytes; only the CLI writes.

    outputs = render_view(model, BUILTIN["palvelukartta"], RenderOptions(fmt="png"))
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
from .viewdef import DefinedView, ViewError, check_references, load_views

__all__ = ["Output", "RenderOptions", "available_views", "diagrams", "render_view",
           "stale_names"]


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


def diagrams(model, view: DefinedView, options: RenderOptions,
             findings: Iterable = ()) -> list[ComputedView]:
    """The computed view, or its parts when it is larger than `max_nodes` (raises
    split.ViewTooLarge when it cannot be split)."""
    computed = compute(model, view.definition, findings if options.findings else (),
                       lang=options.lang, show_findings=options.findings)
    return split(computed, options.max_nodes)


def render_view(model, view: DefinedView, options: RenderOptions, findings: Iterable = (),
                binary: graphviz_runner.Binary | None = None) -> list[Output]:
    """Every file of one view (one per part). Raises split.ViewTooLarge and
    graphviz_runner.GraphvizError."""
    if options.fmt != "dot" and binary is None:
        binary = graphviz_runner.find_binary(options.fmt, options.dot)
    outputs = []
    for part in diagrams(model, view, options, findings):
        source = to_dot(part)
        outputs.append(Output(file_name(part, options), image(part, source, options, binary),
                              part))
    return outputs


def image(view: ComputedView, source: str, options: RenderOptions,
          binary: graphviz_runner.Binary | None) -> bytes:
    if options.fmt == "dot":
        return source.encode("utf-8")
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


def title(view: ComputedView) -> str:
    text = view.title
    if view.part:
        text += f" ({words.phrase('part', view.lang, i=view.part[0], n=view.part[1])})"
    return f"{text} – {view.subtitle}" if view.subtitle else text


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
