"""`ea diff` on a revision that does not load cleanly: the diff is what a reviewer of a
pull request that breaks the model needs most. What loaded is compared, and the load
errors the change brings are among the new findings, each at its file and line."""

from __future__ import annotations

import json

import pytest

from .gitrepo import commit, git, init, write

HEADER = "apiVersion: eaframework/v1\n"
UNITS = HEADER + """elements:
  - {kind: organisation-unit, id: ou-sivistys, name: Sivistystoimi}
  - {kind: organisation-unit, id: ou-tekninen, name: Tekninen toimi}
"""
SYSTEMS = HEADER + """elements:
  - kind: information-system
    id: sys-wilma
    name: Wilma
    owner: ou-sivistys
  - kind: information-system
    id: sys-kartta
    name: Karttapalvelu
    owner: ou-tekninen
"""


@pytest.fixture
def repo(tmp_path):
    repo = init(tmp_path / "repo")
    write(repo, {"models/units.yaml": UNITS, "models/systems.yaml": SYSTEMS})
    commit(repo, "a model that loads cleanly")
    return repo


def ea_diff(run_ea, repo, *args: str):
    """`ea diff` in the repository, in English unless `args` say otherwise."""
    return run_ea("--no-config", "diff", "--lang", "en", *args, cwd=repo)


def new_load_errors(out: str) -> list[str]:
    """The lines of the new findings that are load errors (EA0xx)."""
    found = out.split("\nNew findings (")[1].split("\n\n")[0].splitlines()[1:]
    return [line for line in found if "  EA0" in line]


def test_a_dropped_file_others_refer_to(run_ea, repo):
    git(repo, "rm", "-q", "models/units.yaml")
    commit(repo, "drop the units")
    code, out, err = ea_diff(run_ea, repo, "HEAD~1", "HEAD")
    assert code == 1, err
    assert "Removes 2 organisation units: Sivistystoimi and Tekninen toimi." in out
    assert "−  organisation unit  ou-sivistys  Sivistystoimi" in out
    found = new_load_errors(out)
    assert len(found) == 2
    assert found[0].startswith("  HEAD:models/systems.yaml:6:5  error  EA007  `owner` of "
                               "information-system 'sys-wilma' refers to 'ou-sivistys', "
                               "which is not an element of the model")
    assert found[1].startswith("  HEAD:models/systems.yaml:10:5  error  EA007")
    assert "error  EA301  information system 'Wilma' has no owner" in out  # the rules ran
    assert "2 new load error(s): HEAD (" in err and "does not load cleanly" in err
    assert "refusing" not in err


def test_a_misspelt_reference_in_markdown(run_ea, repo):
    write(repo, {"models/systems.yaml": SYSTEMS.replace("owner: ou-tekninen",
                                                        "owner: ou-teknine")})
    commit(repo, "misspell an owner")
    code, out, err = ea_diff(run_ea, repo, "HEAD~1", "HEAD", "--format", "markdown")
    assert code == 1, err
    assert "- Moves ownership of Karttapalvelu from Tekninen toimi to (no owner)." in out
    assert "### New findings (2)" in out  # EA007, and EA301: the system has no owner now
    row = next(line for line in out.splitlines() if "EA007" in line)
    assert row.startswith("| error | EA007 | sys-kartta | `owner` of information-system "
                          "'sys-kartta' refers to 'ou-teknine'")
    assert "did you mean 'ou-tekninen'?" in row
    assert row.endswith("| – | HEAD:models/systems.yaml:10:5 |")
    # Mending it clears the finding: the way back is a normal diff, exit 0.
    code, out, _ = ea_diff(run_ea, repo, "HEAD", "HEAD~1", "--format", "json")
    assert code == 0
    assert sorted(f["code"] for f in json.loads(out)["findings_gone"]) == ["EA007", "EA301"]


def test_load_errors_are_compared_without_lint(run_ea, repo):
    write(repo, {"models/systems.yaml": SYSTEMS.replace("owner: ou-tekninen",
                                                        "owner: ou-teknine")})
    commit(repo, "misspell an owner")
    code, out, _ = ea_diff(run_ea, repo, "HEAD~1", "HEAD", "--no-lint")
    assert code == 1
    assert len(new_load_errors(out)) == 1
    assert "Findings were not compared (run without --no-lint to compare them). Load errors " \
           "are listed all the same." in out


def test_a_file_that_is_no_longer_yaml_is_left_out(run_ea, repo):
    write(repo, {"models/units.yaml": UNITS.replace("- {kind: organisation-unit, id: ou-t",
                                                    "- {kind: [organisation-unit, id: ou-t")})
    commit(repo, "break the YAML")
    code, out, err = ea_diff(run_ea, repo, "HEAD~1", "HEAD")
    assert code == 2
    lines = out.splitlines()
    assert "Leaves out HEAD:models/units.yaml: it could not be read (see the findings)." \
           in lines[3]
    assert "Removes 2 organisation units" in out  # what could be read is compared
    found = new_load_errors(out)
    assert "  HEAD:models/units.yaml:4:12  error  EA002  invalid YAML: " in found[-1]
    assert [line.split("  ")[3] for line in found[:2]] == ["EA007", "EA007"]
    assert err.startswith("error: HEAD:models/units.yaml:4:")
    assert "EA002" in err and "left out of the comparison" in err
    data = json.loads(ea_diff(run_ea, repo, "HEAD~1", "HEAD", "--format", "json").out)
    assert data["new_left_out"] == ["HEAD:models/units.yaml"] and data["old_left_out"] == []
    memo = ea_diff(run_ea, repo, "HEAD~1", "HEAD", "--lang", "fi").out
    assert "Vertailusta jäi pois HEAD:models/units.yaml: tiedostoa ei voitu lukea" in memo


def test_a_change_that_repairs_broken_yaml_passes(run_ea, repo):
    broken = UNITS.replace("- {kind: organisation-unit, id: ou-t", "- {kind: [organisation-unit, id: ou-t")
    write(repo, {"models/units.yaml": broken})
    commit(repo, "break the YAML")
    write(repo, {"models/units.yaml": UNITS})
    commit(repo, "repair it")
    code, out, err = ea_diff(run_ea, repo, "HEAD~1", "HEAD")
    assert code == 0, err
    assert "Leaves out HEAD~1:models/units.yaml" in out
    assert err.startswith("warning: HEAD~1:models/units.yaml:4:")
    assert "left out of the comparison" in err
    assert "Adds 2 organisation units" in out  # the repaired file's elements reappear
