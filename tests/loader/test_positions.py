"""PositionIndex: paths of keys and list indexes to (line, column), from the block structure,
and the duplicate keys that the same pass finds."""

from __future__ import annotations

import textwrap

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eaframework.loader.positions import DuplicateKey, PositionIndex
from eaframework.modelfile import write as writer


def index(text: str) -> PositionIndex:
    return PositionIndex(textwrap.dedent(text).lstrip("\n"))


# -- locating -------------------------------------------------------------------------------
def test_top_level_and_nested_keys():
    idx = index("""
        apiVersion: eaframework/v1
        metadata:
          organisation: Esimerkkilä
          contact:   kirjaamo@example.fi
        elements: []
        """)
    assert idx.find(("apiVersion",)) == (1, 1)
    assert idx.find(("metadata",)) == (2, 1)
    assert idx.find(("metadata", "organisation")) == (3, 3)
    assert idx.find(("metadata", "contact")) == (4, 3)
    assert idx.find(("elements",)) == (5, 1)


def test_list_items_and_keys_inside_them():
    idx = index("""
        elements:
          - kind: service
            id: svc-a
            uses:
              - sys-a
              - sys-b
          - kind: service
            id: svc-b
        """)
    assert idx.find(("elements", 0)) == (2, 3)
    assert idx.find(("elements", 0, "kind")) == (2, 5)
    assert idx.find(("elements", 0, "id")) == (3, 5)
    assert idx.find(("elements", 0, "uses", 0)) == (5, 7)
    assert idx.find(("elements", 0, "uses", 1)) == (6, 7)
    assert idx.find(("elements", 1)) == (7, 3)
    assert idx.find(("elements", 1, "id")) == (8, 5)


def test_unknown_path_gives_the_deepest_known_node():
    idx = index("""
        elements:
          - kind: service
            lifecycle:
              phase: planned
        """)
    assert idx.find(("elements", 0, "lifecycle", "end")) == (3, 5)
    assert idx.find(("elements", 5, "id")) == (1, 1)
    assert idx.find(("nothing",)) == (1, 1)
    assert idx.find(()) == (1, 1)


def test_nested_lists_on_one_line():
    idx = index("""
        matrix:
          - - a: 1
              b: 2
            - c: 3
          - - d: 4
        """)
    assert idx.find(("matrix", 0)) == (2, 3)
    assert idx.find(("matrix", 0, 0)) == (2, 5)
    assert idx.find(("matrix", 0, 0, "a")) == (2, 7)
    assert idx.find(("matrix", 0, 0, "b")) == (3, 7)
    assert idx.find(("matrix", 0, 1, "c")) == (4, 7)
    assert idx.find(("matrix", 1, 0, "d")) == (5, 7)


def test_indentless_sequences():
    idx = index("""
        elements:
        - kind: service
          id: svc-a
          uses:
          - sys-a
          - sys-b
          owner: org-a
        - kind: process
        relations: []
        """)
    assert idx.find(("elements", 0)) == (2, 1)
    assert idx.find(("elements", 0, "id")) == (3, 3)
    assert idx.find(("elements", 0, "uses", 1)) == (6, 3)
    assert idx.find(("elements", 0, "owner")) == (7, 3)
    assert idx.find(("elements", 1, "kind")) == (8, 3)
    assert idx.find(("relations",)) == (9, 1)


@pytest.mark.parametrize("indicator", ["|", ">", "|-", ">+", "|2", "| # kommentti"])
def test_block_scalar_content_that_looks_like_keys_is_skipped(indicator):
    text = (
        "elements:\n"
        "  - kind: service\n"
        f"    description: {indicator}\n"
        "      id: not-a-key\n"
        "      - not an item\n"
        "\n"
        "      id: looks like a duplicate\n"
        "    id: svc-a\n"
        "    owner: org-a\n"
    )
    idx = PositionIndex(text)
    assert idx.find(("elements", 0, "id")) == (8, 5)
    assert idx.find(("elements", 0, "owner")) == (9, 5)
    assert idx.find(("elements", 0, "description")) == (3, 5)
    assert idx.duplicates == []


def test_block_scalar_at_top_level_and_in_an_item():
    idx = index("""
        note: >-
          elements: this is text
          kind: also text
        elements:
          - description: |
              - kind: text
            kind: service
        """)
    assert idx.find(("elements",)) == (4, 1)
    assert idx.find(("elements", 0, "kind")) == (7, 5)
    assert idx.find(("elements", 0)) == (5, 3)
    assert idx.duplicates == []


def test_comments_and_blank_lines_are_ignored():
    idx = index("""
        # kind: comment
        apiVersion: eaframework/v1  # trailing: comment

        elements:
          # - kind: commented-out item
          - kind: service   # comment
            # id: commented
            id: svc-a
        """)
    assert idx.find(("apiVersion",)) == (2, 1)
    assert idx.find(("elements", 0)) == (6, 3)
    assert idx.find(("elements", 0, "id")) == (8, 5)
    assert idx.find(("elements", 1)) == (4, 1)


def test_quoted_keys():
    idx = index("""
        'apiVersion': eaframework/v1
        elements:
          - "kind": service
            'id' : svc-a
            "1": x
        """)
    assert idx.find(("apiVersion",)) == (1, 1)
    assert idx.find(("elements", 0, "kind")) == (3, 5)
    assert idx.find(("elements", 0, "id")) == (4, 5)
    assert idx.find(("elements", 0, "1")) == (5, 5)


def test_document_markers_and_flow_collections():
    idx = index("""
        ---
        elements:
          - {kind: service, id: svc-a}
          - kind: service
            uses: [sys-a, sys-b]
        ...
        """)
    assert idx.find(("elements",)) == (2, 1)
    # inside a flow collection: the line of the key or item that holds it
    assert idx.find(("elements", 0, "id")) == (3, 3)
    assert idx.find(("elements", 1, "uses", 1)) == (5, 5)


def test_windows_line_endings():
    idx = PositionIndex("a: 1\r\nb:\r\n  c: 2\r\n  d:\r\n    - e: 3\r\n")
    assert idx.find(("b", "c")) == (3, 3)
    assert idx.find(("b", "d", 0, "e")) == (5, 7)


# -- duplicates -----------------------------------------------------------------------------
def test_duplicate_keys_with_line_column_and_first_line():
    idx = index("""
        apiVersion: eaframework/v1
        elements:
          - kind: service
            id: svc-a
            name: A
            name: B
          - kind: service
            id: svc-a
        apiVersion: again
        """)
    assert idx.duplicates == [
        DuplicateKey("name", 6, 5, 5),
        DuplicateKey("apiVersion", 9, 1, 1),
    ]


def test_every_repeat_is_reported_against_the_latest_earlier_line():
    idx = index("""
        a: 1
        a: 2
        a: 3
        """)
    assert [(d.key, d.line, d.column) for d in idx.duplicates] == [("a", 2, 1), ("a", 3, 1)]
    assert idx.duplicates[0].first_line == 1


def test_quoted_and_plain_spelling_of_one_key_are_duplicates():
    idx = index("""
        m:
          id: a
          'id': b
        """)
    assert idx.duplicates == [DuplicateKey("id", 3, 3, 2)]


def test_same_key_in_different_mappings_is_no_duplicate():
    idx = index("""
        elements:
          - id: a
            lifecycle:
              id: nested
          - id: b
        relations:
          id: top
        """)
    assert idx.duplicates == []


def test_duplicates_in_indentless_sequence_items():
    idx = index("""
        elements:
        - id: a
          id: b
        - id: c
        """)
    assert idx.duplicates == [DuplicateKey("id", 3, 3, 2)]


# -- known gaps (bugs) ----------------------------------------------------------------------
def test_lone_dash_list_items():
    idx = index("""
        elements:
          -
            kind: service
            id: svc-a
          - kind: service
            id: svc-b
        """)
    assert idx.find(("elements", 0)) == (2, 3)
    assert idx.find(("elements", 0, "id")) == (4, 5)
    assert idx.find(("elements", 1, "id")) == (6, 5)


@pytest.mark.parametrize("key", ["ylläpitäjä", "käyttäjä määrä", "$ref"])
def test_keys_with_other_characters(key):
    idx = PositionIndex(f"properties:\n  first: x\n  {key}: y\n")
    assert idx.find(("properties", key)) == (3, 3)


def test_comment_that_ends_like_a_block_scalar_header():
    idx = index("""
        elements:  # lista: >
          - kind: service
            lifecycle:  # huom: |
              phase: planned
        """)
    assert idx.find(("elements", 0, "kind")) == (2, 5)
    assert idx.find(("elements", 0, "lifecycle", "phase")) == (4, 7)


# -- property: agrees with PyYAML's node positions -----------------------------------------
class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


# Keys as model files spell them (the supported key syntax), plus ones PyYAML must quote.
KEYS = st.from_regex(r"[a-z][a-z0-9_-]{0,9}", fullmatch=True) | st.sampled_from(
    ["yes", "no", "on", "null", "true", "1", "2024-01-01", "3.5", "Kind", "API_version"]
)
TEXT = st.text(
    st.sampled_from(list("abcxyzäöåÄÖ 019:-#'\"\n|>{}[],&*!%@`?")), max_size=120
)
SCALARS = st.none() | st.booleans() | st.integers(-10**6, 10**6) | TEXT
DATA = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(KEYS, children, max_size=5),
    max_leaves=25,
)
DOCUMENTS = st.dictionaries(KEYS, DATA, min_size=1, max_size=6)


def key_positions(text: str) -> list[tuple[tuple, tuple[int, int]]]:
    """Every mapping key's path and (line, column), from PyYAML's composed node tree."""
    found = []

    def walk(node, path):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                here = (*path, key.value)
                found.append((here, (key.start_mark.line + 1, key.start_mark.column + 1)))
                walk(value, here)
        elif isinstance(node, yaml.SequenceNode):
            for number, item in enumerate(node.value):
                walk(item, (*path, number))

    walk(yaml.compose(text, Loader=yaml.SafeLoader), ())
    return found


def assert_positions_agree(text: str) -> None:
    idx = PositionIndex(text)
    wrong = [(path, want, idx.find(path)) for path, want in key_positions(text)
             if idx.find(path) != want]
    assert not wrong, f"{wrong}\n---\n{text}"
    assert idx.duplicates == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_positions_agree_with_pyyaml_indentless_lists(data):
    assert_positions_agree(
        yaml.dump(data, Dumper=_NoAliases, default_flow_style=False, allow_unicode=True,
                  sort_keys=False)
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_positions_agree_with_pyyaml_writer_style(data):
    assert_positions_agree(writer.dump_document(data, schema=None))
