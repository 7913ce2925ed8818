"""Every word shown for the metamodel: kinds, relations, lifecycle phases, states,
viewpoints and enum values, in each supported language.

Diagrams, the report, the statutory documents, diff and impact wording and the ArchiMate
folder names all read from here, so a word is changed (or a language added) in one place.
"""

from __future__ import annotations

# The languages every word below exists in. Fixed texts of the outputs (report, §28/§5)
# exist in OUTPUT_LANGUAGES; Swedish joins them with its message catalogue.
LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")
OUTPUT_LANGUAGES: tuple[str, ...] = ("fi", "en")
DEFAULT_LANGUAGE = "fi"
