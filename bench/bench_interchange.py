"""Benchmark of ArchiMate and Archi CSV interchange on synthetic municipality models.

    .venv/bin/python bench/bench_interchange.py [--sizes 1000,10000] [--repeat 3]

For each size, best of --repeat, in this process (no interpreter start):

- export archimate: model -> exchange XML bytes, without diagrams, and with one diagram
  per built-in view laid out by Graphviz (graphviz-pure);
- import archimate: XML bytes -> safe parse -> mapped model -> model files' text, checked
  by loading them back (everything `ea import archimate` does but writing), and of that
  the reading of the XML alone (to an `Exchange`), the YAML text alone
  (`modelfile.write.dump_file`) and the check alone (`loader.load_texts`);
- the same two for Archi's CSV files.

`bench_interchange(sizes)` returns one dict per size (seconds, bytes, counts), for
`make bench`; run as a script it prints a Markdown table and the targets.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the working tree, even if the venv holds another copy

TARGET_SECONDS = 5.0  # "a few seconds" for 10,000 elements, each way
COLUMNS = [  # key, header, format
    ("elements", "elements", "{:,}"),
    ("relations", "relations", "{:,}"),
    ("xml_mb", "XML MB", "{:.1f}"),
    ("export", "export s", "{:.2f}"),
    ("export_views", "export + views s", "{:.2f}"),
    ("import", "import s", "{:.2f}"),
    ("import_read", "of which XML s", "{:.2f}"),
    ("import_yaml", "of which YAML s", "{:.2f}"),
    ("import_check", "of which check s", "{:.2f}"),
    ("export_csv", "CSV export s", "{:.2f}"),
    ("import_csv", "CSV import s", "{:.2f}"),
]


def _best(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_interchange(sizes: list[int], repeat: int = 3, seed: int = 0,
                      views: bool = True) -> list[dict]:
    from eaframework.interchange.archimate_export import export_archimate
    from eaframework.interchange.archimate_import import exchange_of, import_archimate
    from eaframework.interchange.csv import export_csv, import_csv
    from eaframework.interchange.model_files import model_files, verified_files
    from eaframework.interchange.views import diagram_views
    from eaframework.loader import load_texts
    from bench.synthetic import municipality

    rows = []
    for size in sizes:
        loaded = load_texts(municipality(size, seed=seed))
        if loaded.diagnostics:
            raise SystemExit(f"synthetic model of {size} does not load cleanly")
        model = loaded.model
        xml = export_archimate(model, diagrams=[])
        csv_files = export_csv(model)
        row = {"size": size, "elements": len(model), "relations": len(model.relations),
               "xml_mb": len(xml) / 1e6}
        row["export"] = _best(lambda m=model: export_archimate(m, diagrams=[]), repeat)
        if views:
            row["export_views"] = _best(
                lambda m=model: export_archimate(m, diagrams=diagram_views(m)), 1)
        row["import"] = _best(lambda x=xml: verified_files(import_archimate(x)), repeat)
        row["import_read"] = _best(lambda x=xml: exchange_of(x), repeat)
        result = import_archimate(xml)
        row["import_yaml"] = _best(lambda r=result: model_files(r), repeat)
        files = model_files(result)
        row["import_check"] = _best(lambda f=files: load_texts(f), repeat)
        row["export_csv"] = _best(lambda m=model: export_csv(m), repeat)
        row["import_csv"] = _best(lambda f=csv_files: verified_files(import_csv(f)), repeat)
        rows.append(row)
        print(f"size {size}: " + ", ".join(f"{k} {row[k]:.2f}" for k, _, _ in COLUMNS[3:]
                                           if k in row), file=sys.stderr, flush=True)
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| " + " | ".join(h for _, h, _ in COLUMNS) + " |",
             "|" + "---:|" * len(COLUMNS)]
    for row in rows:
        lines.append("| " + " | ".join(
            fmt.format(row[key]) if key in row else "–" for key, _, fmt in COLUMNS) + " |")
    return "\n".join(lines)


def targets(rows: list[dict]) -> str:
    row = next((r for r in rows if r["size"] == 10_000), None)
    if row is None:
        return "- SKIP export/import 10k: needs size 10000"
    lines = []
    for key, label in (("export", "export archimate"), ("import", "import archimate")):
        ok = row[key] < TARGET_SECONDS
        lines.append(f"- {'PASS' if ok else 'FAIL'} {label} 10k < {TARGET_SECONDS:g} s: "
                     f"{row[key]:.2f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-views", action="store_true", help="skip the Graphviz layouts")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    rows = bench_interchange(sizes, max(1, args.repeat), views=not args.no_views)
    print(f"## interchange benchmark\n\nbest of {args.repeat}\n\n{table(rows)}\n\n"
          f"### Targets\n\n{targets(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
