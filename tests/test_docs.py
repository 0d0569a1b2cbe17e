"""The examples in docs/checks.md are real: each flagged one prints what the page shows."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT, run_cli

PAGE = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
SECTION = re.compile(r"^## (?P<check>[a-z-]+)\n(?P<body>.*?)(?=^## |\Z)", re.M | re.S)


def examples() -> list[tuple[str, str, str, str]]:
    found = []
    for section in SECTION.finditer(PAGE):
        body = section.group("body")
        flagged = re.search(r"Flagged:\n\n> (.+)\n\n```text\n(.+?)\n```", body, re.S)
        passing = re.search(r"Passes:\n\n> (.+)\n", body)
        if flagged and passing:
            found.append(
                (section.group("check"), flagged.group(1), flagged.group(2), passing.group(1))
            )
    return found


def test_every_check_has_a_documented_example() -> None:
    from factlint.checks import CHECK_IDS

    assert sorted(check for check, *_ in examples()) == sorted(CHECK_IDS)


@pytest.mark.parametrize(("check", "flagged", "output", "passing"), examples())
def test_documented_example(
    check: str, flagged: str, output: str, passing: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["check", "--quiet", "--stdin-filename", "draft.md", "-"]
    result = run_cli(args, capsys, stdin=flagged.encode())
    assert result.out.splitlines() == output.splitlines()
    result = run_cli(args, capsys, stdin=passing.encode())
    assert f" {check} " not in result.out


OUTPUT_BLOCK = re.compile(
    r"<!-- factlint-output: (?P<args>.+?) -->\n```text\n(?P<out>.*?)```", re.S
)


def output_examples() -> list[tuple[str, str, str]]:
    found = []
    for page in sorted((ROOT / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for block in OUTPUT_BLOCK.finditer(text):
            found.append((page.name, block.group("args"), block.group("out")))
    return found


def test_docs_show_some_real_outputs() -> None:
    assert len(output_examples()) >= 3


@pytest.mark.parametrize(("page", "args", "expected"), output_examples())
def test_documented_output_is_real(
    page: str,
    args: str,
    expected: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    result = run_cli(args.split(), capsys)
    assert result.out == expected, f"{page}: regenerate the output of 'factlint {args}'"
