"""The `ea` command: a click group; each subcommand lives in its own module and only
parses arguments, calls the library and maps the result to an exit code.

Shared pieces: `options` (settings and options defined once, `--lang` among them), `gate`
(the one exit-code policy and a model fit for a command), `output` (writing a file and
saying `wrote PATH`), `commands` (which module defines each subcommand: it is imported
only when its command is asked for). May import every other package; nothing imports it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import __version__
from .commands import MODULE_OF, LazyGroup

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="ea")
@click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read settings from this file instead of the nearest setup.cfg.")
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
@click.pass_context
def main(ctx: click.Context, config: Path | None, no_config: bool) -> None:
    """eaframework: enterprise architecture as code for Finnish public bodies.

    Architects keep the architecture as YAML files in the JHS 179 viewpoints; `ea lint`
    checks it against the organisation's principles and the Information Management Act.
    """
    ctx.obj = {"config": config, "no_config": no_config}


def fail(message: str) -> None:
    """A usage or input problem: one line on stderr (controls shown escaped), exit 2."""
    from ..diagnostics import printable

    click.echo(f"error: {printable(message)}", err=True)
    sys.exit(EXIT_ERROR)


def entry_point() -> None:
    """The `ea` command: `run`, then, as mypy does, flush and leave with os._exit: freeing
    a 100,000-element model object by object costs 0.3-0.4 s for nothing. ea has no exit
    handlers; every file is written (atomically) and closed before this point."""
    import os

    try:
        run()
        code = 0
    except SystemExit as exc:
        code = exc.code
    if code is not None and not isinstance(code, int):  # sys.exit("text"), as Python does
        print(code, file=sys.stderr)
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: what could be said has been said
        code = code or EXIT_ERROR
    os._exit(code or 0)


def run() -> None:
    """`ea` in this process, ending in SystemExit; never a traceback for a person: an
    unwritable file, memory or recursion running out, or a bug is one line on stderr and
    exit 2 (EA_DEBUG=1 shows the traceback)."""
    import os

    # No pydantic plugins: ea validates models from pull requests, and a plugin installed
    # beside it would observe (and could change) every validation, so that results would
    # depend on what else is installed; not scanning every package's entry points for
    # them also saves about 3 ms of each start.
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    exhausted: type[BaseException] | None = None
    try:
        main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        _show(exc)
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(EXIT_ERROR)
    except (MemoryError, RecursionError) as exc:
        if os.environ.get("EA_DEBUG"):
            raise
        exhausted = type(exc)  # only the type: leaving this block frees what the run held
    except OSError as exc:
        if os.environ.get("EA_DEBUG"):
            raise
        from ..diagnostics import printable

        where = f": {exc.filename}" if exc.filename else ""
        click.echo(printable(f"error: {exc.strerror or exc}{where}"), err=True)
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # noqa: BLE001 - the last line of defence for a person
        if os.environ.get("EA_DEBUG"):
            raise
        from ..diagnostics import printable

        click.echo(printable(f"internal error: {type(exc).__name__}: {exc} (a bug in ea; run "
                             "again with EA_DEBUG=1 for the traceback and report it)"), err=True)
        sys.exit(EXIT_ERROR)
    except BaseException as exc:  # noqa: BLE001 - a Rust panic (pyo3) is not an Exception
        if type(exc).__name__ != "PanicException" or os.environ.get("EA_DEBUG"):
            raise
        exhausted = type(exc)
    if exhausted is not None:
        _exhausted(exhausted)


def _show(exc: click.ClickException) -> None:
    """Click's own message for a usage error, with what it quotes from the command line
    (an extra argument, a path) escaped like every other text ea prints. The help shown
    for a group given no command (click 8.2+) is ea's own text, lines kept."""
    from ..diagnostics import printable

    if not isinstance(exc, getattr(click.exceptions, "NoArgsIsHelpError", ())):
        message = exc.format_message
        exc.format_message = lambda: printable(message())  # type: ignore[method-assign]
    exc.show()


def _exhausted(kind: type[BaseException]) -> None:
    """Memory or recursion ran out: an input too large or too deep, not a bug."""
    import gc

    gc.collect()
    command = next((f"ea {arg}" for arg in sys.argv[1:] if arg in MODULE_OF), "ea")
    if issubclass(kind, MemoryError):
        message = (f"out of memory while running {command}; the model may be too large "
                   "(see max-model-bytes and max-elements in [eaframework] of setup.cfg)")
    elif not issubclass(kind, RecursionError):  # a compiled library's panic
        message = (f"a compiled library stopped while running {command} (memory may have "
                   "run out: see max-model-bytes and max-elements in [eaframework])")
    else:
        message = (f"input nested too deeply for {command} (the recursion limit was "
                   "reached); the model or input file may be malformed")
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_ERROR)
