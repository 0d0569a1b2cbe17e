"""The CI formats: SARIF validated against the official schema, GitHub commands escaped,
reviewdog's rdjsonl."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from factlint.cli import FORMATS
from factlint.findings import Finding, Interval, Report, Span
from factlint.output import RuleHelp, format_github, needs_figures, render
from factlint.run import CheckOptions, run_check
from tests.conftest import ROOT, run_cli

FLAGGED = ROOT / "fixtures" / "acceptance" / "flagged.md"
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))


def test_sarif_is_valid_and_complete(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["check", "--format", "sarif", str(FLAGGED)], capsys)
    sarif = json.loads(result.out)
    jsonschema.validate(sarif, SCHEMA)
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rules == [
        "out-of-range", "overstated", "outdated-estimate", "alternative-estimate", "misattributed",
        "unattributed", "vague-attribution", "unused-suppression",
    ]  # fmt: skip
    assert all(rule["help"]["text"] for rule in run["tool"]["driver"]["rules"])
    assert run["results"][0]["ruleId"] == "outdated-estimate"
    first = run["results"][9]
    assert first["ruleId"] == "out-of-range"
    assert first["level"] == "error"
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 21,
        "startColumn": 1,
        "endLine": 21,
        "endColumn": 13,
        "snippet": {"text": "Some 300,000"},
    }
    assert first["properties"]["claim"] == "prison-camp-population"
    sources = first["properties"]["sources"]
    assert [source["id"] for source in sources] == ["enos-2017", "un-coi-2014"]
    assert sources[1]["date"] == "2014-02" and sources[1]["url"] is None
    levels = {result["level"] for result in run["results"]}
    assert levels == {"error", "warning", "note"}
    assert result.status == 1


def test_sarif_with_no_findings_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    clean = ROOT / "fixtures" / "acceptance" / "clean.md"
    sarif = json.loads(run_cli(["check", "--format", "sarif", str(clean)], capsys).out)
    jsonschema.validate(sarif, SCHEMA)
    assert sarif["runs"][0]["results"] == []


def test_github_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["check", "--format", "github", str(FLAGGED)], capsys)
    lines = result.out.splitlines()
    assert len(lines) == 12
    assert lines[0].startswith("::warning file=")
    assert lines[9] == (
        f"::error file={FLAGGED},line=21,col=1,endLine=21,endColumn=13,"
        "title=factlint out-of-range [prison-camp-population]::Some 300,000 people in political"
        " prison camps is outside the cited 80,000–120,000 (Enos 2017, The Asia Dialogue; UN"
        " Commission of Inquiry 2014)"
    )
    assert lines[1].startswith("::notice file=")


def hostile_finding(text: str, path: str) -> Finding:
    return Finding(
        path=path,
        span=Span(1, 1, 1, 5),
        severity="error",
        check="out-of-range",
        pack="p",
        claim="c",
        text=text,
        stated=Interval(1, 1),
        cited=Interval(2, 2),
        message=f"{text} is outside the cited 2",
    )


def test_github_output_cannot_inject_workflow_commands() -> None:
    hostile = "1\n::set-output name=x::y\r\n::add-mask::secret %0A ::error::boom"
    report = Report(files=1, findings=[hostile_finding(hostile, "a,b:c.md")])
    (line,) = format_github(report).splitlines()
    # one line, one command: newlines and '%' escaped, property separators escaped
    assert line.startswith("::error file=a%2Cb%3Ac.md,line=1,")
    message = line.split("::", 2)[2]
    assert "\n" not in message and "\r" not in message
    assert message == (
        "1%0A::set-output name=x::y%0D%0A::add-mask::secret %250A ::error::boom is outside"
        " the cited 2"
    )


def test_rdjsonl(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["check", "--format", "rdjsonl", str(FLAGGED)], capsys)
    diagnostics = [json.loads(line) for line in result.out.splitlines()]
    assert len(diagnostics) == 12
    assert diagnostics[9] == {
        "message": diagnostics[9]["message"],
        "location": {
            "path": str(FLAGGED),
            "range": {"start": {"line": 21, "column": 1}, "end": {"line": 21, "column": 13}},
        },
        "severity": "ERROR",
        "source": {"name": "factlint"},
        "code": {"value": "out-of-range"},
    }
    assert diagnostics[9]["message"].startswith("Some 300,000 people in political prison camps")
    assert {diagnostic["severity"] for diagnostic in diagnostics} == {"ERROR", "WARNING", "INFO"}


def test_baseline_accepts_old_findings_and_reports_new_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "d.md"
    bad = "Some 300,000 people are held in political prison camps, the UN says."
    draft.write_text(f"{bad}\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    written = run_cli(["check", "--write-baseline", str(baseline), str(draft)], capsys)
    assert written.status == 0
    assert "wrote 1 accepted findings" in written.err
    # edits elsewhere move the finding: still accepted
    draft.write_text(f"# A new title\n\nSome new text.\n\n{bad}\n", encoding="utf-8")
    result = run_cli(["check", "--quiet", "--baseline", str(baseline), str(draft)], capsys)
    assert result.out == ""
    assert result.status == 0
    # a second copy of the same figure is new
    draft.write_text(f"{bad}\n\n{bad}\n", encoding="utf-8")
    result = run_cli(["check", "--quiet", "--baseline", str(baseline), str(draft)], capsys)
    assert len(result.out.splitlines()) == 1
    assert result.status == 1


def test_bad_baseline_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text("{not json", encoding="utf-8")
    result = run_cli(["check", "--baseline", str(baseline), str(FLAGGED)], capsys)
    assert result.status == 2
    assert result.err.startswith(f"factlint: {baseline}: not a factlint baseline")


def test_printable_escapes_exactly_the_control_and_separator_characters() -> None:
    # `printable` returns printable text unchanged without looking at each character; this
    # holds it to its definition: every C* and Z* character but the space is escaped.
    import sys
    import unicodedata

    from factlint.output import printable

    for code in range(0, sys.maxunicode + 1, 7):
        char = chr(code)
        hidden = char != " " and unicodedata.category(char)[0] in ("C", "Z")
        shown = printable(f"a{char}b")
        assert (shown != f"a{char}b") == hidden, hex(code)
    assert printable("80,000–120,000 people") == "80,000–120,000 people"
    assert printable("x\u202ey\n") == "x\\u202ey\\n"


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("figures_table", [False, True])
def test_only_the_formats_that_need_figures_read_them(
    output_format: str, figures_table: bool
) -> None:
    # Runs keep figures only for the formats that print them: any other format must print
    # the same with or without them, or dropping them would change its output.
    report = run_check(CheckOptions(paths=[str(ROOT / "fixtures" / "drafts")])).report
    assert report.figures and report.findings

    def rendered(figures: bool) -> str:
        shown = report if figures else dataclasses.replace(report, figures=[])
        return render(
            shown,
            output_format,
            figures_table=figures_table,
            summary=True,
            rules=[RuleHelp("out-of-range", "A figure is outside.", "error")],
            version="0",
        )

    same = rendered(figures=True) == rendered(figures=False)
    assert same is not needs_figures(output_format, figures_table=figures_table)
