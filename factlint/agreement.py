"""How far two people labelling the same passages agree, in the evaluation's own terms.

    python -m factlint.agreement GOLD.yaml OTHER.yaml [--format json] [--show-differences]

Both files hold the same passages with the same figures (by case id and figure order), each
labelled independently by docs/labelling.md. OTHER is scored as if it were factlint and GOLD
the labels: range and attribution precision and recall, false range flags per 100 non-claim
numbers. Those are the ceiling a linter can be held to: the bar of the held-out split means
little above what two careful people agree on. Cohen's kappa is given for the claim a figure
is about (a claim id or none), and plain agreement for verdict and attribution where both
chose the same claim.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from factlint.eval import ATTRIBUTION_CHECKS, Case, Counts, EvalSetError, Label, load_file


@dataclass
class Agreement:
    figures: int = 0
    same_claim: int = 0
    both_claim: int = 0  # both chose the same claim (not none)
    same_verdict: int = 0
    same_attribution: int = 0
    same_interval: int = 0
    range: Counts = field(default_factory=Counts)
    attribution: Counts = field(default_factory=Counts)
    non_claims: int = 0  # in GOLD
    false_range_on_non_claims: int = 0
    claim_pairs: list[tuple[str, str]] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)

    def kappa(self) -> float:
        """Cohen's kappa of the claim choice: agreement beyond what chance would give."""
        total = len(self.claim_pairs)
        if not total:
            return 0.0
        observed = sum(a == b for a, b in self.claim_pairs) / total
        gold = Counter(a for a, _ in self.claim_pairs)
        other = Counter(b for _, b in self.claim_pairs)
        expected = sum(gold[key] * other[key] for key in gold) / total**2
        return 1.0 if expected == 1 else (observed - expected) / (1 - expected)

    def summary(self) -> dict[str, Any]:
        def share(part: int, whole: int) -> float:
            return round(part / whole, 3) if whole else 0.0

        return {
            "figures": self.figures,
            "claim_agreement": share(self.same_claim, self.figures),
            "claim_kappa": round(self.kappa(), 3),
            "same_claim_figures": self.both_claim,
            "verdict_agreement": share(self.same_verdict, self.both_claim),
            "attribution_agreement": share(self.same_attribution, self.both_claim),
            "interval_agreement": share(self.same_interval, self.both_claim),
            "range": self.range.as_dict(),
            "attribution": self.attribution.as_dict(),
            "false_range_per_100_non_claims": round(
                100 * self.false_range_on_non_claims / self.non_claims, 2
            )
            if self.non_claims
            else 0.0,
        }


def _flags_range(label: Label) -> bool:
    return label.claim is not None and label.flagged_range


def _attribution_flag(label: Label) -> str | None:
    if label.claim is None:
        return None
    return ATTRIBUTION_CHECKS.get(label.attribution or "")


def compare_labels(gold: Label, other: Label, agreement: Agreement, where: str) -> None:
    """Add one figure, labelled twice, to `agreement`."""
    agreement.figures += 1
    agreement.claim_pairs.append((gold.claim or "-", other.claim or "-"))
    if gold.claim == other.claim:
        agreement.same_claim += 1
    else:
        agreement.differences.append(f"{where}: claim {gold.claim} / {other.claim}")
    if gold.claim is None:
        agreement.non_claims += 1
        if _flags_range(other):
            agreement.false_range_on_non_claims += 1
    elif gold.claim == other.claim:
        agreement.both_claim += 1
        agreement.same_verdict += gold.verdict == other.verdict
        agreement.same_attribution += gold.attribution == other.attribution
        agreement.same_interval += (gold.low, gold.high) == (other.low, other.high)
        for aspect in ("verdict", "attribution"):
            if getattr(gold, aspect) != getattr(other, aspect):
                agreement.differences.append(
                    f"{where}: {aspect} {getattr(gold, aspect)} / {getattr(other, aspect)}"
                )
    gold_range, other_range = _flags_range(gold), _flags_range(other)
    if other_range and gold_range and gold.claim == other.claim:
        agreement.range.tp += 1
    else:
        agreement.range.fp += other_range
        agreement.range.fn += gold_range
    gold_flag, other_flag = _attribution_flag(gold), _attribution_flag(other)
    if other_flag is not None and other_flag == gold_flag:
        agreement.attribution.tp += 1
    else:
        agreement.attribution.fp += other_flag is not None
        agreement.attribution.fn += gold_flag is not None


def compare_sets(gold: Sequence[Case], other: Sequence[Case]) -> Agreement:
    """Compare two labellings of the same passages; raise EvalSetError when they differ in
    passages or figures."""
    others = {case.id: case for case in other}
    agreement = Agreement()
    for case in gold:
        twin = others.pop(case.id, None)
        if twin is None:
            raise EvalSetError(f"{case.id}: not in the other labelling")
        gold_texts = [label.text for label in case.labels]
        if gold_texts != [label.text for label in twin.labels]:
            raise EvalSetError(f"{case.id}: the two labellings list different figures")
        for gold_label, other_label in zip(case.labels, twin.labels, strict=True):
            compare_labels(gold_label, other_label, agreement, f"{case.id} {gold_label.text!r}")
    if others:
        raise EvalSetError(f"{sorted(others)[0]}: only in the other labelling")
    return agreement


def _table(agreement: Agreement) -> str:
    summary = agreement.summary()

    def pr(counts: dict[str, Any]) -> str:
        return (
            f"P {counts['precision']:.3f} R {counts['recall']:.3f} "
            f"({counts['tp']}/{counts['fp']}/{counts['fn']})"
        )

    rows = [
        ("figures", str(summary["figures"])),
        ("claim agreement (kappa)", f"{summary['claim_agreement']} ({summary['claim_kappa']})"),
        ("same claim, verdict agrees", str(summary["verdict_agreement"])),
        ("same claim, attribution agrees", str(summary["attribution_agreement"])),
        ("same claim, interval agrees", str(summary["interval_agreement"])),
        ("range flags, other vs gold", pr(summary["range"])),
        ("attribution flags, other vs gold", pr(summary["attribution"])),
        ("false range per 100 non-claims", str(summary["false_range_per_100_non_claims"])),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m factlint.agreement", description=__doc__)
    parser.add_argument("gold", type=Path)
    parser.add_argument("other", type=Path)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--show-differences", action="store_true")
    args = parser.parse_args(argv)
    try:
        agreement = compare_sets(load_file(args.gold, "gold"), load_file(args.other, "other"))
    except (EvalSetError, OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        print(f"factlint.agreement: {error}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(agreement.summary(), indent=2))
    else:
        print(_table(agreement))
    if args.show_differences:
        print("\n".join(["", *agreement.differences]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
