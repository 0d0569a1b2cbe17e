"""The accuracy evaluation: the metric code on a tiny synthetic set, the set's size, the bar."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.eval import (
    Case,
    EvalSetError,
    Label,
    Metrics,
    evaluate,
    load_set,
    locate,
    main,
    misses_of_bar,
)

ROOT = Path(__file__).resolve().parent.parent / "fixtures" / "eval"


def claim(text: str, claim_id: str, low: float | None, high: float | None, **rest: str) -> Label:
    return Label(text, claim_id, low, high, rest["verdict"], rest["attribution"])


def case(text: str, *labels: Label) -> Case:
    return Case(id=text[:20], split="tune", style="test", text=text, labels=labels)


# --- the metric code, on cases whose right answer is known --------------------------------


def test_a_true_range_finding_and_a_true_unattributed_finding() -> None:
    cases = [
        case(
            "Some 200,000 people are held in political prison camps.",
            claim(
                "Some 200,000",
                "prison-camp-population",
                200000,
                200000,
                verdict="contradicted",
                attribution="none",
            ),
        )
    ]
    metrics = evaluate(cases)["tune"]
    assert (metrics.range.tp, metrics.range.fp, metrics.range.fn) == (1, 0, 0)
    assert (metrics.unattributed.tp, metrics.unattributed.fp, metrics.unattributed.fn) == (1, 0, 0)
    assert metrics.linked_right == 1 and metrics.labels == 1


def test_a_wrong_label_is_counted_as_a_false_positive_and_a_miss() -> None:
    # Labelled (wrongly, on purpose) as consistent and named: factlint's range and
    # unattributed findings must then count as false positives, not pass unnoticed.
    cases = [
        case(
            "Some 200,000 people are held in political prison camps.",
            claim(
                "Some 200,000",
                "prison-camp-population",
                200000,
                200000,
                verdict="consistent",
                attribution="named",
            ),
        )
    ]
    metrics = evaluate(cases)["tune"]
    assert (metrics.range.tp, metrics.range.fp) == (0, 1)
    assert (metrics.unattributed.tp, metrics.unattributed.fp) == (0, 1)
    assert metrics.range.precision == 0.0
    # A flagged-range figure that factlint calls consistent is a miss.
    missed = [
        case(
            "Between 80,000 and 120,000 people are held in political prison camps, the UN says.",
            claim(
                "Between 80,000 and 120,000",
                "prison-camp-population",
                80000,
                120000,
                verdict="overstated",
                attribution="named",
            ),
        )
    ]
    metrics = evaluate(missed)["tune"]
    assert (metrics.range.tp, metrics.range.fn) == (0, 1) and metrics.range.recall == 0.0


def test_a_range_finding_on_a_non_claim_number_counts_against_the_bar() -> None:
    cases = [
        case("Some 200,000 people are held in political prison camps.", Label("Some 200,000", None))
    ]
    metrics = evaluate(cases)["tune"]
    assert metrics.non_claim_numbers == 1
    assert metrics.false_range_on_non_claims == 1
    assert metrics.false_range_per_100_non_claims == 100.0
    assert metrics.linked_right == 0
    assert "false_range_per_100_non_claims 100.00 > 1" in misses_of_bar(metrics)


def test_a_right_range_finding_for_the_wrong_claim_is_not_a_true_positive() -> None:
    cases = [
        case(
            "Some 200,000 people are held in political prison camps.",
            claim(
                "Some 200,000",
                "overseas-workers",
                200000,
                200000,
                verdict="contradicted",
                attribution="none",
            ),
        )
    ]
    metrics = evaluate(cases)["tune"]
    assert (metrics.range.tp, metrics.range.fp, metrics.range.fn) == (0, 1, 1)


def test_an_unlinked_non_claim_number_is_linked_right() -> None:
    cases = [case("North Korea has about 25 million people.", Label("about 25 million", None))]
    metrics = evaluate(cases)["tune"]
    assert metrics.linked_right == 1 and metrics.range.fp == 0


def test_empty_counts_do_not_pass_by_division() -> None:
    metrics = Metrics()
    assert metrics.range.precision == 1.0 and metrics.range.recall == 1.0
    assert misses_of_bar(metrics) == []


def test_labels_are_found_in_order_across_a_line_break() -> None:
    text = "From 10 to 20, then\n10 again."
    labels = (Label("10", None), Label("20", None), Label("then 10", None))
    assert locate(text, labels) == [(5, 7), (11, 13), (15, 22)]
    with pytest.raises(EvalSetError):
        locate(text, (Label("30", None),))


def test_parsing_mistakes_are_listed_with_the_other_errors() -> None:
    cases = [
        case(
            "Up to 250 hours a week, some 300 workers and 1998 rows.",
            # found, but with another stated interval than labelled (on purpose)
            claim("Up to 250 hours", "overseas-work-hours", 250, 250, verdict="contradicted",
                  attribution="none"),
            # a number labelled as no quantity that factlint reports anyway
            Label("300", None, quantity=False),
            # no figure covers this label
            claim("rows", "overseas-workers", 10, 10, verdict="consistent", attribution="none"),
        )
    ]  # fmt: skip
    metrics = evaluate(cases)["tune"]
    assert metrics.claim_labels == 2 and metrics.claim_labels_found == 1
    assert metrics.stated_right == 0
    errors = [error.split(": ", 1)[1] for error in metrics.errors]
    assert (
        "'Up to 250 hours' found as 'Up to 250 hours a week', stated interval [null, 250],"
        " expected [250, 250]" in errors
    )
    assert "'rows' not found as a figure" in errors
    assert "'some 300' found, but '300' is labelled not a quantity" in errors


def test_an_unlabelled_figure_is_listed_and_rounded_shares_are_right() -> None:
    cases = [
        case(
            "Two-thirds of escapees are women, and 40 of them were interviewed.",
            claim("Two-thirds", "escapees-women-share", 66.7, 66.7, verdict="contradicted",
                  attribution="none"),
        )
    ]  # fmt: skip
    metrics = evaluate(cases)["tune"]
    assert metrics.stated_right == 1  # 66.666… is the labelled 66.7, written rounded
    assert metrics.unlabelled_figures == 1
    assert any(error.endswith("'40' found, but no label covers it") for error in metrics.errors)


def test_show_errors_refuses_the_holdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(ROOT), "--split", "holdout", "--show-errors"]) == 2
    assert "--i-am-done-tuning" in capsys.readouterr().err


# --- the set and the bar ------------------------------------------------------------------


@pytest.fixture(scope="module")
def results() -> dict[str, Metrics]:
    return evaluate(load_set(ROOT, "all"))


def test_the_set_is_large_enough_and_a_third_is_held_out(results: dict[str, Metrics]) -> None:
    tune, holdout = results["tune"].cases, results["holdout"].cases
    assert tune + holdout >= 200
    assert holdout >= 70 and 3 * holdout >= tune + holdout


# The figures each split is held to: the bar (BAR: range P >= 0.95, R >= 0.90,
# attribution P/R >= 0.90, <= 1 false range finding per 100 non-claims) is NOT met on the
# held-out split (docs/eval.md says by how much), so that split is guarded at the figures of
# its first (and only) run, on the fresh set of session 5 (five authors, written blind from
# docs/labelling.md), and the tuning split (the spent held-out files of sessions 2-4 among
# them, tune/seen-holdout*-*) at the figures measured when tuning stopped, less a little
# slack: no change to linking, parsing or attribution makes either worse without a test
# failing.
FLOORS = {
    #          range P, range R, attribution P, attribution R, false /100, linking
    "holdout": (0.83, 0.75, 0.76, 0.60, 2.1, 0.89),
    "tune": (0.95, 0.94, 0.95, 0.94, 1.0, 0.958),
}


@pytest.mark.parametrize("split", FLOORS)
def test_the_split_does_not_regress(results: dict[str, Metrics], split: str) -> None:
    range_p, range_r, attribution_p, attribution_r, false_per_100, linking = FLOORS[split]
    metrics = results[split]
    assert metrics.range.precision >= range_p
    assert metrics.range.recall >= range_r
    assert metrics.attribution.precision >= attribution_p
    assert metrics.attribution.recall >= attribution_r
    assert metrics.false_range_per_100_non_claims <= false_per_100
    assert metrics.linking_accuracy >= linking
