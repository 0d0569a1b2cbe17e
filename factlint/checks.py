"""The checks: pure functions from a linked figure to findings. They know nothing of output.

Each check has a user-facing id, a default severity and a one-line summary; docs/checks.md
documents each with a flagged and a passing example.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from factlint.attribution import Attribution
from factlint.compare import Verdict
from factlint.findings import Finding, Interval, Severity, Span
from factlint.pack import Claim, Pack
from factlint.quantities import Quantity


@dataclass(frozen=True)
class LinkedFigure:
    """A quantity as found in a file, with the claim it is about and how it compares."""

    path: str
    span: Span
    text: str  # as written in the file
    quantity: Quantity
    attribution: Attribution
    claim: Claim | None = None
    pack: Pack | None = None
    verdict: Verdict | None = None


@dataclass(frozen=True)
class Check:
    """A check: its message for a linked figure, or None when the figure passes."""

    id: str
    severity: Severity
    summary: str
    message: Callable[[LinkedFigure, Claim, Pack], str | None]


def _figure_words(figure: LinkedFigure) -> str:
    return " ".join(figure.text.split())


def _sources(pack: Pack, claim: Claim) -> str:
    return "; ".join(pack.source(source_id).cite for source_id in claim.sources)


def out_of_range(figure: LinkedFigure, claim: Claim, pack: Pack) -> str | None:
    if figure.verdict != "contradicted":
        return None
    return (
        f"{_figure_words(figure)} {claim.label} is outside the cited {claim.cited.text}"
        f" ({_sources(pack, claim)})"
    )


def overstated(figure: LinkedFigure, claim: Claim, pack: Pack) -> str | None:
    if figure.verdict != "overstated":
        return None
    return (
        f"{_figure_words(figure)} {claim.label} reaches past the cited {claim.cited.text}"
        f" ({_sources(pack, claim)}); keep to the cited range or cite the source"
        " that gives the wider one"
    )


def unattributed(figure: LinkedFigure, claim: Claim, pack: Pack) -> str | None:
    if figure.attribution.kind != "none":
        return None
    return (
        f"{_figure_words(figure)} {claim.label} has no attribution in its sentence;"
        f" name the source ({_sources(pack, claim)})"
    )


def vague_attribution(figure: LinkedFigure, claim: Claim, pack: Pack) -> str | None:
    if figure.attribution.kind != "vague":
        return None
    return (
        f"{_figure_words(figure)} {claim.label} is attributed only vaguely"
        f' ("{figure.attribution.cue}"); name the source ({_sources(pack, claim)})'
    )


CHECKS: tuple[Check, ...] = (
    Check("out-of-range", "error", "A figure contradicts the cited interval.", out_of_range),
    Check(
        "overstated",
        "warning",
        "A figure overlaps the cited interval but reaches past it.",
        overstated,
    ),
    Check(
        "unattributed",
        "warning",
        "A sourced figure has no attribution in its sentence.",
        unattributed,
    ),
    Check(
        "vague-attribution",
        "warning",
        "A sourced figure is attributed only by a hedge with no source.",
        vague_attribution,
    ),
)
CHECK_IDS = tuple(check.id for check in CHECKS)


def run_checks(figures: Iterable[LinkedFigure], checks: Sequence[Check] = CHECKS) -> list[Finding]:
    """Every finding of every check; figures linked to no claim are not checked."""
    findings = []
    for figure in figures:
        claim, pack = figure.claim, figure.pack
        if claim is None or pack is None:
            continue
        for check in checks:
            message = check.message(figure, claim, pack)
            if message is not None:
                findings.append(_finding(figure, claim, pack, check, message))
    return findings


def _finding(figure: LinkedFigure, claim: Claim, pack: Pack, check: Check, message: str) -> Finding:
    return Finding(
        path=figure.path,
        span=figure.span,
        severity=check.severity,
        check=check.id,
        pack=pack.pack,
        claim=claim.id,
        text=figure.text,
        stated=Interval(figure.quantity.low, figure.quantity.high),
        cited=Interval(claim.cited.low, claim.cited.high),
        message=message,
        sources=claim.sources,
    )
