"""Output formats. They read the findings model only: no spaCy, no packs, no linking."""

from __future__ import annotations

import hashlib
import json
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from factlint.findings import (
    SEVERITIES,
    Figure,
    Finding,
    InputProblem,
    Interval,
    Report,
    SourceInfo,
    Span,
)

# 2: `sources` became objects with id, title, cite, date and url (1: a list of ids).
JSON_VERSION = 2

# The formats that print every figure, not only the findings: a run for any other format
# need not keep the figures (memory under --jobs, where they cross process boundaries).
FIGURE_FORMATS = frozenset({"json"})


def needs_figures(output_format: str, *, figures_table: bool) -> bool:
    """Whether a run printed in `output_format` (or as the --figures table) reads figures."""
    return output_format in FIGURE_FORMATS or (figures_table and output_format == "text")


def printable(text: str) -> str:
    """Text safe to print on a terminal: control characters and escapes shown, not obeyed."""
    # `isprintable` is false exactly for the categories C* and Z* other than the space.
    if text.isprintable():
        return text
    return "".join(
        char if char == " " or unicodedata.category(char)[0] not in ("C", "Z") else _escape(char)
        for char in text
    )


def _escape(char: str) -> str:
    if char in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char]
    if unicodedata.category(char) == "Zs":
        return " "
    return f"\\u{ord(char):04x}"


def format_finding(finding: Finding) -> str:
    span = finding.span
    claim = f" [{finding.claim}]" if finding.claim else ""
    return printable(
        f"{finding.path}:{span.line}:{span.column}: {finding.severity} {finding.check}{claim}"
        f" {finding.message}"
    )


def format_problem(problem: InputProblem) -> str:
    place = f"{problem.path}:{problem.line}" if problem.line else problem.path
    return printable(f"{place}: {problem.message}")


def summary_line(report: Report) -> str:
    counts = {severity: report.count(severity) for severity in SEVERITIES}
    total = sum(counts.values())
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    if total == 0:
        text = f"No findings in {files}."
    else:
        parts = [
            f"{count} {severity}{'s' if count != 1 else ''}"
            for severity, count in counts.items()
            if count
        ]
        text = f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) in {files}."
    if report.problems:
        text += (
            f" {len(report.problems)} file{'s' if len(report.problems) != 1 else ''} not linted."
        )
    return text


def format_text(report: Report, *, summary: bool = True) -> str:
    lines = [format_finding(finding) for finding in report.findings]
    if summary:
        lines.append(summary_line(report))
    return "".join(f"{line}\n" for line in lines)


def format_figures_table(report: Report) -> str:
    header = ("location", "text", "kind", "stated", "claim", "verdict", "attribution")
    rows = [header] + [
        (
            f"{figure.path}:{figure.span.line}:{figure.span.column}",
            " ".join(figure.text.split()),
            _kind(figure),
            _interval_text(figure.stated),
            figure.claim or "-",
            figure.verdict,
            figure.attribution,
        )
        for figure in report.figures
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    return "".join(printable(line.rstrip()) + "\n" for line in lines)


def _kind(figure: Figure) -> str:
    kind = figure.kind if figure.unit is None else f"{figure.kind}:{figure.unit}"
    return kind if figure.per is None else f"{kind}/{figure.per}"


def _interval_text(interval: Interval) -> str:
    low = "" if interval.low is None else _number_text(interval.low)
    high = "" if interval.high is None else _number_text(interval.high)
    return low if low == high else f"{low}..{high}"


def _number_text(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.4g}"


def json_number(value: float | None) -> int | float | None:
    """Whole numbers as integers, others rounded, so JSON is stable across platforms."""
    if value is None or math.isinf(value) or math.isnan(value):
        return None
    if value == int(value):
        return int(value)
    return round(value, 6)


def _interval(interval: Interval | None) -> dict[str, Any] | None:
    if interval is None:
        return None
    return {"low": json_number(interval.low), "high": json_number(interval.high)}


def _place_json(path: str, span: Span) -> dict[str, Any]:
    return {
        "path": path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        **_place_json(finding.path, finding.span),
        "severity": finding.severity,
        "check": finding.check,
        "pack": finding.pack,
        "claim": finding.claim,
        "text": finding.text,
        "stated": _interval(finding.stated),
        "cited": _interval(finding.cited),
        "message": finding.message,
        "sources": [source_json(source) for source in finding.sources],
    }


def source_json(source: SourceInfo) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": source.title,
        "cite": source.cite,
        "date": source.date,
        "url": source.url,
    }


def figure_json(figure: Figure) -> dict[str, Any]:
    return {
        **_place_json(figure.path, figure.span),
        "text": figure.text,
        "kind": figure.kind,
        "unit": figure.unit,
        "per": figure.per,
        "bound": figure.bound,
        "stated": _interval(figure.stated),
        "claim": figure.claim,
        "verdict": figure.verdict,
        "attribution": figure.attribution,
    }


def format_json(report: Report) -> str:
    document: dict[str, Any] = {
        "version": JSON_VERSION,
        "findings": [finding_json(finding) for finding in report.findings],
        "figures": [figure_json(figure) for figure in report.figures],
        "errors": [
            {"path": problem.path, "line": problem.line, "message": problem.message}
            for problem in report.problems
        ],
        "summary": {
            "files": report.files,
            **{severity: report.count(severity) for severity in SEVERITIES},
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# --- SARIF 2.1.0 ---------------------------------------------------------------------------

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# The project has no published home page yet: help points into the docs shipped with it.
DOCS_PATH = "docs/checks.md"


@dataclass(frozen=True)
class RuleHelp:
    """What SARIF and reviewdog say about a check; given by the caller, so output stays
    independent of the checks module."""

    id: str
    summary: str
    severity: str


def format_sarif(report: Report, rules: Sequence[RuleHelp], version: str) -> str:
    rule_index = {rule.id: index for index, rule in enumerate(rules)}
    results = []
    for finding in report.findings:
        span = finding.span
        result: dict[str, Any] = {
            "ruleId": finding.check,
            "level": _SARIF_LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(finding.path)},
                        "region": {
                            "startLine": span.line,
                            "startColumn": span.column,
                            "endLine": span.end_line,
                            "endColumn": span.end_column,
                            "snippet": {"text": finding.text},
                        },
                    }
                }
            ],
            "partialFingerprints": {"factlint/v1": _fingerprint(finding)},
            "properties": {
                "pack": finding.pack,
                "claim": finding.claim,
                "sources": [source_json(source) for source in finding.sources],
                "stated": _interval(finding.stated),
                "cited": _interval(finding.cited),
            },
        }
        if finding.check in rule_index:
            result["ruleIndex"] = rule_index[finding.check]
        results.append(result)
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factlint",
                        "version": version,
                        "rules": [
                            {
                                "id": rule.id,
                                "name": _rule_name(rule.id),
                                "shortDescription": {"text": rule.summary},
                                "help": {"text": f"{rule.summary} See {DOCS_PATH}#{rule.id}."},
                                "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity]},
                            }
                            for rule in rules
                        ],
                    }
                },
                # factlint counts columns in code points, not SARIF's default UTF-16 units.
                "columnKind": "unicodeCodePoints",
                "results": results,
                "invocations": [
                    {
                        "executionSuccessful": not report.problems,
                        "toolExecutionNotifications": [
                            {"level": "error", "message": {"text": format_problem(problem)}}
                            for problem in report.problems
                        ],
                    }
                ],
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _rule_name(check: str) -> str:
    return "".join(part.capitalize() for part in check.split("-"))


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/:._-~")


def _fingerprint(finding: Finding) -> str:
    """Stable across edits elsewhere in the file: no line numbers in it."""
    key = "\x1f".join(
        (finding.path, finding.check, finding.claim or "", " ".join(finding.text.split()))
    )
    return hashlib.sha256(key.encode()).hexdigest()[:32]


# --- GitHub Actions workflow commands ------------------------------------------------------

_GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _github_data(text: str) -> str:
    # GitHub's escaping for a command's message (toolkit `escapeData`).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    # Property values also escape ':' and ',' (toolkit `escapeProperty`).
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report: Report) -> str:
    lines = []
    for finding in report.findings:
        span = finding.span
        properties = ",".join(
            f"{key}={_github_property(str(value))}"
            for key, value in (
                ("file", finding.path),
                ("line", span.line),
                ("col", span.column),
                ("endLine", span.end_line),
                ("endColumn", span.end_column),
                (
                    "title",
                    f"factlint {finding.check}" + (f" [{finding.claim}]" if finding.claim else ""),
                ),
            )
        )
        lines.append(
            f"::{_GITHUB_LEVELS[finding.severity]} {properties}::{_github_data(finding.message)}"
        )
    for problem in report.problems:
        lines.append(
            f"::error file={_github_property(problem.path)},title=factlint::"
            f"{_github_data(problem.message)}"
        )
    return "".join(f"{line}\n" for line in lines)


# --- reviewdog diagnostic format (rdjsonl) ---------------------------------------------------

_RDJSON_SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def format_rdjsonl(report: Report) -> str:
    lines = []
    for finding in report.findings:
        span = finding.span
        diagnostic = {
            "message": finding.message,
            "location": {
                "path": finding.path,
                "range": {
                    "start": {"line": span.line, "column": span.column},
                    "end": {"line": span.end_line, "column": span.end_column},
                },
            },
            "severity": _RDJSON_SEVERITIES[finding.severity],
            "source": {"name": "factlint"},
            "code": {"value": finding.check},
        }
        lines.append(json.dumps(diagnostic, ensure_ascii=False))
    return "".join(f"{line}\n" for line in lines)


def render(
    report: Report,
    output_format: str,
    *,
    figures_table: bool,
    summary: bool,
    rules: Sequence[RuleHelp],
    version: str,
) -> str:
    """The report in one output format; the figures table replaces text on request (the
    other formats have their own fixed shape)."""
    if output_format == "json":
        return format_json(report)
    if output_format == "sarif":
        return format_sarif(report, rules, version)
    if output_format == "github":
        return format_github(report)
    if output_format == "rdjsonl":
        return format_rdjsonl(report)
    if figures_table:
        return format_figures_table(report)
    return format_text(report, summary=summary)
