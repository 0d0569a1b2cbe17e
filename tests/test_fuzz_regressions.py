"""Inputs that scripts/fuzz_quantities.py found to crash factlint, kept as regressions."""

from __future__ import annotations

import pytest

from factlint.markdown import mask_markdown
from factlint.quantities import extract_quantities


@pytest.mark.parametrize(
    "text",
    [
        "\U00016d74",  # a digit to the regex module's \d that float() refuses (found by atheris)
        "about \U00016d74\U00016d75 people",
        "٣٠٠ workers",  # Arabic-Indic digits: not figures factlint reads
        "x² and 𝟠𝟘 and ⑤",
    ],
)
def test_non_ascii_digits_are_not_figures_and_do_not_crash(text: str) -> None:
    assert extract_quantities(mask_markdown(text).text) == []


@pytest.mark.parametrize(
    ("text", "ascii_text"),
    [
        ("a thİrd of them", "a third of them"),  # found by the differential test of #6
        ("ſix hundred workers", "six hundred workers"),
        ("ſeven in ten escapees", "seven in ten escapees"),
        ("about \u212ailometres 20", "about Kilometres 20"),
    ],
)
def test_letters_the_regex_module_folds_to_ascii_read_as_ascii(text: str, ascii_text: str) -> None:
    found = extract_quantities(text)
    expected = extract_quantities(ascii_text)
    assert [(q.start, q.end, q.low, q.high, q.bound) for q in found] == [
        (q.start, q.end, q.low, q.high, q.bound) for q in expected
    ]
