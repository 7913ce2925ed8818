"""The assembled model: elements by id, typed relations, and the queries rules and
renderers need. Indexes are built once, so every query is a dictionary lookup."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from .base import ElementBase
from .elements import KINDS, Metadata
from .relations import Relation

if TYPE_CHECKING:
    import networkx

E = TypeVar("E", bound=ElementBase)


class Model:
    """Elements and relations of one architecture model.

    Relations hold only resolvable, allowed links: the loader reports the rest.
    """

    def __init__(
        self,
        elements: Iterable[ElementBase],
        relations: Iterable[Relation] = (),
        metadata: Metadata | None = None,
    ) -> None:
        self.elements: dict[str, ElementBase] = {}
        keep = self.elements.setdefault
        for element in elements:
            keep(element.id, element)
        self.relations: tuple[Relation, ...] = tuple(relations)
        self.metadata = metadata
        self._by_kind: dict[str, list[ElementBase]] = defaultdict(list)
        by_kind = self._by_kind
        for element in self.elements.values():
            by_kind[element.kind].append(element)
        self._out: dict[str, list[Relation]] = defaultdict(list)
        self._in: dict[str, list[Relation]] = defaultdict(list)
        out, into = self._out, self._in
        self._owners: dict[str, ElementBase] | None = None  # see owner_of
        for relation in self.relations:
            out[relation.source].append(relation)
            into[relation.target].append(relation)

    # -- elements ---------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.elements)

    def __contains__(self, element_id: object) -> bool:
        return element_id in self.elements

    def __iter__(self) -> Iterator[ElementBase]:
        return iter(self.elements.values())

    def get(self, element_id: str) -> ElementBase | None:
        return self.elements.get(element_id)

    def of_kind(self, *kinds: str | type[E]) -> list[E]:
        """Elements of the given kinds (by name or class), in file order."""
        found: list = []
        for kind in kinds:
            name = kind if isinstance(kind, str) else _kind_name(kind)
            found.extend(self._by_kind.get(name, ()))
        return found

    # -- relations --------------------------------------------------------------------
    def outgoing(self, element: ElementBase | str, relation: str | None = None) -> list[Relation]:
        rels = self._out.get(_id(element), [])
        return rels if relation is None else [r for r in rels if r.type == relation]

    def incoming(self, element: ElementBase | str, relation: str | None = None) -> list[Relation]:
        rels = self._in.get(_id(element), [])
        return rels if relation is None else [r for r in rels if r.type == relation]

    # targets() and sources() are what rules ask most (hundreds of thousands of times on a
    # large model): one loop each, without the layers of outgoing().
    def targets(
        self, element: ElementBase | str, relation: str, kind: str | type[E] | None = None
    ) -> list[E]:
        """Elements this one points at with `relation`, optionally of one kind."""
        rels = self._out.get(element if isinstance(element, str) else element.id)
        name = None if kind is None else kind if isinstance(kind, str) else _kind_name(kind)
        if not rels:
            return []
        get = self.elements.get
        found = []
        for r in rels:
            if r.type == relation:
                end = get(r.target)
                if end is not None and (name is None or end.kind == name):
                    found.append(end)
        return found

    def sources(
        self, element: ElementBase | str, relation: str, kind: str | type[E] | None = None
    ) -> list[E]:
        """Elements pointing at this one with `relation` (the computed reverse direction)."""
        rels = self._in.get(element if isinstance(element, str) else element.id)
        name = None if kind is None else kind if isinstance(kind, str) else _kind_name(kind)
        if not rels:
            return []
        get = self.elements.get
        found = []
        for r in rels:
            if r.type == relation:
                end = get(r.source)
                if end is not None and (name is None or end.kind == name):
                    found.append(end)
        return found

    def owner_of(self, element: ElementBase | str) -> ElementBase | None:
        """The first element this one is owned-by. Rules ask it of most elements, several
        times each: all owners are found in one pass over the relations, when first asked."""
        owners = self._owners
        if owners is None:
            owners = self._owners = {}
            get = self.elements.get
            for r in self.relations:
                if r.type == "owned-by" and r.source not in owners:
                    end = get(r.target)
                    if end is not None:
                        owners[r.source] = end
        return owners.get(element if isinstance(element, str) else element.id)

    def is_internal(self, element: ElementBase | str) -> bool:
        """The organisation's own: not owned by another authority or a vendor."""
        owner = self.owner_of(element)
        return owner is None or not getattr(owner, "external", False)

    def is_external(self, element: ElementBase | str) -> bool:
        return not self.is_internal(element)

    def uses_information(self, process: ElementBase | str) -> bool:
        """Whether a process, or a part of it, uses an information system, resource or
        dataset, or is supported by a system (what JHS 179 expects of a described process)."""
        seen: set[str] = set()
        todo = [_id(process)]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            if any(r.type == "uses" and self._kind_of(r.target) in _INFORMATION_KINDS
                   for r in self._out.get(current, ())):
                return True
            if self.sources(current, "supports", "information-system"):
                return True
            todo.extend(p.id for p in self.sources(current, "part-of", "process"))
        return False

    def systems_storing(self, resource: ElementBase | str) -> list[ElementBase]:
        """Information systems that store a resource, directly or through one of its
        datasets (retired ones included: callers ask `is_live` where it matters)."""
        holders = [_id(resource), *(d.id for d in self.sources(resource, "part-of", "dataset"))]
        found = {s.id: s for h in holders for s in self.sources(h, "stores", "information-system")}
        return list(found.values())

    def covered_by_datasets(self, resource: ElementBase | str, field: str) -> bool:
        """Whether a resource's value of `field` (retention, archiving) is given dataset by
        dataset: it has datasets, and every one has the value."""
        datasets = self.sources(resource, "part-of", "dataset")
        return bool(datasets) and all(getattr(d, field, None) is not None for d in datasets)

    def _kind_of(self, element_id: str) -> str | None:
        element = self.elements.get(element_id)
        return None if element is None else element.kind

    def ancestors(self, element: ElementBase | str, relation: str = "part-of") -> list[ElementBase]:
        """Parents, grandparents ... along `relation`, stopping at a cycle."""
        chain: list[ElementBase] = []
        seen = {_id(element)}
        current = self.targets(element, relation)
        while current:
            parent = current[0]
            if parent.id in seen:
                break
            seen.add(parent.id)
            chain.append(parent)
            current = self.targets(parent, relation)
        return chain

    # -- graph ------------------------------------------------------------------------
    def graph(self) -> networkx.MultiDiGraph:
        """The model as a networkx multigraph: nodes are ids (with `element`), edges typed.

        For one's own analyses in Python (`pip install eaframework[graph]`): no command
        uses it, because the walks they need (impact, part-of cycles, neighbourhoods) are
        faster on the model's adjacency lists than the import of networkx alone (see
        changes/impact.py and loader/resolve.py for the numbers)."""
        try:
            import networkx
        except ImportError:
            raise ImportError(
                "Model.graph() needs networkx: pip install 'eaframework[graph]'"
            ) from None

        g = networkx.MultiDiGraph()
        for element in self.elements.values():
            g.add_node(element.id, element=element, kind=element.kind)
        for relation in self.relations:
            g.add_edge(relation.source, relation.target, key=relation.type, relation=relation)
        return g


_INFORMATION_KINDS = frozenset({"information-system", "information-resource", "dataset"})


def _id(element: ElementBase | str) -> str:
    return element if isinstance(element, str) else element.id


_KIND_NAMES: dict[type, str] = {}  # class -> kind, filled from KINDS as classes are asked


def _kind_name(cls: type) -> str:
    name = _KIND_NAMES.get(cls)
    if name is not None and KINDS.get(name) is cls:
        return name
    for name, known in KINDS.items():
        if known is cls:
            _KIND_NAMES[cls] = name
            return name
    raise KeyError(f"{cls.__name__} is not an element kind")
