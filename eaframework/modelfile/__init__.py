"""Model files as text: the one canonical form (`ea fmt`) and the one writer of it.

- shape: the canonical key order of a file, an element and its nested structures
- style: the one YAML emitter configuration (ruamel.yaml): indentation and quoting
- blocks, canonical: `format_text` / `format_files`, which reorder and re-emit a file
  keeping its comments, and refuse rather than change what the loader reads
- write: model (or plain data) to text in that form, for importers, generators and tests;
  scalars: the quoting of common one-line scalars without the emitter; emitted: the
  emitter's text of the rest

It may import the model, the loader's source reader, `files` and `diagnostics`; nothing
here writes files (the CLI does).
"""

from .canonical import FileResult, FormatError, format_files, format_text
from .write import dump_document, dump_file

__all__ = ["FileResult", "FormatError", "dump_document", "dump_file", "format_files",
           "format_text"]
