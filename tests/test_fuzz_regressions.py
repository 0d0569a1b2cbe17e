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
