"""Table-driven tests for `factlint.quantities.extract_quantities`.

The cases live in `tests/data/quantities.yaml`: each gives a short text and the complete,
ordered list of quantities the extractor must find in it (an empty list for texts that
state no quantity).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NotRequired, TypedDict, get_args

import pytest
import yaml

from factlint.quantities import Bound, Quantity, QuantityKind, extract_quantities

DATA_FILE = Path(__file__).parent / "data" / "quantities.yaml"

MIN_CASES = 130
MIN_NEGATIVE_CASES = 30

KINDS: frozenset[str] = frozenset(get_args(QuantityKind))
BOUNDS: frozenset[str] = frozenset(get_args(Bound))
PERS: frozenset[str] = frozenset({"hour", "day", "week", "month", "year"})
UNITS_BY_KIND: dict[str, frozenset[str | None]] = {
    "count": frozenset({None}),
    "share": frozenset({None}),
    "tier": frozenset({None}),
    "age": frozenset({None}),
    "money": frozenset({"USD", "EUR", "GBP", "KRW", "CNY"}),
    "duration": frozenset({"minute", "hour", "day", "week", "month", "year"}),
    "measure": frozenset({"km", "mile", "kg", "tonne", "metre"}),
}

REQUIRED_KEYS = frozenset({"text", "kind", "low", "high", "bound"})
OPTIONAL_KEYS = frozenset({"unit", "per"})


class ExpectedQuantity(TypedDict):
    text: str
    kind: str
    low: float | None
    high: float | None
    bound: str
    unit: NotRequired[str | None]
    per: NotRequired[str | None]


class Case(TypedDict):
    text: str
    expect: list[ExpectedQuantity]


def _number_or_none(value: object, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{where}: expected a number or null, got {value!r}")
    return float(value)


def _str_or_none(value: object, where: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"{where}: expected a string or null, got {value!r}")


def _parse_expected(raw: object, where: str) -> ExpectedQuantity:
    if not isinstance(raw, dict):
        raise TypeError(f"{where}: expected a mapping, got {raw!r}")
    keys = set(raw)
    if missing := REQUIRED_KEYS - keys:
        raise ValueError(f"{where}: missing keys {sorted(missing)}")
    if unknown := keys - REQUIRED_KEYS - OPTIONAL_KEYS:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    text, kind, bound = raw["text"], raw["kind"], raw["bound"]
    if not (isinstance(text, str) and isinstance(kind, str) and isinstance(bound, str)):
        raise TypeError(f"{where}: text, kind and bound must be strings")
    expected = ExpectedQuantity(
        text=text,
        kind=kind,
        low=_number_or_none(raw["low"], f"{where}.low"),
        high=_number_or_none(raw["high"], f"{where}.high"),
        bound=bound,
    )
    if "unit" in raw:
        expected["unit"] = _str_or_none(raw["unit"], f"{where}.unit")
    if "per" in raw:
        expected["per"] = _str_or_none(raw["per"], f"{where}.per")
    return expected


def _parse_case(raw: object, index: int) -> Case:
    where = f"{DATA_FILE.name}[{index}]"
    if not isinstance(raw, dict) or set(raw) != {"text", "expect"}:
        raise ValueError(f"{where}: a case must be a mapping with exactly `text` and `expect`")
    text, expect = raw["text"], raw["expect"]
    if not isinstance(text, str) or not isinstance(expect, list):
        raise TypeError(f"{where}: `text` must be a string and `expect` a list")
    return Case(
        text=text,
        expect=[_parse_expected(item, f"{where}.expect[{i}]") for i, item in enumerate(expect)],
    )


def load_cases(path: Path = DATA_FILE) -> list[Case]:
    raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, list):
        raise TypeError(f"{path.name}: the top level must be a list of cases")
    return [_parse_case(item, index) for index, item in enumerate(raw)]


def case_id(case: Case, width: int = 60) -> str:
    """A readable test id: the case text on one line, shortened."""
    flat = case["text"].replace("\n", "\\n")
    return flat if len(flat) <= width else flat[: width - 1] + "…"


CASES: list[Case] = load_cases()


def _approx(value: float | None) -> object:
    return None if value is None else pytest.approx(value, rel=1e-6, abs=1e-9)


def _actual_row(quantity: Quantity) -> dict[str, object]:
    return {
        "text": quantity.text,
        "kind": quantity.kind,
        "low": quantity.low,
        "high": quantity.high,
        "bound": quantity.bound,
        "unit": quantity.unit,
        "per": quantity.per,
    }


def _expected_row(expected: ExpectedQuantity) -> dict[str, object]:
    return {
        "text": expected["text"],
        "kind": expected["kind"],
        "low": _approx(expected["low"]),
        "high": _approx(expected["high"]),
        "bound": expected["bound"],
        "unit": expected.get("unit"),
        "per": expected.get("per"),
    }


@pytest.mark.parametrize("case", CASES, ids=[case_id(case) for case in CASES])
def test_extract_quantities(case: Case) -> None:
    source = case["text"]
    found = extract_quantities(source)

    assert all(isinstance(q, Quantity) for q in found)
    for q in found:
        assert 0 <= q.start <= q.end <= len(source), q
        assert q.text == source[q.start : q.end], q
    starts = [q.start for q in found]
    assert starts == sorted(starts), "quantities must be sorted by start offset"

    assert [_actual_row(q) for q in found] == [_expected_row(e) for e in case["expect"]]


def test_table_has_enough_cases() -> None:
    assert len(CASES) >= MIN_CASES
    negatives = [case for case in CASES if not case["expect"]]
    assert len(negatives) >= MIN_NEGATIVE_CASES


def test_case_texts_are_unique() -> None:
    texts = [case["text"] for case in CASES]
    duplicates = sorted({t for t in texts if texts.count(t) > 1})
    assert duplicates == []


@pytest.mark.parametrize("case", CASES, ids=[case_id(case) for case in CASES])
def test_table_entry_is_consistent(case: Case) -> None:
    """Guards the table itself: spans occur in order, and each entry obeys the conventions."""
    source = case["text"]
    position = 0
    for expected in case["expect"]:
        span = expected["text"]
        assert span, "an expected span must not be empty"
        assert span == span.strip(), f"span {span!r} has surrounding whitespace"
        found_at = source.find(span, position)
        assert found_at >= 0, f"span {span!r} does not occur (in order) in the case text"
        position = found_at + 1

        kind, bound = expected["kind"], expected["bound"]
        low, high = expected["low"], expected["high"]
        assert kind in KINDS
        assert bound in BOUNDS
        assert expected.get("unit") in UNITS_BY_KIND[kind]
        assert expected.get("per") in PERS | {None}

        if bound in {"exact", "approximate", "nearly"}:
            assert low is not None and low == high
        elif bound in {"range", "magnitude"}:
            assert low is not None and high is not None and low < high
        elif bound == "more-than":
            assert low is not None and high is None
        else:  # "up-to", "less-than"
            assert low is None and high is not None

        if kind == "share":
            assert all(0 <= v <= 100 for v in (low, high) if v is not None)
