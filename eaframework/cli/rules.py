"""`ea rules` (the catalogue) and `ea rule CODE` (one rule explained)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..config import ConfigError
from . import EXIT_FINDINGS, fail, main
from .options import settings_for
from .output import write_output


def _catalogue(ctx, select: tuple[str, ...]):
    from ..rules.registry import UnknownRuleRef, all_rules, match
    from ..lint.selection import load_plugins

    try:
        load_plugins(settings_for(ctx, ()))
    except ConfigError as exc:
        fail(str(exc))
    rules = all_rules()
    if select:
        try:
            chosen = {r.code for ref in select for r in match(ref)[1]}
        except UnknownRuleRef as exc:
            fail(str(exc))
        rules = [r for r in rules if r.code in chosen]
    return rules


@main.command("rules")
@click.option("--select", multiple=True, metavar="REF", help="Only these rules.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]),
              default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="markdown: folder for one page per rule plus index.md.")
@click.option("--check", is_flag=True, help="With --output: exit 1 if the pages are stale.")
@click.pass_context
def rules_command(ctx, select, fmt, output, check):
    """List the rules."""
    from ..rules import docs

    rules = _catalogue(ctx, select)
    if fmt == "json":
        data = [
            {"code": r.code, "name": r.name, "group": r.group(), "summary": docs.parse(r).summary,
             "default_severity": r.default_severity.value, "enforces": r.enforces,
             "recommended": r.recommended, "status": r.status.value, "applies_to": list(r.kinds()),
             "options": docs.option_names(r)}
            for r in rules
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif fmt == "markdown" and output is not None:
        pages = {"index.md": docs.render_index(rules)}
        pages.update({f"{r.code}.md": docs.render_markdown(r) for r in rules})
        _write_pages(output, pages, check)
    elif fmt == "markdown":
        click.echo(docs.render_index(rules))
    else:
        width = max(len(r.name) for r in rules)
        for r in rules:
            mark = "✓" if r.recommended else " "
            click.echo(f"{r.code}  {r.name:<{width}}  {r.default_severity.value:<7}  {mark}  "
                       f"{(r.enforces or ''):<9}  {docs.parse(r).summary}")


def _write_pages(folder: Path, pages: dict[str, str], check: bool) -> None:
    stale = sorted(
        name for name, text in pages.items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    )
    extra = sorted(p.name for p in folder.glob("*.md") if p.name not in pages) if folder.is_dir() else []
    if check:
        if stale or extra:
            for name in stale:
                click.echo(f"stale: {folder / name}", err=True)
            for name in extra:
                click.echo(f"not generated (remove it): {folder / name}", err=True)
            click.echo("run `ea rules --format markdown --output docs/rules`", err=True)
            sys.exit(EXIT_FINDINGS)
        click.echo(f"{folder}: {len(pages)} pages up to date", err=True)
        return
    for name in stale:
        write_output(folder / name, pages[name])
    for name in extra:
        (folder / name).unlink()
    click.echo(f"{folder}: wrote {len(stale)} of {len(pages)} pages", err=True)


@main.command("rule")
@click.argument("ref")
@click.pass_context
def rule_command(ctx, ref):
    """Explain one rule, by code or name."""
    from ..rules import docs
    from ..rules.registry import lookup

    rules = _catalogue(ctx, ())
    rule = lookup(ref)
    if rule is None:
        from ..diagnostics import did_you_mean

        fail(f"unknown rule {ref!r}{did_you_mean(ref, [r.code for r in rules] + [r.name for r in rules])}")
    click.echo(docs.render_markdown(rule))
