"""One `--lang` for every command: its choices are the vocabulary's output languages, its
default is `lang` in setup.cfg, else Finnish."""

from __future__ import annotations

import shutil

import pytest

from eaframework.model.vocabulary import DEFAULT_LANGUAGE, OUTPUT_LANGUAGES
from tests.conftest import REPO

SAMPLE = REPO / "models" / "esimerkkila"

# Each command that writes words, and where its output goes: stdout or a file / folder.
COMMANDS = {
    "views": (["views"], None),
    "render": (["render", "--view", "palvelukartta", "--format", "dot", "--out-dir", "out"],
               "out"),
    "report": (["report", "--no-diagrams", "--today", "2026-06-01", "-o", "r.html"], "r.html"),
    "diff": (["diff", "models", "models", "--no-lint"], None),
    "impact": (["impact", "sys-asianhallinta"], None),
}


def _config(folder, lang: str | None) -> None:
    """The sample in `folder`, with a setup.cfg: the configuration is the one nearest above
    the model, so the repository's own would win for the sample where it is."""
    shutil.copytree(SAMPLE, folder / "models")
    text = "[eaframework]\nmodels = models\n" + (f"lang = {lang}\n" if lang else "")
    (folder / "setup.cfg").write_text(text, encoding="utf-8")


def _output(run_ea, folder, command: str, flag: str | None) -> str:
    args, written = COMMANDS[command]
    result = run_ea(*args, *(["--lang", flag] if flag else []), cwd=folder)
    assert result.code == 0, result.err
    if written is None:
        return result.out
    path = folder / written
    files = sorted(path.iterdir()) if path.is_dir() else [path]
    return "".join(f"{p.name}\n{p.read_text(encoding='utf-8')}" for p in files)


@pytest.mark.parametrize("command", COMMANDS)
def test_the_configured_language_is_every_commands_default(run_ea, tmp_path, command):
    runs = {}
    for name, configured, flag in (("config en", "en", None), ("flag en", None, "en"),
                                   ("default", None, None), ("flag fi", None, "fi")):
        folder = tmp_path / name.replace(" ", "-")
        folder.mkdir()
        _config(folder, configured)
        runs[name] = _output(run_ea, folder, command, flag)
    assert runs["config en"] == runs["flag en"]
    assert runs["default"] == runs["flag fi"] != runs["flag en"]


def test_the_flag_wins_over_the_configuration(run_ea, tmp_path):
    _config(tmp_path, "en")
    assert run_ea("impact", "sys-asianhallinta", "--lang", "fi", cwd=tmp_path).out.startswith(
        "Vaikutukset: ")


@pytest.mark.parametrize("lang", ["sv", "xx", "eng"])
def test_a_language_there_are_no_words_for_is_refused(run_ea, tmp_path, lang):
    _config(tmp_path, lang)
    result = run_ea("impact", "sys-asianhallinta", cwd=tmp_path)
    if lang in OUTPUT_LANGUAGES:  # Swedish, once its words are there
        assert result.code == 0, result.err
        return
    assert result.code == 2 and result.out == ""
    hint = "; did you mean 'en'?" if lang == "eng" else ""
    assert result.err.endswith(f"setup.cfg: [eaframework] lang: {lang!r} is not one of "
                               f"{', '.join(OUTPUT_LANGUAGES)}{hint}\n"), result.err
    flag = run_ea("--no-config", "impact", "sys-asianhallinta", SAMPLE, "--lang", lang)
    assert flag.code == 2 and f"'{lang}' is not one of" in flag.err


def test_finnish_unless_configured():
    assert DEFAULT_LANGUAGE == "fi" and DEFAULT_LANGUAGE in OUTPUT_LANGUAGES
