"""Reading a side from a folder or from a git revision, without touching the work tree."""

from __future__ import annotations

import pytest

from eaframework.changes.revisions import RevisionError, read_side

from .gitrepo import commit, git, init, write

HEADER = "apiVersion: eaframework/v1\n"
V1 = HEADER + "elements:\n  - {kind: organisation-unit, id: ou-a, name: Yksikkö A}\n"
V2 = HEADER + "elements:\n  - {kind: organisation-unit, id: ou-a, name: Yksikkö A2}\n"


@pytest.fixture
def repo(tmp_path):
    repo = init(tmp_path / "repo")
    write(repo, {"models/m/a.yaml": V1, "models/m/.hidden/x.yaml": "not: [a model",
                 "models/m/notes.txt": "ignored", "other/b.yaml": V1})
    commit(repo, "one")
    write(repo, {"models/m/a.yaml": V2})
    commit(repo, "two")
    return repo


def test_git_side_holds_the_committed_files_of_the_model_folder(repo):
    write(repo, {"models/m/a.yaml": "uncommitted: edit\n"})
    status = git(repo, "status", "--porcelain").stdout
    head = git(repo, "rev-parse", "HEAD").stdout

    side = read_side("HEAD~1", "models/m", cwd=repo)

    assert side.texts == {"HEAD~1:models/m/a.yaml": V1}  # hidden folders and .txt skipped
    assert side.label.startswith("HEAD~1 (") and side.commit == git(
        repo, "rev-parse", "HEAD~1").stdout.strip()
    assert read_side("HEAD", "models/m", cwd=repo).texts == {"HEAD:models/m/a.yaml": V2}
    # Reading checked nothing out: the work tree, the index and HEAD are as they were.
    assert git(repo, "status", "--porcelain").stdout == status
    assert git(repo, "rev-parse", "HEAD").stdout == head
    assert (repo / "models/m/a.yaml").read_text() == "uncommitted: edit\n"


def test_model_path_is_relative_to_the_working_folder(repo):
    side = read_side("main", "m", cwd=repo / "models")
    assert list(side.texts) == ["main:models/m/a.yaml"]
    assert list(read_side("HEAD", "models/m/a.yaml", cwd=repo).texts) == ["HEAD:models/m/a.yaml"]


def test_a_tag_and_a_commit_hash_are_revisions(repo):
    git(repo, "tag", "v1", "HEAD~1")
    sha = git(repo, "rev-parse", "HEAD~1").stdout.strip()
    assert read_side("v1", "models/m", cwd=repo).texts == {"v1:models/m/a.yaml": V1}
    assert list(read_side(sha[:10], "models/m", cwd=repo).texts.values()) == [V1]


def test_an_existing_folder_wins_over_a_revision_of_the_same_name(repo):
    write(repo, {"HEAD/a.yaml": V2})
    side = read_side("HEAD", "models/m", cwd=repo)
    assert side.commit is None and list(side.texts.values()) == [V2]


def test_unknown_revision_is_a_clear_error(repo):
    with pytest.raises(RevisionError) as caught:
        read_side("no-such-branch", "models/m", cwd=repo)
    message = str(caught.value)
    assert "'no-such-branch' is neither a model folder nor a revision known to git" in message
    assert "\n" not in message


def test_revision_without_model_files_under_the_path(repo):
    with pytest.raises(RevisionError, match=r"HEAD \([0-9a-f]{7}\) has no .yaml model files "
                                            r"under models/none/"):
        read_side("HEAD", "models/none", cwd=repo)


def test_outside_a_repository(tmp_path):
    with pytest.raises(RevisionError, match="is not inside a git repository"):
        read_side("HEAD", "models", cwd=tmp_path)


def test_options_are_not_passed_to_git_as_revisions(repo):
    with pytest.raises(RevisionError, match="neither a model folder nor a git revision"):
        read_side("--output=x.txt", "models/m", cwd=repo)


def test_a_blob_that_is_not_utf8_is_reported_as_unreadable(repo):
    (repo / "models/m/bad.yaml").write_bytes(HEADER.encode() + b"elements: []\n# \xff\n")
    commit(repo, "bad")
    side = read_side("HEAD", "models/m", cwd=repo)
    assert list(side.texts) == ["HEAD:models/m/a.yaml"]
    (problem,) = side.unreadable
    assert problem.code == "EA001" and "not valid UTF-8" in problem.message
    assert str(problem.location) == "HEAD:models/m/bad.yaml:3:3"
    assert side.load().fatal


def test_folder_side(tmp_path):
    write(tmp_path, {"m/a.yaml": V1, "m/sub/b.yml": V2})
    side = read_side("m", cwd=tmp_path)
    assert side.commit is None
    assert sorted(side.texts.values()) == sorted([V1, V2])
    with pytest.raises(RevisionError, match="holds no .yaml model files"):
        (tmp_path / "empty").mkdir()
        read_side("empty", cwd=tmp_path)
