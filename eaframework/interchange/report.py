"""What an import made of the file: for each ArchiMate type, which kind or relation it
became and how that was decided, and what could not be carried over."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..diagnostics import printable


@dataclass
class MappingReport:
    """What an import made of each ArchiMate type, and what it could not carry over."""

    source: str
    elements: Counter = field(default_factory=Counter)  # (type, kind, how) -> n
    relationships: Counter = field(default_factory=Counter)  # (type, relation, how) -> n
    in_fields: int = 0  # relationships that became reference fields (owner: ...)
    listed: int = 0  # ... and entries of `relations:`
    restored_fields: int = 0  # `ea:` properties that became fields again
    properties: int = 0  # properties kept as properties
    finnish_from: Counter = field(default_factory=Counter)  # language -> texts copied to fi
    dropped_ids: int = 0  # identifiers of relationships that became reference fields
    notes: list[str] = field(default_factory=list)
    not_kept: dict[str, int] = field(default_factory=dict)  # by design (views, folders)
    lost: list[str] = field(default_factory=list)  # dropped content: the import exits 1

    def note(self, text: str) -> None:
        if text not in self.notes:  # an import may read the relationships twice
            self.notes.append(text)

    def lose(self, text: str) -> None:
        """Something of the file that is not in the model: `what id (why)`."""
        if text not in self.lost:
            self.lost.append(text)

    def render(self) -> str:
        lines = [f"mapping report ({self.source})"]
        total = sum(self.elements.values())
        hows = Counter()
        for (_, _, how), n in self.elements.items():
            hows[how] += n
        lines.append(f"elements: {total}" + _hows(hows))
        for (archimate_type, kind, how), n in sorted(self.elements.items()):
            lines.append(f"  {archimate_type:<24} -> {kind:<22} {n:>6}  {how}")
        total = sum(self.relationships.values())
        hows = Counter()
        for (_, _, how), n in self.relationships.items():
            hows[how] += n
        lines.append(f"relationships: {total}" + _hows(hows)
                     + f"; {self.in_fields} as reference fields, {self.listed} in relations:")
        for (archimate_type, relation, how), n in sorted(self.relationships.items()):
            lines.append(f"  {archimate_type:<24} -> {relation:<22} {n:>6}  {how}")
        lines.append(f"properties: {self.restored_fields} restored as fields, "
                     f"{self.properties} kept as properties")
        if self.finnish_from:
            origins = ", ".join(f"{n} from {'untagged text' if lang == 'untagged' else lang}"
                                for lang, n in sorted(self.finnish_from.items()))
            lines.append(f"names and documentation without Finnish: the Finnish text is a "
                         f"copy ({origins})")
        for text in self.notes:
            lines.append(f"note: {text}")
        if self.dropped_ids:
            lines.append(f"identifiers: {self.dropped_ids} relationships became reference "
                         "fields, which hold no identifier; export derives theirs")
        if self.not_kept:
            lines.append("not kept: " + ", ".join(
                f"{n} {what}" for what, n in sorted(self.not_kept.items())))
        lines += [f"not imported: {text}" for text in self.lost]
        return "\n".join(printable(line) for line in lines) + "\n"


def _hows(hows: Counter) -> str:
    return " (" + ", ".join(f"{n} {how}" for how, n in sorted(hows.items())) + ")" if hows else ""
