"""Benchmark of `ea lint` on synthetic municipality models (run by `make bench`).

    .venv/bin/python bench/bench.py [--sizes 1000,10000,100000] [--repeat 3]

For each size it generates a model into bench/out/models/<size>/ (gitignored), checks it
loads with zero diagnostics, then measures, best of --repeat:

- the bare parse of the same files with yaml_rs, and with PyYAML's CSafeLoader for
  reference (small sizes only: it is about twenty times slower);
- `ea lint DIR --no-cache` in a fresh process (wall time, interpreter start included),
  and `load_model` in this process;
- `ea lint DIR` warm: the cache populated by one run, then re-runs answered from it;
- the peak RSS of the cold `ea lint` process.

It prints a Markdown table and the targets, and writes both to bench/out/results.md.
Later work adds a row by appending a `Measurement` to MEASUREMENTS (or a `Column`, or a
`Target`); each gets the `Case` (size, folder, file texts) and returns seconds or a number.
The machine is noisy: compare numbers within one run, not across runs.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BIN = Path(sys.executable).parent
EA = BIN / "ea"

sys.path.insert(0, str(ROOT))  # the working tree, even if the venv holds another copy


@dataclass
class Case:
    """One generated model: what every measurement gets."""

    size: int  # requested elements
    folder: Path
    texts: dict[str, bytes]  # relative name -> file content
    elements: int = 0  # as loaded
    relations: int = 0
    extra: dict = field(default_factory=dict)  # measurements may leave things here

    @property
    def megabytes(self) -> float:
        return sum(len(t) for t in self.texts.values()) / 1e6


@dataclass
class Measurement:
    """A timed row part: `run(case)` returns one sample (seconds, or None to skip); the
    best (lowest) of `repeat` samples is kept. `when` limits it to some sizes."""

    key: str
    header: str
    run: Callable[[Case], float | None]
    when: Callable[[int], bool] = lambda size: True
    fmt: str = "{:.3f}"
    best: Callable[[list[float]], float] = min


@dataclass
class Column:
    """A column computed from the row's measurements (row: key -> value)."""

    header: str
    value: Callable[[dict], float | None]
    fmt: str = "{:.1f}"


@dataclass
class Target:
    name: str
    check: Callable[[dict[int, dict]], tuple[bool | None, str]]  # rows by size -> pass, detail


# -- measurements ------------------------------------------------------------------------
def parse_yaml_rs(case: Case) -> float:
    import yaml_rs

    texts = [t.decode("utf-8-sig") for t in case.texts.values()]
    start = time.perf_counter()
    for text in texts:
        yaml_rs.loads(text, parse_datetime=False)
    return time.perf_counter() - start


def parse_pyyaml(case: Case) -> float:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    texts = [t.decode("utf-8-sig") for t in case.texts.values()]
    start = time.perf_counter()
    for text in texts:
        yaml.load(text, Loader=loader)
    return time.perf_counter() - start


def run_child(args: list[str], env: dict | None = None) -> tuple[float, int, int]:
    """(wall seconds, exit code, peak RSS in bytes) of one process, measured as
    `make bench` measures every process (bench_process.run)."""
    from bench.bench_process import run

    sample = run(args, env=env)
    return sample.wall, sample.code, int(sample.rss * 1024 * 1024)


def lint_cold(case: Case) -> float:
    wall, _, rss = run_child([str(EA), "lint", str(case.folder), "--no-cache"])
    case.extra["peak_rss"] = max(case.extra.get("peak_rss", 0), rss)
    return wall


def check_cold(case: Case) -> float:
    """The foundation's load-and-check alone: the loader's integrity checks, no rules."""
    wall, _, _ = run_child([str(EA), "lint", str(case.folder), "--no-cache", "--select",
                            "integrity"])
    return wall


def _cache_env(case: Case) -> dict:
    return {"EA_CACHE_DIR": str(OUT / "cache" / str(case.size))}


def lint_warm(case: Case) -> float:
    env = _cache_env(case)
    if not case.extra.get("cache_ready"):
        shutil.rmtree(env["EA_CACHE_DIR"], ignore_errors=True)
        run_child([str(EA), "lint", str(case.folder)], env)  # populates the cache
        case.extra["cache_ready"] = True
    wall, _, _ = run_child([str(EA), "lint", str(case.folder)], env)
    return wall


def load_in_process(case: Case) -> float:
    from eaframework.loader import load_model

    gc.collect()
    start = time.perf_counter()
    result = load_model(case.folder)
    elapsed = time.perf_counter() - start
    del result
    gc.collect()
    return elapsed


def peak_rss(case: Case) -> float | None:
    """Not timed: the largest RSS any cold run reached (MB)."""
    rss = case.extra.get("peak_rss")
    return None if rss is None else rss / 1e6


MEASUREMENTS: list[Measurement] = [
    Measurement("parse_rs", "yaml_rs parse s", parse_yaml_rs),
    Measurement("parse_py", "PyYAML parse s", parse_pyyaml, when=lambda size: size <= 10_000),
    Measurement("check", "load+integrity cold s", check_cold),
    Measurement("cold", "lint cold s", lint_cold),
    Measurement("load", "load in-process s", load_in_process),
    Measurement("warm", "lint warm s", lint_warm),
    Measurement("rss", "peak RSS MB", peak_rss, fmt="{:.0f}", best=max),
]


def _ratio(a: str, b: str) -> Callable[[dict], float | None]:
    return lambda row: row[a] / row[b] if row.get(a) and row.get(b) else None


def _per_element(key: str) -> Callable[[dict], float | None]:
    return lambda row: row[key] / row["elements"] * 1e6 if row.get(key) else None


COLUMNS: list[Column] = [
    Column("cold/parse", _ratio("cold", "parse_rs")),
    Column("lint/integrity", _ratio("cold", "check")),
    Column("µs/el cold", _per_element("cold")),
    Column("µs/el load", _per_element("load")),
]
# The order of the table: size, files, MB, then these keys (measurements or columns).
ORDER = ["parse_rs", "parse_py", "cold", "warm", "cold/parse", "µs/el cold", "rss", "load",
         "µs/el load"]


def _target_below(size: int, key: str, limit: float, unit: str = "s"):
    def check(rows: dict[int, dict]) -> tuple[bool | None, str]:
        value = rows.get(size, {}).get(key)
        if value is None:
            return None, f"not measured (size {size} not run)"
        return value < limit, f"{value:.3f} {unit} (limit {limit} {unit})"

    return check


def _scaling(rows: dict[int, dict]) -> tuple[bool | None, str]:
    small, big = rows.get(10_000), rows.get(100_000)
    if not small or not big:
        return None, "needs sizes 10000 and 100000"
    a, b = _per_element("cold")(small), _per_element("cold")(big)
    la, lb = _per_element("load")(small), _per_element("load")(big)
    return b <= a, (f"{b:.1f} µs/el at 100k vs {a:.1f} at 10k "
                    f"(in-process load: {lb:.1f} vs {la:.1f})")


def _memory(rows: dict[int, dict]) -> tuple[bool | None, str]:
    big = rows.get(100_000)
    if not big or big.get("rss") is None:
        return None, "needs size 100000"
    return big["rss"] < 1500, f"{big['rss']:.0f} MB (limit 1500 MB)"


def _catalogue_cost(rows: dict[int, dict]) -> tuple[bool | None, str]:
    row = rows.get(10_000)
    if not row or not row.get("check"):
        return None, "needs size 10000"
    ratio = row["cold"] / row["check"]
    return ratio < 1.5, f"{ratio:.2f}x ({row['cold']:.3f} s vs {row['check']:.3f} s)"


TARGETS: list[Target] = [
    Target("load+integrity cold 10k < 1.0 s", _target_below(10_000, "check", 1.0)),
    Target("full catalogue 10k < 1.5x load+integrity", _catalogue_cost),
    Target("lint cold 10k < 1.0 s", _target_below(10_000, "cold", 1.0)),
    Target("warm 10k < 0.3 s", _target_below(10_000, "warm", 0.3)),
    Target("100k µs/el cold <= 10k", _scaling),
    Target("100k peak RSS < 1.5 GB", _memory),
]


# -- running -----------------------------------------------------------------------------
def generate(size: int, seed: int) -> Case:
    from bench.synthetic import municipality

    folder = OUT / "models" / str(size)
    shutil.rmtree(folder, ignore_errors=True)
    texts = {}
    for name, text in municipality(size, seed=seed).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        texts[name] = data
    case = Case(size, folder, texts)
    from eaframework.loader import load_model

    result = load_model(case.folder)
    if result.diagnostics:
        first = result.diagnostics[0]
        raise SystemExit(f"synthetic model of {size} has {len(result.diagnostics)} "
                         f"diagnostics, e.g. {first.location} {first.code} {first.message}")
    case.elements = len(result.model)
    case.relations = len(result.model.relations)
    return case


def measure(case: Case, repeat: int) -> dict:
    row: dict = {"size": case.size, "files": len(case.texts), "MB": case.megabytes,
                 "elements": case.elements, "relations": case.relations}
    for m in MEASUREMENTS:
        if not m.when(case.size):
            continue
        samples = [s for s in (m.run(case) for _ in range(repeat)) if s is not None]
        if samples:
            row[m.key] = m.best(samples)
        print(f"  {m.header}: {_show(row.get(m.key), m.fmt)}", file=sys.stderr, flush=True)
    for c in COLUMNS:
        row[c.header] = c.value(row)
    return row


def _show(value, fmt: str) -> str:
    return "–" if value is None else fmt.format(value)


def table(rows: list[dict]) -> str:
    headers = {m.key: (m.header, m.fmt) for m in MEASUREMENTS}
    headers.update({c.header: (c.header, c.fmt) for c in COLUMNS})
    keys = ORDER + [k for k in headers if k not in ORDER]
    lines = ["| size | files | MB | " + " | ".join(headers[k][0] for k in keys) + " |",
             "|" + "---:|" * (3 + len(keys))]
    for row in rows:
        cells = [f"{row['elements']:,}", str(row["files"]), f"{row['MB']:.1f}"]
        cells += [_show(row.get(k), headers[k][1]) for k in keys]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets(rows: list[dict]) -> str:
    by_size = {row["size"]: row for row in rows}
    lines = []
    for target in TARGETS:
        ok, detail = target.check(by_size)
        verdict = "SKIP" if ok is None else "PASS" if ok else "FAIL"
        lines.append(f"- {verdict} {target.name}: {detail}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="comma-separated element counts (default %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="best of N (default %(default)s)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    if not EA.exists():
        raise SystemExit(f"{EA} not found: run `make install` first")
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in sizes:
        print(f"size {size}: generating", file=sys.stderr, flush=True)
        case = generate(size, args.seed)
        print(f"  {case.elements} elements, {case.relations} relations, {len(case.texts)} "
              f"files, {case.megabytes:.1f} MB", file=sys.stderr, flush=True)
        rows.append(measure(case, max(1, args.repeat)))
        del case
        gc.collect()
    report = (f"## ea lint benchmark\n\nbest of {args.repeat}; {os.cpu_count()} CPUs; "
              f"Python {sys.version.split()[0]}; {time.strftime('%Y-%m-%d %H:%M')}\n\n"
              f"{table(rows)}\n\n### Targets\n\n{targets(rows)}\n")
    print(report)
    (OUT / "results.md").write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
