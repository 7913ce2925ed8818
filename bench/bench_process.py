"""Whole-process benchmark: every command a person or CI runs, timed as the process it is.

    .venv/bin/python bench/bench_process.py [--sizes 10000,100000] [--shapes sample,wide]
                                            [--repeat 3]

For each shape of synthetic model (see `bench.synthetic`: "sample", 500 elements a file;
"wide", 40 elements a file, every reference field used, many findings) and size, it
generates the model into bench/out/models/<shape>-<size>/ (gitignored) and runs, each in
a fresh process, best of --repeat:

- parse: `bench/parse_files.py DIR`, a bare yaml-rs parse of the same files (the
  interpreter, yaml_rs and the reads; nothing of eaframework) - the baseline;
- lint: `ea lint DIR --no-cache` (cold: no cache), in an empty folder (default
  settings, `--no-config`);
- at 10,000 elements also `ea render`, `ea report`, `ea export archimate`,
  `ea import archimate` of that export, and `ea lint --no-cache` of the imported folder.

Each run gives CPU time (user + sys of exactly that child, from os.wait4), wall time and
peak RSS; each is the best of its samples. It prints a Markdown table and the targets,
and writes both to bench/out/results-process.md. The machine is noisy: compare ratios
within one run, and CPU time rather than wall.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BIN = Path(sys.executable).parent
EA = BIN / "ea"
PARSE = ROOT / "bench" / "parse_files.py"

sys.path.insert(0, str(ROOT))  # the working tree, even if the venv holds another copy

LINT_RATIO = 4.0  # cold lint of 10k within this many times the bare parse process (CPU)
BIG_CPU = 4.0  # seconds of CPU for a cold lint of 100k
BIG_RSS = 500.0  # MB peak RSS for a cold lint of 100k
IMPORT_RATIO = 1.5  # import archimate of 10k within this many times lint of the result


@dataclass
class Sample:
    cpu: float  # user + sys seconds
    wall: float
    rss: float  # MB
    code: int = 0


TIME = shutil.which("time") if sys.platform.startswith("linux") else None  # GNU time


def run(args: list[str], ok: tuple[int, ...] = (0, 1), cwd: Path = ROOT,
        env: dict[str, str] | None = None) -> Sample:
    """One child process: its own CPU time, wall time and peak RSS. Run in `cwd` (the
    benchmarks use an empty folder: no setup.cfg, no `views/`, default settings), with
    `env` added to this process's environment, less CI (which turns the cache off).

    os.wait4 gives the resource use of exactly this child, unlike
    getrusage(RUSAGE_CHILDREN). Its peak RSS, though, starts from this process's (a forked
    child inherits it), so where GNU time is installed it runs the command and reports the
    command's own peak RSS."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))  # this tree, as `ea` sees it
    env.pop("CI", None)
    # A user's `ea` has its bytecode written once; without it every run would also
    # compile every module (the first sample of each command writes it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    args = [str(a) for a in args]
    with tempfile.NamedTemporaryFile() as rss_file, tempfile.TemporaryFile() as err:
        timed = [TIME, "-f", "%M", "-o", rss_file.name, *args] if TIME else args
        start = time.perf_counter()
        proc = subprocess.Popen(timed, stdout=subprocess.DEVNULL, stderr=err, cwd=cwd,
                                env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        err.seek(0)
        errors = err.read().decode(errors="replace")
        measured = Path(rss_file.name).read_text().strip().splitlines() if TIME else []
    # 1 = findings; 2 = unusable input or an internal error. Python also exits 1 on an
    # uncaught exception, which is not a run to time.
    if code not in ok or "Traceback (most recent call last)" in errors:
        raise RuntimeError(f"{' '.join(args)} exited {code}:\n{errors[-2000:]}")
    if measured and measured[-1].isdigit():
        rss = int(measured[-1]) / 1024  # KiB to MiB
    else:
        rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Sample(usage.ru_utime + usage.ru_stime, wall, rss, code)


def best(samples: list[Sample]) -> Sample:
    return Sample(min(s.cpu for s in samples), min(s.wall for s in samples),
                  max(s.rss for s in samples), samples[-1].code)


def generate(shape: str, size: int, seed: int = 0) -> tuple[Path, int, float]:
    """The model's folder, files and MB. Generated in a child process, so that this one
    stays small: a forked child's peak RSS starts from its parent's."""
    folder = OUT / "models" / f"{shape}-{size}"
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "bench.synthetic", f"--shape={shape}", str(size),
                    str(folder), str(seed)], cwd=ROOT, check=True,
                   env=dict(os.environ, PYTHONPATH=str(ROOT)))
    files = list(folder.rglob("*.yaml"))
    return folder, len(files), sum(f.stat().st_size for f in files) / 1e6


def commands(folder: Path, size: int, work: Path) -> list[tuple[str, list[str], tuple]]:
    """(name, argv, exit codes that count as a run) of every process to time."""
    ea = [str(EA), "--no-config"]  # default settings, not the repository's setup.cfg
    found = [
        ("parse", [sys.executable, str(PARSE), str(folder)], (0,)),
        ("lint", ea + ["lint", str(folder), "--no-cache"], (0, 1)),
    ]
    if size <= 10_000:
        xml = work / "model.xml"
        imported = work / "imported"
        found += [
            ("render", ea + ["render", str(folder), "--out-dir", str(work / "svg")], (0, 1)),
            ("report", ea + ["report", str(folder), "-o", str(work / "report.html")], (0, 1)),
            ("export", ea + ["export", "archimate", str(folder), "-o", str(xml)], (0, 1)),
            ("import", ea + ["import", "archimate", str(xml), "-o", str(imported), "--force"],
             (0,)),
            ("lint imported", ea + ["lint", str(imported), "--no-cache"], (0, 1)),
        ]
    return found


def measure(shape: str, size: int, repeat: int) -> dict:
    folder, files, megabytes = generate(shape, size)
    row: dict = {"shape": shape, "size": size, "files": files, "MB": megabytes}
    with tempfile.TemporaryDirectory() as tmp:
        for name, argv, ok in commands(folder, size, Path(tmp)):
            times = 1 if name == "render" else repeat  # Graphviz: seconds each
            row[name] = best([run(argv, ok, Path(tmp)) for _ in range(times)])
            s = row[name]
            print(f"  {shape} {size} {name}: cpu {s.cpu:.2f} s, wall {s.wall:.2f} s, "
                  f"{s.rss:.0f} MB", file=sys.stderr, flush=True)
    return row


def table(rows: list[dict]) -> str:
    names = ["parse", "lint", "render", "report", "export", "import", "lint imported"]
    head = ["shape", "elements", "files", "MB"] + [f"{n} CPU / wall s" for n in names] + [
        "lint / parse (CPU)", "lint peak RSS MB"]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for row in rows:
        cells = [row["shape"], f"{row['size']:,}", str(row["files"]), f"{row['MB']:.1f}"]
        for n in names:
            s = row.get(n)
            cells.append(f"{s.cpu:.2f} / {s.wall:.2f}" if s else "–")
        cells.append(f"{row['lint'].cpu / row['parse'].cpu:.1f}×")
        cells.append(f"{row['lint'].rss:.0f}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets(rows: list[dict]) -> str:
    lines = []

    def verdict(ok: bool | None) -> str:
        return "SKIP" if ok is None else "PASS" if ok else "FAIL"

    for row in rows:
        tag = f"{row['shape']} {row['size']:,}"
        lint, parse = row["lint"], row["parse"]
        if row["size"] == 10_000:
            ratio = lint.cpu / parse.cpu
            lines.append(f"- {verdict(ratio <= LINT_RATIO)} {tag}: cold lint within "
                         f"{LINT_RATIO:g}× the bare parse process: {ratio:.1f}× CPU "
                         f"({lint.cpu:.2f} s vs {parse.cpu:.2f} s), "
                         f"{lint.wall / parse.wall:.1f}× wall")
            if "import" in row:
                ratio = row["import"].cpu / row["lint imported"].cpu
                lines.append(f"- {verdict(ratio <= IMPORT_RATIO)} {tag}: import archimate "
                             f"within {IMPORT_RATIO:g}× lint of the imported model: "
                             f"{ratio:.2f}× CPU ({row['import'].cpu:.2f} s vs "
                             f"{row['lint imported'].cpu:.2f} s)")
        if row["size"] == 100_000:
            ok = lint.cpu <= BIG_CPU and lint.rss <= BIG_RSS
            lines.append(f"- {verdict(ok)} {tag}: cold lint within {BIG_CPU:g} s CPU and "
                         f"{BIG_RSS:g} MB: {lint.cpu:.2f} s CPU ({lint.wall:.2f} s wall), "
                         f"{lint.rss:.0f} MB")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--shapes", default="sample,wide")
    parser.add_argument("--repeat", type=int, default=3, help="best of N (default %(default)s)")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    if not EA.exists():
        raise SystemExit(f"{EA} not found: run `make install` first")
    OUT.mkdir(parents=True, exist_ok=True)
    # Bytecode written first, as an installed `ea` has it: no sample pays for compiling.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "eaframework")],
                   check=True, env={k: v for k, v in os.environ.items()
                                    if k != "PYTHONDONTWRITEBYTECODE"})
    rows = [measure(shape, size, max(1, args.repeat)) for shape in shapes for size in sizes]
    report = (f"## Whole processes\n\nbest of {args.repeat} (render: 1); {os.cpu_count()} "
              f"CPUs; Python {sys.version.split()[0]}; {time.strftime('%Y-%m-%d %H:%M')}\n\n"
              f"{table(rows)}\n\n### Targets\n\n{targets(rows)}\n")
    print(report)
    (OUT / "results-process.md").write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
