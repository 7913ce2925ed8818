"""Configuration, presets, severities, suppressions and custom rules, through the CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

MODEL = """\
apiVersion: eaframework/v1
elements:
  - kind: organisation-unit
    id: ou-konserni
    name: Konsernipalvelut
  - kind: information-system
    id: sys-talous
    name: Taloushallinto
    sourcing: procured
  - kind: information-system
    id: sys-crm
    name: Asiakkuudenhallinta
    owner: ou-konserni
    sourcing: saas
"""


def ea(project: Path, *args: str) -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "eaframework", *args],
        cwd=project, capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "EA_CACHE_DIR": str(project / ".cache")},
    )
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the project root: config lookup stops here
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "city.yaml").write_text(MODEL, encoding="utf-8")
    return tmp_path


def config(project: Path, text: str) -> None:
    (project / "setup.cfg").write_text(textwrap.dedent(text), encoding="utf-8")


def findings(stdout: str) -> list[dict]:
    return json.loads(stdout)["findings"]


def codes(stdout: str) -> list[str]:
    return sorted({f["code"] for f in findings(stdout) if f["suppressed"] is None})


def test_models_key_is_the_default_path_and_findings_are_located(project):
    config(project, "[eaframework]\nmodels = models\n")
    rc, out, err = ea(project, "lint", "--format", "json", "--select", "EA301")
    assert rc == 1
    [finding] = findings(out)
    assert finding["code"] == "EA301"
    assert (finding["file"], finding["line"], finding["column"]) == ("models/city.yaml", 6, 3)  # the element's list item
    assert finding["element"] == "sys-talous"
    assert finding["hint"]
    assert finding["principle"] == "P8"


def test_severity_section_and_fail_on(project):
    config(project, """\
        [eaframework]
        models = models
        select = EA301, EA306
        [eaframework:severity]
        system-has-owner = warning
        EA3 = info
        """)
    rc, out, _ = ea(project, "lint", "--format", "json")
    levels = {f["code"]: f["severity"] for f in findings(out)}
    # the name beats the prefix for EA301; the prefix sets EA306
    assert levels == {"EA301": "warning", "EA306": "info"}
    assert rc == 0  # fail-on error by default
    rc, _, _ = ea(project, "lint", "--format", "json", "--fail-on", "warning")
    assert rc == 1


def test_command_line_overrides_config(project):
    config(project, "[eaframework]\nmodels = models\nselect = EA301\n")
    _, out, _ = ea(project, "lint", "--format", "json", "--select", "EA306",
                   "--severity", "EA306=warning")
    assert codes(out) == ["EA306"]
    assert findings(out)[0]["severity"] == "warning"


def test_ignore_beats_select_and_off_disables(project):
    config(project, "[eaframework]\nmodels = models\nselect = systems\nignore = EA306\n"
                    "[eaframework:severity]\nEA301 = off\n")
    _, out, _ = ea(project, "lint", "--format", "json")
    assert "EA306" not in codes(out) and "EA301" not in codes(out)


@pytest.mark.parametrize("text,expected", [
    ("[eaframework]\nselct = EA301\n", "unknown key 'selct' in [eaframework]; did you mean 'select'?"),
    ("[eaframework]\nselect = EA3O1\n", "unknown rule 'EA3O1'"),
    ("[eaframework]\nselect = system-has-ownr\n", "did you mean 'system-has-owner'?"),
    ("[eaframework]\npreset = strickt\n", "did you mean 'strict'?"),
    ("[eaframework:severity]\nEA301 = warn\n", "did you mean 'warning'?"),
    ("[eaframework:rules:procured-system-open-interface]\naccepted-opennes = open\n",
     "did you mean 'accepted-openness'?"),
    ("[eaframework:rules:no-such-rule]\nx = 1\n", "unknown rule in [eaframework:rules:no-such-rule]"),
    ("[eaframework:sevrity]\nEA301 = error\n", "unknown section [eaframework:sevrity]"),
    ("[eaframework:severity]\nEA007 = off\n", "integrity rule EA007 unknown-reference"),
])
def test_bad_config_exits_2_with_did_you_mean(project, text, expected):
    config(project, "[eaframework]\nmodels = models\n" + text if not text.startswith("[eaframework]\n") else text)
    rc, out, err = ea(project, "lint", "models")
    assert rc == 2, err
    assert expected in err
    assert "Traceback" not in err and out == ""


def test_rule_options_from_config(project):
    config(project, """\
        [eaframework]
        models = models
        select = EA306
        [eaframework:rules:procured-system-open-interface]
        accepted-openness = open
        """)
    with_interface = MODEL.replace("sourcing: saas\n", "sourcing: saas\n    exposes: [if-crm]\n")
    with_interface += "  - {kind: interface, id: if-crm, name: CRM API, openness: buyer-controlled}\n"
    (project / "models" / "city.yaml").write_text(with_interface, encoding="utf-8")
    _, out, _ = ea(project, "lint", "--format", "json")
    assert sorted(f["element"] for f in findings(out)) == ["sys-crm", "sys-talous"]
    config(project, "[eaframework]\nmodels = models\nselect = EA306\n")
    _, out, _ = ea(project, "lint", "--format", "json")
    assert [f["element"] for f in findings(out)] == ["sys-talous"]


def test_presets(project):
    rc, out, _ = ea(project, "--no-config", "lint", "models", "--format", "json",
                    "--preset", "strict", "--select", "EA306")
    assert {f["severity"] for f in findings(out)} == {"error"}
    _, rec, _ = ea(project, "--no-config", "lint", "models", "--format", "json")
    _, every, _ = ea(project, "--no-config", "lint", "models", "--format", "json", "--preset", "all")
    assert set(codes(rec)) <= set(codes(every))


SUPPRESSED = """\
  - kind: information-system
    id: sys-vanha
    name: Vanha palkanlaskenta
    sourcing: procured
    owner: ou-konserni
    suppress:
      - rule: procured-system-open-interface
        reason: Sopimus päättyy 2026-12, korvaava kilpailutus vaatii avoimen rajapinnan
        expires: 2026-12-31
        approved-by: arkkitehtuuriryhmä
      - rule: EA301
        reason: Omistaja on jo nimetty, tämä poikkeus on turha
      - rule: EA999
        reason: Tuntematon sääntö mutta kunnollinen perustelu
  - kind: information-system
    id: sys-lyhyt
    name: Lyhyt perustelu
    sourcing: procured
    owner: ou-konserni
    suppress:
      - {rule: EA306, reason: tbd}
"""


def test_suppressions_with_reason_expiry_unused_unknown(project):
    (project / "models" / "more.yaml").write_text(
        "apiVersion: eaframework/v1\nelements:\n" + SUPPRESSED, encoding="utf-8")
    args = ("--no-config", "lint", "models", "--format", "json", "--select", "EA306,EA301")
    _, out, _ = ea(project, *args, "--today", "2026-06-01")
    found = findings(out)
    accepted = [f for f in found if f["suppressed"]]
    assert [(f["code"], f["element"]) for f in accepted] == [("EA306", "sys-vanha")]
    assert accepted[0]["suppressed"]["reason"].startswith("Sopimus päättyy")
    assert accepted[0]["suppressed"]["approved_by"] == "arkkitehtuuriryhmä"
    by_code = {(f["code"], f["element"]) for f in found if not f["suppressed"]}
    assert ("EA011", "sys-vanha") in by_code  # EA301 suppression unused
    assert ("EA014", "sys-vanha") in by_code  # unknown rule EA999
    assert ("EA013", "sys-lyhyt") in by_code  # reason too short ...
    assert ("EA306", "sys-lyhyt") in by_code  # ... so it does not suppress
    unknown = next(f for f in found if f["code"] == "EA014")
    assert unknown["line"] == 15  # the suppression entry itself
    # after the expiry date the exception no longer holds
    _, out, _ = ea(project, *args, "--today", "2027-01-02")
    later = {(f["code"], f["element"]) for f in findings(out) if not f["suppressed"]}
    assert ("EA012", "sys-vanha") in later and ("EA306", "sys-vanha") in later


def test_max_suppression_days(project):
    (project / "models" / "more.yaml").write_text(
        "apiVersion: eaframework/v1\nelements:\n" + SUPPRESSED, encoding="utf-8")
    config(project, "[eaframework]\nmodels = models\nmax-suppression-days = 30\nselect = EA306\n")
    _, out, _ = ea(project, "lint", "--format", "json", "--today", "2026-06-01")
    messages = [f["message"] for f in findings(out) if f["code"] == "EA013"]
    assert any("beyond the 30 days allowed" in m for m in messages)


def test_per_file_ignores_are_external_suppressions(project):
    config(project, "[eaframework]\nmodels = models\nselect = EA306\n"
                    "[eaframework:per-file-ignores]\nmodels/city.yaml = EA306\n")
    rc, out, err = ea(project, "lint", "--format", "json")
    assert [f["suppressed"]["kind"] for f in findings(out)] == ["external", "external"]
    assert "per-file-ignores 'models/city.yaml'" in findings(out)[0]["suppressed"]["reason"]
    assert rc == 0 and "2 suppressed" in err


def test_custom_rule_plugin(project):
    shutil.copy(REPO / "examples" / "custom_rules" / "esimerkkila_rules.py", project)
    config(project, """\
        [eaframework]
        models = models
        plugins = esimerkkila_rules
        select = ESI301
        [eaframework:severity]
        saas-exit-plan = error
        """)
    rc, out, err = ea(project, "lint", "--format", "json")
    [finding] = findings(out)
    assert (finding["code"], finding["element"], finding["severity"]) == ("ESI301", "sys-crm", "error")
    assert "exit plan" in finding["message"]
    assert rc == 1
    rc, out, _ = ea(project, "rule", "ESI301")
    assert rc == 0 and "# saas-exit-plan (ESI301)" in out and "min-annual-cost" in out
    config(project, "[eaframework]\nmodels = models\nplugins = no_such_module\n")
    rc, _, err = ea(project, "lint")
    assert rc == 2 and "cannot import plugin module 'no_such_module'" in err


def test_lint_of_an_already_loaded_model_equals_lint_of_its_files(project):
    """`loaded=` (used by render, report and diff) spares a second load, and changes
    nothing in the result."""
    from eaframework.config import Settings
    from eaframework.lint import lint, lint_loaded
    from eaframework.loader import load_model

    paths = [project / "models"]
    settings = Settings(preset="all")
    direct = lint(paths, settings, use_cache=False)
    result = load_model(paths)
    assert lint(paths, settings, use_cache=False, loaded=result).diagnostics == direct.diagnostics
    assert lint_loaded(result, settings).diagnostics == direct.diagnostics
    assert {d.code for d in direct.active} >= {"EA301", "EA306"}
