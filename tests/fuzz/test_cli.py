"""The real `ea` on mutated models, a few examples (each is a process): the exit code is 0,
1 or 2, never a traceback or an "internal error", and machine outputs parse."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import run_ea
from tests.fuzz.common import mutated_text, sample_texts
from tests.fuzz.conftest import fuzz_settings

COMMANDS = [  # "M" is the model folder
    ("lint", "M", "--format", "json"),
    ("lint", "M", "--format", "text"),
    ("lint", "M", "--format", "github"),
    ("export", "archimate", "M", "-o", "out.xml"),
    ("export", "csv", "M", "-o", "csv-out"),
    ("report", "M", "-o", "report.html"),
    ("impact", "sys-asianhallinta", "M"),
    ("fmt", "M", "--check"),
]


def _clean(result) -> None:
    assert result.code in (0, 1, 2), result
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err


@fuzz_settings(0.2)
@given(st.sampled_from(sorted(sample_texts())), st.sampled_from(COMMANDS), st.data())
def test_ea_on_mutated_models(tmp_path_factory, name, command, data):
    folder = tmp_path_factory.mktemp("fuzz")
    model = folder / "models"
    model.mkdir()
    texts = dict(sample_texts())
    texts[name] = data.draw(mutated_text(texts[name]), label="text")
    for file, text in texts.items():
        (model / file).write_text(text, encoding="utf-8", errors="surrogatepass")
    args = ["models" if arg == "M" else arg for arg in command]
    result = run_ea("--no-config", *args, cwd=folder, env={"CI": "1"})
    _clean(result)
    if command[-1] == "json" and result.code != 2:
        json.loads(result.out)
