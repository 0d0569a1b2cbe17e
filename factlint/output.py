"""Output formats. They read the findings model only: no spaCy, no packs, no linking."""

from __future__ import annotations

import json
import math
import unicodedata
from typing import Any

from factlint.findings import SEVERITIES, Figure, Finding, InputProblem, Interval, Report, Span

JSON_VERSION = 1


def printable(text: str) -> str:
    """Text safe to print on a terminal: control characters and escapes shown, not obeyed."""
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
        "sources": list(finding.sources),
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
