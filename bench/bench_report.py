"""Benchmark of the council report and the statutory descriptions on synthetic models.

    .venv/bin/python bench/bench_report.py [--sizes 1000,10000] [--repeat 3]

`bench_report(sizes)` returns one dict per size: the model (elements), then seconds, best
of `repeat`, for building the report data, rendering the HTML without diagrams, the
diagrams section (built-in views; views over `MAX_NODES` are noted, not drawn), the § 28
and § 5 documents (Markdown and HTML), and the size of the HTML. The model is generated
and linted in memory once per size; loading and linting are measured by bench.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the working tree, even if the venv holds another copy


def _best(repeat: int, run) -> tuple[float, object]:
    best, value = float("inf"), None
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        value = run()
        best = min(best, time.perf_counter() - start)
    return best, value


def bench_report(sizes=(1000, 10_000), repeat: int = 3, seed: int = 0) -> list[dict]:
    from eaframework.lint import lint_texts
    from eaframework.loader import load_texts
    from eaframework.report.data import build
    from eaframework.report.diagrams import diagrams_section
    from eaframework.report.document import html, markdown
    from eaframework.report.html import render
    from eaframework.report.publish import asiakirjajulkisuuskuvaus, tiedonhallintamalli
    from bench.synthetic import municipality

    rows = []
    for size in sizes:
        files = municipality(size, seed=seed)
        model = load_texts(files).model
        report = lint_texts(files)
        row: dict = {"size": size, "elements": len(model)}
        row["data_s"], data = _best(repeat, lambda: build(model, report))
        row["html_s"], page = _best(repeat, lambda: render(data))
        row["html_mb"] = len(page.encode("utf-8")) / 1e6
        row["diagrams_s"], section = _best(
            1, lambda: diagrams_section(model, report.diagnostics, "fi"))
        row["diagrams_drawn"] = sum(1 for d in section.diagrams if d.svg is not None)
        row["s28_s"], _ = _best(repeat, lambda: (
            lambda doc: (markdown(doc), html(doc)))(asiakirjajulkisuuskuvaus(model)))
        row["s5_s"], _ = _best(repeat, lambda: (
            lambda doc: (markdown(doc), html(doc)))(tiedonhallintamalli(model)))
        rows.append(row)
    return rows


def table(rows: list[dict]) -> str:
    keys = ["elements", "data_s", "html_s", "html_mb", "diagrams_s", "diagrams_drawn",
            "s28_s", "s5_s"]
    lines = ["| " + " | ".join(keys) + " |", "|" + "---:|" * len(keys)]
    for row in rows:
        cells = [f"{row[k]:,}" if isinstance(row[k], int) else f"{row[k]:.3f}" for k in keys]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    print(table(bench_report(sizes, args.repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
