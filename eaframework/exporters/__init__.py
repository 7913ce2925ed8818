"""Exporters: turn a model or lint results into another format. Each returns text or
bytes; only the CLI writes files.

- `sarif`: SARIF 2.1.0 of a lint report (`sarif.to_sarif(report)`), for GitHub code
  scanning and other SARIF viewers.

Modules are imported on use, so that `ea` starts fast.
"""

from __future__ import annotations

__all__ = ["sarif"]
