"""The checks: pure functions from a linked figure to findings. They know nothing of output.

Each check has a user-facing id, a default severity and a one-line summary; docs/checks.md
documents each with a flagged and a passing example.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from factlint.attribution import Attribution
from factlint.compare import Verdict
from factlint.credits import Credit
from factlint.findings import CheckId, Finding, Interval, Severity, SourceInfo, Span
from factlint.pack import Alternative, Claim, Pack, date_parts
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
    # The claim's alternative estimate that the figure matches, when it contradicts the cited.
    alternative: Alternative | None = None
    credited: tuple[Credit, ...] = ()  # the packs' sources the sentence credits

    def credits(self, pack: Pack, source_id: str) -> bool:
        return any(c.pack == pack.pack and c.source == source_id for c in self.credited)


@dataclass(frozen=True)
class Check:
    """A check: its message for a linked figure, or None when the figure passes."""

    id: CheckId
    severity: Severity
    summary: str
    message: Callable[[LinkedFigure, Claim, Pack], str | None]


def _figure_words(figure: LinkedFigure) -> str:
    return " ".join(figure.text.split())


def _sources(pack: Pack, claim: Claim) -> str:
    return "; ".join(pack.source(source_id).cite for source_id in claim.sources)


def _estimate(pack: Pack, option: Alternative) -> str:
    source = pack.source(option.source)
    date = pack.estimate_date(option)
    return f"{option.text}, {source.cite}" + (
        f", {date}" if date and date not in source.cite else ""
    )


def _is_older(pack: Pack, claim: Claim, option: Alternative) -> bool:
    mine, cited = date_parts(pack.estimate_date(option)), pack.cited_date(claim)
    # Compared as far as both dates go: "2012" is older than "2014-02", "2014" is not.
    depth = min(len(mine), len(cited))
    return depth > 0 and mine[:depth] < cited[:depth]


def _unmatched_alternative(figure: LinkedFigure, pack: Pack) -> Alternative | None:
    """The alternative estimate the figure matches, unless the sentence names its source."""
    option = figure.alternative
    if option is None or figure.credits(pack, option.source):
        return None
    return option


def out_of_range(figure: LinkedFigure, claim: Claim, pack: Pack) -> str | None:
    if figure.verdict != "contradicted" or figure.alternative is not None:
        return None
    return (
        f"{_figure_words(figure)} {claim.label} is outside the cited {claim.cited.text}"
        f" ({_sources(pack, claim)})"
    )


def overstated(figure: LinkedFigure, claim: Claim, pack: Pack) -> str | None:
    if figure.verdict != "overstated" or figure.alternative is not None:
        return None
    return (
        f"{_figure_words(figure)} {claim.label} reaches past the cited {claim.cited.text}"
        f" ({_sources(pack, claim)}); keep to the cited range or cite the source"
        " that gives the wider one"
    )


def outdated_estimate(figure: LinkedFigure, claim: Claim, pack: Pack) -> str | None:
    option = _unmatched_alternative(figure, pack)
    if option is None or not _is_older(pack, claim, option):
        return None
    return (
        f"{_figure_words(figure)} {claim.label} matches an older estimate"
        f" ({_estimate(pack, option)}){_note(option)}; the pack cites {claim.cited.text}"
        f" ({_sources(pack, claim)}): use the newer figure, or name the older one's source"
        f" ({pack.source(option.source).cite})"
    )


def alternative_estimate(figure: LinkedFigure, claim: Claim, pack: Pack) -> str | None:
    option = _unmatched_alternative(figure, pack)
    if option is None or _is_older(pack, claim, option):
        return None
    return (
        f"{_figure_words(figure)} {claim.label} matches another estimate"
        f" ({_estimate(pack, option)}){_note(option)}, not the cited {claim.cited.text}"
        f" ({_sources(pack, claim)}); name its source ({pack.source(option.source).cite})"
    )


def _note(option: Alternative) -> str:
    return f" [{option.note}]" if option.note else ""


def misattributed(figure: LinkedFigure, claim: Claim, pack: Pack) -> str | None:
    if figure.attribution.kind != "named" or not figure.credited:
        return None
    accepted = {*claim.sources, *([figure.alternative.source] if figure.alternative else [])}
    if any(figure.credits(pack, source_id) for source_id in accepted):
        return None
    named = ", ".join(dict.fromkeys(credit.written for credit in figure.credited))
    return (
        f"{_figure_words(figure)} {claim.label} is credited to {named}, which is not a source"
        f" of this figure; the pack's sources are {_sources(pack, claim)}"
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
        "outdated-estimate",
        "warning",
        "A figure matches an estimate older than the cited one, and does not name its source.",
        outdated_estimate,
    ),
    Check(
        "alternative-estimate",
        "info",
        "A figure matches another source's estimate, and does not name that source.",
        alternative_estimate,
    ),
    Check(
        "misattributed",
        "warning",
        "A figure is credited to a source that does not give it.",
        misattributed,
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
        sources=tuple(_source_info(pack, source_id) for source_id in claim.sources),
    )


def _source_info(pack: Pack, source_id: str) -> SourceInfo:
    source = pack.source(source_id)
    return SourceInfo(source.id, source.title, source.cite, source.date, source.url)
