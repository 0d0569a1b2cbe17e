"""Lines changed since a git ref, for `--diff REF`: report only what a pull request touched."""

from __future__ import annotations

import subprocess
from pathlib import Path

import regex

from factlint.errors import FactlintError

ALL_LINES = None  # a file that is new since the ref: every line counts as changed
ChangedLines = dict[Path, set[int] | None]

_FILE_HEADER = regex.compile(r"^\+\+\+ (?:b/(?P<path>.*)|/dev/null)$")
_HUNK = regex.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@")


def _git(arguments: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(
            ["git", *arguments], cwd=cwd, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise FactlintError("--diff needs git, and git is not installed") from None
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "git failed"
        raise FactlintError(f"--diff: {message}")
    return done.stdout


def changed_lines(ref: str, cwd: Path) -> ChangedLines:
    """Absolute path -> changed line numbers (1-based) in the working tree since `ref`."""
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    diff = _git(
        ["-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--unified=0",
         "--no-renames", ref, "--"],
        top,
    )  # fmt: skip
    changed = parse_unified_diff(diff, top)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top)
    for name in untracked.split("\0"):
        if name:
            changed[(top / name).resolve()] = ALL_LINES
    return changed


def parse_unified_diff(diff: str, top: Path) -> ChangedLines:
    changed: ChangedLines = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        header = _FILE_HEADER.match(line)
        if header:
            path = header.group("path")
            current = changed.setdefault((top / path).resolve(), set()) if path else None
            continue
        hunk = _HUNK.match(line)
        if hunk and current is not None:
            start = int(hunk.group("start"))
            count = int(hunk.group("count") or 1)
            current.update(range(start, start + count))
    return changed


def on_changed_line(path: Path, line: int, changed: ChangedLines) -> bool:
    resolved = path.resolve()
    if resolved not in changed:
        return False
    lines = changed[resolved]
    return lines is ALL_LINES or line in lines
