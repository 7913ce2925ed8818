"""The council report as one self-contained HTML file (Jinja2, autoescaped).

Everything is inline: CSS (with print rules for A4), SVG diagrams and the cost chart, and
a small script that only adds column sorting. A Content-Security-Policy allows nothing
but that one script (by its hash) and inline styles, so the page loads nothing from
anywhere and no text from the model can ever run as code, even if escaping failed.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from enum import Enum
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape
from pydantic import BaseModel

from .data import Costs, ReportData, build
from .diagrams import DiagramsSection, diagrams_section
from .texts import LANGUAGES, translate, translate_value

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space: the Finnish thousands separator


class Formatter:
    """Numbers, money, dates and model values in the report's language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def t(self, key: str, **values) -> str:
        return translate(self.lang, key, **values)

    def number(self, value: float | None, decimals: int = 0) -> str:
        if value is None:
            return "–"
        text = f"{value:,.{decimals}f}"
        if self.lang == "fi":
            text = text.replace(",", NNBSP).replace(".", ",")
        return text

    def money(self, value: float | None) -> str:
        if value is None:
            return self.t("report.unknown")
        amount = self.number(value)
        return f"{amount}{NBSP}€" if self.lang == "fi" else f"€{amount}"

    def percent(self, ratio: float | None) -> str:
        if ratio is None:
            return "–"
        value = round(ratio * 100)
        return f"{value}{NBSP}%" if self.lang == "fi" else f"{value}%"

    def plain_percent(self, value: float) -> str:
        shown = self.number(value, 0 if float(value).is_integer() else 1)
        return f"{shown}{NBSP}%" if self.lang == "fi" else f"{shown}%"

    def years(self, value: float | None) -> str:
        if value is None:
            return "–"
        return self.t("projects.years", n=self.number(value, 1))

    def date(self, value: dt.date | None) -> str:
        if value is None:
            return "–"
        return f"{value.day}.{value.month}.{value.year}" if self.lang == "fi" else value.isoformat()

    def day(self, text: str | None) -> str:
        """A date kept as text (e.g. a suppression's expiry), formatted when it is one."""
        if not text:
            return "–"
        try:
            return self.date(dt.date.fromisoformat(text))
        except ValueError:
            return text

    def value(self, value) -> str:
        """A raw model value as text: enums and booleans translated, lists joined."""
        if isinstance(value, bool):
            return self.t(f"bool.{str(value).lower()}")
        if isinstance(value, Enum):
            return translate_value(self.lang, value)
        if isinstance(value, dt.date):
            return self.date(value)
        if isinstance(value, float):
            return self.number(value, 0 if value.is_integer() else 2)
        if isinstance(value, (tuple, list, frozenset, set)):
            return ", ".join(self.value(v) for v in value)
        if isinstance(value, dict):
            return "; ".join(f"{k}: {self.value(v)}" for k, v in value.items())
        if isinstance(value, BaseModel):
            parts = []
            for name in type(value).model_fields:
                item = getattr(value, name)
                if item is None or item == ():
                    continue
                key = name.replace("_", "-")
                parts.append(f"{self.t('field.' + key)}: {self.value(item)}")
            return "; ".join(parts)
        return str(value)


# -- the cost chart -------------------------------------------------------------------------
CHART_WIDTH = 480
LABEL_WIDTH = 200
AMOUNT_WIDTH = 78
ROW = 17
BAR = 11
LABEL_CHARS = 30


def cost_chart(costs: Costs, fmt: Formatter) -> Markup:
    """A horizontal bar chart of the annual costs by unit, as inline SVG. Each bar links to
    the unit's section; each text is escaped."""
    if not costs.rows:
        return Markup("")
    largest = costs.largest or 1
    area = CHART_WIDTH - LABEL_WIDTH - AMOUNT_WIDTH
    height = ROW * len(costs.rows) + 4
    title = escape(fmt.t("cost.chart-title"))
    parts = [
        f'<svg class="chart" role="img" aria-label="{title}" '
        f'viewBox="0 0 {CHART_WIDTH} {height}" width="{CHART_WIDTH}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{title}</title>'
    ]
    for n, row in enumerate(costs.rows):
        y = 2 + n * ROW
        name = row.unit.name if row.unit else fmt.t("cost.unallocated")
        short = name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"
        width = max(1.0, area * row.amount / largest)
        share = fmt.percent(row.amount / costs.total) if costs.total else ""
        tip = escape(f"{name}: {fmt.money(row.amount)} ({share})")
        bar_class = "bar unallocated" if row.unit is None else "bar"
        body = (
            f"<title>{tip}</title>"
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR - 1}" text-anchor="end">'
            f"{escape(short)}</text>"
            f'<rect class="{bar_class}" x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" '
            f'height="{BAR}" rx="2"/>'
            f'<text class="amount" x="{LABEL_WIDTH + width + 4:.1f}" y="{y + BAR - 1}">'
            f"{escape(fmt.money(row.amount))}</text>"
        )
        if row.unit is not None:
            parts.append(f'<a href="#{escape(row.unit.id)}">{body}</a>')
        else:
            parts.append(f"<g>{body}</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


# -- rendering --------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("eaframework.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _raw(env: Environment, name: str) -> str:
    """A template file's text as it is (CSS and JavaScript are not templates)."""
    return env.loader.get_source(env, name)[0]


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render(data: ReportData, diagrams: DiagramsSection | None = None) -> str:
    """The report page for `data`; without `diagrams` the section says they were left
    out."""
    if data.lang not in LANGUAGES:
        raise ValueError(f"unknown language {data.lang!r}; use one of {', '.join(LANGUAGES)}")
    if diagrams is None:
        diagrams = DiagramsSection(note=translate(data.lang, "diagrams.left-out"))
    env = environment()
    fmt = Formatter(data.lang)
    script = _raw(env, "sort.js")
    page = env.get_template("report.html.j2")
    return page.render(
        d=data,
        f=fmt,
        t=fmt.t,
        diagrams=diagrams,
        chart=cost_chart(data.costs, fmt),
        sort_script=Markup(script),
        script_hash=_script_hash(script),
        css=Markup(_raw(env, "report.css")),
    )


def report_html(model, report, lang: str = "fi", today: dt.date | None = None,
                diagrams: bool = True, dot: str | None = None) -> str:
    """Build and render the report of `model` and its lint `report` in one call;
    `dot` is the configured Graphviz binary, `diagrams=False` leaves the views out."""
    data = build(model, report, lang=lang, today=today)
    section = diagrams_section(model, report.diagnostics, lang, dot=dot) if diagrams else None
    return render(data, section)
