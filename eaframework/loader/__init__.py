"""Model files to a `Model`, with every problem located: see `assemble.load_model`."""

from .assemble import LoadResult, SourceMap, load_model, load_texts

__all__ = ["LoadResult", "SourceMap", "load_model", "load_texts"]
