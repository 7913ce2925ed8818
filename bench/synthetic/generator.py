"""The generator: counts per kind, the plan of who owns, supports and stores what, and the
files, written through the model writer (`eaframework.modelfile.write`)."""

from __future__ import annotations

import math
import random
from types import SimpleNamespace

from eaframework.model.fileformat import API_VERSION
from eaframework.modelfile.write import dump_document

from .words import (
    ANCHOR_YEAR, AREAS, CHANNEL_TYPES, DATA_WORDS, DIVISIONS, EXTERNAL, FIRST, FOLDERS, GAP, LAST,
    PRINCIPLES, SENTENCES, SHARES, STAKEHOLDERS, TECH_SERVICES, TOPICS, slug,
)

DEFAULT_CHUNK = 500


class Element:
    """One element's data, built by `add` calls (empty values are left out)."""

    __slots__ = ("kind", "id", "data")

    def __init__(self, kind: str, element_id: str, name: str, en: str | None = None) -> None:
        self.kind = kind
        self.id = element_id
        self.data = {"kind": kind, "id": element_id,
                     "name": {"fi": name, "en": en} if en else name}

    def add(self, key: str, value) -> None:
        if value is None or value == () or value == [] or value == {}:
            return
        self.data[key] = value


def _counts(total: int) -> dict[str, int]:
    counts = {kind: max(2, round(total * share)) for kind, share in SHARES.items()}
    counts["stakeholder"] = len(STAKEHOLDERS)
    counts["location"] = max(2, min(12, total // 2000))
    counts["principle"] = len(PRINCIPLES)
    counts["technology-service"] = max(len(TECH_SERVICES), counts["technology-service"])
    counts["organisation-unit"] = max(len(DIVISIONS) + 2, counts["organisation-unit"])
    counts["impact-assessment"] = counts["development-project"]
    # give the difference to persons, so the total is close to `total`
    counts["person"] = max(2, counts["person"] + total - len(EXTERNAL) - sum(counts.values()))
    return counts



class Generator:
    def __init__(self, total: int, seed: int, gap_every: int = GAP) -> None:
        self.rng = random.Random(seed)
        self.gap_every = gap_every
        self.counts = _counts(total)
        self.elements: list[Element] = []
        self.relations: list[tuple[str, str, str]] = []

    # -- helpers ----------------------------------------------------------------------
    def pick(self, ids: list[str], near: int | None = None) -> str:
        """A random id; with `near` (a position scaled to the number of processes), one
        from that neighbourhood, so that linked elements tend to share an area of work."""
        spread = max(3, len(ids) // len(TOPICS))
        if near is None or len(ids) <= spread:
            return ids[self.rng.randrange(len(ids))]
        centre = near * len(ids) // max(1, self._scale)
        low = max(0, min(len(ids) - spread, centre - spread // 2))
        return ids[low + self.rng.randrange(spread)]

    def sample(self, ids: list[str], k: int, near: int | None = None) -> list[str]:
        found: list[str] = []
        for _ in range(k * 2):
            if len(found) == k:
                break
            candidate = self.pick(ids, near)
            if candidate not in found:
                found.append(candidate)
        return found

    def maybe(self, p: float) -> bool:
        return self.rng.random() < p

    def topic(self, i: int, kind: str) -> tuple[str, str, str]:
        """The area of work of the i-th element of a kind: neighbours share it, so that
        `pick(..., near)` tends to link elements of one area."""
        return TOPICS[i * len(TOPICS) // max(1, self.counts[kind])]

    def new(self, kind: str, element_id: str, name: str, en: str | None = None) -> Element:
        element = Element(kind, element_id, name, en if self.maybe(0.35) else None)
        self.elements.append(element)
        return element

    def gap(self) -> bool:
        return self.rng.randrange(self.gap_every) == 0

    def recent(self) -> str:
        """A date within the last two years before the anchor."""
        return f"{ANCHOR_YEAR - self.rng.randrange(1, 3)}-{self.rng.randrange(1, 13):02d}-15"

    def describe(self, element: Element, p: float = 0.4) -> None:
        if self.maybe(p):
            element.add("description", self.rng.choice(SENTENCES))

    # -- the model --------------------------------------------------------------------
    def build(self) -> None:
        from . import information, operations, technology

        plan = self.plan()
        operations.build(self, plan)
        information.build(self, plan)
        technology.build(self, plan)

    def plan(self) -> SimpleNamespace:
        """The ids of every kind, and who owns, supports, stores and adds what."""
        c = self.counts
        self._scale = c["process"]
        rng = self.rng
        pick, sample, maybe = self.pick, self.sample, self.maybe

        def ids(prefix: str, kind: str, label=lambda i: "") -> list[str]:
            return [f"{prefix}-{slug(label(i)) + '-' if label(i) else ''}{i + 1:05d}"
                    for i in range(c[kind])]

        def topic_of(kind: str):
            return lambda i: self.topic(i, kind)[0]

        units = ids("ou", "organisation-unit", topic_of("organisation-unit"))
        units[: len(DIVISIONS) + 1] = ["ou-kaupunki"] + [f"ou-{slug(fi)}" for fi, _ in DIVISIONS]
        units = units[: c["organisation-unit"]]
        internal = units[1:]
        externals = [f"ou-{slug(name)}" for name, _ in EXTERNAL]
        roles = ids("rooli", "role", lambda i: "paakayttaja" if i % 2 else "vastuuhenkilo")
        first_last = [(rng.choice(FIRST), rng.choice(LAST)) for _ in range(c["person"])]
        persons = [f"hlo-{slug(f)}-{slug(s)}-{i + 1:05d}" for i, (f, s) in enumerate(first_last)]
        stakeholders = [f"sr-{slug(name)}" for name, _ in STAKEHOLDERS]
        services = ids("pal", "service", topic_of("service"))
        channels = ids("kan", "channel", lambda i: CHANNEL_TYPES[i % len(CHANNEL_TYPES)])
        processes = ids("pro", "process", topic_of("process"))
        task_classes = [f"tl-{i // 100:02d}-{i % 100:02d}" for i in range(c["task-class"])]
        resources = ids("tv", "information-resource", topic_of("information-resource"))
        groups = ids("tr", "data-group", lambda i: DATA_WORDS[i % len(DATA_WORDS)])
        datasets = ids("ta", "dataset", topic_of("dataset"))
        systems = ids("tj", "information-system", topic_of("information-system"))
        interfaces = ids("rp", "interface", topic_of("interface"))
        integrations = ids("int", "integration")
        platforms = ids("alusta", "platform")
        tech = ids("ts", "technology-service", lambda i: TECH_SERVICES[i % len(TECH_SERVICES)][0])
        networks = ids("verkko", "network")
        locations = ids("sijainti", "location", lambda i: AREAS[i % len(AREAS)])
        projects = ids("hanke", "development-project")
        assessments = [f"mva-{i + 1:05d}" for i in range(len(projects))]
        identification, messaging, bus = tech[0], tech[1], tech[4]  # see TECH_SERVICES
        web_channels = [cid for i, cid in enumerate(channels) if CHANNEL_TYPES[i % 7] == "web"]
        position = {pid: i for i, pid in enumerate(processes)}

        # -- the plan: who owns, supports, stores and adds what ----------------------------
        def near(i: int, n: int) -> int:  # position i of n, scaled to the processes
            return i * self._scale // max(1, n)

        process_owner = [pick(internal, i) for i in range(len(processes))]
        service_owner = [pick(internal, near(i, len(services))) for i in range(len(services))]
        has_parts = [i % 8 == 0 and i + 1 < len(processes) for i in range(len(processes))]
        supports = [sample(processes, 1 + maybe(0.25), near(i, len(systems)))
                    for i in range(len(systems))]
        supported = {pid for chosen in supports for pid in chosen}
        phase = ["planned" if i % 12 == 5 else "phasing-out" if i % 25 == 7 else
                 "in-production" if maybe(0.6) else None for i in range(len(systems))]
        sourcing = ["saas" if phase[i] == "planned" else
                    rng.choice(["saas", "procured", "procured", "custom", "shared"])
                    for i in range(len(systems))]
        stores: list[list[str]] = [[] for _ in systems]  # each resource in exactly one system
        for j, rid in enumerate(resources):
            stores[j * len(systems) // len(resources)].append(rid)
        exposes: list[list[str]] = [[] for _ in systems]
        openness: dict[str, str] = {}
        free = iter(interfaces)
        for i in range(len(systems)):  # bought systems need an open interface (EA306)
            if sourcing[i] in ("saas", "procured"):
                iid = next(free, None)
                if iid is None:
                    sourcing[i] = "shared"
                    continue
                exposes[i].append(iid)
                openness[iid] = rng.choice(["open", "buyer-controlled"])
        for k, iid in enumerate(free):
            exposes[k * 7 % len(systems)].append(iid)
            openness[iid] = rng.choice(["open", "buyer-controlled", "closed"])
        planned = [sid for i, sid in enumerate(systems) if phase[i] == "planned"]
        in_use = [sid for i, sid in enumerate(systems) if phase[i] != "planned"] or systems
        adds: list[list[str]] = [[] for _ in projects]
        for k, sid in enumerate(planned):
            adds[k % len(projects)].append(sid)
        masters: dict[int, list[str]] = {}  # resource index -> core groups it masters
        master_of: dict[str, str] = {}
        for i, gid in enumerate(groups):
            if i % 10 == 0:
                r = resources.index(pick(resources, near(i, len(groups))))
                masters.setdefault(r, []).append(gid)
                master_of[gid] = resources[r]

        return SimpleNamespace(
            adds=adds, assessments=assessments, bus=bus, channels=channels, datasets=datasets,
            exposes=exposes, externals=externals, first_last=first_last, groups=groups,
            has_parts=has_parts, identification=identification, in_use=in_use,
            integrations=integrations, interfaces=interfaces, internal=internal,
            locations=locations, master_of=master_of, masters=masters, messaging=messaging,
            near=near, networks=networks, openness=openness, persons=persons, phase=phase,
            platforms=platforms, position=position, process_owner=process_owner,
            processes=processes, projects=projects, resources=resources, roles=roles,
            service_owner=service_owner, services=services, sourcing=sourcing,
            stakeholders=stakeholders, stores=stores, supported=supported, supports=supports,
            systems=systems, task_classes=task_classes, tech=tech, units=units,
            web_channels=web_channels)

    # -- files --------------------------------------------------------------------------
    def files(self, chunk: int) -> dict[str, str]:
        by_folder: dict[str, list[Element]] = {}
        for element in self.elements:
            by_folder.setdefault(FOLDERS[element.kind], []).append(element)
        out: dict[str, str] = {}
        metadata = {
            "organisation": "Esimerkkilän kaupunki", "business-id": "0123456-7",
            "approved-by": "Kaupunginhallitus", "approved-on": f"{ANCHOR_YEAR - 1}-05-13",
            "last-reviewed": f"{ANCHOR_YEAR}-09-01", "version": "1.0",
        }
        for folder, elements in by_folder.items():
            parts = max(1, math.ceil(len(elements) / chunk))
            size = math.ceil(len(elements) / parts)
            for part in range(parts):
                document: dict = {"apiVersion": API_VERSION}
                first = folder == "periaatteet" and part == 0
                if first:
                    document["metadata"] = metadata
                document["elements"] = [e.data for e in elements[part * size:(part + 1) * size]]
                if first and self.relations:
                    document["relations"] = [{"type": t, "source": s, "target": g}
                                             for t, s, g in self.relations]
                out[f"{folder}/{folder}-{part + 1:03d}.yaml"] = dump_document(document)
        return out
