"""The report's numbers for the sample: what a council member reads in the summary."""

from __future__ import annotations

import pytest

from eaframework.report.data import build

from .conftest import TODAY


@pytest.fixture(scope="module")
def data(sample):
    return build(sample.model, sample.report, lang="fi", today=TODAY)


def ids(links) -> list[str]:
    return [link.id for link in links]


def test_counts_are_of_the_citys_own_elements_in_use(data):
    counts = dict(data.counts)
    # 19 internal systems: 2 planned (sys-erp, sys-asiointialusta) are not in use yet;
    # the 7 systems of other authorities (sys-vtj, ...) are not the city's.
    assert counts["information-system"] == 17 == data.systems_in_scope
    assert counts == {
        "service": 11, "process": 22, "information-resource": 17,
        "information-system": 17, "interface": 14, "integration": 23,
    }


def test_shares_name_the_systems_that_miss(data):
    shares = {s.key: s for s in data.shares}
    owner = shares["share.owner"]
    assert (owner.count, owner.total) == (16, 17)
    assert ids(owner.missing) == ["sys-intranet"]
    open_api = shares["share.open-interface"]
    assert "sys-vaka" in ids(open_api.missing)  # exposes nothing
    assert "sys-allekirjoitus" in ids(open_api.missing)  # only a closed interface
    assert "sys-crm" not in ids(open_api.missing)
    service = shares["share.as-a-service"]
    assert "sys-tilavaraus" in ids(service.missing)  # custom-built
    assert "sys-lupapiste" not in ids(service.missing)  # shared national service


def test_costs_add_up_and_show_what_is_unallocated(data):
    costs = data.costs
    assert costs.total == pytest.approx(sum(row.amount for row in costs.rows))
    assert ids(costs.unknown) == ["sys-earkisto"]
    unallocated = [row for row in costs.rows if row.unit is None]
    # sys-crm: 74 000 € allocated 60 + 30 %, so 10 % is nobody's.
    assert len(unallocated) == 1 and unallocated[0].amount == pytest.approx(7400)
    assert [link.id for link, _ in unallocated[0].systems] == ["sys-crm"]
    assert costs.rows[-1].unit is None  # the unallocated bar comes last
    amounts = [row.amount for row in costs.rows if row.unit is not None]
    assert amounts == sorted(amounts, reverse=True)
    by_unit = {row.unit.id: row.amount for row in costs.rows if row.unit}
    assert by_unit["ou-rakennusvalvonta"] == pytest.approx(36000 + 28000 + 0.2 * 88000)


def test_lifecycle(data):
    life = data.lifecycle
    assert set(ids(life.planned)) == {"sys-erp", "sys-asiointialusta"}
    assert set(ids(life.phasing_out)) == {"sys-talous"}  # Palkka+ (sys-hr) is retired
    assert ids(life.retired_platform) == ["sys-tilavaraus"]
    assert "sys-crm" in ids(life.contract_ending)  # ends 2026-08-31, within a year
    assert "sys-talous" not in ids(life.contract_ending)  # ends 2026-12-31


def test_principles_in_code_order_with_failing_elements(data):
    assert [p.code for p in data.principles] == [f"P{n}" for n in range(1, 9)]
    p5 = data.principles[4]
    assert (p5.comply, p5.checked) == (0, 1)
    assert ids(p5.failing) == ["sys-tilavaraus"]
    assert p5.link.id == "pr-p5-palveluna"
    p2 = data.principles[1]
    assert p2.ratio == 1.0 and p2.failing == ()


def test_projects_with_investment_calculation(data):
    projects = {p.link.id: p for p in data.projects}
    erp = projects["proj-erp"]
    assert (erp.investment, erp.annual, erp.benefit) == (1_200_000, 420_000, 660_000)
    assert erp.payback == erp.payback_computed == 5.0  # 1.2 M / (660 k - 420 k)
    assert ids(erp.replaces) == ["sys-talous", "sys-hr"]
    assert erp.impact_assessment.id == "ia-erp"
    portal = projects["proj-asiointialusta"]
    assert portal.impact_assessment is None and portal.findings == 1  # EA506


def test_findings_worst_first(data, sample):
    assert len(data.findings) == len(sample.report.active)
    ranks = [f.severity.rank for f in data.findings]
    assert ranks == sorted(ranks, reverse=True)
    assert data.severity_counts["error"] == sum(1 for f in data.findings if f.severity.rank == 3)
    assert data.exceptions == []  # the sample accepts no exceptions


def test_accepted_exceptions_come_from_suppressed_findings(hostile):
    data = build(hostile.model, hostile.report, today=TODAY)
    assert len(data.exceptions) == 1
    item = data.exceptions[0]
    assert (item.code, item.element.id) == ("EA311", "sys-hostile")
    assert item.suppressed.reason.startswith("Riskiarvio tehdään")
    assert item.suppressed.expires == "2026-12-31"
    page = next(p for s in data.sections for p in s.pages if p.link.id == "sys-hostile")
    assert page.exceptions == [item]
    assert "EA311" not in [f.code for f in page.findings]
    assert data.severity_counts["suppressed"] == 1


def test_element_page_relations_in_both_directions(data):
    pages = {p.link.id: p for s in data.sections for p in s.pages}
    crm = {(g.relation, g.incoming): ids(g.others) for g in pages["sys-crm"].relations}
    assert crm[("stores", False)] == ["ir-asiakasrekisteri"]
    assert crm[("target-of", True)] == ["int-vtj-crm", "int-ytj-crm"]  # reverse of flows-to
    assert ("owned-by", False) not in crm  # the owner has its own line
    assert pages["sys-crm"].owner.id == "ou-asiakaspalvelu"
    unit = {(g.relation, g.incoming): ids(g.others) for g in pages["ou-asiakaspalvelu"].relations}
    assert "sys-crm" in unit[("owner-of", True)]
    assert "sys-crm" in unit[("pays-for", True)]
    # Costs on both pages.
    assert [(a.other.id, a.percent, a.amount) for a in pages["sys-crm"].allocation] == [
        ("ou-asiakaspalvelu", 60, 44400), ("ou-sivistys", 30, 22200)]
    paid = {a.other.id: a.amount for a in pages["ou-asiakaspalvelu"].pays_for}
    assert paid["sys-crm"] == 44400
    assert [f.code for f in pages["sys-crm"].findings] == ["EA305"]


def test_secret_fields_never_reach_the_report(data):
    pages = {p.link.id: p for s in data.sections for p in s.pages}
    keys = [key for key, _ in pages["sys-asianhallinta"].facts]
    assert "security-measures" not in keys
    assert "search-keys" in keys


def test_names_in_english(sample):
    data = build(sample.model, sample.report, lang="en", today=TODAY)
    pages = {p.link.id: p for s in data.sections for p in s.pages}
    assert pages["sys-crm"].link.name == "Customer service CRM"
    assert pages["sys-lupapiste"].link.name == "Lupapiste"  # no translation: Finnish


def test_a_view_too_large_for_the_report_gets_a_note_naming_the_view():
    """A view that would split into many parts is not inlined: the note says how to draw
    it (regression: the view name was passed as `key`, clashing with the text's key)."""
    from eaframework.report.texts import translate

    note = translate("en", "diagrams.too-large", parts=9, key="omistajuuskartta")
    assert note == ("The diagram is so large that it would take 9 parts; draw it with "
                    "ea render --view omistajuuskartta.")
