"""The technology viewpoint (platforms, technology services, networks, locations) and
what runs across the viewpoints: principles, development projects, impact assessments."""

from __future__ import annotations

from .words import (
    AREAS, DIVISIONS, PLATFORM_TYPES, PRINCIPLES, TECH_SERVICES, slug,
)


def build(g, p) -> None:
    maybe, pick, rng = g.maybe, g.pick, g.rng
    (adds, assessments, bus, externals, identification, in_use, internal, locations, messaging,
        networks, platforms, projects, services, systems, tech, units) = (
        p.adds, p.assessments, p.bus, p.externals, p.identification, p.in_use, p.internal,
        p.locations, p.messaging, p.networks, p.platforms, p.projects, p.services, p.systems,
        p.tech, p.units)
    # -- technology --------------------------------------------------------------------
    for i, pid in enumerate(platforms):
        ptype = PLATFORM_TYPES[i % len(PLATFORM_TYPES)]
        e = g.new("platform", pid, f"Palvelin {AREAS[i % len(AREAS)]} {i + 1}",
                  f"Server {i + 1}")
        e.add("owner", units[len(DIVISIONS)] if i % 2 else pick(internal))
        e.add("platform-type", ptype)
        if ptype == "cloud":
            e.add("provider", rng.choice(externals[4:]))
        elif i >= 5 and maybe(0.3):
            e.add("runs-on", [platforms[i - i % 5]])
        if ptype != "cloud":
            e.add("location", pick(locations))
        if maybe(0.2):
            e.add("networks", [pick(networks)])
    for i, tid in enumerate(tech):
        name, category, national = TECH_SERVICES[i % len(TECH_SERVICES)]
        e = g.new("technology-service", tid, f"{name} {i // len(TECH_SERVICES) + 1}"
                  if i >= len(TECH_SERVICES) else name)
        e.add("owner", units[len(DIVISIONS)])  # the ICT unit
        e.add("category", category)
        if tid in (identification, messaging, bus):
            e.add("designated", True)  # EA403: exactly one of each
        if national:
            e.add("national", True)
            e.add("provider", externals[0])
        elif maybe(0.5):
            e.add("runs-on", [pick(platforms)])
    for i, nid in enumerate(networks):
        e = g.new("network", nid, f"Verkko {AREAS[i % len(AREAS)]} {i + 1}")
        e.add("owner", units[len(DIVISIONS)])
        e.add("location", pick(locations))
    for i, lid in enumerate(locations):
        e = g.new("location", lid, f"Konesali {AREAS[i % len(AREAS)]}")
        e.add("address", f"Teollisuuskatu {i + 1}, Esimerkkilä")

    # -- across the viewpoints ---------------------------------------------------------
    for i, (code, fi, en, rules) in enumerate(PRINCIPLES):
        e = g.new("principle", f"pr-{code.lower()}-{slug(fi)}", fi, en)
        e.add("owner", units[1])
        e.add("code", code)
        e.add("statement", f"{fi}.")
        e.add("rationale", "Periaate tukee kaupunkistrategian tavoitteita.")
        e.add("implications", "Periaatetta noudatetaan kaikissa hankinnoissa ja hankkeissa.")
        e.add("rules", rules)
        g.relations.append(("influences", e.id, pick(systems)))
    for i, hid in enumerate(projects):
        gen = g.topic(i, "development-project")[1]
        e = g.new("development-project", hid, f"{gen.capitalize()} uudistus")
        e.add("owner", pick(internal))
        e.add("adds", adds[i])
        if maybe(0.5) or not adds[i]:
            e.add("replaces", [pick(in_use)])
        e.add("impact-assessment", assessments[i])  # EA506
        investment = rng.randrange(1, 50) * 10000
        annual = rng.randrange(1, 20) * 1000
        e.add("costs", {"investment": investment, "annual": annual})
        e.add("expected-annual-benefit", annual + rng.randrange(1, 30) * 2000)
    for i, aid in enumerate(assessments):
        e = g.new("impact-assessment", aid, f"Muutosvaikutusten arviointi {i + 1}",
                  f"Impact assessment {i + 1}")
        e.add("assessed-on", f"2025-{1 + i % 12:02d}-15")
        e.add("assessed-by", "Tiedonhallintaryhmä")
        e.add("security", "Arvioitu; ei olennaisia muutoksia.")
        e.add("interoperability", "Rajapinnat säilyvät.")
    for _ in range(max(1, len(services) // 50)):
        g.relations.append(("associated-with", pick(services), pick(services)))

