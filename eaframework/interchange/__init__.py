"""Interchange with ArchiMate tools: the Model Exchange File Format (XML) and Archi's CSV
files, both directions. Exporters return content; only the CLI writes files.

`archimate_types` is the one table between our kinds and relations and ArchiMate's types
(`mapping_doc` prints it as docs/archimate-mapping.md). Export: `encode` builds an
`Exchange` (`exchange`) from a model, written as XML (`archimate_export`) or CSV (`csv`).
Import: the XML (`archimate_import`: streamed by `archimate_stream`, read by
`archimate_reader`) or CSV is read into an `Exchange`, and `decode` (with `drafts` and
`decode_relationships`) turns it into our elements and relations, with a `report` of
what was mapped how. May import the model layer, the loader, `modelfile` (the writer)
and `diagrams` (for the views).
"""

from .exchange import InterchangeError

__all__ = ["InterchangeError"]
