"""CSV injection: `ea export csv` neutralises cells a spreadsheet would run as formulas
(OWASP: a `'` before `=`, `+`, `-`, `@`, TAB and CR, and before `'` itself so the import can
tell), `--raw-formulas` keeps them as they are, and `ea import csv` takes the `'` away
again, so that every name survives the round trip."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eaframework.interchange.csv import neutralise, read_csv, restore, write_csv
from eaframework.interchange.exchange import Concept, Exchange

from .helpers import HEADER, model_of

NAMES = ['=HYPERLINK("http://x","klikkaa")', "@SUM(A1:A9)", "+358 40 123", "-2+3",
         "'=quoted already", "'plain quote", "=1+1", "-1200", "Tavallinen nimi"]


def _model(names: list[str]):
    lines = [f"  - {{kind: organisation-unit, id: ou-{i}, name: {json.dumps(n)}}}"
             for i, n in enumerate(names)]
    return model_of({"m.yaml": HEADER + "elements:\n" + "\n".join(lines) + "\n"})


def _names(files: dict[str, bytes]) -> list[str]:
    exchange = read_csv(files)
    return [c.names[0][1] for c in exchange.elements]


def test_formula_cells_are_neutralised_by_default():
    from eaframework.interchange.csv import export_csv

    data = export_csv(_model(NAMES))["elements.csv"].decode("utf-8-sig")
    assert '"\'=HYPERLINK(""http://x"",""klikkaa"")"' in data
    assert '"\'@SUM(A1:A9)"' in data and '"\'+358 40 123"' in data and '"\'-2+3"' in data
    assert '"\'\'=quoted already"' in data and '"\'\'plain quote"' in data
    assert '"-1200"' in data  # a plain number runs nothing
    assert '"=HYPERLINK' not in data and '"@SUM' not in data


def test_raw_formulas_keeps_the_cells():
    from eaframework.interchange.csv import export_csv

    data = export_csv(_model(NAMES), "raw")["elements.csv"].decode("utf-8-sig")
    assert '"=HYPERLINK(""http://x"",""klikkaa"")"' in data and '"@SUM(A1:A9)"' in data
    assert _names(export_csv(_model(NAMES), "raw")) != NAMES  # read as neutralised: not these
    assert [c.names[0][1] for c in read_csv(export_csv(_model(NAMES), "raw"), "raw").elements
            ] == NAMES


def test_import_reverses_the_neutralisation():
    from eaframework.interchange.csv import export_csv

    assert _names(export_csv(_model(NAMES))) == NAMES


def test_cli_export_and_import(run_ea, tmp_path):
    (tmp_path / "m.yaml").write_text(HEADER + "elements:\n  - {kind: organisation-unit, "
                                     "id: ou-a, name: '=HYPERLINK(\"http://x\")'}\n",
                                     encoding="utf-8")
    out = run_ea("export", "csv", tmp_path / "m.yaml", "-o", tmp_path / "csv")
    assert out.code == 0, out.err
    cell = '"\'=HYPERLINK(""http://x"")"'
    assert cell in (tmp_path / "csv" / "elements.csv").read_text(encoding="utf-8-sig")
    raw = run_ea("export", "csv", tmp_path / "m.yaml", "-o", tmp_path / "raw", "--raw-formulas")
    assert raw.code == 0, raw.err
    assert '"=HYPERLINK(""http://x"")"' in (tmp_path / "raw" / "elements.csv").read_text(
        encoding="utf-8-sig")
    back = run_ea("import", "csv", tmp_path / "csv", "-o", tmp_path / "back")
    assert back.code == 0, back.err
    assert 'name: =HYPERLINK("http://x")\n' in (tmp_path / "back" / "operations.yaml"
                                                ).read_text(encoding="utf-8")


# Any text but NUL (the reader refuses it) and lone surrogates (not UTF-8), often starting
# with what a formula starts with.
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))
CELL = st.one_of(TEXT, st.tuples(st.sampled_from("=+-@\t\r'"), TEXT).map("".join),
                 st.tuples(st.just("'"), st.sampled_from("=+-@\t\r'"), TEXT).map("".join))


@given(CELL)
def test_restore_undoes_neutralise(cell):
    safe = neutralise(cell)
    assert restore(safe) == cell
    assert not safe.startswith(("=", "+", "@", "\t", "\r")) or safe == cell
    if safe[:1] == "-":
        assert safe == cell and cell[1:].replace(",", "").replace(".", "").isdigit()


@settings(max_examples=60, deadline=None)
@given(st.lists(CELL.filter(bool), min_size=1, max_size=6))
def test_names_survive_export_and_import(names):
    exchange = Exchange(identifier="id-m", names=[(None, "Malli")])
    exchange.elements = [Concept(identifier=f"id-{i}", type="BusinessActor",
                                 names=[(None, n)], documentation=[(None, n)],
                                 properties=[("k", n)]) for i, n in enumerate(names)]
    back = read_csv(write_csv(exchange))
    assert [c.names[0][1] for c in back.elements] == names
    assert [c.documentation[0][1] for c in back.elements] == names
    assert [c.properties for c in back.elements] == [[("k", n)] for n in names]


@pytest.mark.parametrize("cell", NAMES)
def test_every_name_round_trips(cell):
    assert restore(neutralise(cell)) == cell
