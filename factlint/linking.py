"""Linking each stated quantity to the claim it is about, or to none.

A quantity links to a claim only when the claim's subject is named in the same sentence and
the kinds agree (a percentage never links to a head count), and not when one of the claim's
`none` phrases stands in the quantity's own clause. With several candidates, the nearest
subject wins, and a subject across a clause boundary counts as further away.
"""

from __future__ import annotations

from collections.abc import Sequence

from factlint.pack import Claim
from factlint.quantities import Quantity
from factlint.sentences import Sentence
from factlint.subjects import SubjectMatch

_CLAUSE_BOUNDARIES = frozenset(
    {",", ";", ":", "—", "–", "(", ")", "but", "while", "whereas", "although", "though"}
)
_CLAUSE_PENALTY = 6


def fits(claim: Claim, quantity: Quantity) -> bool:
    """Whether a quantity of this kind can state this claim's figure."""
    kind = claim.kind
    if kind in ("people", "countries", "entities"):
        return quantity.kind == "count"
    if kind == "share":
        return quantity.kind == "share"
    if kind == "money-per-year":
        return (
            quantity.kind == "money"
            and quantity.unit == claim.currency
            and quantity.per in (None, "year")
        )
    if kind == "hours-per-day":
        return (
            quantity.kind == "duration"
            and quantity.unit == "hour"
            and quantity.per in (None, "day")
        )
    if kind == "years":
        return quantity.kind == "duration" and quantity.unit == "year" and quantity.per is None
    if kind == "tier":
        return quantity.kind == "tier"
    return quantity.kind == "age"


def link(
    sentence: Sentence, quantities: Sequence[Quantity], subjects: Sequence[SubjectMatch]
) -> list[Claim | None]:
    """For each quantity of the sentence, the claim it is about, or None."""
    return [_nearest_claim(sentence, quantity, subjects) for quantity in quantities]


def _nearest_claim(
    sentence: Sentence, quantity: Quantity, subjects: Sequence[SubjectMatch]
) -> Claim | None:
    if not sentence.tokens:
        return None
    first, last = sentence.token_range(quantity.start, quantity.end)
    clause = _clause(sentence, first, last)
    best: tuple[int, int] | None = None
    best_claim: Claim | None = None
    for order, subject in enumerate(subjects):
        if not fits(subject.claim, quantity):
            continue
        if any(clause[0] <= start and end <= clause[1] for start, end in subject.exclusions):
            continue  # "200,000 died in the camps": the clause is about something else
        score = (_distance(sentence, first, last, subject), order)
        if best is None or score < best:
            best, best_claim = score, subject.claim
    return best_claim


def _clause(sentence: Sentence, first: int, last: int) -> tuple[int, int]:
    """Token indices (inclusive) of the clause around tokens first..last."""
    tokens = sentence.tokens
    start = first
    while start > 0 and tokens[start - 1].lower not in _CLAUSE_BOUNDARIES:
        start -= 1
    end = last
    while end + 1 < len(tokens) and tokens[end + 1].lower not in _CLAUSE_BOUNDARIES:
        end += 1
    return start, end


def _distance(sentence: Sentence, first: int, last: int, subject: SubjectMatch) -> int:
    if subject.first > last:
        between = range(last + 1, subject.first)
    elif subject.last < first:
        between = range(subject.last + 1, first)
    else:
        return 0
    boundaries = sum(1 for index in between if sentence.tokens[index].lower in _CLAUSE_BOUNDARIES)
    return len(between) + _CLAUSE_PENALTY * boundaries
