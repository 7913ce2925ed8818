"""The operations viewpoint: the organisation, roles and persons, stakeholders, services
and their channels, processes and the task classification."""

from __future__ import annotations

from .words import (
    AREAS, CHANNEL_TYPES, CHANNEL_WORDS, DIVISIONS, EXTERNAL, INVOLVEMENT,
    PROCESS_WORDS, SERVICE_WORDS, STAKEHOLDERS, TITLES, TOPICS, UNIT_WORDS, slug,
)


def build(g, p) -> None:
    maybe, pick, rng = g.maybe, g.pick, g.rng
    (channels, externals, first_last, has_parts, identification, internal, messaging, near,
        persons, process_owner, processes, roles, service_owner, services, stakeholders,
        supported, systems, task_classes, units, web_channels) = (
        p.channels, p.externals, p.first_last, p.has_parts, p.identification, p.internal,
        p.messaging, p.near, p.persons, p.process_owner, p.processes, p.roles, p.service_owner,
        p.services, p.stakeholders, p.supported, p.systems, p.task_classes, p.units,
        p.web_channels)
    # -- operations: the organisation ------------------------------------------------
    heads: dict[int, int] = {}  # area of work -> its first unit
    for i, uid in enumerate(units):
        if i == 0:
            e = g.new("organisation-unit", uid, "Esimerkkilän kaupunki",
                      "City of Esimerkkilä")
            e.add("business-id", "0123456-7")
            continue
        if i <= len(DIVISIONS):
            fi, en = DIVISIONS[i - 1]
            e = g.new("organisation-unit", uid, fi, en)
            e.add("part-of", units[0])
            continue
        nom, _, en = g.topic(i, "organisation-unit")
        word, word_en = UNIT_WORDS[i % len(UNIT_WORDS)]
        area = AREAS[(i // len(TOPICS)) % len(AREAS)]
        e = g.new("organisation-unit", uid, f"{nom.capitalize()}, {area} {word}",
                  f"{en.capitalize()} {word_en}, {area}")
        # a tree: the first unit of an area of work is under a division, the others
        # of the area under it or under each other, four to a parent
        t = TOPICS.index(g.topic(i, "organisation-unit"))
        head = heads.setdefault(t, i)
        parent = units[1 + t % len(DIVISIONS)] if i == head else units[head + (i - head - 1) // 4]
        e.add("part-of", parent)
        if maybe(0.2):
            e.add("contact", f"{slug(nom)}@esimerkkila.fi")
    for (name, authority), uid in zip(EXTERNAL, externals):
        e = g.new("organisation-unit", uid, name)
        e.add("external", True)
        if authority:
            e.add("authority", True)
        else:
            e.add("business-id", f"{1000000 + len(name) * 7919 % 8999999:07d}-{len(name) % 10}")
    for i, rid in enumerate(roles):
        fi = "Pääkäyttäjä" if i % 2 else "Vastuuhenkilö"
        e = g.new("role", rid, f"{fi} {i + 1}", "Main user" if i % 2 else "Owner")
        e.add("unit", pick(internal))
    for i, (pid, (first, last)) in enumerate(zip(persons, first_last)):
        e = g.new("person", pid, f"{first} {last}")
        e.add("unit", pick(internal, near(i, len(persons))))
        if maybe(0.15):
            e.add("roles", [pick(roles)])
        e.add("title", rng.choice(TITLES))
        if maybe(0.5):
            e.add("email", f"{slug(first)}.{slug(last)}@esimerkkila.fi")
    for (fi, en), sid in zip(STAKEHOLDERS, stakeholders):
        g.new("stakeholder", sid, fi, en)
    for i, sid in enumerate(services):
        nom, gen, en = g.topic(i, "service")
        word, word_en = SERVICE_WORDS[i % len(SERVICE_WORDS)]
        e = g.new("service", sid, f"{gen.capitalize()} {word}", f"{en.capitalize()} {word_en}")
        e.add("owner", service_owner[i])
        internal_only = i % 5 == 4
        online = not internal_only and maybe(0.5)
        if internal_only:
            e.add("audience", "internal")
        elif online:
            e.add("e-service", True)
        at = near(i, len(services))
        # e-services are delivered through a web channel, which uses the designated
        # identification and messaging services (EA101, EA102)
        e.add("channels", [pick(web_channels, at)] if online else [pick(channels, at)])
        if maybe(0.3):
            e.add("serves", [pick(stakeholders)])
        if maybe(0.3):
            e.add("uses", [pick(systems, at)])
        if not internal_only and not g.gap():
            e.add("user-involvement", rng.choice(INVOLVEMENT))
        g.describe(e)
    for i, cid in enumerate(channels):
        ctype = CHANNEL_TYPES[i % len(CHANNEL_TYPES)]
        nom = g.topic(i, "channel")[0]
        e = g.new("channel", cid, f"{nom.capitalize()}: {CHANNEL_WORDS[ctype]}")
        e.add("owner", pick(internal))
        e.add("channel-type", ctype)
        if ctype == "web":
            e.add("uses", [identification, messaging])
    for i, pid in enumerate(processes):
        nom, gen, en = g.topic(i, "process")
        word, word_en = PROCESS_WORDS[i % len(PROCESS_WORDS)]
        e = g.new("process", pid, f"{gen.capitalize()} {word}", f"{en.capitalize()} {word_en}")
        e.add("owner", process_owner[i])
        # a top-level process first in each block of eight, the rest part of it
        if i % 8:
            e.add("part-of", processes[i - i % 8])
            e.add("category", "core")
        else:
            e.add("category", rng.choice(["core", "steering", "support"]))
        if i % 8 and maybe(0.45):
            e.add("realizes", [pick(services, i)])
        manual = maybe(0.04)
        if not manual and not has_parts[i] and (pid not in supported or maybe(0.1)):
            e.add("uses", [pick(systems, i)])  # EA502: uses or supported by a system
        if maybe(0.1):
            e.add("task-class", pick(task_classes, i))
        if manual:
            e.add("manual", True)
        if not has_parts[i]:  # EA103: leaves record their manual work
            e.add("manual-steps", 3 if maybe(0.03) else rng.choice([0, 1, 1, 2]))
            if not g.gap():
                e.add("yearly-volume", rng.randrange(2, 300) * 10)
        g.describe(e, 0.3)
    for i, tid in enumerate(task_classes):
        nom, _, en = g.topic(i, "task-class")
        e = g.new("task-class", tid, f"{nom.capitalize()} ({i // 100:02d}.{i % 100:02d})", en)
        e.add("code", f"{i // 100:02d}.{i % 100:02d}.00")
        if i % 100:
            e.add("part-of", task_classes[i - i % 100])

