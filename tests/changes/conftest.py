from __future__ import annotations

import pytest

from .gitrepo import sample_repo


@pytest.fixture(scope="session")
def sample_git(tmp_path_factory):
    """The sample model in a git repository: HEAD~1 before, HEAD after the sample change."""
    return sample_repo(tmp_path_factory.mktemp("sample-repo"))
