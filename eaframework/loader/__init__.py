"""Model files to a `Model`, with every problem located: see `assemble.load_model`.

Reads files (`source`, `positions`), validates them against the model layer and resolves
references (`assemble`, `resolve`), refuses models over the size `limits`, and words
what is wrong (`messages`, `pydantic_errors`). Imports only the model layer,
`diagnostics` and `files`.
"""

from .assemble import LoadResult, SourceMap, load_model, load_texts
from .limits import Limits
from .messages import LOADER_CODES

__all__ = ["LOADER_CODES", "Limits", "LoadResult", "SourceMap", "load_model", "load_texts"]
