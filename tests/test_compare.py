"""The comparison rules of docs/checks.md, one row per case."""

from __future__ import annotations

import pytest

from factlint.compare import Verdict, compare
from factlint.pack import Cited
from factlint.quantities import Bound, Quantity

CAMPS = Cited(low=80_000, high=120_000, bound="range", text="80,000–120,000")
HOURS = Cited(high=20, bound="up-to", text="up to 20 hours a day")
DOLGYEOKDAE = Cited(low=400_000, high=400_000, bound="approximate", tolerance=0.1, text="about")
COUNTRIES = Cited(low=16, high=16, text="16")
AT_LEAST = Cited(low=100_000, bound="at-least", text="100,000 or more")


def stated(bound: Bound, low: float | None, high: float | None) -> Quantity:
    return Quantity(0, 1, "x", "count", low, high, bound)


CASES: list[tuple[Cited, Bound, float | None, float | None, Verdict]] = [
    (CAMPS, "exact", 100_000, 100_000, "consistent"),
    (CAMPS, "exact", 80_000, 80_000, "consistent"),
    (CAMPS, "exact", 120_000, 120_000, "consistent"),
    (CAMPS, "exact", 200_000, 200_000, "contradicted"),
    (CAMPS, "exact", 79_999, 79_999, "contradicted"),
    (CAMPS, "approximate", 200_000, 200_000, "contradicted"),
    (CAMPS, "approximate", 130_000, 130_000, "consistent"),  # 117,000..143,000 overlaps
    (CAMPS, "approximate", 75_000, 75_000, "consistent"),  # 67,500..82,500 overlaps
    (CAMPS, "approximate", 70_000, 70_000, "contradicted"),  # 63,000..77,000 misses 80,000
    (CAMPS, "nearly", 130_000, 130_000, "consistent"),
    (CAMPS, "nearly", 150_000, 150_000, "contradicted"),
    (CAMPS, "range", 80_000, 120_000, "consistent"),
    (CAMPS, "range", 90_000, 110_000, "consistent"),
    (CAMPS, "range", 100_000, 150_000, "overstated"),
    (CAMPS, "range", 50_000, 100_000, "overstated"),
    (CAMPS, "range", 150_000, 200_000, "contradicted"),
    (CAMPS, "range", 10_000, 50_000, "contradicted"),
    (CAMPS, "more-than", 100_000, None, "consistent"),
    (CAMPS, "more-than", 50_000, None, "consistent"),
    (CAMPS, "more-than", 120_000, None, "contradicted"),
    (CAMPS, "more-than", 150_000, None, "contradicted"),
    (CAMPS, "up-to", None, 120_000, "consistent"),
    (CAMPS, "up-to", None, 100_000, "consistent"),
    (CAMPS, "up-to", None, 200_000, "overstated"),
    (CAMPS, "up-to", None, 50_000, "contradicted"),
    (CAMPS, "less-than", None, 100_000, "consistent"),
    (CAMPS, "less-than", None, 80_000, "contradicted"),
    (CAMPS, "less-than", None, 50_000, "contradicted"),
    (CAMPS, "magnitude", 10_000, 100_000, "consistent"),
    (CAMPS, "magnitude", 1_000_000, 1_000_000_000, "contradicted"),
    (HOURS, "exact", 12, 12, "consistent"),
    (HOURS, "exact", 20, 20, "consistent"),
    (HOURS, "exact", 22, 22, "contradicted"),
    (HOURS, "up-to", None, 20, "consistent"),
    (HOURS, "up-to", None, 22, "overstated"),
    (HOURS, "range", 12, 16, "consistent"),
    (HOURS, "range", 16, 22, "overstated"),
    (HOURS, "more-than", 18, None, "consistent"),
    (HOURS, "more-than", 20, None, "contradicted"),
    (DOLGYEOKDAE, "exact", 400_000, 400_000, "consistent"),
    (DOLGYEOKDAE, "exact", 430_000, 430_000, "consistent"),  # inside the 10% tolerance
    (DOLGYEOKDAE, "exact", 450_000, 450_000, "contradicted"),
    (DOLGYEOKDAE, "approximate", 400_000, 400_000, "consistent"),
    (DOLGYEOKDAE, "approximate", 300_000, 300_000, "contradicted"),
    (COUNTRIES, "exact", 16, 16, "consistent"),
    (COUNTRIES, "exact", 17, 17, "contradicted"),
    (COUNTRIES, "more-than", 10, None, "consistent"),
    (COUNTRIES, "more-than", 16, None, "contradicted"),
    (COUNTRIES, "range", 20, 40, "contradicted"),
    # An open-ended cited interval ("100,000 or more"), as alternative estimates give them.
    (AT_LEAST, "more-than", 100_000, None, "consistent"),
    (AT_LEAST, "more-than", 50_000, None, "consistent"),
    (AT_LEAST, "exact", 200_000, 200_000, "consistent"),
    (AT_LEAST, "exact", 90_000, 90_000, "contradicted"),
    (AT_LEAST, "up-to", None, 150_000, "consistent"),
    (AT_LEAST, "less-than", None, 100_000, "contradicted"),
]


@pytest.mark.parametrize(("cited", "bound", "low", "high", "verdict"), CASES)
def test_verdict(
    cited: Cited, bound: Bound, low: float | None, high: float | None, verdict: Verdict
) -> None:
    assert compare(stated(bound, low, high), cited) == verdict
