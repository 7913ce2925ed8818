"""The baseline of `bench_process.py`: a bare yaml-rs parse of a model's files in a
process of its own (interpreter start, reads, decoding and parsing; nothing of
eaframework), with the options the loader uses.

    .venv/bin/python bench/parse_files.py DIR
"""

import sys
from pathlib import Path

import yaml_rs

for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml_rs.loads(path.read_bytes().decode("utf-8-sig"), parse_datetime=False)
