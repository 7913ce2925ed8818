"""`ea fmt` changes only the text of model files: a file keeps its permissions, a symbolic
link stays a link (written through to its target inside the model folder, refused when it
points outside it), and formatting is idempotent on every number the loader reads, odd
ones included (`0.1e-400` used to become `0.0e+001`, then `0.0e+002` ...)."""

from __future__ import annotations

import math
import os
import stat

import pytest
import yaml_rs
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from eaframework.loader import load_texts
from eaframework.modelfile import FormatError, format_text

from tests.conftest import HEADER

UNFORMATTED = HEADER + "elements:\n  - name: A\n    id: ou-a\n    kind: organisation-unit\n"
FORMATTED = HEADER + "elements:\n  - kind: organisation-unit\n    id: ou-a\n    name: A\n"


# -- permissions and links -----------------------------------------------------------------
@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_fmt_keeps_the_permissions_of_a_file(run_ea, tmp_path, write_model, mode):
    write_model(tmp_path, {"m/a.yaml": UNFORMATTED})
    (tmp_path / "m/a.yaml").chmod(mode)
    result = run_ea("fmt", "m", cwd=tmp_path)
    assert result.code == 0, result.err
    assert "reformatted m/a.yaml" in result.err
    assert (tmp_path / "m/a.yaml").read_text(encoding="utf-8") == FORMATTED
    assert stat.S_IMODE((tmp_path / "m/a.yaml").stat().st_mode) == mode


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_fmt_writes_through_a_link_inside_the_model_folder(run_ea, tmp_path, write_model):
    write_model(tmp_path, {"m/shared/real.yml": UNFORMATTED})
    (tmp_path / "m/link.yaml").symlink_to("shared/real.yml")
    result = run_ea("fmt", "m", cwd=tmp_path)
    assert result.code == 0, result.err
    assert (tmp_path / "m/link.yaml").is_symlink()  # still a link, not a copy
    assert (tmp_path / "m/shared/real.yml").read_text(encoding="utf-8") == FORMATTED
    # the file actually changed is named, once
    assert result.err.count("reformatted m/shared/real.yml\n") == 1
    assert "m/link.yaml" not in result.err
    assert run_ea("fmt", "--check", "m", cwd=tmp_path).code == 0


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_fmt_never_writes_through_a_link_out_of_the_model_folder(run_ea, tmp_path,
                                                                 write_model):
    write_model(tmp_path, {"m/a.yaml": UNFORMATTED, "outside/victim.yaml": UNFORMATTED})
    (tmp_path / "m/evil.yaml").symlink_to(tmp_path / "outside/victim.yaml")
    result = run_ea("fmt", "m", cwd=tmp_path)
    assert result.code == 2, (result.out, result.err)
    assert "error: m/evil.yaml: a symbolic link to " in result.err
    assert "outside the model folder m; ea fmt does not write through it" in result.err
    assert "nothing was written" in result.err
    assert (tmp_path / "outside/victim.yaml").read_text(encoding="utf-8") == UNFORMATTED
    assert (tmp_path / "m/evil.yaml").is_symlink()
    assert (tmp_path / "m/a.yaml").read_text(encoding="utf-8") == UNFORMATTED
    # a link out of the folder to a file that needs no change is only read
    (tmp_path / "outside/victim.yaml").write_text(FORMATTED, encoding="utf-8")
    result = run_ea("fmt", "m", cwd=tmp_path)
    assert result.code == 0, result.err
    assert "reformatted m/a.yaml" in result.err
    assert (tmp_path / "m/evil.yaml").is_symlink()


# -- idempotence on odd numbers --------------------------------------------------------------
def _file(value: str) -> str:
    return (HEADER + "elements:\n  - kind: information-system\n    id: sys-a\n    name: A\n"
            f"    annual-cost: {value}  # kommentti\n"
            f"    properties: {{a: {value}}}\n    tags: [{value}, x]\n")


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        both_nan = math.isnan(a) and math.isnan(b)
        return both_nan or (a == b and math.copysign(1, a) == math.copysign(1, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(map(_same, a, b))
    return type(a) is type(b) and a == b


def _check(value: str) -> None:
    text = _file(value)
    try:
        once = format_text(text)
    except FormatError as exc:  # only for what the loader itself cannot read
        assert exc.code in ("EA002", "EA004"), exc
        return
    assert format_text(once) == once, (value, once)
    before = yaml_rs.loads(text, parse_datetime=False)
    after = yaml_rs.loads(once, parse_datetime=False)
    assert _same(before, after), (value, once)
    # and the loader reads the same model, with the same findings (their lines may move)
    first = load_texts({"a.yaml": text})
    second = load_texts({"a.yaml": once})
    assert sorted((d.code, d.message) for d in first.diagnostics) == sorted(
        (d.code, d.message) for d in second.diagnostics)


ODD_NUMBERS = [
    "0.1e-400", "0.1e-400000", "1e308", "1.7976931348623157e308", "1e400", "-0.0", "-0.0e-5",
    "+12", "+1.5e+3", "0x1F", "0o17", "017", "1_000", "2.189095845017764e-42", "4.9e-324",
    "1e-320", ".5", "5.", "1E5", ".5e1", "_5", "-.0e1", "+_5e-400", "00.5", "0.000",
    ".inf", "-.inf", ".nan", ".NaN", "999999999999", "1000000000000", "123456789012345678901",
    "2024-02-29", "2024-2-9", "0001-01-01", "12:30", "1:30:00", "0b101",
]


@pytest.mark.parametrize("value", ODD_NUMBERS)
def test_fmt_is_idempotent_on_odd_numbers(value):
    _check(value)


def test_fmt_turns_an_underflow_into_zero_once():
    once = format_text(_file("0.1e-400"))
    assert "annual-cost: 0.0" in once
    assert format_text(once) == once


_digits = st.text("0123456789", min_size=1, max_size=25)
_number_text = st.one_of(
    st.builds(lambda s, i, f, e: f"{s}{i}{f}{e}",
              st.sampled_from(["", "+", "-"]),
              st.one_of(st.just(""), _digits, _digits.map(lambda d: d[:1] + "_" + d)),
              st.one_of(st.just(""), st.just("."), _digits.map(lambda d: "." + d)),
              st.one_of(st.just(""), st.builds(lambda c, s, d: f"{c}{s}{d}",
                                               st.sampled_from("eE"),
                                               st.sampled_from(["", "+", "-"]),
                                               st.integers(0, 500).map(str)))),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(allow_subnormal=True, width=64).map(lambda f: f"{f:.20e}"),
    st.integers(-(10**30), 10**30).map(str),
    st.integers(0, 10**12).map(lambda n: f"+{n}"),
    st.integers(0, 2**40).map(lambda n: f"0x{n:X}"),
    st.integers(0, 2**40).map(lambda n: f"0o{n:o}"),
    st.integers(0, 2**20).map(lambda n: f"0{n:o}"),
    st.dates().map(str),
).filter(lambda t: any(c.isdigit() for c in t) or "inf" in t or "nan" in t)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_number_text)
@example("0.1e-400")
@example("1e-320")
def test_fmt_is_idempotent_on_every_number_the_loader_reads(value):
    _check(value)
