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
    python -m bench.synthetic --shape=wide 10000 out/laaja   # the second shape
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from .generator import DEFAULT_CHUNK, Generator
from .wide import FILE_ELEMENTS, WIDE_GAP, fill_references
from .words import GAP

SHAPES = ("sample", "wide")


def municipality(elements: int, seed: int = 0, files: int | None = None,
                 shape: str = "sample") -> dict[str, str]:
    """{relative file name: YAML text} of a valid municipality model of about `elements`
    elements, split by viewpoint into files of about 500 elements (or into about `files`
    files). Deterministic for a seed and shape.

    shape "sample" is the model described above; "wide" (see `wide`) is the same model
    in files of about 40 elements, every reference field of every kind used, and a gap
    in about one of three elements of some kinds, so that it has many findings."""
    if shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r}; one of {', '.join(SHAPES)}")
    wide = shape == "wide"
    generator = Generator(max(40, elements), seed, gap_every=WIDE_GAP if wide else GAP)
    generator.build()
    if wide:
        fill_references(generator)
    default = FILE_ELEMENTS if wide else DEFAULT_CHUNK
    chunk = default if not files else max(1, math.ceil(len(generator.elements) / files))
    return generator.files(chunk)


def write(files: dict[str, str], directory: Path) -> None:
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    shape = "sample"
    if args and args[0].startswith("--shape="):
        shape = args.pop(0).split("=", 1)[1]
    if len(args) not in (2, 3) or not args[0].isdigit() or shape not in SHAPES:
        print("usage: python -m bench.synthetic [--shape=sample|wide] ELEMENTS OUTDIR [SEED]",
              file=sys.stderr)
        return 2
    files = municipality(int(args[0]), seed=int(args[2]) if len(args) == 3 else 0,
                         shape=shape)
    write(files, Path(args[1]))
    total = sum(len(t.encode()) for t in files.values())
    print(f"wrote {len(files)} files, {total / 1e6:.1f} MB to {args[1]}", file=sys.stderr)
    return 0
