"""Numbers are numbers as written: YAML's true and false are refused where an amount, a
share, years or a count is expected (pydantic alone reads them as 1 and 0), located like
any other bad value (EA005); -0.0 loads as 0 and never shows as "-0 €"; an integer where
a float is expected stays fine."""

from __future__ import annotations

import pytest

from eaframework.loader import load_texts
from tests.conftest import HEADER, position
from tests.loader.test_values import SYSTEM  # one owned system, as the value tests use

SERVICE = """elements:
  - kind: service
    id: svc-a
    name: Palvelu
"""


def load(text: str):
    result = load_texts({"a.yaml": HEADER + text})
    return result, [d for d in result.diagnostics if d.code.startswith("EA0")]


@pytest.mark.parametrize(("written", "shown"), [("true", "True"), ("false", "False"),
                                                 ("yes", "'yes'")])
def test_a_yes_or_no_is_not_an_amount(written, shown):
    text = SYSTEM + f"    annual-cost: {written}\n"
    _, found = load(text)
    assert [(d.code, d.message) for d in found] == [(
        "EA005", "`annual-cost` of information-system 'sys-a' must be a finite amount "
        f"between 0 and 1 000 000 000 000 €, not {shown}")]
    assert (found[0].location.line, found[0].location.column) == (
        position(HEADER + text, "annual-cost")[0], 5)


@pytest.mark.parametrize(("field", "written", "words"), [
    ("cost-allocation", "{ou-a: true}", "a finite share between 0 and 100 percent"),
    ("annual-cost", "false", "a finite amount between 0 and 1 000 000 000 000 €"),
])
def test_shares_and_amounts_refuse_true_and_false(field, written, words):
    _, found = load(SYSTEM + f"    {field}: {written}\n")
    assert len(found) == 1 and found[0].code == "EA005"
    assert words in found[0].message


def test_a_count_refuses_true():
    text = SERVICE + "    yearly-volume: true\n"
    _, found = load(text)
    assert [(d.code, d.message) for d in found] == [(
        "EA005", "`yearly-volume` of service 'svc-a' must be a whole number between 0 and "
        "1 000 000 000 000, not True")]
    assert found[0].location.line == position(HEADER + text, "yearly-volume")[0]


def test_years_refuse_false():
    text = """elements:
  - kind: development-project
    id: dp-a
    name: Hanke
    payback-years: false
"""
    _, found = load(text)
    assert len(found) == 1 and found[0].code == "EA005"
    assert "a finite number of years between 0 and 1 000" in found[0].message


def test_minus_zero_loads_as_zero():
    result, found = load(SYSTEM + "    annual-cost: -0.0\n    cost-allocation: {ou-a: -0.0}\n")
    assert not found
    system = result.model.get("sys-a")
    assert str(system.annual_cost) == "0.0" and str(system.cost_allocation["ou-a"]) == "0.0"


def test_an_integer_where_a_float_is_expected_stays_fine():
    result, found = load(SYSTEM + "    annual-cost: 12000\n    cost-allocation: {ou-a: 100}\n")
    assert not found
    assert result.model.get("sys-a").annual_cost == 12000.0
    result, found = load(SERVICE + "    yearly-volume: 5.0\n")
    assert not found and result.model.get("svc-a").yearly_volume == 5


@pytest.mark.parametrize(("field", "written", "shown", "words"), [
    ("annual-cost", '"100"', "'100'", "a finite amount between 0 and 1 000 000 000 000 €"),
    ("annual-cost", "'1e3'", "'1e3'", "a finite amount between 0 and 1 000 000 000 000 €"),
])
def test_a_quoted_number_is_not_an_amount(field, written, shown, words):
    text = SYSTEM + f"    {field}: {written}\n"
    _, found = load(text)
    assert [(d.code, d.message) for d in found] == [(
        "EA005", f"`{field}` of information-system 'sys-a' must be {words}, not {shown}")]
    assert found[0].location.line == position(HEADER + text, field)[0]


def test_a_quoted_count_is_refused():
    _, found = load(SERVICE + '    yearly-volume: "12"\n')
    assert len(found) == 1 and found[0].code == "EA005" and "'12'" in found[0].message
