"""Suppression comments: every form, ids, code blocks, and unused ones reported."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli

BAD = "Some 300,000 people are held in political prison camps, the UN says."
UNSOURCED = "Between 80,000 and 120,000 are held in political prison camps."


def lint(draft: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """'line:col check' of each finding."""
    result = run_cli(["check", "--quiet", "--stdin-filename", "d.md", "-"], capsys, draft.encode())
    return [
        f"{line.split(':')[1]}:{line.split(':')[2]} {line.split()[2]}"
        for line in result.out.splitlines()
    ]


def test_without_comments_both_are_found(capsys: pytest.CaptureFixture[str]) -> None:
    assert lint(f"{BAD}\n\n{UNSOURCED}\n", capsys) == ["1:1 out-of-range", "3:1 unattributed"]


def test_disable_file_suppresses_everything(capsys: pytest.CaptureFixture[str]) -> None:
    draft = f"<!-- factlint-disable-file -->\n\n{BAD}\n\n{UNSOURCED}\n"
    assert lint(draft, capsys) == []


def test_disable_file_with_a_check_id(capsys: pytest.CaptureFixture[str]) -> None:
    draft = f"<!-- factlint-disable-file unattributed -->\n\n{BAD}\n\n{UNSOURCED}\n"
    assert lint(draft, capsys) == ["3:1 out-of-range"]


def test_disable_with_a_claim_id_until_enable(capsys: pytest.CaptureFixture[str]) -> None:
    draft = (
        f"<!-- factlint-disable prison-camp-population -->\n\n{BAD}\n\n"
        f"<!-- factlint-enable -->\n\n{UNSOURCED}\n"
    )
    assert lint(draft, capsys) == ["7:1 unattributed"]


def test_enable_with_ids_ends_only_those(capsys: pytest.CaptureFixture[str]) -> None:
    unsourced_bad = "Some 300,000 people are held in political prison camps."
    draft = (
        "<!-- factlint-disable out-of-range, unattributed -->\n\n"
        f"{unsourced_bad}\n\n<!-- factlint-enable out-of-range -->\n\n{unsourced_bad}\n\n"
        f"<!-- factlint-enable -->\n\n{unsourced_bad}\n"
    )
    assert lint(draft, capsys) == [
        "7:1 out-of-range",
        "11:1 out-of-range",
        "11:1 unattributed",
    ]


def test_disable_next_line(capsys: pytest.CaptureFixture[str]) -> None:
    draft = f"<!-- factlint-disable-next-line out-of-range -->\n{BAD}\n\n{BAD}\n"
    assert lint(draft, capsys) == ["4:1 out-of-range"]


def test_inline_comment_in_a_paragraph(capsys: pytest.CaptureFixture[str]) -> None:
    draft = f"Intro text. <!-- factlint-disable-next-line -->\n{BAD}\n"
    assert lint(draft, capsys) == []


def test_unused_suppression_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    draft = f"<!-- factlint-disable-next-line -->\nNo figures here.\n\n{BAD}\n"
    result = run_cli(["check", "--quiet", "--stdin-filename", "d.md", "-"], capsys, draft.encode())
    assert result.out.splitlines() == [
        "d.md:1:1: info unused-suppression '<!-- factlint-disable-next-line -->' suppresses"
        " nothing; remove it",
        "d.md:4:1: error out-of-range [prison-camp-population] Some 300,000 people in political"
        " prison camps is outside the cited 80,000–120,000 (Enos 2017, The Asia Dialogue; UN"
        " Commission of Inquiry 2014)",
    ]
    assert result.status == 1


def test_unused_suppression_position_and_severity(capsys: pytest.CaptureFixture[str]) -> None:
    draft = f"{BAD}\n\n<!-- factlint-disable unattributed -->\n{BAD}\n"
    assert lint(draft, capsys) == ["1:1 out-of-range", "3:1 unused-suppression", "4:1 out-of-range"]


def test_comments_in_code_are_not_directives(capsys: pytest.CaptureFixture[str]) -> None:
    draft = (
        "```\n<!-- factlint-disable-file -->\n```\n\n"
        f"Use `<!-- factlint-disable-next-line -->` like this:\n{BAD}\n"
    )
    assert lint(draft, capsys) == ["6:1 out-of-range"]


def test_unused_suppression_can_be_ignored_by_config(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    (tmp_path / ".factlint.yaml").write_text("ignore: [unused-suppression]\n", encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text("<!-- factlint-disable -->\nNothing.\n", encoding="utf-8")
    result = run_cli(["check", "--quiet", str(draft)], capsys)
    assert result.out == ""


def test_a_reason_may_follow_two_dashes(capsys: pytest.CaptureFixture[str]) -> None:
    draft = f"<!-- factlint-disable-next-line out-of-range -- quoting the 2012 leaflet -->\n{BAD}\n"
    assert lint(draft, capsys) == []


def test_a_mistyped_directive_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    draft = f"<!-- factlint-disable-next-line: out-of-range -->\n{BAD}\n"
    result = run_cli(["check", "--quiet", "--stdin-filename", "d.md", "-"], capsys, draft.encode())
    assert result.out.splitlines()[0] == (
        "d.md:1:1: info unused-suppression '<!-- factlint-disable-next-line: out-of-range -->'"
        " is not a valid factlint directive; see docs/suppression.md"
    )
    assert " out-of-range " in result.out.splitlines()[1]


def test_a_draft_without_directives_is_not_parsed_for_them() -> None:
    # Under --jobs the parent reads directives and the workers do the Markdown pass; a draft
    # that cannot hold one must not cost the parent that pass (HTML comments or not).
    from factlint.document import parse_document
    from factlint.suppression import directives

    plain = parse_document("<!-- a note -->\n\nSome 300,000 people.\n", "a.md")
    assert directives(plain) == [] and "masked" not in plain.__dict__
    marked = parse_document("<!-- factlint-disable -->\n\nSome 300,000 people.\n", "b.md")
    assert [found.kind for found in directives(marked)] == ["disable"]
    in_code = parse_document("```\n<!-- factlint-disable -->\n```\n", "c.md")
    assert directives(in_code) == []
