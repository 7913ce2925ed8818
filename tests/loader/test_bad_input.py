"""Input that cannot be used at all, through the real `ea lint`: exit 2, a code, a one-line
cause and the place, quickly; and nothing in a file is ever executed."""

from __future__ import annotations

import os

import pytest

from tests.conftest import findings, integrity

QUICK = 10  # seconds: every bad input is rejected well within this, process start included


def lint_fatal(run_ea, root, target: str, code: str) -> dict:
    """Run `ea lint target` in `root`; expect exit 2 and exactly one finding with `code`."""
    result = run_ea("lint", target, cwd=root, timeout=60)
    assert "Traceback" not in result.err, result.err
    assert result.code == 2, (result.code, result.out, result.err)
    assert result.seconds < QUICK, f"took {result.seconds:.1f} s"
    found = findings(result.out)
    assert [f["code"] for f in found] == [code], result.out
    assert found[0]["sev"] == "error"
    assert "1 problem (1 error)" in result.err
    return found[0]


def assert_at(finding: dict, file: str, line: int, col: int | None = None) -> None:
    assert finding["file"] == file
    assert finding["line"] == line
    if col is not None:
        assert finding["col"] == col


# -- bytes that are not text ------------------------------------------------------------------
def test_non_utf8_byte_is_located(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"bad.yaml": b"apiVersion: eaframework/v1\nelements:\n  - kind: \xff\n"})
    found = lint_fatal(run_ea, tmp_path, "bad.yaml", "EA001")
    assert_at(found, "bad.yaml", 3, 11)
    assert "not valid UTF-8 (byte 0xff)" in found["msg"]


def test_non_utf8_column_counts_characters():
    from eaframework.loader.source import SourceError, decode

    with pytest.raises(SourceError) as info:
        decode("apiVersion: eaframework/v1\nname: ä".encode() + b"\xff\n")
    assert (info.value.line, info.value.column) == (2, 8)  # n-a-m-e-:-space-ä, then it


def test_binary_junk_with_nul_bytes(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"junk.yaml": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\xff\xfe"})
    found = lint_fatal(run_ea, tmp_path, "junk.yaml", "EA001")
    assert_at(found, "junk.yaml", 3, 1)
    assert "NUL byte" in found["msg"] and "binary" in found["msg"]


def test_utf8_bom_is_accepted(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"bom.yaml": "\ufeffapiVersion: eaframework/v1\nelements: []\n"})
    result = run_ea("lint", "bom.yaml", cwd=tmp_path)
    assert result.code == 0
    assert integrity(result.out) == []


# -- text that is not YAML --------------------------------------------------------------------
def test_unclosed_bracket(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"m.yaml": "apiVersion: eaframework/v1\nelements: [a, b\n"})
    found = lint_fatal(run_ea, tmp_path, "m.yaml", "EA002")
    assert_at(found, "m.yaml", 2, 11)
    assert found["msg"] == "invalid YAML: unclosed bracket '['"


def test_bad_indentation(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"m.yaml": "apiVersion: eaframework/v1\nelements:\n  - kind: x\n   id: y\n"})
    found = lint_fatal(run_ea, tmp_path, "m.yaml", "EA002")
    assert_at(found, "m.yaml", 4)
    assert found["msg"].startswith("invalid YAML: ")


def test_alias_bomb(run_ea, tmp_path, write_model):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi":  # 9 levels: 9**9 strings if expanded
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    write_model(tmp_path, {"bomb.yaml": "\n".join(lines) + "\n"})
    found = lint_fatal(run_ea, tmp_path, "bomb.yaml", "EA002")
    assert found["file"] == "bomb.yaml" and 1 <= found["line"] <= 9
    assert "alias" in found["msg"]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("[" * 100_000, 1, "nested too deeply"),
        ("{a: " * 50_000, 1, None),  # one 200 000-character line
        ("[\n" * 100_000, None, "nested too deeply"),
        ("{a: \n" * 50_000, None, "nested too deeply"),
    ],
    ids=["brackets", "braces", "brackets-lines", "braces-lines"],
)
def test_absurd_nesting(run_ea, tmp_path, write_model, text, line, words):
    write_model(tmp_path, {"deep.yaml": text})
    found = lint_fatal(run_ea, tmp_path, "deep.yaml", "EA002")
    assert found["file"] == "deep.yaml"
    if line is not None:
        assert found["line"] == line
    else:
        assert 1 <= found["line"] <= text.count("\n")
    assert found["msg"].startswith(("invalid YAML: ", "line is longer"))
    if words:
        assert words in found["msg"]


def test_deep_block_nesting_is_read_quickly_and_reported(run_ea, tmp_path, write_model):
    depth = 2000
    text = "apiVersion: eaframework/v1\nelements:\n" + "".join(
        " " * level + "- \n" for level in range(1, depth)
    )
    write_model(tmp_path, {"deep.yaml": text})
    result = run_ea("lint", "deep.yaml", cwd=tmp_path)
    assert "Traceback" not in result.err
    assert result.seconds < QUICK
    assert result.code in (1, 2)
    found = integrity(result.out)
    assert [(f["code"], f["file"], f["line"], f["col"]) for f in found] in (
        [("EA005", "deep.yaml", 3, 2)],  # read: the element is a list, not a mapping
        [("EA002", "deep.yaml", found[0]["line"], found[0]["col"])],  # or refused as too deep
    )


def test_long_lines_under_the_limit_are_read_in_linear_time():
    import time

    from eaframework.loader.source import parse

    text = "apiVersion: eaframework/v1\nelements: []\n" + ("# " + "x" * 99_000 + "\n") * 3
    started = time.monotonic()
    assert parse(text) == {"apiVersion": "eaframework/v1", "elements": []}
    assert time.monotonic() - started < 0.5


def test_huge_file(run_ea, tmp_path):
    line = b"# " + b"x" * 1000 + b"\n"
    with open(tmp_path / "huge.yaml", "wb") as handle:
        handle.write(b"apiVersion: eaframework/v1\n")
        handle.write(line * (33 * 1024))  # about 32.3 MiB
    assert (tmp_path / "huge.yaml").stat().st_size > 32 * 1024 * 1024
    found = lint_fatal(run_ea, tmp_path, "huge.yaml", "EA001")
    assert_at(found, "huge.yaml", 1, 1)
    assert "may be at most 32 MiB" in found["msg"]


def test_huge_file_message_states_a_size_above_the_limit():
    from eaframework.loader.source import MAX_FILE_BYTES, SourceError, decode

    with pytest.raises(SourceError) as info:
        decode(b"#" * (MAX_FILE_BYTES + 300_000))
    assert "file is 32 MiB" not in info.value.message


def test_overlong_line(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"long.yaml": "apiVersion: eaframework/v1\nelements: []\n# "
                           + "x" * 150_000 + "\n"})
    found = lint_fatal(run_ea, tmp_path, "long.yaml", "EA002")
    assert_at(found, "long.yaml", 3, 1)
    assert found["msg"] == "line is longer than 100000 characters; this is not a model file"


# -- YAML that is not a model file -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "what"),
    [("- a\n- b\n", "a list"), ("just a sentence\n", "a string"), ("", "empty"),
     ("# only a comment\n", "empty"), ("42\n", "a number")],
    ids=["list", "scalar", "empty", "comment-only", "number"],
)
def test_not_a_mapping(run_ea, tmp_path, write_model, text, what):
    write_model(tmp_path, {"m.yaml": text})
    found = lint_fatal(run_ea, tmp_path, "m.yaml", "EA003")
    assert_at(found, "m.yaml", 1, 1)
    assert found["msg"] == (
        "a model file must be a mapping with `apiVersion: eaframework/v1` and `elements:`, "
        f"but this one is {what}"
    )


def test_missing_api_version(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"m.yaml": "elements:\n  - kind: service\n"})
    found = lint_fatal(run_ea, tmp_path, "m.yaml", "EA003")
    assert_at(found, "m.yaml", 1, 1)
    assert found["msg"] == "`apiVersion: eaframework/v1` is missing"


def test_wrong_api_version_is_located_at_its_key(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"m.yaml": "# malli\n\napiVersion: eaframework/v2\nelements: []\n"})
    found = lint_fatal(run_ea, tmp_path, "m.yaml", "EA003")
    assert_at(found, "m.yaml", 3, 1)
    assert found["msg"] == "unsupported apiVersion 'eaframework/v2'; expected 'eaframework/v1'"


def test_several_documents_with_explicit_starts(run_ea, tmp_path, write_model):
    text = "---\napiVersion: eaframework/v1\nelements: []\n---\napiVersion: eaframework/v1\n"
    write_model(tmp_path, {"m.yaml": text})
    found = lint_fatal(run_ea, tmp_path, "m.yaml", "EA002")
    assert_at(found, "m.yaml", 4, 1)
    assert found["msg"] == "file holds several YAML documents; put one model document per file"


def test_several_documents_first_without_marker(run_ea, tmp_path, write_model):
    text = "apiVersion: eaframework/v1\nelements: []\n---\napiVersion: eaframework/v1\n"
    write_model(tmp_path, {"m.yaml": text})
    found = lint_fatal(run_ea, tmp_path, "m.yaml", "EA002")
    assert_at(found, "m.yaml", 3, 1)
    assert "several YAML documents" in found["msg"]


@pytest.mark.parametrize("key", ["elements", "relations"])
@pytest.mark.parametrize(("value", "what"), [("{a: b}", "mapping"), ("five", "string"),
                                              ("5", "number")])
def test_elements_or_relations_not_a_list(run_ea, tmp_path, write_model, key, value, what):
    write_model(tmp_path, {"m.yaml": f"apiVersion: eaframework/v1\n\n{key}: {value}\n"})
    found = lint_fatal(run_ea, tmp_path, "m.yaml", "EA003")
    assert_at(found, "m.yaml", 3, 1)
    assert found["msg"] == f"`{key}:` must be a list, not a {what}"


# -- paths that are no model -------------------------------------------------------------------
def test_non_existent_path(run_ea, tmp_path):
    found = lint_fatal(run_ea, tmp_path, "missing.yaml", "EA001")
    assert_at(found, "missing.yaml", 1, 1)
    assert found["msg"] == "no such file or folder: missing.yaml"


def test_unreadable_file(run_ea, tmp_path, write_model):
    if os.geteuid() == 0:
        pytest.skip("running as root: root can read a chmod 000 file")
    write_model(tmp_path, {"secret.yaml": "apiVersion: eaframework/v1\nelements: []\n"})
    (tmp_path / "secret.yaml").chmod(0)
    try:
        found = lint_fatal(run_ea, tmp_path, "secret.yaml", "EA001")
    finally:
        (tmp_path / "secret.yaml").chmod(0o644)
    assert_at(found, "secret.yaml", 1, 1)
    assert found["msg"] == "cannot read file: Permission denied"


def test_folder_without_yaml_files(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"model/README.md": "# not a model\n", "model/notes.txt": "x\n",
                           "model/.hidden/a.yaml": "apiVersion: eaframework/v1\n"})
    found = lint_fatal(run_ea, tmp_path, "model", "EA001")
    assert_at(found, "model", 1, 1)
    assert found["msg"] == "folder holds no .yaml model files"


def test_one_bad_file_does_not_hide_the_others(run_ea, tmp_path, write_model):
    write_model(tmp_path, {
        "model/a.yaml": "apiVersion: eaframework/v1\nelements: [\n",
        "model/b.yaml": "apiVersion: eaframework/v1\nelements:\n  - kind: servce\n"
                        "    id: svc-a\n    name: A\n",
    })
    result = run_ea("lint", "model", cwd=tmp_path)
    assert result.code == 2
    found = findings(result.out)
    assert [(f["file"], f["code"]) for f in found] == [
        ("model/a.yaml", "EA002"), ("model/b.yaml", "EA005")
    ]
    assert "did you mean 'service'?" in found[1]["msg"]


def test_flow_duplicate_in_a_file_pyyaml_cannot_read(run_ea, tmp_path, write_model):
    text = (
        "apiVersion: eaframework/v1\n"
        "elements:\n"
        "  - kind: organisation-unit\n"
        "    id: org-a\n"
        "    name: {fi: A, fi: B}\n"
        '    description: "sivunvaihto \x0c tässä"\n'
    )
    write_model(tmp_path, {"m.yaml": text})
    result = run_ea("lint", "m.yaml", cwd=tmp_path)
    assert "Traceback" not in result.err, result.err[-300:]
    found = integrity(result.out)
    assert ("EA004", 5, 19) in [(f["code"], f["line"], f["col"]) for f in found]


# -- nothing is executed -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "payload",
    [
        'elements: !!python/object/apply:os.system ["touch {x}"]',
        'elements:\n  - !!python/object/apply:os.system ["touch {x}"]',
        'elements:\n  - !!python/object/new:subprocess.check_output [["touch", "{x}"]]',
        'x: !<tag:yaml.org,2002:python/object/apply:os.system> ["touch {x}"]',
        'elements:\n  - kind: !!python/name:os.system service',
    ],
    ids=["apply-value", "apply-item", "new-item", "verbatim-tag", "name-tag"],
)
def test_python_tags_are_never_executed(run_ea, tmp_path, write_model, payload):
    marker = tmp_path / "EXECUTED"
    text = "apiVersion: eaframework/v1\n" + payload.format(x=marker) + "\n"
    write_model(tmp_path, {"evil.yaml": text})
    result = run_ea("lint", "evil.yaml", cwd=tmp_path)
    assert not marker.exists(), "a YAML tag ran a command"
    assert "Traceback" not in result.err
    found = integrity(result.out)
    assert found, result.out
    # either refused as YAML, or read as plain data that is not a valid model
    assert result.code in (1, 2)
    first = found[0]
    assert first["file"] == "evil.yaml"
    if first["code"] == "EA002":
        assert "tag" in first["msg"].lower()
    else:
        assert first["code"] == "EA005"


def test_python_tags_in_library_give_plain_data(tmp_path):
    from eaframework.loader.source import parse

    marker = tmp_path / "EXECUTED"
    data = parse(f'a: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert data == {"a": [f"touch {marker}"]}
    assert not marker.exists()
