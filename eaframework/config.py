"""Settings for `ea`: the `[eaframework*]` sections of the nearest setup.cfg, overridden by the
command line. Unknown keys, values and rule references are errors with a did-you-mean.

    [eaframework]                 models, preset, select, ignore, fail-on, plugins, lang, ...
    [eaframework:severity]        rule ref = error | warning | info | off
    [eaframework:rules:NAME]      options of one rule (kebab-case keys)
    [eaframework:per-file-ignores] path glob = rule refs
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .diagnostics import did_you_mean

SECTION = "eaframework"
PRESETS = ("recommended", "strict", "all")
LEVELS = ("error", "warning", "info", "off")
FAIL_ON = ("error", "warning", "info", "never")
FORMATS = ("auto", "text", "json", "sarif", "junit", "github")
MAIN_KEYS = {
    "models": "model folder used when no path is given",
    "views": "view definitions folder",
    "exports": "output folder",
    "preset": "recommended | strict | all",
    "select": "rule refs to run",
    "ignore": "rule refs not to run",
    "fail-on": "error | warning | info | never",
    "format": "output format of ea lint",
    "require-reason": "suppressions need a reason",
    "min-reason-length": "shortest accepted reason",
    "max-suppression-days": "longest accepted suppression",
    "preview": "run preview rules",
    "plugins": "modules with custom rules",
    "show-suppressed": "list suppressed findings",
    "dot": "Graphviz dot binary",
    "lang": "language of what ea writes (fi | en)",
    "max-model-bytes": "largest model read, all files together (e.g. 256MB)",
    "max-elements": "most elements a model may have",
    "cache-dir": "lint cache folder, inside the user cache folder (see eaframework.cache)",
}
SUBSECTIONS = ("severity", "rules", "per-file-ignores")
# The loader's limits on the whole model (eaframework.loader.limits holds the same values).
DEFAULT_MAX_MODEL_BYTES = 256 * 1024 * 1024
DEFAULT_MAX_ELEMENTS = 500_000
_SIZE_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


class ConfigError(Exception):
    """A configuration that cannot be used; the CLI exits with 2."""


@dataclass
class Settings:
    root: Path = field(default_factory=Path.cwd)  # folder of the config file
    source: str | None = None  # the config file, for messages
    models: str | None = None
    views: str = "views"
    exports: str = "exports"
    preset: str = "recommended"
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rule_options: dict[str, dict[str, str]] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_on: str = "error"
    format: str = "auto"
    require_reason: bool = True
    min_reason_length: int = 15
    max_suppression_days: int | None = None
    preview: bool = False
    plugins: list[str] = field(default_factory=list)
    show_suppressed: bool = False
    dot: str | None = None
    lang: str | None = None  # None: the vocabulary's default (see `language`)
    max_model_bytes: int = DEFAULT_MAX_MODEL_BYTES
    max_elements: int = DEFAULT_MAX_ELEMENTS
    cache_dir: str | None = None  # checked by eaframework.cache: a checkout sets it
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def language(self) -> str:
        """The language of outputs: `lang`, else `DEFAULT_LANGUAGE` of the vocabulary."""
        from .model.vocabulary import DEFAULT_LANGUAGE  # late: it loads the model package

        return self.lang or DEFAULT_LANGUAGE

    def digest(self) -> str:
        """What decides lint results, for the result cache."""
        import hashlib  # late, as configparser in `load`: not every run needs them
        import json

        data = asdict(self)
        data.pop("source")
        data.pop("lang")  # findings are the same in every language
        data["root"] = str(self.root)
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def find_config(start: Path) -> Path | None:
    """The nearest setup.cfg with an [eaframework] section, walking up from `start` and
    stopping at the project root (the folder holding .git)."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        cfg = candidate / "setup.cfg"
        if cfg.is_file() and _has_section(cfg):
            return cfg
        if (candidate / ".git").exists():
            return None
    return None


def _has_section(path: Path) -> bool:
    try:
        return any(line.strip().lower().startswith(f"[{SECTION}") for line in
                   path.read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return False


def split_list(value: str) -> list[str]:
    """Commas and newlines both separate list items."""
    return [item.strip() for chunk in value.splitlines() for item in chunk.split(",") if item.strip()]


def load(path: Path | None) -> Settings:
    """Settings from one config file (or the defaults when `path` is None)."""
    if path is None:
        return Settings()
    import configparser

    parser = configparser.ConfigParser(
        inline_comment_prefixes=(";", "#"), interpolation=None, strict=False
    )
    parser.optionxform = str  # keep keys as written; codes are matched case-insensitively
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    settings = Settings(root=path.parent.resolve(), source=str(path))
    for section in parser.sections():
        if section == SECTION:
            _main(settings, parser[section], path)
        elif section.startswith(SECTION + ":"):
            _sub(settings, section, parser[section], path)
    return settings


def _main(settings: Settings, section, path: Path) -> None:
    for key, value in section.items():
        norm = key.lower().replace("_", "-")
        if norm not in MAIN_KEYS:
            raise ConfigError(
                f"{path}: unknown key {key!r} in [{SECTION}]{did_you_mean(norm, MAIN_KEYS)}"
            )
        apply(settings, norm, value, f"{path}: [{SECTION}] {key}")


def apply(settings: Settings, key: str, value, where: str) -> None:
    """Set one main setting from text (config) or a typed value (command line)."""
    attr = key.replace("-", "_")
    if key in ("select", "ignore", "plugins"):
        setattr(settings, attr, split_list(value) if isinstance(value, str) else list(value))
    elif key in ("require-reason", "preview", "show-suppressed"):
        setattr(settings, attr, _bool(value, where))
    elif key in ("min-reason-length", "max-suppression-days"):
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ConfigError(f"{where}: {value!r} is not a whole number") from None
        if number < 0:
            raise ConfigError(f"{where}: must not be negative")
        setattr(settings, attr, number)
    elif key in ("max-model-bytes", "max-elements"):
        setattr(settings, attr, _size(value, where) if key == "max-model-bytes"
                else _positive(value, where))
    elif key in ("preset", "fail-on", "format"):
        choices = {"preset": PRESETS, "fail-on": FAIL_ON, "format": FORMATS}[key]
        text = str(value).strip().lower()
        if text not in choices:
            raise ConfigError(
                f"{where}: {value!r} is not one of {', '.join(choices)}"
                f"{did_you_mean(text, choices)}"
            )
        setattr(settings, attr, text)
    elif key == "lang":
        # Imported here, not at the top: the model package loads pydantic, which the cached
        # path of `ea lint` must not.
        from .model.vocabulary import OUTPUT_LANGUAGES

        text = str(value).strip().lower()
        if text not in OUTPUT_LANGUAGES:
            raise ConfigError(
                f"{where}: {value!r} is not one of {', '.join(OUTPUT_LANGUAGES)}"
                f"{did_you_mean(text, OUTPUT_LANGUAGES)}"
            )
        settings.lang = text
    else:
        setattr(settings, attr, str(value).strip())


def _sub(settings: Settings, section_name: str, section, path: Path) -> None:
    sub = section_name[len(SECTION) + 1:]
    kind, _, rest = sub.partition(":")
    if kind not in SUBSECTIONS or (kind == "rules") != bool(rest):
        raise ConfigError(
            f"{path}: unknown section [{section_name}]"
            f"{did_you_mean(kind, ['severity', 'rules:<rule name>', 'per-file-ignores'])}"
        )
    if kind == "severity":
        for ref, level in section.items():
            text = level.strip().lower()
            if text not in LEVELS:
                raise ConfigError(
                    f"{path}: [{section_name}] {ref} = {level!r} is not one of "
                    f"{', '.join(LEVELS)}{did_you_mean(text, LEVELS)}"
                )
            settings.severity[ref] = text
    elif kind == "rules":
        settings.rule_options.setdefault(rest, {}).update(dict(section.items()))
    else:
        for pattern, refs in section.items():
            settings.per_file_ignores[pattern] = split_list(refs)


def _positive(value, where: str) -> int:
    try:
        number = int(str(value).strip().replace("_", ""))
    except ValueError:
        raise ConfigError(f"{where}: {value!r} is not a whole number") from None
    if number < 1:
        raise ConfigError(f"{where}: must be at least 1")
    return number


def _size(value, where: str) -> int:
    """Bytes from `268435456`, `256MB`, `256 MiB`, `1G` or `512k` (units of 1024)."""
    text = str(value).strip().lower().replace(" ", "")
    match = re.fullmatch(r"([0-9_]+)([kmg]?)(?:i?b)?", text)
    if match is None:
        raise ConfigError(f"{where}: {value!r} is not a size; write e.g. 256MB, 1GB or a "
                          "number of bytes")
    return _positive(match.group(1), where) * _SIZE_UNITS[match.group(2)]


def _bool(value, where: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{where}: {value!r} is not true or false")
