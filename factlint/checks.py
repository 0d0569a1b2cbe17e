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
    id: str
    severity: Severity
    summary: str
    run: Callable[[LinkedFigure], Finding | None]


def _figure_words(figure: LinkedFigure) -> str:
    return " ".join(figure.text.split())


def _sources(pack: Pack, claim: Claim) -> str:
    return "; ".join(pack.source(source_id).cite for source_id in claim.sources)


def _finding(figure: LinkedFigure, check: str, severity: Severity, message: str) -> Finding:
    assert figure.claim is not None and figure.pack is not None
    cited = figure.claim.cited
    return Finding(
        path=figure.path,
        span=figure.span,
        severity=severity,
        check=check,
        pack=figure.pack.pack,
        claim=figure.claim.id,
        text=figure.text,
        stated=Interval(figure.quantity.low, figure.quantity.high),
        cited=Interval(cited.low, cited.high),
        message=message,
        sources=figure.claim.sources,
    )


def out_of_range(figure: LinkedFigure) -> Finding | None:
    if figure.verdict != "contradicted" or figure.claim is None or figure.pack is None:
        return None
    claim = figure.claim
    message = (
        f"{_figure_words(figure)} {claim.label} is outside the cited {claim.cited.text}"
        f" ({_sources(figure.pack, claim)})"
    )
    return _finding(figure, "out-of-range", "error", message)


def overstated(figure: LinkedFigure) -> Finding | None:
    if figure.verdict != "overstated" or figure.claim is None or figure.pack is None:
        return None
    claim = figure.claim
    message = (
        f"{_figure_words(figure)} {claim.label} reaches past the cited {claim.cited.text}"
        f" ({_sources(figure.pack, claim)}); keep to the cited range or cite the source"
        " that gives the wider one"
    )
    return _finding(figure, "overstated", "warning", message)


def unattributed(figure: LinkedFigure) -> Finding | None:
    if figure.claim is None or figure.pack is None or figure.attribution.kind != "none":
        return None
    message = (
        f"{_figure_words(figure)} {figure.claim.label} has no attribution in its sentence;"
        f" name the source ({_sources(figure.pack, figure.claim)})"
    )
    return _finding(figure, "unattributed", "warning", message)


def vague_attribution(figure: LinkedFigure) -> Finding | None:
    if figure.claim is None or figure.pack is None or figure.attribution.kind != "vague":
        return None
    message = (
        f"{_figure_words(figure)} {figure.claim.label} is attributed only vaguely"
        f' ("{figure.attribution.cue}"); name the source ({_sources(figure.pack, figure.claim)})'
    )
    return _finding(figure, "vague-attribution", "warning", message)


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
    return [
        finding
        for figure in figures
        for check in checks
        if (finding := check.run(figure)) is not None
    ]
