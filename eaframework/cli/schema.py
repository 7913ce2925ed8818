"""`ea schema`: write the JSON Schema of model files, for editors' completion and checks."""

from __future__ import annotations

from pathlib import Path

import click

from . import main
from .output import write_output

DEFAULT = Path("models/schema/eaframework.schema.json")


@main.command()
@click.option("-o", "--output", type=click.Path(path_type=Path, allow_dash=True),
              default=str(DEFAULT), show_default=True, help="File to write, or - for stdout.")
def schema(output: Path) -> None:
    """Write the JSON Schema of the model file format."""
    from ..model.fileformat import json_schema

    write_output(output, json_schema())
