"""Placing many findings at once (`SourceMap.place_all`, file by file) gives the places
one at a time would, and a file read from disk keeps its exact text for them."""

from __future__ import annotations

from eaframework.diagnostics import Location
from eaframework.loader import load_model

FIRST = """\ufeffapiVersion: eaframework/v1
metadata:
  organisation: Esimerkkilä – testikunta
elements:
  - kind: information-system
    id: sys-a
    name:
      fi: Järjestelmä – A
      en: System A
    owner: ou-missing
  - kind: organisation-unit
    id: ou-a
    name: Yksikkö A
"""

SECOND = """apiVersion: eaframework/v1\r
elements:\r
  - kind: information-system\r
    id: sys-b\r
    name: Järjestelmä B\r
    uses: [sys-a]\r
relations:\r
  - {type: owned-by, source: sys-b, target: ou-a}\r
"""


def model(tmp_path):
    (tmp_path / "a.yaml").write_text(FIRST, encoding="utf-8", newline="")
    (tmp_path / "b.yaml").write_text(SECOND, encoding="utf-8", newline="")
    return load_model(tmp_path)


def test_a_file_read_from_disk_keeps_its_text_without_the_bom(tmp_path):
    sources = model(tmp_path).sources
    texts = {name.rsplit("/", 1)[-1]: source.text for name, source in sources.files.items()}
    assert texts == {"a.yaml": FIRST[1:], "b.yaml": SECOND}


def test_places_found_together_are_those_found_one_by_one(tmp_path):
    sources = model(tmp_path).sources
    a, b = sorted(sources.files)
    requests = [
        (b, ("elements", 0, "uses", 0)),
        (a, ("elements", 0, "owner")),
        None,
        Location(a),
        (a, ("metadata", "organisation")),
        (b, ("relations", 0)),
        (a, ("elements", 0, "name", "en")),
        (a, ("elements", 1, "name")),
        (b, ("elements", 0, "name")),
        ("not-a-file.yaml", ("elements", 0)),
    ]
    one_by_one = [
        sources.at(*r) if isinstance(r, tuple) else r for r in requests
    ]
    assert sources.place_all(requests) == one_by_one
    # (inside a flow list, the place of the key that holds it)
    assert one_by_one[:2] == [Location(b, 6, 5), Location(a, 10, 5)]
    assert one_by_one[6:9] == [Location(a, 9, 7), Location(a, 13, 5), Location(b, 5, 5)]
    # The indexes dropped after placing are built again when asked for.
    assert sources.place_all(requests) == one_by_one


def test_where_names_the_file_and_path_that_locate_places(tmp_path):
    sources = model(tmp_path).sources
    a = min(sources.files)
    assert sources.where("sys-a", ("owner",)) == (a, ("elements", 0, "owner"))
    assert sources.locate("sys-a", ("owner",)) == sources.at(a, ("elements", 0, "owner"))
    assert sources.where("no-such-id") is None and sources.locate("no-such-id") is None
