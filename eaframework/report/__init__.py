"""Documents built from the model: the council report (one self-contained HTML page) and
the statutory descriptions of the Information Management Act (§28 and §5).

Everything here is pure and returns text; only the CLI writes files.
"""

from .data import ReportData, build
from .html import render, report_html

__all__ = ["ReportData", "build", "render", "report_html"]
