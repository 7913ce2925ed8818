"""`ea impact`: what depends on an element, and whom to inform. A model that is unusable
(exit 2) or has integrity errors (exit 1) is refused: its dependants would be wrong."""

from __future__ import annotations

from pathlib import Path

import click

from . import fail, main
from .gate import fit_model
from .options import lang_option, paths_argument
from .output import write_output

FIX_THEM = "first: the impact of a change on a broken model would mislead"


@main.command()
@click.argument("element_id", metavar="ID")
@paths_argument
@click.option("--format", "fmt", type=click.Choice(["text", "json", "svg", "png", "dot"]),
              default="text", show_default=True, help="svg, png, dot: a diagram of the impact.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here, not stdout.")
@click.option("--depth", type=click.IntRange(min=1), help="Follow at most N relations.")
@lang_option
@click.pass_context
def impact(ctx, element_id, paths, fmt, output, depth, lang):
    """What depends on element ID, directly and transitively, and whom to inform."""
    from ..changes.impact import FORMATS, impact as analyse
    from ..diagnostics import did_you_mean

    checked = fit_model(ctx, paths, FIX_THEM)
    model = checked.model
    if element_id not in model:
        fail(f"no element {element_id!r} in {' '.join(map(str, checked.targets))}"
             f"{did_you_mean(element_id, model.elements)}")
    found = analyse(model, element_id, depth)
    if fmt in FORMATS:
        write_output(output, FORMATS[fmt](found, lang=checked.settings.language))
        return
    if fmt == "png" and output is None:
        fail("--format png needs -o FILE")
    from ..changes.impact_diagram import DiagramUnavailable, render

    try:
        diagram = render(model, found, fmt, checked.settings)
    except DiagramUnavailable as exc:
        fail(str(exc))
    write_output(output, diagram)
