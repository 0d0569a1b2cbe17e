"""Measure factlint's accuracy on a labelled evaluation set of real-world prose.

    python -m factlint.eval fixtures/eval [--split tune|holdout|all] [--format text|json]
                                          [--show-errors [--i-am-done-tuning]]

The set is a folder with one sub-folder per split (`tune/`, `holdout/`), each holding YAML
files of labelled passages (the format is in docs/eval.md). Every passage runs through the
real engine (`Linter.figures` over `parse_document`, then `run_checks`, which is what
`Linter.lint` does), and factlint's figures and findings are matched to the labels by where
the labelled figure text stands in the passage.

Per-case mistakes are what one tunes against, so `--show-errors` refuses the held-out split
unless told that tuning is over: the held-out figures stay an honest estimate.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
import yaml

from factlint.checks import LinkedFigure, run_checks
from factlint.document import parse_document
from factlint.engine import Linter
from factlint.pack import BUILTIN_PACK, resolve_pack

SPLITS = ("tune", "holdout")
VERDICTS = frozenset({"consistent", "overstated", "contradicted"})
ATTRIBUTIONS = frozenset({"named", "vague", "none"})
# A figure matching an alternative estimate still disagrees with the cited interval.
RANGE_CHECKS = frozenset(
    {"out-of-range", "overstated", "outdated-estimate", "alternative-estimate"}
)
ATTRIBUTION_CHECKS = {"none": "unattributed", "vague": "vague-attribution"}
_LABEL_KEYS = frozenset({"text", "claim", "low", "high", "verdict", "attribution", "quantity"})
_CASE_KEYS = frozenset({"id", "text", "figures", "markdown"})


class EvalSetError(ValueError):
    """A malformed evaluation file: the message names the file and the case."""


@dataclass(frozen=True)
class Label:
    """One number of a passage, as a careful human reads it."""

    text: str
    claim: str | None
    low: float | None = None
    high: float | None = None
    verdict: str | None = None  # consistent | overstated | contradicted, for claims only
    attribution: str | None = None  # named | vague | none, for claims only
    quantity: bool = True  # False: a year, an ordinal, a name; factlint should not report it

    @property
    def flagged_range(self) -> bool:
        return self.verdict in ("overstated", "contradicted")


@dataclass(frozen=True)
class Case:
    id: str
    split: str
    style: str
    text: str
    labels: tuple[Label, ...]
    markdown: bool = True


@dataclass
class Counts:
    """True positives, false positives and false negatives of one check."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
        }


@dataclass
class Metrics:
    cases: int = 0
    labels: int = 0
    range: Counts = field(default_factory=Counts)
    unattributed: Counts = field(default_factory=Counts)
    vague: Counts = field(default_factory=Counts)
    linked_right: int = 0
    non_claim_numbers: int = 0
    false_range_on_non_claims: int = 0
    claim_labels_found: int = 0
    claim_labels: int = 0
    stated_right: int = 0
    unlabelled_figures: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def attribution(self) -> Counts:
        both = Counts()
        both.add(self.unattributed)
        both.add(self.vague)
        return both

    @property
    def linking_accuracy(self) -> float:
        return self.linked_right / self.labels if self.labels else 1.0

    @property
    def false_range_per_100_non_claims(self) -> float:
        if not self.non_claim_numbers:
            return 0.0
        return 100 * self.false_range_on_non_claims / self.non_claim_numbers

    def summary(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "labelled_numbers": self.labels,
            "range": self.range.as_dict(),
            "attribution": self.attribution.as_dict(),
            "unattributed": self.unattributed.as_dict(),
            "vague-attribution": self.vague.as_dict(),
            "linking_accuracy": round(self.linking_accuracy, 4),
            "non_claim_numbers": self.non_claim_numbers,
            "false_range_findings_on_non_claims": self.false_range_on_non_claims,
            "false_range_per_100_non_claims": round(self.false_range_per_100_non_claims, 4),
            "claim_figures_found": self.claim_labels_found,
            "claim_figures": self.claim_labels,
            "stated_interval_right": self.stated_right,
            "unlabelled_figures": self.unlabelled_figures,
        }


# --- loading ------------------------------------------------------------------------------


def load_set(root: Path, split: str = "all") -> list[Case]:
    """The cases of one split ('tune', 'holdout') or of both ('all'), in a stable order."""
    splits = SPLITS if split == "all" else (split,)
    cases: list[Case] = []
    for name in splits:
        folder = root / name
        if not folder.is_dir():
            raise EvalSetError(f"{folder}: no such split folder")
        for path in sorted(folder.glob("*.yaml")):
            cases.extend(load_file(path, name))
    return cases


def load_file(path: Path, split: str) -> list[Case]:
    """The cases of one evaluation file; a case's id is its `id` key or `split/stem#n`."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise EvalSetError(f"{path}: expected a mapping with a 'cases' list")
    style = str(data.get("style", path.stem))
    cases = []
    for index, raw in enumerate(data["cases"], start=1):
        where = f"{path}: case {index}"
        if not isinstance(raw, dict) or not _CASE_KEYS.issuperset(raw) or "text" not in raw:
            raise EvalSetError(f"{where}: a case is a mapping of {sorted(_CASE_KEYS)}")
        labels = tuple(_label(item, where) for item in raw.get("figures") or [])
        cases.append(
            Case(
                id=str(raw.get("id") or f"{split}/{path.stem}#{index}"),
                split=split,
                style=style,
                text=str(raw["text"]),
                labels=labels,
                markdown=bool(raw.get("markdown", True)),
            )
        )
    return cases


def _label(item: Any, where: str) -> Label:
    if not isinstance(item, dict) or not _LABEL_KEYS.issuperset(item) or "text" not in item:
        raise EvalSetError(f"{where}: a figure is a mapping of {sorted(_LABEL_KEYS)}")
    claim = item.get("claim")
    label = Label(
        text=str(item["text"]),
        claim=str(claim) if claim is not None else None,
        low=_number(item.get("low")),
        high=_number(item.get("high")),
        verdict=item.get("verdict"),
        attribution=item.get("attribution"),
        quantity=bool(item.get("quantity", True)),
    )
    if label.claim is not None and (
        label.verdict not in VERDICTS or label.attribution not in ATTRIBUTIONS
    ):
        raise EvalSetError(f"{where}: figure {label.text!r} needs a verdict and an attribution")
    if label.claim is None and (label.verdict or label.attribution):
        raise EvalSetError(f"{where}: figure {label.text!r} is not a claim but has a verdict")
    return label


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def locate(text: str, labels: Sequence[Label], case_id: str = "") -> list[tuple[int, int]]:
    """Where each label's text stands, searching in order; any run of whitespace (a line
    break inside a paragraph) matches any other."""
    spans = []
    position = 0
    for label in labels:
        pattern = r"\s+".join(regex.escape(part) for part in label.text.split())
        found = regex.compile(pattern).search(text, position)
        if found is None:
            raise EvalSetError(f"{case_id}: figure {label.text!r} not found (in order)")
        spans.append(found.span())
        position = found.start() + 1
    return spans


def label_problems(cases: Sequence[Case], claim_ids: Iterable[str]) -> list[str]:
    """What is wrong with a labelled set short of running factlint on it: figures not found
    in order, claims the pack does not have, one case id used twice. Authors of a held-out
    split check their files with this and never see a score."""
    known = set(claim_ids)
    problems: list[str] = []
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            problems.append(f"{case.id}: the case id is used twice")
        seen.add(case.id)
        try:
            locate(case.text, case.labels, case.id)
        except EvalSetError as error:
            problems.append(str(error))
        problems.extend(
            f"{case.id}: figure {label.text!r} names no claim of the pack: {label.claim!r}"
            for label in case.labels
            if label.claim is not None and label.claim not in known
        )
    return problems


# --- scoring ------------------------------------------------------------------------------


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_case(case: Case, figures: Sequence[LinkedFigure], metrics: Metrics) -> None:
    """Add one passage's results to `metrics`; `figures` are factlint's, in document order."""
    spans = locate(case.text, case.labels, case.id)
    starts = _figure_offsets(case.text, figures)
    # Each factlint figure goes to the label it overlaps most; a label keeps its first figure.
    figure_of: dict[int, int] = {}
    label_of: dict[int, int] = {}
    for number, figure_span in enumerate(starts):
        overlaps = [(_overlap(figure_span, span), index) for index, span in enumerate(spans)]
        best, index = max(overlaps, default=(0, -1))
        if best > 0:
            label_of[number] = index
            figure_of.setdefault(index, number)
    metrics.cases += 1
    checks_of = [{finding.check: finding for finding in run_checks([f])} for f in figures]

    for index, label in enumerate(case.labels):
        metrics.labels += 1
        found = figure_of.get(index)
        figure = figures[found] if found is not None else None
        linked = figure.claim.id if figure is not None and figure.claim is not None else None
        if linked == label.claim:
            metrics.linked_right += 1
        else:
            metrics.errors.append(
                f"{case.id}: {label.text!r} linked to {linked}, expected {label.claim}"
            )
        if label.claim is None:
            metrics.non_claim_numbers += 1
            continue
        metrics.claim_labels += 1
        if figure is not None:
            metrics.claim_labels_found += 1
            quantity = figure.quantity
            if _same_end(quantity.low, label.low) and _same_end(quantity.high, label.high):
                metrics.stated_right += 1
            else:
                metrics.errors.append(
                    f"{case.id}: {label.text!r} found as {figure.text!r}, stated interval"
                    f" {_interval(quantity.low, quantity.high)},"
                    f" expected {_interval(label.low, label.high)}"
                )
        else:
            metrics.errors.append(f"{case.id}: {label.text!r} not found as a figure")
        checks = checks_of[found] if found is not None else {}
        if label.flagged_range:
            hit = any(
                check in RANGE_CHECKS and finding.claim == label.claim
                for check, finding in checks.items()
            )
            if not hit:
                metrics.range.fn += 1
                metrics.errors.append(f"{case.id}: {label.text!r} missed {label.verdict}")
        for kind, check in ATTRIBUTION_CHECKS.items():
            if label.attribution == kind and check not in checks:
                _counts(metrics, check).fn += 1
                metrics.errors.append(f"{case.id}: {label.text!r} missed {check}")

    for number, figure in enumerate(figures):
        assigned = label_of.get(number)
        owner = case.labels[assigned] if assigned is not None else None
        if owner is None:
            metrics.unlabelled_figures += 1
            metrics.errors.append(f"{case.id}: {figure.text!r} found, but no label covers it")
        elif not owner.quantity and assigned is not None and figure_of.get(assigned) == number:
            metrics.errors.append(
                f"{case.id}: {figure.text!r} found, but {owner.text!r} is labelled not a quantity"
            )
        for check, finding in checks_of[number].items():
            if check in RANGE_CHECKS:
                right = (
                    owner is not None
                    and owner.flagged_range
                    and assigned is not None
                    and figure_of.get(assigned) == number
                    and finding.claim == owner.claim
                )
                if right:
                    metrics.range.tp += 1
                else:
                    metrics.range.fp += 1
                    if owner is None or owner.claim is None:
                        metrics.false_range_on_non_claims += 1
                    metrics.errors.append(
                        f"{case.id}: {figure.text!r} false {check} [{finding.claim}]"
                    )
            elif check in ATTRIBUTION_CHECKS.values():
                # Attribution is about the figure, not which claim it went to: a claim figure
                # with no source is unattributed whichever claim factlint linked it to.
                wanted = (
                    owner is not None
                    and owner.claim is not None
                    and (ATTRIBUTION_CHECKS.get(owner.attribution or "") == check)
                )
                if wanted and assigned is not None and figure_of.get(assigned) == number:
                    _counts(metrics, check).tp += 1
                else:
                    _counts(metrics, check).fp += 1
                    metrics.errors.append(f"{case.id}: {figure.text!r} false {check}")


def _same_end(found: float | None, labelled: float | None) -> bool:
    """The same end of an interval; a label writes a share such as two-thirds rounded
    (66.7 or 66.6667), so ends within 0.1 % of each other are the same."""
    if found is None or labelled is None:
        return found is labelled
    return abs(found - labelled) <= 1e-3 * max(abs(found), abs(labelled))


def _interval(low: float | None, high: float | None) -> str:
    """`[a, b]` as a label writes it: whole numbers without a decimal point, `null` for an
    open end."""

    def end(value: float | None) -> str:
        if value is None:
            return "null"
        return str(int(value)) if value == int(value) else f"{value:g}"

    return f"[{end(low)}, {end(high)}]"


def _counts(metrics: Metrics, check: str) -> Counts:
    return metrics.unattributed if check == "unattributed" else metrics.vague


def _figure_offsets(text: str, figures: Sequence[LinkedFigure]) -> list[tuple[int, int]]:
    """Character offsets of each figure, from its 1-based line and column."""
    line_starts = [0]
    for match in regex.finditer(r"\r\n|\r|\n", text):
        line_starts.append(match.end())
    offsets = []
    for figure in figures:
        span = figure.span
        start = line_starts[span.line - 1] + span.column - 1
        end = line_starts[span.end_line - 1] + span.end_column - 1
        offsets.append((start, end))
    return offsets


def evaluate(cases: Iterable[Case], linter: Linter | None = None) -> dict[str, Metrics]:
    """Metrics per split (and 'all'), running the real engine on every passage."""
    linter = linter or Linter([resolve_pack(BUILTIN_PACK)])
    results: dict[str, Metrics] = {}
    overall = Metrics()
    for case in cases:
        suffix = ".md" if case.markdown else ".txt"
        document = parse_document(case.text, f"{case.id}{suffix}", markdown=case.markdown)
        figures = linter.figures(document)
        score_case(case, figures, results.setdefault(case.split, Metrics()))
        score_case(case, figures, overall)
    results["all"] = overall
    return results


# --- the bar ------------------------------------------------------------------------------

BAR = {
    "range_precision": 0.95,
    "range_recall": 0.90,
    "attribution_precision": 0.90,
    "attribution_recall": 0.90,
    "false_range_per_100_non_claims": 1.0,
}


def misses_of_bar(metrics: Metrics) -> list[str]:
    """What misses the bar, one line each; an empty list when all is met."""
    measured = {
        "range_precision": metrics.range.precision,
        "range_recall": metrics.range.recall,
        "attribution_precision": metrics.attribution.precision,
        "attribution_recall": metrics.attribution.recall,
    }
    misses = [
        f"{name} {value:.3f} < {BAR[name]}" for name, value in measured.items() if value < BAR[name]
    ]
    rate = metrics.false_range_per_100_non_claims
    if rate > BAR["false_range_per_100_non_claims"]:
        misses.append(f"false_range_per_100_non_claims {rate:.2f} > 1")
    return misses


# --- output -------------------------------------------------------------------------------


def _table(results: dict[str, Metrics], splits: Sequence[str]) -> str:
    rows: list[tuple[str, ...]] = [("metric", *splits)]

    def row(name: str, value: Any) -> None:
        rows.append((name, *(value(results[split]) for split in splits)))

    def pr(counts_of: Any) -> Any:
        def cell(metrics: Metrics) -> str:
            counts = counts_of(metrics)
            return (
                f"P {counts.precision:.3f} R {counts.recall:.3f}"
                f" ({counts.tp}/{counts.fp}/{counts.fn})"
            )

        return cell

    row("passages", lambda m: str(m.cases))
    row("labelled numbers", lambda m: str(m.labels))
    row("range (out-of-range, overstated, estimates)", pr(lambda m: m.range))
    row("attribution (both checks)", pr(lambda m: m.attribution))
    row("  unattributed", pr(lambda m: m.unattributed))
    row("  vague-attribution", pr(lambda m: m.vague))
    row(
        "claim-linking accuracy",
        lambda m: f"{m.linking_accuracy:.3f} ({m.linked_right}/{m.labels})",
    )
    row(
        "false range per 100 non-claims",
        lambda m: (
            f"{m.false_range_per_100_non_claims:.2f}"
            f" ({m.false_range_on_non_claims}/{m.non_claim_numbers})"
        ),
    )
    row(
        "stated interval right",
        lambda m: f"{m.stated_right}/{m.claim_labels_found} found of {m.claim_labels}",
    )
    row("unlabelled figures found", lambda m: str(m.unlabelled_figures))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(r, widths, strict=True)) for r in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    lines.append("")
    lines.append("P precision, R recall, (true positives/false positives/false negatives)")
    return "\n".join(line.rstrip() for line in lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m factlint.eval", description=__doc__)
    parser.add_argument("root", type=Path, help="the evaluation set folder (fixtures/eval)")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--show-errors", action="store_true", help="list per-case mistakes")
    parser.add_argument(
        "--i-am-done-tuning",
        action="store_true",
        help="allow --show-errors on the held-out split (it is then no longer held out)",
    )
    parser.add_argument(
        "--check-labels",
        action="store_true",
        help="only check that the files are well-formed (no linting, no scores)",
    )
    args = parser.parse_args(argv)
    if args.show_errors and args.split != "tune" and not args.i_am_done_tuning:
        print(
            "factlint.eval: --show-errors lists held-out mistakes; use --split tune, or add"
            " --i-am-done-tuning once tuning is over",
            file=sys.stderr,
        )
        return 2
    try:
        cases = load_set(args.root, args.split)
    except (EvalSetError, OSError, yaml.YAMLError) as error:
        print(f"factlint.eval: {error}", file=sys.stderr)
        return 2
    if args.check_labels:
        pack = resolve_pack(BUILTIN_PACK)
        problems = label_problems(cases, (claim.id for claim in pack.claims))
        for problem in problems:
            print(f"factlint.eval: {problem}", file=sys.stderr)
        numbers = sum(len(case.labels) for case in cases)
        claims = sum(label.claim is not None for case in cases for label in case.labels)
        print(f"{len(cases)} passages, {numbers} numbers ({claims} claim figures)")
        return 2 if problems else 0
    results = evaluate(cases)
    splits = [split for split in (*SPLITS, "all") if split in results]
    if args.split != "all":
        splits = [args.split]
    if args.format == "json":
        payload: dict[str, Any] = {
            "splits": {split: results[split].summary() for split in splits},
            "bar": BAR,
            "misses": {split: misses_of_bar(results[split]) for split in splits},
        }
        if args.show_errors:
            payload["errors"] = {split: results[split].errors for split in splits}
        print(json.dumps(payload, indent=2))
    else:
        print(_table(results, splits))
        for split in splits:
            misses = misses_of_bar(results[split])
            print(f"{split}: " + ("meets the bar" if not misses else "; ".join(misses)))
        if args.show_errors:
            for split in splits:
                print(f"\n{split} errors:")
                print("\n".join(results[split].errors) or "(none)")
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = [
    "BAR",
    "Case",
    "Counts",
    "EvalSetError",
    "Label",
    "Metrics",
    "evaluate",
    "label_problems",
    "load_set",
    "locate",
    "main",
    "misses_of_bar",
    "score_case",
]
