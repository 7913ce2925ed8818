"""The descriptions the Information Management Act (TiHL 906/2019) asks every authority to
keep, generated from the model, in Finnish:

- `asiakirjajulkisuuskuvaus(model)` (module `publicity`): the document publicity
  description (§ 28): the case register and the systems holding service data, who decides
  on information requests and how to reach them, datasets by data group, search keys,
  open interfaces;
- `tiedonhallintamalli(model)` (module `management_model`): a summary of the information
  management model (§ 5): processes, information resources and their links, systems with
  interfaces and transfer methods, retention and archiving, responsibilities (§ 4).

Each returns a `document.Document`; `document.markdown()` and `document.html()` write it.
Pure: no files, no lint run. Imports the model, `..document`, `..texts` and the report's
open-interface definition (`..data.summary.open_interfaces`).

What is published (module `scope`): elements whose publicity is `secret` are left out
entirely, together with every mention of them, and fields that are secret by nature
(security measures, contracts, costs, platforms) are never read. The document says how
many elements were left out. Where the model lacks what the law needs, the document says
"Puuttuu: ..." and names the `ea lint` rule reporting the same gap (table GAPS), so fixing
the finding fixes the document.
"""

from .management_model import tiedonhallintamalli
from .publicity import asiakirjajulkisuuskuvaus
from .scope import GAPS

__all__ = ["GAPS", "asiakirjajulkisuuskuvaus", "tiedonhallintamalli"]
