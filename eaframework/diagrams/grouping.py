"""Grouping puts the nodes of a view into clusters. The containment groupings (owner,
parent, platform) nest clusters along the unit, process or platform hierarchy; an element
of the view that contains others becomes a cluster rather than a node.
"""

from __future__ import annotations

from ..model import Model
from ..model.base import ElementBase
from . import words
from .computed import Cluster, Node
from .drawing import tooltip
from .viewdef import CONTAINMENT, ViewDefinition


class Grouping:
    """Cluster paths: a tuple of steps from the outermost cluster in. A step is
    ("element", id) for a cluster that is an element (a unit, a process, a platform),
    ("group", key, label) for a cluster of a kind, category or viewpoint, or
    ("no-owner",) for the elements nobody owns."""

    def __init__(self, model: Model, view: ViewDefinition, lang: str,
                 gather_external: bool = False) -> None:
        self.model, self.view, self.lang = model, view, lang
        self.gather_external = gather_external
        self.cluster_ids: dict[tuple, str] = {}
        self.element_clusters: dict[str, str] = {}  # element id -> its cluster id

    def path(self, element: ElementBase) -> tuple:
        levels = self.view.groupings(element.kind)
        containment = levels[-1] if levels[-1] in CONTAINMENT else None
        simple = levels[:-1] if containment else levels
        chain: list[tuple] = []
        subject = element
        if containment:
            chain = self.chain(element, containment)
            if containment in ("parent", "platform") and chain:
                subject = self.model.elements[chain[0][1]]
        steps = [step for level in simple if (step := self.simple(subject, level))]
        return tuple(steps + chain)

    def simple(self, element: ElementBase, level: str) -> tuple | None:
        lang = self.lang
        if level == "kind":
            if element.kind == "data-group" and getattr(element, "core", False):
                return ("group", "kind-core-data", words.phrase("core-data", lang))
            return ("group", f"kind-{element.kind}", words.kind_name(element.kind, lang, True))
        if level == "viewpoint":
            return ("group", f"viewpoint-{element.viewpoint.value}",
                    words.word(words.VIEWPOINTS, element.viewpoint.value, lang))
        if level == "category" and element.kind == "process":
            category = element.category.value if element.category else ""
            order = {"core": 1, "steering": 2, "support": 3}.get(category, 9)
            return ("group", f"category-{order}-{category or 'none'}",
                    words.word(words.CATEGORIES, category, lang))
        return None

    def chain(self, element: ElementBase, containment: str) -> list[tuple]:
        model = self.model
        if containment == "division":
            return self.chain(element, "owner")[:1]
        if containment == "owner":
            # A unit sits where the things it owns would: inside the units above it.
            unit = element if element.kind == "organisation-unit" else model.owner_of(element)
            if unit is None:
                return [("no-owner",)] if "owner" in type(element).model_fields else []
            units = list(reversed(model.ancestors(unit))) + [unit]
            # The organisation itself is left out when there is something below it: its
            # divisions are the top-level clusters.
            if len(units) > 1 and not model.targets(units[0], "part-of") and not getattr(
                units[0], "external", False
            ):
                units = units[1:]
            top = units[0]
            if unit is element:
                units = units[:-1]
            chain = [("element", u.id) for u in units]
            if self.gather_external and getattr(top, "external", False):
                # Vendors and other authorities together, apart from the organisation's own.
                chain.insert(0, ("group", "external", words.phrase("external", self.lang)))
            return chain
        relation = CONTAINMENT[containment]
        parents: list[str] = []
        seen = {element.id}
        current = element
        while True:
            targets = model.targets(current, relation)
            if not targets or targets[0].id in seen:
                break
            current = targets[0]
            seen.add(current.id)
            parents.append(current.id)
        return [("element", p) for p in reversed(parents)]

    def clusters(self, paths: dict[str, tuple], by_element: dict) -> list[Cluster]:
        """One cluster per distinct path prefix; element clusters keep the element's id."""
        prefixes: set[tuple] = set()
        for path in paths.values():
            for depth in range(1, len(path) + 1):
                prefixes.add(path[:depth])
        uses: dict[str, set[tuple]] = {}
        for prefix in prefixes:
            if prefix[-1][0] == "element":
                uses.setdefault(prefix[-1][1], set()).add(prefix)
        for prefix in sorted(prefixes, key=len):
            step = prefix[-1]
            parent = self.cluster_ids.get(prefix[:-1])
            if step[0] == "element" and len(uses[step[1]]) == 1:
                cluster_id = step[1]
                self.element_clusters[step[1]] = cluster_id
            elif step[0] == "element":
                cluster_id = f"{parent}--{step[1]}"
            elif step[0] == "no-owner":
                cluster_id = "group-no-owner" if parent is None else f"{parent}--no-owner"
            else:
                cluster_id = f"group-{step[1]}" if parent is None else f"{parent}--{step[1]}"
            self.cluster_ids[prefix] = cluster_id
        found = []
        for prefix, cluster_id in self.cluster_ids.items():
            step = prefix[-1]
            parent = self.cluster_ids.get(prefix[:-1])
            if step[0] == "element":
                element = self.model.elements[step[1]]
                found.append(Cluster(
                    id=cluster_id,
                    label=element.name.get(self.lang),
                    parent=parent,
                    kind=element.kind,
                    role="element",
                    external=bool(getattr(element, "external", False)),
                    tooltip=tooltip(element, self.lang, by_element.get(element.id, ())),
                    findings=tuple(by_element.get(element.id, ())),
                ))
            elif step[0] == "no-owner":
                found.append(Cluster(cluster_id, words.phrase("no-owner", self.lang), parent,
                                     role="no-owner",
                                     tooltip=words.phrase("no-owner", self.lang)))
            else:
                role = "other" if step[1] in ("other", "external") else "group"
                found.append(Cluster(cluster_id, step[2], parent, role=role, tooltip=step[2]))
        return found


def anchors(nodes: tuple[Node, ...], clusters: list[Cluster]) -> dict[str, str]:
    """A node inside each cluster (the first by id, searching nested clusters), for
    compound edges that end at the cluster."""
    parent = {c.id: c.parent for c in clusters}
    anchors: dict[str, str] = {}
    for node in nodes:  # sorted by id, so the first node found wins
        cluster = node.cluster
        while cluster is not None:
            anchors.setdefault(cluster, node.id)
            cluster = parent.get(cluster)
    return anchors

