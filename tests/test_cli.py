"""End to end through the command line: the acceptance drafts, exit codes, formats, input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, Run, run_cli

ACCEPTANCE = ROOT / "fixtures" / "acceptance"


def lint_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[Run, dict[str, object]]:
    result = run_cli(["check", "--format", "json", *args], capsys)
    return result, json.loads(result.out)


def finding_rows(report: dict[str, object]) -> list[tuple[int, int, str, str | None, str]]:
    findings = report["findings"]
    assert isinstance(findings, list)
    return [(f["line"], f["column"], f["check"], f["claim"], f["text"]) for f in findings]


def test_flagged_acceptance_draft(capsys: pytest.CaptureFixture[str]) -> None:
    result, report = lint_json([str(ACCEPTANCE / "flagged.md")], capsys)
    assert finding_rows(report) == [
        # 200,000 in the camps and 100,000+ abroad are the pack's alternative estimates (older
        # and later ones): no longer out-of-range but recognised for what they are.
        (3, 1, "outdated-estimate", "prison-camp-population", "Some 200,000"),
        (5, 1, "alternative-estimate", "overseas-workers", "More than 100,000"),
        (7, 39, "out-of-range", "overseas-labour-revenue", "$5 billion a year"),
        (9, 26, "out-of-range", "escapees-women-share", "two in five"),
        (11, 23, "out-of-range", "dolgyeokdae-service-years", "five years"),
        (13, 40, "out-of-range", "tip-tier", "Tier 2"),
        (15, 1, "outdated-estimate", "prison-camp-population", "Up to 200,000"),
        (17, 1, "unattributed", "prison-camp-population", "Between 80,000 and 120,000"),
        (19, 1, "vague-attribution", "dolgyeokdae-workforce", "An estimated 400,000"),
        # Figures outside the cited interval and every alternative estimate.
        (21, 1, "out-of-range", "prison-camp-population", "Some 300,000"),
        (23, 1, "overstated", "prison-camp-population", "Up to 250,000"),
        (25, 1, "out-of-range", "overseas-workers", "Fewer than 20,000"),
    ]
    assert result.status == 1
    assert report["summary"] == {"files": 1, "error": 6, "warning": 5, "info": 1}


def test_clean_acceptance_draft_has_no_finding(capsys: pytest.CaptureFixture[str]) -> None:
    result, report = lint_json([str(ACCEPTANCE / "clean.md")], capsys)
    assert report["findings"] == []
    assert result.status == 0
    figures = report["figures"]
    assert isinstance(figures, list)
    texts = [figure["text"] for figure in figures]
    # the code block, the code span and the link URL hold "300,000": none is read
    assert "300,000" not in texts
    assert texts == [
        "80,000 to 120,000",
        "50,000 to 60,000",
        "about 13,000 kilometres",
        "roughly 25 million",
    ]


def test_heading_and_table_cell_positions(capsys: pytest.CaptureFixture[str]) -> None:
    _, report = lint_json([str(ACCEPTANCE / "positions.md")], capsys)
    figures = report["figures"]
    assert isinstance(figures, list)
    spans = [
        (f["line"], f["column"], f["end_line"], f["end_column"], f["text"], f["claim"])
        for f in figures
    ]
    assert spans == [
        (1, 10, 1, 17, "300,000", "prison-camp-population"),
        (5, 38, 5, 45, "300,000", "prison-camp-population"),
    ]


def test_text_output_format(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["check", str(ACCEPTANCE / "flagged.md")], capsys)
    lines = result.out.splitlines()
    assert lines[0] == (
        f"{ACCEPTANCE / 'flagged.md'}:3:1: warning outdated-estimate [prison-camp-population]"
        " Some 200,000 people in political prison camps matches an older estimate"
        " (150,000–200,000, estimates of the early 2010s, 2012); the pack cites 80,000–120,000"
        " (Enos 2017, The Asia Dialogue; UN Commission of Inquiry 2014): use the newer figure, or"
        " name the older one's source (estimates of the early 2010s)"
    )
    assert lines[9] == (
        f"{ACCEPTANCE / 'flagged.md'}:21:1: error out-of-range [prison-camp-population] Some"
        " 300,000 people in political prison camps is outside the cited 80,000–120,000 (Enos"
        " 2017, The Asia Dialogue; UN Commission of Inquiry 2014)"
    )
    assert lines[-1] == "Found 12 findings (6 errors, 5 warnings, 1 info) in 1 file."
    quiet = run_cli(["check", "--quiet", str(ACCEPTANCE / "flagged.md")], capsys)
    assert quiet.out.splitlines() == lines[:-1]


def test_json_contract_keys(capsys: pytest.CaptureFixture[str]) -> None:
    _, report = lint_json([str(ACCEPTANCE / "flagged.md")], capsys)
    assert list(report) == ["version", "findings", "figures", "errors", "summary"]
    assert report["version"] == 2
    findings = report["findings"]
    figures = report["figures"]
    assert isinstance(findings, list) and isinstance(figures, list)
    assert set(findings[0]) >= {
        "path", "line", "column", "end_line", "end_column", "severity", "check", "pack",
        "claim", "text", "stated", "cited", "message", "sources",
    }  # fmt: skip
    assert set(figures[0]) >= {
        "path", "line", "column", "end_line", "end_column", "text", "kind", "stated", "claim",
        "verdict", "attribution",
    }  # fmt: skip
    first = findings[0]
    assert first["stated"] == {"low": 200000, "high": 200000}
    assert first["cited"] == {"low": 80000, "high": 120000}
    assert [source["id"] for source in first["sources"]] == ["enos-2017", "un-coi-2014"]
    enos = first["sources"][0]
    assert enos == {
        "id": "enos-2017",
        "title": "Human trafficking, forced labour and the Hermit Kingdom",
        "cite": "Enos 2017, The Asia Dialogue",
        "date": "2017-11-24",
        "url": "https://theasiadialogue.com/2017/11/24/human-trafficking-forced-labour-and-the-hermit-kingdom/",
    }
    more_than = findings[1]
    assert more_than["stated"] == {"low": 100000, "high": None}


def test_output_is_byte_identical_across_runs(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", "--format", "json", str(ROOT / "fixtures")]
    assert run_cli(args, capsys).out == run_cli(args, capsys).out


def test_stdin(capsys: pytest.CaptureFixture[str]) -> None:
    draft = b"Some 300,000 people are held in political prison camps, the UN says.\n"
    result = run_cli(["check", "-"], capsys, stdin=draft)
    assert result.out.startswith("<stdin>:1:1: error out-of-range [prison-camp-population]")
    assert result.status == 1
    named = run_cli(["check", "--stdin-filename", "a/b.md", "-"], capsys, stdin=draft)
    assert named.out.startswith("a/b.md:1:1: error")


def test_folder_walk_finds_drafts_recursively(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = "Some 300,000 people are held in political prison camps, the UN says.\n"
    for name in ("a.md", "sub/b.markdown", "sub/deeper/c.txt", ".hidden/d.md", "e.rst"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(bad, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli(["check", "--quiet", "."], capsys)
    assert [line.split(":")[0] for line in result.out.splitlines()] == [
        "a.md",
        "sub/b.markdown",
        "sub/deeper/c.txt",
    ]
    result = run_cli(["check", "--quiet", "sub"], capsys)
    assert [line.split(":")[0] for line in result.out.splitlines()] == [
        "sub/b.markdown",
        "sub/deeper/c.txt",
    ]


def test_missing_path_is_an_input_error_and_others_are_still_linted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = run_cli(["check", "nowhere.md", str(ACCEPTANCE / "flagged.md")], capsys)
    assert result.status == 2
    assert result.err == "factlint: nowhere.md: no such file or directory\n"
    assert "out-of-range" in result.out


def test_invalid_utf8_names_the_byte(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"Fine line.\nBroken \xff byte.\n")
    result = run_cli(["check", str(bad)], capsys)
    assert result.status == 2
    assert result.err == f"factlint: {bad}:2: not valid UTF-8 (byte offset 18: b'\\xff')\n"


def test_binary_file_is_skipped_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = run_cli(["check", str(binary)], capsys)
    assert result.status == 2
    assert "binary file (NUL byte at offset 8); not linted" in result.err


def test_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.md"
    locked.write_text("text", encoding="utf-8")
    # CI runs as root, which chmod cannot lock out; fail the read the way the OS would.
    original = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = run_cli(["check", str(locked)], capsys)
    assert result.status == 2
    assert result.err == f"factlint: {locked}: cannot read file: Permission denied\n"


@pytest.mark.parametrize("name", ["crlf", "cr", "bom", "utf16"])
def test_line_ends_and_encodings_keep_positions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    lines = ["# Title", "", "Some 300,000 people are held in political prison camps, the UN says."]
    text = {"crlf": "\r\n", "cr": "\r", "bom": "\n", "utf16": "\n"}[name].join(lines) + "\n"
    data = text.encode("utf-16") if name == "utf16" else text.encode()
    if name == "bom":
        data = b"\xef\xbb\xbf" + data
    path = tmp_path / "draft.md"
    path.write_bytes(data)
    _, report = lint_json([str(path)], capsys)
    assert finding_rows(report) == [
        (3, 1, "out-of-range", "prison-camp-population", "Some 300,000")
    ]


def test_files_are_not_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.md"
    path.write_bytes(b"Some 300,000 people are held in political prison camps.\r\n")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    run_cli(["check", str(path)], capsys)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_figures_table_lists_unlinked_figures(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["check", "--figures", str(ACCEPTANCE / "clean.md")], capsys)
    lines = result.out.splitlines()
    assert lines[0].split() == [
        "location", "text", "kind", "stated", "claim", "verdict", "attribution"
    ]  # fmt: skip
    assert lines[3].split() == [
        f"{ACCEPTANCE / 'clean.md'}:7:24", "about", "13,000", "kilometres", "measure:km", "13,000",
        "-", "unlinked", "none",
    ]  # fmt: skip


def test_terminal_escapes_in_a_draft_are_not_printed_raw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "evil\x1b[2J.md"
    path.write_text("Some 300,000 people are held in political prison camps.\n", encoding="utf-8")
    result = run_cli(["check", str(path)], capsys)
    assert "\x1b" not in result.out
    assert "evil\\u001b[2J.md:1:1:" in result.out


def test_bad_pack_is_reported_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text("pack: demo\ntitle: [\n", encoding="utf-8")
    result = run_cli(["check", "--pack", str(pack), str(ACCEPTANCE / "clean.md")], capsys)
    assert result.status == 2
    assert result.err.startswith(f"factlint: {pack}:3:1: invalid YAML")
    assert "Traceback" not in result.err


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run_cli(["check", "--nope"], capsys)
    assert exit_info.value.code == 2


def test_user_pack_alongside_the_builtin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "pack: house\ntitle: House figures\nsources:\n  - {id: census, title: Census, cite: Census"
        " 2020}\nclaims:\n  - id: shelter-count\n    description: Shelters.\n    label: shelters\n"
        "    kind: entities\n    cited: {low: 12, high: 12, text: '12'}\n    sources: [census]\n"
        "    subject: {any: [shelter]}\n",
        encoding="utf-8",
    )
    draft = b"The census counts 30 shelters. Some 300,000 are held in political prison camps.\n"
    result = run_cli(
        ["check", "--quiet", "--pack", str(pack), "--pack", "north-korea-forced-labour", "-"],
        capsys,
        stdin=draft,
    )
    checks = [line.split()[2:4] for line in result.out.splitlines()]
    assert ["out-of-range", "[shelter-count]"] in checks
    assert ["out-of-range", "[prison-camp-population]"] in checks
