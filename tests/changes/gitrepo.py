"""Temporary git repositories for the tests: real git, isolated from the user's config."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "models" / "esimerkkila"
# The sample change, as written against the sample, and against the sample after `ea fmt`.
SAMPLE_CHANGES = [Path(__file__).parent / "data" / name
                  for name in ("sample-change.patch", "sample-change.formatted.patch")]
SETUP_CFG = "[eaframework]\nmodels = models/esimerkkila\n"

ENV = {
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, env={**os.environ, **ENV},
                          capture_output=True, text=True, check=check)


def init(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "-c", "init.defaultBranch=main", "init", "-q")
    return repo


def commit(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)
    return git(repo, "rev-parse", "HEAD").stdout.strip()


def write(repo: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def sample_repo(repo: Path) -> Path:
    """A repository with the sample model at HEAD~1 and the sample change (a new ERP, the
    old payroll system retired, the GIS moved to another department) at HEAD.

    The change is tests/changes/data/sample-change.patch (or its twin for the sample after
    `ea fmt`). If the sample in the work tree already holds it (it was committed to the
    sample), the patch is applied in reverse to make the older side, so the tests keep
    working either way."""
    init(repo)
    (repo / "setup.cfg").write_text(SETUP_CFG, encoding="utf-8")
    shutil.copytree(SAMPLE, repo / "models" / "esimerkkila")
    for patch in map(str, SAMPLE_CHANGES):
        if git(repo, "apply", "--check", patch, check=False).returncode == 0:
            commit(repo, "Sample model")
            git(repo, "apply", patch)
            break
        if git(repo, "apply", "--check", "-R", patch, check=False).returncode == 0:
            git(repo, "apply", "-R", patch)
            commit(repo, "Sample model")
            git(repo, "apply", patch)
            break
    else:
        raise AssertionError(
            "the patches in tests/changes/data/ apply to the sample neither forwards nor "
            "backwards: the sample changed under them; make them anew")
    commit(repo, "ERP phase 1: HR and payroll to the new ERP, Palkka+ retired, GIS to "
                 "the urban environment department")
    return repo
