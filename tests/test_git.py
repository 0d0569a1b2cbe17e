"""`--diff REF` on a real git repository, and the real pre-commit hook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

BAD = "Some 300,000 people are held in political prison camps, the UN says."
GOOD = "The UN Commission of Inquiry put the number in political prison camps at 80,000 to 120,000."


def git(repo: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q")
    return tmp_path


def test_diff_reports_only_changed_lines(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "old.md").write_text(f"{BAD}\n\nText.\n\n{BAD}\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "start")
    (repo / "old.md").write_text(f"{BAD}\n\nText.\n\n{BAD} Again.\n", encoding="utf-8")
    (repo / "new.md").write_text(f"{BAD}\n", encoding="utf-8")  # untracked: all lines new
    monkeypatch.chdir(repo)
    result = run_cli(["check", "--quiet", "--diff", "HEAD", "."], capsys)
    assert [line.split(": ")[0] for line in result.out.splitlines()] == [
        "new.md:1:1",
        "old.md:5:1",
    ]
    everything = run_cli(["check", "--quiet", "."], capsys)
    assert len(everything.out.splitlines()) == 3


def test_diff_with_a_bad_ref_is_an_input_error(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "d.md").write_text(f"{BAD}\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "start")
    monkeypatch.chdir(repo)
    result = run_cli(["check", "--diff", "no-such-ref", "."], capsys)
    assert result.status == 2
    assert result.err.startswith("factlint: --diff:")


@pytest.mark.slow
def test_pre_commit_hook_fails_a_bad_draft_and_passes_a_good_one(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    pre_commit = Path(sys.executable).with_name("pre-commit")
    environment = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
        "PRE_COMMIT_COLOR": "never",
    }

    def try_hook(name: str, text: str) -> subprocess.CompletedProcess[str]:
        (repo / name).write_text(text, encoding="utf-8")
        git(repo, "add", name)
        return subprocess.run(
            [str(pre_commit), "try-repo", str(ROOT), "factlint", "--files", name],
            cwd=repo,
            capture_output=True,
            text=True,
            env=environment,
            timeout=900,
        )

    bad = try_hook("bad.md", f"{BAD}\n")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.md:1:1: error out-of-range [prison-camp-population]" in bad.stdout
    good = try_hook("good.md", f"{GOOD}\n")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
