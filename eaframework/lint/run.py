"""Running the rules: load a model (or take a loaded one), run the engine, summarise.

Results are cached by the content of every model file plus the settings, so a re-run on an
unchanged model costs a read and a hash of each file, without importing the rule machinery
(the cache's safeguards against a hostile checkout are in `eaframework.cache`).
"""

from __future__ import annotations

import dataclasses
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from .. import cache
from ..config import ConfigError, Settings
from ..diagnostics import FATAL_CODES, Diagnostic
from ..files import model_files
from .compliance import compliance, principle_labels
from .results import LintReport, RuleResult

if TYPE_CHECKING:
    from ..loader import LoadResult


def _read_all(paths: list[Path], max_bytes: int | None = None) -> list[tuple[str, bytes]] | None:
    """Every file's bytes, or None (no cache) where the loader would refuse to read them:
    a file that is not a regular file, or a model over `max_bytes`."""
    found = []
    total = 0
    for path in paths:
        for file in model_files(path) if path.exists() else []:
            try:
                info = file.stat()
                total += info.st_size
                if not stat.S_ISREG(info.st_mode) or total > (max_bytes or total):
                    return None
                found.append((file.as_posix(), file.read_bytes()))
            except OSError:
                return None
    return found


def lint(
    paths: list[Path],
    settings: Settings | None = None,
    use_cache: bool | None = None,
    loaded: LoadResult | None = None,
) -> LintReport:
    """Check the model at `paths`. Raises config.ConfigError for unusable settings.

    `use_cache`: True or False as asked for (--cache / --no-cache); None leaves it to
    `cache.enabled` (EA_CACHE, off in CI). A caller that has loaded the model already (to
    draw or report it) passes the result as `loaded`, so that a cache miss does not read
    and validate the files again."""
    settings = settings or Settings()
    directory = key = None
    try:
        folder = cache.cache_dir(settings.cache_dir)
    except ValueError as exc:
        raise ConfigError(f"{settings.source or 'configuration'}: {exc}") from None
    if cache.enabled(use_cache) and paths:
        contents = _read_all(paths, settings.max_model_bytes)
        if contents is not None:
            directory = folder
            key = cache.fingerprint(
                contents, "\0".join([settings.digest(), str(Path.cwd())])
            )
            stored = cache.load(directory, key)
            report = LintReport.from_data(stored) if stored is not None else None
            if report is not None:
                report.cached = True
                return report
    from ..loader import Limits, load_model

    limits = Limits(settings.max_model_bytes, settings.max_elements)
    report = _lint((lambda: loaded) if loaded is not None else (lambda: load_model(paths, limits)),
                   settings)
    if key is not None and not report.fatal:
        cache.store(directory, key, report.to_data())
    return report


def lint_loaded(result: LoadResult, settings: Settings | None = None) -> LintReport:
    """Lint a model already loaded (no cache: there are no files to key it by)."""
    return _lint(lambda: result, settings or Settings())


def lint_texts(files: dict[str, str], settings: Settings | None = None) -> LintReport:
    """Lint a model given as {file name: YAML text}, e.g. a rule's documented example."""
    from ..loader import load_texts

    return _lint(lambda: load_texts(files), settings or Settings())


def _lint(load, settings: Settings) -> LintReport:
    from ..rules import engine
    from .selection import engine_settings, resolve

    active, severities = resolve(settings)  # config errors before any reading
    result = load()
    loader_findings = [
        dataclasses.replace(d, severity=severities.get(d.code, d.severity))
        if d.code not in FATAL_CODES else d
        for d in result.diagnostics
    ]
    report = LintReport(loader_findings, len(result.sources.files), len(result.model))
    if result.fatal:
        return report
    model = result.model
    labels = principle_labels(model)
    options = engine_settings(settings, severities)
    options.principles = labels
    outcome = engine.run(model, result.sources, active, options)
    report.diagnostics = sorted(loader_findings + outcome.diagnostics, key=Diagnostic.sort_key)
    report.rules = [
        RuleResult(
            code=type(item.rule).code,
            name=type(item.rule).name,
            severity=item.severity.value,
            checked=len(outcome.stats[type(item.rule).code].checked),
            findings=outcome.stats[type(item.rule).code].findings,
            suppressed=outcome.stats[type(item.rule).code].suppressed,
        )
        for item in active
    ]
    report.principles = compliance(model, outcome.stats, {type(a.rule).code for a in active})
    return report
