"""The findings model: what every output format reads, and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
# Every check's id (factlint.checks defines the checks; packs' examples name them).
CheckId = Literal[
    "out-of-range", "overstated", "outdated-estimate", "alternative-estimate", "misattributed",
    "unattributed", "vague-attribution",
]  # fmt: skip


@dataclass(frozen=True, order=True)
class Span:
    """1-based line and column of the first character, and of the character just past the last."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Interval:
    low: float | None
    high: float | None


@dataclass(frozen=True)
class SourceInfo:
    """A source as findings carry it, so a reader can look the figure up."""

    id: str
    title: str
    cite: str
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Finding:
    path: str
    span: Span
    severity: Severity
    check: str
    pack: str | None
    claim: str | None
    text: str  # the figure exactly as written in the file
    stated: Interval | None
    cited: Interval | None
    message: str
    sources: tuple[SourceInfo, ...] = ()  # the claim's accepted sources

    def sort_key(self) -> tuple[str, Span, str, str]:
        return (self.path, self.span, self.check, self.claim or "")


@dataclass(frozen=True)
class Figure:
    """Every quantity found, checked or not, so that a reader sees what was looked at."""

    path: str
    span: Span
    text: str
    kind: str
    unit: str | None
    per: str | None
    bound: str
    stated: Interval
    claim: str | None
    verdict: str  # consistent | overstated | contradicted | unlinked
    attribution: str  # named | vague | none

    def sort_key(self) -> tuple[str, Span]:
        return (self.path, self.span)


@dataclass(frozen=True)
class InputProblem:
    """A file that could not be linted (unreadable, binary, invalid UTF-8...)."""

    path: str
    message: str
    line: int | None = None


@dataclass
class Report:
    files: int = 0
    findings: list[Finding] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)

    def sorted(self) -> Report:
        return Report(
            files=self.files,
            findings=sorted(self.findings, key=Finding.sort_key),
            figures=sorted(self.figures, key=Figure.sort_key),
            problems=sorted(self.problems, key=lambda problem: problem.path),
        )

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)
