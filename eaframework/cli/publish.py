"""`ea publish`: the statutory descriptions of TiHL § 28 and § 5, in Finnish as the law
asks. A model that is unusable (exit 2) or has integrity errors (exit 1) is refused."""

from __future__ import annotations

from pathlib import Path

import click

from . import main
from .gate import fit_model
from .options import exports_folder, paths_argument, today_option
from .output import write_output

FORMATS = {"html": (".html",), "md": (".md",), "both": (".html", ".md")}
FIX_THEM = "first, nothing written"


@main.group()
def publish():
    """Write the descriptions the Information Management Act (906/2019) asks for, in
    Finnish: `asiakirjajulkisuuskuvaus` (§ 28) and `tiedonhallintamalli` (§ 5)."""


def _publish_command(name: str, summary: str):
    @publish.command(name, help=summary)
    @paths_argument
    @click.option("-o", "--output", "folder", type=click.Path(file_okay=False, path_type=Path),
                  help="Folder to write to (default: `exports` from setup.cfg).")
    @click.option("--format", "fmt", type=click.Choice(tuple(FORMATS)), default="both",
                  show_default=True, help="HTML, Markdown or both.")
    @today_option
    @click.pass_context
    def command(ctx, paths, folder, fmt, today):
        from ..report import document, publish as documents

        checked = fit_model(ctx, paths, FIX_THEM)
        built = getattr(documents, name)(checked.model, today=checked.settings.today)
        folder = folder or exports_folder(checked.settings)
        writers = {".html": document.html, ".md": document.markdown}
        for suffix in FORMATS[fmt]:
            write_output(folder / f"{name}{suffix}", writers[suffix](built))
        gaps = document.missing_notes(built)
        if gaps:
            click.echo(f"{len(gaps)} gaps marked 'Puuttuu' in the {name}; `ea lint` reports "
                       "them too", err=True)

    return command


_publish_command(
    "asiakirjajulkisuuskuvaus",
    "The document publicity description (TiHL § 28) of the model in PATHS: case register, "
    "systems with service data, contacts for information requests, datasets by data group, "
    "search keys and open interfaces. Secret elements are left out.",
)
_publish_command(
    "tiedonhallintamalli",
    "A summary of the information management model (TiHL § 5) of the model in PATHS: "
    "responsibilities, processes, information resources, systems and interfaces, transfer "
    "methods, retention and archiving. Secret elements are left out.",
)
