"""Benchmark of `ea diff` on synthetic municipality models, the old side read from git.

    .venv/bin/python bench/bench_changes.py [--sizes 1000,10000] [--repeat 3]

For each size it commits a generated model to a temporary git repository, changes a few
percent of the elements in the working tree (names, costs, new elements) and measures,
best of --repeat:

- `ea diff HEAD <folder>` in a fresh process, lint comparison included (the target: a
  few seconds at 10,000 elements);
- the same with --no-lint;
- reading the HEAD side from git (rev-parse, ls-tree, one cat-file --batch) in-process.

`bench_changes(sizes)` returns one row (a dict) per size for `make bench`.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
EA = BIN / "ea"
TARGET_SECONDS = 5.0  # "a few seconds" for 10,000 elements
CHANGED_SHARE = 0.03

sys.path.insert(0, str(ROOT))  # the working tree, even if the venv holds another copy

_GIT_ENV = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
            "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid",
            "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env={**os.environ, **_GIT_ENV}, check=True,
                   capture_output=True)


def change(texts: dict[str, str], share: float = CHANGED_SHARE) -> tuple[dict[str, str], int]:
    """The texts with about `share` of the elements changed: every n-th element renamed,
    every fifth annual cost raised, and one new stakeholder per 200 elements, in a new
    file. Returns the texts and the number of elements changed or added."""
    every = max(1, round(1 / share))
    changed = 0
    out = {}
    counter = {"name": 0, "cost": 0}

    def rename(match: re.Match) -> str:
        nonlocal changed
        counter["name"] += 1
        if counter["name"] % every:
            return match.group(0)
        changed += 1
        return f"{match.group(1)}{match.group(2)} (uudistettu)"

    def cost(match: re.Match) -> str:
        nonlocal changed
        counter["cost"] += 1
        if counter["cost"] % 5:
            return match.group(0)
        changed += 1
        return f"{match.group(1)}{int(match.group(2)) + 1000}"

    for name, text in texts.items():
        text = re.sub(r"(?m)^(    name: )([^\"'{\[\s].*)$", rename, text)
        text = re.sub(r"(?m)^(    annual-cost: )(\d+)$", cost, text)
        out[name] = text
    added = max(1, sum(t.count("\n  - kind: ") for t in texts.values()) // 200)
    out["lisatyt.yaml"] = "apiVersion: eaframework/v1\nelements:\n" + "".join(
        f"  - kind: stakeholder\n    id: sh-bench-{i:05d}\n    name: Uusi sidosryhmä {i}\n"
        for i in range(added))
    return out, changed + added


def _write(folder: Path, texts: dict[str, str]) -> None:
    for name, text in texts.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0 or "Traceback" in proc.stderr:
        raise RuntimeError(f"{' '.join(args)} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    return elapsed


def bench_changes(sizes: list[int], repeat: int = 3, seed: int = 0) -> list[dict]:
    """One row per size: elements, elements changed, and the best times in seconds."""
    from eaframework.changes.revisions import read_side
    from bench.synthetic import municipality

    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="ea-bench-diff-") as tmp:
            repo = Path(tmp)
            texts = municipality(size, seed=seed)
            folder = repo / "models" / "kunta"
            _write(folder, texts)
            (repo / "setup.cfg").write_text("[eaframework]\nmodels = models/kunta\n")
            _git(repo, "-c", "init.defaultBranch=main", "init", "-q")
            _git(repo, "add", "-A")
            _git(repo, "commit", "-q", "-m", "model")
            new, changed = change(texts)
            _write(folder, new)
            diff = [str(EA), "diff", "HEAD", "models/kunta", "--format", "json"]
            row = {
                "size": size,
                "elements": sum(t.count("\n  - kind: ") for t in texts.values()),
                "changed": changed,
                "diff_s": min(_timed(diff, repo) for _ in range(repeat)),
                "diff_no_lint_s": min(_timed(diff + ["--no-lint"], repo) for _ in range(repeat)),
            }
            git_read = []
            for _ in range(repeat):
                start = time.perf_counter()
                read_side("HEAD", "models/kunta", cwd=repo)
                git_read.append(time.perf_counter() - start)
            row["git_read_s"] = min(git_read)
            rows.append(row)
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| elements | changed | ea diff s | ea diff --no-lint s | git read s |",
             "|---:|---:|---:|---:|---:|"]
    lines += [f"| {r['elements']:,} | {r['changed']:,} | {r['diff_s']:.2f} | "
              f"{r['diff_no_lint_s']:.2f} | {r['git_read_s']:.3f} |" for r in rows]
    return "\n".join(lines)


def targets(rows: list[dict]) -> str:
    big = next((r for r in rows if r["size"] == 10_000), None)
    if big is None:
        return "- SKIP ea diff 10k < 5 s: size 10000 not run"
    verdict = "PASS" if big["diff_s"] < TARGET_SECONDS else "FAIL"
    return f"- {verdict} ea diff 10k (old side from git) < {TARGET_SECONDS:.0f} s: " \
           f"{big['diff_s']:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    rows = bench_changes(sizes, max(1, args.repeat))
    print(f"## ea diff benchmark\n\nbest of {args.repeat}\n\n{table(rows)}\n\n"
          f"### Targets\n\n{targets(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
