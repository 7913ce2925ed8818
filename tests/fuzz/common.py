"""What the fuzz tests share: the sample model's files, hostile values, mutations of text,
and the checks every output must pass."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from functools import cache

from hypothesis import strategies as st

from tests.conftest import REPO, SHARED

SAMPLE = REPO / "models" / "esimerkkila"
HEADER = "apiVersion: eaframework/v1\n"

# Values an attacker (or a careless tool) writes: odd numbers, YAML specials, tags,
# aliases, markup, formulas, terminal escapes, bidi controls, deep nesting.
HOSTILE = [
    ".inf", "-.inf", ".nan", ".NaN", "1e308", "1e309", "-1e309", "0.1e-400", "1e-400", "-0.0",
    "123456789012345678901234567890", "-99999999999999999999", "0x7fffffffffffffff", "0o17",
    "1_000", "9" * 40, "~", "null", "yes", "no", "on", "true", "''", '""', "[]", "{}",
    "2024-13-45", "2024-02-30", "0000-01-01", "9999-12-31T23:59:59Z", "12:30:45",
    "!!python/object/apply:os.system ['echo pwned']", "!!binary aGVsbG8=", "!custom x",
    "*a", "&a x", "&a [*a, *a]", "<<: {kind: role}",
    '"\\x1b[31mred\\x1b[0m"', '"a\\rb"', '"\\u202eevil"', '"\\0"', '"\\x85"', '"\\t"',
    "<script>alert(1)</script>", '"<img src=x onerror=alert(1)>"', '"<svg onload=alert(1)>"',
    "=HYPERLINK(\"http://x\")", "'@SUM(A1)'", "+1", "-1", "\"\\n::error file=x::pwned\"",
    "[" * 60 + "]" * 60, "{a: " * 40 + "1" + "}" * 40, "[" * 3000 + "]" * 3000,
    "x" * 5000, "ä" * 300, "💥", "|\n  folded\n  text", ">-\n  more", "- a\n- b",
]
CONTROL_CHARS = [chr(c) for c in (*range(0, 32), 127, 0x85, 0x9b, 0x200b, 0x202e, 0x2028,
                                  0xfeff, 0xfffe)]
KEYS = ["kind", "id", "name", "owner", "lifecycle", "annual-cost", "costs", "share",
        "year", "users", "apiVersion", "elements", "relations", "metadata", "views", "x",
        "source", "target", "type", "properties", "supports", "runs-on", "data-groups",
        "<<", "?", "- ", "&a", "*a"]


@cache
def sample_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.yaml"))}


@cache
def sample_loaded():
    from eaframework.loader import load_texts

    return load_texts(sample_texts())


# -- mutations of text ------------------------------------------------------------------
@st.composite
def mutated_text(draw, text: str, max_mutations: int = 4) -> str:
    """`text` with one to `max_mutations` edits: lines deleted, duplicated, swapped or
    re-indented, a value or key replaced by a hostile one, control characters inserted,
    the text cut short."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, max_mutations))):
        if not lines:
            lines = [""]
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["value", "value", "value", "key", "control", "delete",
                                   "duplicate", "swap", "indent", "insert", "cut", "alias"]))
        line = lines[i]
        if op == "value":
            key, sep, _ = line.partition(": ")
            value = draw(st.sampled_from(HOSTILE) | st.text(max_size=20))
            lines[i] = f"{key}{sep or ': '}{value}"
        elif op == "key":
            indent = len(line) - len(line.lstrip(" -"))
            _, sep, value = line.partition(":")
            lines[i] = f"{line[:indent]}{draw(st.sampled_from(KEYS))}:{value if sep else ' x'}"
        elif op == "control":
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(st.sampled_from(CONTROL_CHARS)) + line[at:]
        elif op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, line)
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            lines[i] = " " * draw(st.integers(0, 9)) + line.lstrip()
        elif op == "insert":
            lines.insert(i, draw(st.sampled_from(HOSTILE + [f"{k}: v" for k in KEYS])))
        elif op == "cut":
            lines = lines[: i + 1]
            lines[-1] = line[: draw(st.integers(0, len(line)))]
        elif op == "alias":  # an anchor on one value, aliases to it elsewhere
            key, sep, value = line.partition(": ")
            if sep and value:
                lines[i] = f"{key}: &a {value}"
                j = draw(st.integers(0, len(lines) - 1))
                k, s, _ = lines[j].partition(": ")
                if s and j != i:
                    lines[j] = f"{k}: *a"
    return "\n".join(lines)


@st.composite
def mutated_bytes(draw, data: bytes, max_mutations: int = 4) -> bytes:
    """`data` with bytes flipped, inserted or removed."""
    raw = bytearray(data)
    for _ in range(draw(st.integers(1, max_mutations))):
        at = draw(st.integers(0, max(0, len(raw) - 1)))
        op = draw(st.sampled_from(["flip", "insert", "delete"]))
        if op == "flip" and raw:
            raw[at] = draw(st.integers(0, 255))
        elif op == "insert":
            raw[at:at] = draw(st.binary(min_size=1, max_size=8) | st.sampled_from(
                [b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3", b"\xe2\x80\xae", b"\r"]))
        elif raw:
            del raw[at: at + draw(st.integers(1, 16))]
    return bytes(raw)


def fragment(text: str, start: int, size: int) -> str:
    """The file's header (up to `elements:`) and `size` lines of it from `start`: a small
    file, for the slower consumers (ea fmt)."""
    lines = text.split("\n")
    head = next((i for i, line in enumerate(lines) if line.startswith("elements:")), 0) + 1
    body = lines[head:]
    start = min(start, max(0, len(body) - 1))
    # begin at an element, so that most fragments are still model files
    while start > 0 and not body[start].lstrip().startswith("- "):
        start -= 1
    return "\n".join(lines[:head] + body[start: start + size]) + "\n"


# -- checks of outputs ------------------------------------------------------------------
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def no_raw_controls(text: str, what: str) -> None:
    found = RAW_CONTROL.search(text)
    assert found is None, f"{what}: raw control character {found.group()!r} at " \
                          f"{text[max(0, found.start() - 40): found.start() + 40]!r}"


@cache
def sarif_validator():
    """A validator of the SARIF 2.1.0 schema in the shared folder, or None if absent."""
    path = SHARED / "sarif" / "sarif-schema-2.1.0.json"
    if not path.exists():
        return None
    import jsonschema

    schema = json.loads(path.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def check_lint_outputs(report, formats=None, validate_sarif: bool = False) -> None:
    """Every `ea lint` output format of `report` is well formed."""
    from eaframework.lint.formats import FORMATTERS

    for name in formats or FORMATTERS:
        out = FORMATTERS[name](report, default_uri="models", srcroot=".")
        if name in ("json", "sarif"):
            data = json.loads(out)
            if name == "sarif" and validate_sarif and sarif_validator() is not None:
                errors = list(sarif_validator().iter_errors(data))
                assert not errors, errors[0].message
        elif name == "junit":
            ET.fromstring(out.encode("utf-8"))
        else:
            no_raw_controls(out, name)
        if name == "github" and out.strip():
            lines = out.rstrip("\n").split("\n")
            assert len(lines) == len(report.active), "a finding spans lines: a workflow " \
                                                     "command could be injected"
            for line in lines:
                assert re.match(r"::(error|warning|notice) ", line), line


def check_diff_outputs(diff) -> None:
    """`ea diff`'s formats: text without raw controls, JSON that parses, Markdown without
    live HTML from names."""
    from eaframework.changes import diff_report

    for lang in ("en", "fi"):
        no_raw_controls(diff_report.format_text(diff, lang), "diff text")
        json.loads(diff_report.format_json(diff, lang))
        markdown = diff_report.format_markdown(diff, lang)
        no_raw_controls(markdown, "diff markdown")
        lowered = markdown.lower()
        for tag in ("<script", "<img", "<svg", "<iframe"):
            assert tag not in lowered, f"markdown carries {tag} from a name"
