"""The information viewpoint (information resources, data groups, datasets) and the
information systems viewpoint (systems, interfaces, integrations)."""

from __future__ import annotations

from .words import (
    DATA_WORDS, EXTERNAL, LEGAL_BASES, RESOURCE_WORDS, STANDARDS,
    SYSTEM_WORDS, slug,
)


def build(g, p) -> None:
    maybe, pick, rng, sample = g.maybe, g.pick, g.rng, g.sample
    (bus, datasets, exposes, groups, integrations, interfaces, internal, master_of, masters,
        near, openness, persons, phase, platforms, position, process_owner, resources,
        sourcing, stores, supports, systems, task_classes) = (
        p.bus, p.datasets, p.exposes, p.groups, p.integrations, p.interfaces, p.internal,
        p.master_of, p.masters, p.near, p.openness, p.persons, p.phase, p.platforms,
        p.position, p.process_owner, p.resources, p.sourcing, p.stores, p.supports, p.systems,
        p.task_classes)
    # -- information -------------------------------------------------------------------
    for i, rid in enumerate(resources):
        nom, gen, en = g.topic(i, "information-resource")
        word, word_en = RESOURCE_WORDS[i % len(RESOURCE_WORDS)]
        e = g.new("information-resource", rid, f"{gen.capitalize()} {word}",
                  f"{en.capitalize()} {word_en}")
        at = near(i, len(resources))
        e.add("owner", pick(internal, at))
        if not g.gap():
            e.add("purpose", f"{gen.capitalize()} tehtävien hoitaminen ja seuranta")
        held = masters.get(i, [])
        e.add("data-groups", held + [g for g in sample(groups, 1, at) if g not in held])
        personal = i % 2 == 0
        e.add("personal-data", personal)
        if personal:
            e.add("legal-basis", rng.choice(LEGAL_BASES))
        e.add("retention", rng.choice(["10 v", "50 v", "pysyvä"]))
        e.add("archiving", rng.choice(["permanent", "destroy"]))
        e.add("publicity", rng.choice(["public", "partly-secret", "secret"]))
        e.add("criticality", rng.choice(["low", "medium", "high"]))
        e.add("last-risk-assessment", g.recent())
        g.describe(e, 0.3)
    for i, gid in enumerate(groups):
        word = DATA_WORDS[i % len(DATA_WORDS)]
        nom = g.topic(i, "data-group")[0]
        e = g.new("data-group", gid, f"{nom.capitalize()}: {word}")
        if maybe(0.3):
            e.add("owner", pick(internal))
        if gid in master_of:
            e.add("core", True)
            e.add("master", master_of[gid])
        if word == "henkilötiedot":
            e.add("personal-data", True)
    for i, did in enumerate(datasets):
        nom, gen, en = g.topic(i, "dataset")
        e = g.new("dataset", did, f"{gen.capitalize()} asiakirjat {2000 + i % 25}")
        e.add("resource", pick(resources, near(i, len(datasets))))
        if maybe(0.2):
            e.add("task-class", pick(task_classes))
        e.add("search-keys", ["henkilötunnus", "diaarinumero"] if i % 2 else ["asianumero"])
        e.add("retention", rng.choice(["6 v", "10 v", "pysyvä"]))

    # -- information systems -----------------------------------------------------------
    for i, sid in enumerate(systems):
        nom, gen, en = g.topic(i, "information-system")
        word, word_en = SYSTEM_WORDS[i % len(SYSTEM_WORDS)]
        e = g.new("information-system", sid, f"{gen.capitalize()} {word}",
                  f"{en.capitalize()} {word_en}")
        at = near(i, len(systems))
        owner = process_owner[position[supports[i][0]]]  # EA303: owns what it supports
        e.add("owner", owner)
        e.add("responsible", pick(persons, at))
        e.add("purpose", f"{gen.capitalize()} asioiden käsittely ja tietojen ylläpito")
        e.add("sourcing", sourcing[i])
        if sourcing[i] == "custom":
            e.add("sourcing-justification", "Markkinoilla ei ole tarpeet täyttävää palvelua.")
        if sourcing[i] in ("saas", "procured"):
            e.add("vendor", rng.choice(EXTERNAL[4:])[0])
            e.add("contract", {"reference": f"D/{100 + i}/02.08.00/2024",
                               "data-ownership": "organisation"})
        e.add("criticality", rng.choice(["low", "medium", "high", "critical"]))
        if phase[i] != "planned" and not g.gap():
            e.add("last-risk-assessment", g.recent())
        e.add("annual-cost", rng.randrange(2, 400) * 500)
        other = pick(internal, at)
        e.add("cost-allocation", {owner: 100} if other == owner or maybe(0.5)
              else {owner: 60, other: 40})
        e.add("supports", supports[i])
        e.add("stores", stores[i])
        e.add("exposes", exposes[i])
        if maybe(0.4):
            e.add("runs-on", [pick(platforms)])
        if phase[i] is not None:
            year = rng.randrange(2008, 2025)
            start = f"{year + 3 if phase[i] == 'planned' else year}-{rng.randrange(1, 13):02d}-01"
            lifecycle = {"phase": phase[i], "start": start}
            if phase[i] == "phasing-out":
                lifecycle["end"] = f"{2027 + i % 3}-12-31"
            e.add("lifecycle", lifecycle)
        g.describe(e, 0.5)
    for i, iid in enumerate(interfaces):
        nom, gen, en = g.topic(i, "interface")
        e = g.new("interface", iid, f"{gen.capitalize()} rajapinta {i + 1}",
                  f"{en.capitalize()} API {i + 1}")
        if maybe(0.3):
            e.add("owner", pick(internal))
        style = rng.choice(["rest", "rest", "rest", "soap", "odata"])
        e.add("style", style)
        e.add("openness", openness[iid])
        e.add("documentation", f"https://kehittajat.esimerkkila.fi/{slug(nom)}/{i + 1}")
        if style == "rest":
            e.add("spec-url", f"https://api.esimerkkila.fi/{slug(nom)}/{i + 1}/openapi.json")
        e.add("standards", STANDARDS[style])
        if openness[iid] == "open":  # EA315: the open API criteria
            e.add("self-service", True)
            e.add("test-environment", True)
            e.add("fee", False)
            e.add("lifecycle", {"phase": "in-production",
                                "start": f"{rng.randrange(2015, 2025)}-01-01"})
    for i, iid in enumerate(integrations):
        source = pick(systems)
        target = pick(systems)
        if target == source:
            target = systems[(systems.index(source) + 1) % len(systems)]
        a, b = g.topic(systems.index(source), "information-system"), \
            g.topic(systems.index(target), "information-system")
        e = g.new("integration", iid, f"{a[0].capitalize()} – {b[0]} ({i + 1})",
                  f"{a[2].capitalize()} to {b[2]} ({i + 1})")
        if maybe(0.2):
            e.add("owner", pick(internal))
        e.add("source", source)
        e.add("target", target)
        group = pick(groups)
        e.add("data", [group])
        method = rng.choice(["api", "api", "message", "file", "database"])
        e.add("method", method)
        if method in ("api", "message"):
            e.add("via", bus)  # EA322: through the integration platform
        if group.startswith("tr-henkilotiedot"):
            e.add("personal-data", True)
            e.add("legal-basis", rng.choice(LEGAL_BASES))  # EA319
        e.add("frequency", rng.choice(["reaaliaikainen", "päivittäin", "viikoittain"]))

