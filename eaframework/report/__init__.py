"""Documents built from the model: the council report (one self-contained HTML page) and
the statutory descriptions of the Information Management Act (§28 and §5).

`data` computes what the council report shows, `html` renders it with the templates in
`templates/`, `diagrams` draws its views; `publish` builds the §28 and §5 descriptions as
`document.Document`s, which `document` writes as Markdown or HTML; `texts` holds the
report's own words. May import the model, diagnostics and the diagrams package, never the
CLI, lint or rules. Everything here is pure and returns text; only the CLI writes files.
"""

from .data import ReportData, build
from .html import render, report_html

__all__ = ["ReportData", "build", "render", "report_html"]
