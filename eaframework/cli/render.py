"""`ea render` (the model's views as diagrams) and `ea views` (which views there are).

Both refuse a model that is unusable (exit 2) or has integrity errors (exit 1, after
printing them): a drawing of a broken model would look right and be wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..diagrams import DEFAULT_MAX_NODES, DEFAULT_TIMEOUT, FORMATS
from . import EXIT_ERROR, EXIT_OK, fail, main
from .gate import fit_model
from .options import exports_folder, lang_option, paths_argument, relative
from .output import write_output

FIX_THEM = "first: a diagram of a broken model would mislead"
views_option = click.option("--views", "views_dir", type=click.Path(path_type=Path),
                            help="Folder of view definitions (default: `views` from setup.cfg).")


def _views(settings, folder: Path | None, model) -> list:
    """Built-in and defined views; any problem in a definition exits 2."""
    from ..diagrams import available_views

    if folder is None:
        default = relative(settings.root / settings.views)
        folder = default if default.is_dir() else None
    elif not folder.is_dir():
        fail(f"--views {folder}: no such folder")
    views, errors = available_views(model, folder)
    if errors:
        for error in errors:
            click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    return views


def _chosen(views: list, names: tuple[str, ...]) -> list:
    from ..diagnostics import did_you_mean

    by_id = {v.id: v for v in views}
    for name in names:
        if name not in by_id:
            fail(f"no view named {name!r}{did_you_mean(name, by_id)} (`ea views` lists them)")
    return [by_id[n] for n in dict.fromkeys(names)] if names else views


@main.command()
@paths_argument
@click.option("--view", "names", multiple=True, metavar="NAME",
              help="A view to draw (repeatable; default: every view).")
@views_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="svg", show_default=True,
              help="pdf needs Graphviz's own dot; dot writes the Graphviz source.")
@lang_option
@click.option("--out-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Where to write (default: diagrams/ in `exports` from setup.cfg).")
@click.option("--findings/--no-findings", default=False, show_default=True,
              help="Outline elements with lint errors (red) and warnings (amber).")
@click.option("--max-nodes", type=click.IntRange(min=1), default=DEFAULT_MAX_NODES,
              show_default=True,
              help="Larger views are split by cluster into name-1, name-2 ..., or refused.")
@click.option("--timeout", type=click.FloatRange(min=1), default=DEFAULT_TIMEOUT,
              show_default=True, help="Seconds Graphviz may take for one diagram.")
@click.pass_context
def render(ctx, paths, names, views_dir, fmt, lang, out_dir, findings, max_nodes, timeout):
    """Draw the views of the model in PATHS (default: `models` from setup.cfg)."""
    from ..diagrams import (GraphvizError, RenderOptions, ViewTooLarge, find_binary,
                            render_view, stale_names)

    checked = fit_model(ctx, paths, FIX_THEM, lint=True)
    settings, model = checked.settings, checked.model
    every = _views(settings, views_dir, model)
    chosen = _chosen(every, names)
    options = RenderOptions(fmt=fmt, lang=settings.language, findings=findings,
                            max_nodes=max_nodes, dot=settings.dot, timeout=timeout)
    try:
        binary = None if fmt == "dot" else find_binary(fmt, settings.dot)
    except GraphvizError as exc:
        fail(str(exc))
    out = out_dir or exports_folder(settings) / "diagrams"
    written, refused, ids = 0, 0, {v.id for v in every}
    for view in chosen:
        try:
            outputs = render_view(model, view, options, checked.report.active, binary)
        except (ViewTooLarge, GraphvizError) as exc:
            where = "" if isinstance(exc, ViewTooLarge) else f"{view.id}: "  # named in it
            click.echo(f"error: {where}{exc}", err=True)
            refused += 1
            continue
        for output in outputs:
            write_output(out / output.name, output.content)
            written += 1
        present = [p.name for p in out.iterdir()] if out.is_dir() else []
        for name in stale_names(present, view.id, {o.name for o in outputs}, options, ids):
            (out / name).unlink()
    done = f"wrote {written} file(s) of {len(chosen) - refused} view(s) into {out}"
    click.echo(done + (f"; {refused} view(s) not drawn" if refused else ""), err=True)
    sys.exit(EXIT_ERROR if refused else EXIT_OK)


@main.command()
@paths_argument
@views_option
@lang_option
@click.pass_context
def views(ctx, paths, views_dir, lang):
    """List the built-in and defined views with their titles and sizes."""
    from ..diagrams import compute_view

    checked = fit_model(ctx, paths, FIX_THEM, lint=True)
    rows = []
    for view in _views(checked.settings, views_dir, checked.model):
        computed = compute_view(checked.model, view, lang=checked.settings.language)
        rows.append((view.id, view.file or "built-in", str(len(computed.nodes)),
                     computed.title))
    widths = [max(len(r[i]) for r in rows + [("view", "source", "nodes", "")]) for i in range(3)]
    header = ("view", "source", "nodes", "title")
    for row in [header, *rows]:
        click.echo(f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:>{widths[2]}}  {row[3]}")
