"""`ea schema`: write the JSON Schema of model files, for editors' completion and checks."""

from __future__ import annotations

from pathlib import Path

import click

from . import main

DEFAULT = Path("models/schema/eaframework.schema.json")


@main.command()
@click.option("-o", "--output", type=click.Path(path_type=Path, allow_dash=True),
              default=str(DEFAULT), show_default=True, help="File to write, or - for stdout.")
def schema(output: Path) -> None:
    """Write the JSON Schema of the model file format."""
    from ..files import write_atomic
    from ..model.fileformat import json_schema

    text = json_schema()
    if str(output) == "-":
        click.echo(text, nl=False)
        return
    write_atomic(output, text)
    click.echo(f"wrote {output}", err=True)
