"""Options shared by several commands, defined once, and the settings they feed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
from click.core import ParameterSource

from ..config import ConfigError, Settings, apply, find_config, load
from . import fail

# command-line parameter -> configuration key, for the options of `ea lint`
_LINT_KEYS = (
    ("select", "select"), ("ignore", "ignore"), ("preset", "preset"), ("fail_on", "fail-on"),
    ("fmt", "format"), ("preview", "preview"), ("show_suppressed", "show-suppressed"),
)


def settings_for(ctx: click.Context, paths: tuple[Path, ...], lint_options: bool = False) -> Settings:
    """Settings from `--config`, or the nearest setup.cfg above the model, then the command
    line (`--lang`, `--today` and, for `lint_options`, the lint options), which always wins.
    Unusable settings exit 2."""
    try:
        return _settings(ctx, paths, lint_options)
    except ConfigError as exc:
        fail(str(exc))


def _settings(ctx: click.Context, paths: tuple[Path, ...], lint_options: bool) -> Settings:
    obj = ctx.find_root().obj or {}
    if obj.get("no_config"):
        settings = Settings()
    else:
        config = obj.get("config") or find_config(paths[0] if paths else Path.cwd())
        settings = load(Path(config) if config else None)
    params = ctx.params
    for name, key in _LINT_KEYS if lint_options else ():
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
    if params.get("lang"):
        settings.lang = params["lang"]
    return settings


def model_paths(settings: Settings, paths: tuple[Path, ...]) -> list[Path]:
    """The paths given, else `models` from the configuration, else ./models."""
    if paths:
        return list(paths)
    if settings.models:
        return [relative(settings.root / settings.models)]
    return [Path("models")]


def relative(path: Path) -> Path:
    """`path` relative to the working folder where it is below it, for messages."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def exports_folder(settings: Settings) -> Path:
    """`exports` from the configuration, where outputs go by default."""
    return relative(settings.root / settings.exports)


class _Language(click.Choice):
    """The output languages of the vocabulary, read when first needed: importing the model
    package when `ea` starts would cost `ea lint` on an unchanged model its speed."""

    def __init__(self) -> None:
        self.case_sensitive = True

    @property
    def choices(self):
        from ..model.vocabulary import OUTPUT_LANGUAGES

        return OUTPUT_LANGUAGES


paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
lang_option = click.option(
    "--lang", type=_Language(),
    help="Language of the output (default: `lang` from setup.cfg, else fi).",
)
today_option = click.option(
    "--today", hidden=True, callback=lambda c, p, v: dt.date.fromisoformat(v) if v else None,
    help="Pretend today is this date (reproducible output and expiry checks in tests).",
)
