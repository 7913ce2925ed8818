"""Which module defines each subcommand of `ea`, imported only when that command is asked
for: `ea lint` then reads one command's module, not every command's imports (about
0.02 s of each start)."""

from __future__ import annotations

import importlib

import click

# command name -> module of this package that adds it to `main` when imported
MODULE_OF = {
    "diff": "diff",
    "export": "export",
    "fmt": "fmt",
    "impact": "impact",
    "import": "importing",
    "lint": "lint",
    "publish": "publish",
    "render": "render",
    "report": "report",
    "rule": "rules",
    "rules": "rules",
    "schema": "schema",
    "views": "render",
}


class LazyGroup(click.Group):
    """A group that imports a command's module the first time the command is looked up;
    `ea --help` looks up all of them, so it lists each with its short help as before."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(MODULE_OF))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in MODULE_OF:
            importlib.import_module(f"{__package__}.{MODULE_OF[cmd_name]}")
        return self.commands.get(cmd_name)
