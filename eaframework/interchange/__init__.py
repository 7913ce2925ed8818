"""Interchange with ArchiMate tools: the Model Exchange File Format (XML) and Archi's CSV
files, both directions. Exporters return content; only the CLI writes files."""

from .exchange import InterchangeError

__all__ = ["InterchangeError"]
