"""The `ea` command: a click group; each subcommand lives in its own module and only
parses arguments, calls the library and maps the result to an exit code."""

from __future__ import annotations

import sys

import click

from .. import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="ea")
def main() -> None:
    """eaframework: enterprise architecture as code for Finnish public bodies.

    Architects keep the architecture as YAML files in the JHS 179 viewpoints; `ea lint`
    checks it, and the other commands draw, report and export it.
    """


def _register() -> None:
    from . import lint, schema  # noqa: F401  (commands register themselves on import)


_register()


def run() -> None:
    """Entry point: never a traceback for a person; internal errors exit 2 with a cause."""
    try:
        main(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(EXIT_ERROR)
