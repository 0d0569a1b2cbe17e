"""Table-driven tests for `factlint.quantities.extract_quantities`.

The cases live in `tests/data/quantities.yaml`: each gives a short text and the complete,
ordered list of quantities the extractor must find in it (an empty list for texts that
state no quantity).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, NotRequired, TypedDict, get_args

import pytest
import regex
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import quantities
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


# ---------------------------------------------------------------- the fast paths
#
# The extractor skips patterns that cannot match and finds atoms with a pre-scan; these check
# the skipping against the patterns themselves, on text made of what the patterns care about,
# including the letters `regex` matches to ASCII ones when ignoring case ("ſ", "K", "İ").

_PIECES = [
    *"0123456789 ,.-–+%$€~/:#§[]^\n\t\u00a0\x1c_'’éıİſ\u212a\u0301٣",
    *"a one two five six seven ten twenty ninety hundred thousand million bn k km kg".split(),
    *"half halves third quarters tens hundreds dozens thousands of in out every".split(),
    *"about almost over under than up to as between from age aged ages year years".split(),
    *"per cent percent points dollars usd us$ tier camp no. p. jan sept. may".split(),
    *"a day daily weekly annually a week a month".split(),
    *"ſix fİve almoſt \u212am uſd FIVE ONE Half Tens A Over".split(),
]
_PIECE_TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)
_FAST_PATHS = settings(max_examples=2000, deadline=None)


def _spans(matches: Iterable[regex.Match[str]]) -> list[tuple[int, int, str | None]]:
    return [(match.start(), match.end(), match.lastgroup) for match in matches]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "five",
        "Five people, ſix hundred and \u212aM",
        "x5 .5 ,5 5.5 1,000,000 _5 é5 ı5 İ5 ſ5",
        "a\u00a0hundred a\x1chundred A-third a  quarter a\nmillion",
        "tens of thousands, Hundreds Of Millions, dozens",
        "one in every five; 3 out of 4; 2 in 3.5",
        "half a million; thİrd; FİFTY; \u212a",
        "٣ ١٢ 𝟓 ５",
        "often someone attention content stone",
    ],
)
def test_atoms_are_those_of_a_full_scan(text: str) -> None:
    assert _spans(quantities._atoms(text)) == _spans(quantities._ATOM.finditer(text))


@given(_PIECE_TEXT)
@_FAST_PATHS
def test_atoms_are_those_of_a_full_scan_on_any_text(text: str) -> None:
    assert _spans(quantities._atoms(text)) == _spans(quantities._ATOM.finditer(text))


@given(_PIECE_TEXT)
@_FAST_PATHS
def test_patterns_skipped_by_their_endings_cannot_match(text: str) -> None:
    window = text[-quantities._LOOKBACK :]
    for pattern, endings in (
        (quantities._BOUND_BEFORE, quantities._BOUND_ENDINGS),
        (quantities._AGE_BEFORE, quantities._AGE_ENDINGS),
        (quantities._RANGE_WORD_BEFORE, quantities._RANGE_WORD_ENDINGS),
        (quantities._MONTH_BEFORE, quantities._MONTH_ENDINGS),
        (quantities._REFERENCE_BEFORE, quantities._REFERENCE_ENDINGS),
        (quantities._CURRENCY_BEFORE, quantities._CURRENCY_ENDINGS),
    ):
        if pattern.search(window):
            tail = quantities._tail(window)
            assert quantities._may_end_with(tail, endings), (pattern.pattern, window)


@given(_PIECE_TEXT)
@_FAST_PATHS
def test_rates_later_hold_a_rate_word(text: str) -> None:
    if quantities._RATE_LATER.search(text):
        assert any(word in text.lower() for word in quantities._RATE_LATER_WORDS)


@given(_PIECE_TEXT)
@_FAST_PATHS
def test_words_after_a_value_start_as_skipping_them_assumes(text: str) -> None:
    for pattern in (
        quantities._PERCENTAGE_POINTS_AFTER,
        quantities._DATE_AFTER,
        quantities._PERCENT_AFTER,
        quantities._CURRENCY_AFTER,
        quantities._AGE_AFTER,
        quantities._DURATION_AFTER,
        quantities._MEASURE_AFTER,
    ):
        if pattern.match(text):
            assert text[:1].isspace() or text[:1] in quantities._LEADS_AFTER, pattern.pattern
            assert quantities._UNIT_AFTER_HINT.match(text), pattern.pattern
    for pattern, leads in (
        (quantities._RANGE_SEPARATOR, quantities._RANGE_SEPARATOR_LEADS),
        (quantities._SUFFIX_BOUND_AFTER, quantities._SUFFIX_BOUND_LEADS),
        (quantities._RATE_AFTER, quantities._RATE_LEADS),
    ):
        if pattern.match(text):
            assert text[:1].isspace() or text[:1] in leads, pattern.pattern
    if quantities._SCALE_AFTER.match(text):
        assert text[:1].isspace() or text[:1] in quantities._SCALE_LEADS
    if quantities._VERSION_OR_TIME_AFTER.match(text):
        assert text[:1] in quantities._VERSION_OR_TIME_LEADS


@given(_PIECE_TEXT)
@_FAST_PATHS
def test_previous_word_searched_backwards_is_the_one_found_forwards(text: str) -> None:
    forwards = regex.compile(quantities._PREVIOUS_WORD.pattern)
    found = quantities._PREVIOUS_WORD.search(text)
    expected = forwards.search(text)
    assert (found and (found.span(), found.group("word"))) == (
        expected and (expected.span(), expected.group("word"))
    )


@pytest.mark.parametrize(
    ("header", "unit", "per"),
    [("Daily hours reported", "hour", "day"), ("Hours per day", "hour", "day"),
     ("Years of service", "year", None), ("Hours/day", "hour", "day")],
)  # fmt: skip
def test_a_column_header_gives_bare_numbers_its_unit(header: str, unit: str, per: str) -> None:
    from factlint.quantities import with_column_unit

    (quantity,) = extract_quantities("12")
    found = with_column_unit(quantity, header)
    assert (found.kind, found.unit, found.per) == ("duration", unit, per)


@pytest.mark.parametrize("header", ["Workers", "Entities named", "Estimate"])
def test_a_column_header_without_a_unit_leaves_numbers_alone(header: str) -> None:
    from factlint.quantities import with_column_unit

    (quantity,) = extract_quantities("12")
    assert with_column_unit(quantity, header) == quantity


@pytest.mark.parametrize(
    ("header", "cell", "kind", "low", "high", "unit", "per"),
    [("Staff (thousands)", "12.5", "count", 12500, 12500, None, None),
     ("Output (in millions)", "3–4", "count", 3e6, 4e6, None, None),
     ("Budget (EUR bn a year)", "1.5", "money", 1.5e9, 1.5e9, "EUR", "year"),
     ("Spending, in US$ millions", "40", "money", 4e7, 4e7, "USD", None),
     ("Rent (£ per month)", "900", "money", 900, 900, "GBP", "month"),
     ("Pass rate (%)", "64", "share", 64, 64, None, None),
     ("Loans ('000)", "7", "count", 7000, 7000, None, None)],
)  # fmt: skip
def test_a_column_header_in_parentheses_gives_scale_currency_or_share(
    header: str,
    cell: str,
    kind: str,
    low: float,
    high: float,
    unit: str | None,
    per: str | None,
) -> None:
    from factlint.quantities import with_column_unit

    (quantity,) = extract_quantities(cell)
    found = with_column_unit(quantity, header)
    assert (found.kind, found.low, found.high, found.unit, found.per) == (
        kind,
        pytest.approx(low),
        pytest.approx(high),
        unit,
        per,
    )


@pytest.mark.parametrize(
    ("header", "cell"),
    [("Staff (thousands)", "1.2 million"), ("Budget (EUR bn)", "$3bn"), ("Site (2019)", "40"),
     ("Staff (see note)", "40")],
)  # fmt: skip
def test_a_cell_stating_its_own_scale_or_a_header_without_one_is_left_alone(
    header: str, cell: str
) -> None:
    from factlint.quantities import with_column_unit

    (quantity,) = extract_quantities(cell)
    assert with_column_unit(quantity, header) == quantity
