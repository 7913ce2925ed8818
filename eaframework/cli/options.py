"""Options shared by several commands, defined once, and the settings they feed."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click
from click.core import ParameterSource

from ..config import ConfigError, Settings, apply, find_config, load


def settings_for(ctx: click.Context, paths: tuple[Path, ...], lint_options: bool = True) -> Settings:
    """Settings from `--config`, or the nearest setup.cfg above the model, then (for
    `lint_options`) the command line's lint options, which always win."""
    root = ctx.find_root()
    obj = root.obj or {}
    if obj.get("no_config"):
        settings = Settings()
    else:
        config = obj.get("config") or find_config(paths[0] if paths else Path.cwd())
        settings = load(Path(config) if config else None)
    params = ctx.params if lint_options else {}
    for name, key in (
        ("select", "select"), ("ignore", "ignore"), ("preset", "preset"),
        ("fail_on", "fail-on"), ("fmt", "format"), ("preview", "preview"),
        ("show_suppressed", "show-suppressed"),
    ):
        if name in params and ctx.get_parameter_source(name) is ParameterSource.COMMANDLINE:
            value = params[name]
            if isinstance(value, tuple):
                value = [item for chunk in value for item in chunk.split(",") if item.strip()]
            apply(settings, key, value, f"--{key}")
    for pair in params.get("severity") or ():
        ref, sep, level = pair.partition("=")
        if not sep or not ref.strip():
            raise ConfigError(f"--severity {pair!r}: expected RULE=LEVEL, e.g. EA302=warning")
        if level.strip().lower() not in ("error", "warning", "info", "off"):
            raise ConfigError(f"--severity {pair!r}: level must be error, warning, info or off")
        settings.severity[ref.strip()] = level.strip().lower()
    if params.get("today"):
        settings.today = params["today"]
    return settings


def model_paths(settings: Settings, paths: tuple[Path, ...]) -> list[Path]:
    """The paths given, else `models` from the configuration, else ./models."""
    if paths:
        return list(paths)
    if settings.models:
        configured = settings.root / settings.models
        try:
            return [configured.relative_to(Path.cwd())]
        except ValueError:
            return [configured]
    return [Path("models")]


paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))


def date_option(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"
