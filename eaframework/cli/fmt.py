"""`ea fmt`: the model files in one canonical form. Exit 0 done, 1 files would change
(`--check`), 2 a file cannot be formatted (then nothing is written)."""

from __future__ import annotations

import sys

import click

from . import EXIT_FINDINGS, EXIT_OK, fail, main
from .options import model_paths, paths_argument, settings_for


@main.command("fmt")
@paths_argument
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if a file would change.")
@click.option("--diff", "show_diff", is_flag=True, help="Write nothing; print a unified diff.")
@click.pass_context
def fmt_command(ctx, paths, check, show_diff):
    """Write the model files in PATHS (default: `models` from setup.cfg) in one canonical
    form: key order, indentation, quoting; comments kept. Nothing is written if any file
    cannot be formatted."""
    import difflib

    from ..files import write_atomic
    from ..modelfile import format_files

    settings = settings_for(ctx, paths)
    results, refused = format_files(model_paths(settings, paths))
    if refused:
        for line in refused:
            click.echo(f"error: {line}", err=True)
        fail(f"{len(refused)} file(s) cannot be formatted; nothing was written")
    changed = [r for r in results if r.changed]
    for r in changed:
        if show_diff:
            click.echo("".join(difflib.unified_diff(r.before.splitlines(True),
                                                    r.after.splitlines(True),
                                                    f"a/{r.name}", f"b/{r.name}")), nl=False)
        elif check:
            click.echo(f"would reformat {r.name}", err=True)
        else:
            # A model file rewritten in place says `reformatted`, not `wrote`.
            try:
                write_atomic(r.path, r.after)
            except OSError as exc:
                fail(f"cannot write {r.name}: {exc.strerror or exc}; the file is unchanged")
            click.echo(f"reformatted {r.name}", err=True)
    verb = "would be reformatted" if check or show_diff else "reformatted"
    click.echo(f"{len(changed)} file(s) {verb}, {len(results) - len(changed)} already formatted",
               err=True)
    sys.exit(EXIT_FINDINGS if check and changed else EXIT_OK)
