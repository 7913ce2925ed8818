"""Synthetic municipality models of any size, for benchmarks and tests (not part of the
installed package).

`municipality(10_000)` returns {relative file name: YAML text} of a valid model shaped
like a Finnish municipality's: an organisation hierarchy with persons, services with
channels, processes (part of larger ones) realising services and using systems,
information resources holding data groups, information systems with owners, responsible
persons, cost allocation, interfaces and the integrations between them, platforms and
technology services, principles and development projects with impact assessments. About
two relations per element. Files are split by viewpoint into chunks (about 500 elements
each) in one subfolder per viewpoint.

The model loads with no diagnostics, and it is written to satisfy the rule catalogue,
apart from a deliberate gap in about one of every GAP elements of some kinds (a missing
risk assessment, purpose, yearly volume or user involvement): `ea lint` reports a few
dozen findings per 10,000 elements, as for a well-kept real model.

The same size and seed always give the same text, written by the model writer in the
canonical form (`ea fmt --check` passes on it).

- words: the vocabulary, shares of each kind, and how ids are made
- generator: the counts, the plan of who owns and uses what, and the files
- operations, information, technology: the elements of each viewpoint

Tests import it from the repository root (`from bench.synthetic import municipality`);
the bench scripts put the root on sys.path. From the root:

    python -m bench.synthetic 10000 out/kunta   # writes the files below out/kunta
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from .generator import DEFAULT_CHUNK, Generator


def municipality(elements: int, seed: int = 0, files: int | None = None) -> dict[str, str]:
    """{relative file name: YAML text} of a valid municipality model of about `elements`
    elements, split by viewpoint into files of about 500 elements (or into about `files`
    files). Deterministic for a seed."""
    generator = Generator(max(40, elements), seed)
    generator.build()
    chunk = DEFAULT_CHUNK if not files else max(1, math.ceil(len(generator.elements) / files))
    return generator.files(chunk)


def write(files: dict[str, str], directory: Path) -> None:
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (2, 3) or not args[0].isdigit():
        print("usage: python -m bench.synthetic ELEMENTS OUTDIR [SEED]", file=sys.stderr)
        return 2
    files = municipality(int(args[0]), seed=int(args[2]) if len(args) == 3 else 0)
    write(files, Path(args[1]))
    total = sum(len(t.encode()) for t in files.values())
    print(f"wrote {len(files)} files, {total / 1e6:.1f} MB to {args[1]}", file=sys.stderr)
    return 0
