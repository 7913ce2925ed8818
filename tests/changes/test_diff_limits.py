"""`ea diff` reads each side within the configured limits (`max-model-bytes`,
`max-elements` of `[eaframework]`), as `ea lint` does, not within the loader's defaults:
a side over them is one EA001, left out of the comparison."""

from __future__ import annotations

import pytest

from eaframework.changes.compare import compare_sides
from eaframework.config import Settings

from .gitrepo import commit, init, write

HEADER = "apiVersion: eaframework/v1\n"
TWO = HEADER + """elements:
  - {kind: organisation-unit, id: ou-a, name: Yksikkö A}
  - {kind: organisation-unit, id: ou-b, name: Yksikkö B}
"""


@pytest.fixture
def repo(tmp_path):
    repo = init(tmp_path / "repo")
    write(repo, {"models/a.yaml": TWO})
    commit(repo, "one")
    write(repo, {"models/a.yaml": TWO.replace("Yksikkö B", "Yksikkö B2")})
    commit(repo, "two")
    return repo


@pytest.mark.parametrize(("limit", "words"), [
    ({"max_elements": 1}, "max-elements"), ({"max_model_bytes": 50}, "max-model-bytes"),
])
def test_revisions_are_read_within_the_configured_limits(repo, limit, words):
    result = compare_sides("HEAD~1", "HEAD", "models", Settings(**limit), with_lint=False,
                           cwd=repo)
    for left_out in (result.old_left_out, result.new_left_out):
        assert [d.code for d in left_out] == ["EA001"]
        assert words in left_out[0].message


def test_within_the_limits_both_sides_compare(repo):
    result = compare_sides("HEAD~1", "HEAD", "models", Settings(max_elements=2),
                           with_lint=False, cwd=repo)
    assert not result.old_left_out and not result.new_left_out
    assert result.diff.changed


def test_ea_diff_reads_the_limits_from_setup_cfg(run_ea, repo):
    write(repo, {"setup.cfg": "[eaframework]\nmodels = models\nmax-elements = 1\n"})
    result = run_ea("diff", "HEAD~1", "HEAD", "--no-lint", cwd=repo)
    assert result.code == 2, result.err
    assert "EA001" in result.err and "left out of the comparison" in result.err
    result = run_ea("--no-config", "diff", "HEAD~1", "HEAD", "--no-lint", "--path", "models",
                    cwd=repo)
    assert result.code == 0, result.err
