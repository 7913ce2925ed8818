"""From settings to the rules that run, each with its severity and options. It lives in
the lint layer, not with the rules, because rules know nothing of configuration.

Precedence, as in sqlfluff: an exact code beats a name, a name beats a group (viewpoint),
a group beats a code prefix (the longer prefix wins). `ignore` beats `select`. Integrity
rules (EA0xx) always run and go no lower than `warning`.
"""

from __future__ import annotations

import importlib
import sys
from importlib.metadata import entry_points

from pydantic import ValidationError

from ..config import ConfigError, Settings, split_list
from ..diagnostics import Severity, did_you_mean
from ..rules import docs
from ..rules.base import Rule, Status
from ..rules.engine import ActiveRule, EngineSettings
from ..rules.registry import UnknownRuleRef, all_rules, known_refs, lookup, match

ENTRY_POINT_GROUP = "eaframework.rules"


def load_plugins(settings: Settings) -> None:
    """Import custom rule modules: those named in config, and installed entry points."""
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            ep.load()
        except Exception as exc:  # a broken plugin is a configuration problem
            raise ConfigError(f"cannot load rule plugin {ep.name!r} ({ep.value}): {exc}") from None
    if not settings.plugins:
        return
    root = str(settings.root)
    added = root not in sys.path
    if added:
        sys.path.insert(0, root)
    try:
        for module in settings.plugins:
            try:
                importlib.import_module(module)
            except Exception as exc:
                raise ConfigError(
                    f"{settings.source or 'configuration'}: cannot import plugin module "
                    f"{module!r}: {type(exc).__name__}: {exc}"
                ) from None
    finally:
        if added:
            sys.path.remove(root)


def _refs(refs: list[str], where: str) -> list[tuple[int, int, list[type[Rule]]]]:
    """(precedence, prefix length, rules) for each ref; unknown refs are errors."""
    found = []
    for ref in refs:
        try:
            precedence, rules = match(ref)
        except UnknownRuleRef as exc:
            raise ConfigError(f"{where}: {exc}") from None
        found.append((precedence, len(ref), rules))
    return found


def resolve(settings: Settings) -> tuple[list[ActiveRule], dict[str, Severity]]:
    """The engine's rules (not the loader's) and the severity of every rule code."""
    load_plugins(settings)
    rules = all_rules()
    where = settings.source or "command line"
    in_preset = {r.code for r in rules if _in_preset(r, settings)}
    selected = in_preset
    if settings.select:
        # A group or prefix selects within the preset; a code or name selects that rule.
        selected = {
            r.code
            for precedence, _, found in _refs(settings.select, where)
            for r in found
            if precedence >= 2 or r.code in in_preset
        }
    ignored = {r.code for _, _, found in _refs(settings.ignore, where) for r in found}

    # The most specific severity setting for each rule.
    levels: dict[str, tuple[tuple[int, int], str]] = {}
    for ref, level in settings.severity.items():
        for precedence, length, found in _refs([ref], f"{where} [eaframework:severity]"):
            for rule in found:
                rank = (precedence, length)
                if rule.code not in levels or rank > levels[rule.code][0]:
                    levels[rule.code] = (rank, level)

    severities: dict[str, Severity] = {}
    active: list[ActiveRule] = []
    options = _options(settings, where)
    for rule in rules:
        setting = levels.get(rule.code)
        level = setting[1] if setting else None
        integrity = rule.code.startswith("EA0")
        if integrity:
            if level in ("off", "info"):
                raise ConfigError(
                    f"{where}: integrity rule {rule.code} {rule.name} can be set to error or "
                    f"warning, not {level}"
                )
            enabled = True
        else:
            explicit = setting is not None and setting[0][0] >= 2 and level != "off"
            enabled = (rule.code in selected or explicit) and rule.code not in ignored
            if level == "off":
                enabled = False
        if not enabled:
            continue
        severity = Severity(level) if level and level != "off" else rule.default_severity
        if settings.preset == "strict" and not setting and severity is Severity.WARNING:
            severity = Severity.ERROR
        severities[rule.code] = severity
        if not rule.from_loader and rule.applies_to:
            active.append(ActiveRule(rule(options.get(rule.code)), severity))
    return active, severities


def _in_preset(rule: type[Rule], settings: Settings) -> bool:
    if settings.preset == "all":
        return True
    if rule.status is Status.DEPRECATED:
        return False
    if rule.status is Status.PREVIEW and not settings.preview:
        return False
    return settings.preset == "strict" or rule.recommended


def _options(settings: Settings, where: str) -> dict[str, object]:
    """Validated options per rule code from `[eaframework:rules:NAME]` sections."""
    result = {}
    for ref, values in settings.rule_options.items():
        rule = lookup(ref)
        if rule is None:
            raise ConfigError(f"{where}: unknown rule in [eaframework:rules:{ref}]"
                              f"{did_you_mean(ref, known_refs())}")
        names = docs.option_names(rule)
        schema = rule.Options.model_json_schema(by_alias=True).get("properties", {})
        data = {}
        for key, value in values.items():
            norm = key.lower().replace("_", "-")
            if norm not in names:
                hint = did_you_mean(norm, names) if names else f"; {rule.name} has no options"
                raise ConfigError(
                    f"{where}: unknown option {key!r} for rule {rule.code} {rule.name}{hint}"
                )
            is_list = schema.get(norm, {}).get("type") == "array" or any(
                s.get("type") == "array" for s in schema.get(norm, {}).get("anyOf", [])
            )
            data[norm] = split_list(value) if is_list and isinstance(value, str) else value
        try:
            result[rule.code] = rule.Options.model_validate(data, by_alias=True, by_name=False)
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            key = ".".join(str(p) for p in first["loc"])
            raise ConfigError(
                f"{where}: option {key!r} of rule {rule.code} {rule.name}: {first['msg']}"
            ) from None
    return result


def engine_settings(settings: Settings, severities: dict[str, Severity]) -> EngineSettings:
    return EngineSettings(
        today=settings.today,
        min_reason_length=settings.min_reason_length,
        require_reason=settings.require_reason,
        max_suppression_days=settings.max_suppression_days,
        per_file_ignores=settings.per_file_ignores,
        severities=severities,
    )
