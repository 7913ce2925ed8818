"""Benchmark of diagrams: the built-in views of synthetic municipality models, rendered to
SVG with the real Graphviz (graphviz-pure), plus single views of about 500 nodes.

    .venv/bin/python bench/bench_diagrams.py [--sizes 10000] [--repeat 1]

For each size it generates the model in memory, loads it, and for every built-in view
measures compute + split (pure Python) and the whole render to SVG (Graphviz included),
with the default --max-nodes, so large views come out in parts. Then it renders views of
about 500 nodes in one piece (--max-nodes raised) to show what one large diagram costs.
It prints a Markdown table and the targets, and writes them to bench/out/diagrams.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))  # the working tree, even if the venv holds another copy

FIVE_HUNDRED = 7_200  # elements: about 500 information systems in the synthetic model
TARGET_500_S = 5.0  # "a 500-node view renders to SVG in a few seconds"
TARGET_10K_S = 30.0  # all built-in views of a 10,000-element model


def _model(size: int, seed: int = 0):
    from eaframework.loader import load_texts
    from bench.synthetic import municipality

    result = load_texts(municipality(size, seed=seed))
    if result.diagnostics:
        raise SystemExit(f"synthetic model of {size} has {len(result.diagnostics)} diagnostics")
    return result.model


def _best(fn, repeat: int) -> tuple[float, object]:
    best, value = float("inf"), None
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return best, value


def _measure(model, size: int, view, options, binary, repeat: int) -> dict:
    from eaframework.diagrams import ViewTooLarge, parts, render_view

    row = {"size": size, "elements": len(model), "view": view.id,
           "max_nodes": options.max_nodes}
    try:
        row["compute_s"], drawn = _best(lambda: parts(model, view, options), repeat)
        row["svg_s"], outputs = _best(
            lambda: render_view(model, view, options, binary=binary), repeat)
    except ViewTooLarge:
        row["refused"] = True
        return row
    row["parts"] = len(drawn)
    row["nodes"] = sum(len(p.nodes) for p in drawn)
    row["largest"] = max(len(p.nodes) for p in drawn)
    row["edges"] = sum(len(p.edges) for p in drawn)
    row["layout"] = drawn[0].layout
    row["svg_kb"] = sum(len(o.content) for o in outputs) / 1024
    return row


def bench_diagrams(sizes=(10_000,), repeat: int = 1) -> list[dict]:
    """Rows (one per view and size) of timings in seconds; see the module docstring."""
    from eaframework.diagrams import RenderOptions, find_binary
    from eaframework.diagrams.builtin import BUILTIN

    binary = find_binary("svg")
    rows = []
    for size in sizes:
        model = _model(size)
        for view in BUILTIN.values():
            rows.append(_measure(model, size, view, RenderOptions(), binary, repeat))
    model = _model(FIVE_HUNDRED)
    for name, max_nodes in (("tietojarjestelmakartta", 600), ("integraatiokaavio", 600),
                            ("integraatiokaavio", 1000)):
        big = RenderOptions(max_nodes=max_nodes)
        rows.append(_measure(model, FIVE_HUNDRED, BUILTIN[name], big, binary, repeat))
    return rows


def table(rows: list[dict]) -> str:
    head = ["elements", "view", "max-nodes", "parts", "nodes (largest)", "edges", "layout",
            "compute s", "svg s", "SVG KB"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        if r.get("refused"):
            cells = [f"{r['elements']:,}", r["view"], str(r["max_nodes"]), "refused"]
            cells += ["–"] * (len(head) - len(cells))
        else:
            cells = [f"{r['elements']:,}", r["view"], str(r["max_nodes"]), str(r["parts"]),
                     f"{r['nodes']} ({r['largest']})", str(r["edges"]), r["layout"],
                     f"{r['compute_s']:.3f}", f"{r['svg_s']:.2f}", f"{r['svg_kb']:.0f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets(rows: list[dict]) -> str:
    out = []
    by_size: dict[int, float] = {}
    for r in rows:
        if r["size"] != FIVE_HUNDRED and "svg_s" in r:
            by_size[r["size"]] = by_size.get(r["size"], 0) + r["svg_s"]
    if 10_000 in by_size:
        ok = by_size[10_000] < TARGET_10K_S
        out.append(f"- {'PASS' if ok else 'FAIL'} built-in views of 10k to SVG < "
                   f"{TARGET_10K_S:g} s: {by_size[10_000]:.2f} s")
    for r in rows:
        if r["size"] == FIVE_HUNDRED and "svg_s" in r:
            # --max-nodes 1000 forces a dense view into one piece: measured, not a target
            each = r["svg_s"] / r["parts"]
            verdict = "INFO" if r["max_nodes"] > 600 else (
                "PASS" if each < TARGET_500_S else "FAIL")
            out.append(f"- {verdict} {r['view']} of {r['nodes']} nodes, {r['edges']} edges "
                       f"(--max-nodes {r['max_nodes']}: {r['parts']} diagram(s)) to SVG, "
                       f"< {TARGET_500_S:g} s a diagram: {r['svg_s']:.2f} s ({each:.2f} s each)")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    rows = bench_diagrams(sizes, args.repeat)
    report = (f"## ea render benchmark\n\nbest of {args.repeat}; "
              f"{time.strftime('%Y-%m-%d %H:%M')}\n\n{table(rows)}\n\n### Targets\n\n"
              f"{targets(rows)}\n")
    print(report)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "diagrams.md").write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
