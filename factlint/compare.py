"""Comparing a stated figure with a cited interval: consistent, overstated or contradicted.

The rules are those of the pack's documentation (docs/checks.md): the words around a number
decide what interval it asserts, and an open end is never an overstatement.
"""

from __future__ import annotations

import math
from typing import Literal

from factlint.pack import Alternative, Cited, Claim
from factlint.quantities import Quantity

Verdict = Literal["consistent", "overstated", "contradicted"]

# "about X" asserts X give or take this share of X.
APPROXIMATION = 0.1
_EPSILON = 1e-9


def cited_bounds(cited: Cited) -> tuple[float, float]:
    """The cited interval with its tolerance applied; a missing end is open."""
    low = -math.inf if cited.low is None else cited.low * (1 - cited.tolerance)
    high = math.inf if cited.high is None else cited.high * (1 + cited.tolerance)
    return low, high


def _below(value: float, limit: float) -> bool:
    """value < limit, by more than float rounding (33.33…% must equal a cited 33.33%)."""
    if math.isinf(limit):
        return value < limit  # inf - inf * epsilon would be NaN, and every test False
    return value < limit - abs(limit) * _EPSILON


def compare(stated: Quantity, cited: Cited) -> Verdict:
    low, high = cited_bounds(cited)
    if stated.bound in ("exact", "approximate", "nearly", "range", "magnitude"):
        stated_low, stated_high = _stated_band(stated)
        if _below(stated_high, low) or _below(high, stated_low):
            return "contradicted"
        if stated.bound == "range" and (_below(stated_low, low) or _below(high, stated_high)):
            return "overstated"
        return "consistent"
    if stated.bound == "more-than":
        assert stated.low is not None
        return "consistent" if _below(stated.low, high) else "contradicted"
    if stated.bound == "less-than":
        assert stated.high is not None
        return "consistent" if _below(low, stated.high) else "contradicted"
    # "up to X": X is the top of the estimate.
    assert stated.high is not None
    if _below(stated.high, low):
        return "contradicted"
    return "overstated" if _below(high, stated.high) else "consistent"


def _stated_band(stated: Quantity) -> tuple[float, float]:
    assert stated.low is not None and stated.high is not None
    if stated.bound == "approximate":
        return stated.low * (1 - APPROXIMATION), stated.high * (1 + APPROXIMATION)
    if stated.bound == "nearly":
        return stated.low * (1 - APPROXIMATION), stated.high
    return stated.low, stated.high


def matching_alternative(stated: Quantity, claim: Claim) -> Alternative | None:
    """The first of the claim's alternative estimates the stated figure is consistent with."""
    return next(
        (option for option in claim.alternatives if compare(stated, option) == "consistent"),
        None,
    )
