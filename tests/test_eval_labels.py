"""`python -m factlint.eval ROOT --check-labels`: a labelled set checked without a score."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.eval import main

GOOD = """
style: news
cases:
  - text: "Rights groups count 95,000 people in the camps, up from 2015."
    figures:
      - {text: "95,000", claim: prison-camp-population, low: 95000, high: 95000,
         verdict: consistent, attribution: vague}
      - {text: "2015", claim: null, quantity: false}
"""


def write_split(root: Path, text: str) -> Path:
    (root / "tune").mkdir(parents=True)
    (root / "tune" / "news.yaml").write_text(text, encoding="utf-8")
    return root


def test_a_well_formed_set_is_counted_not_scored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_split(tmp_path, GOOD)
    assert main([str(root), "--split", "tune", "--check-labels"]) == 0
    out = capsys.readouterr().out
    assert out == "1 passages, 2 numbers (1 claim figures)\n"


def test_unknown_claims_and_figures_out_of_order_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = GOOD.replace("prison-camp-population", "camp-population").replace(
        '"2015", claim', '"1990", claim'
    )
    root = write_split(tmp_path, bad)
    assert main([str(root), "--split", "tune", "--check-labels"]) == 2
    err = capsys.readouterr().err
    assert "tune/news#1: figure '95,000' names no claim of the pack: 'camp-population'" in err
    assert "tune/news#1: figure '1990' not found (in order)" in err


def test_a_case_id_used_twice_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    twice = GOOD.replace('  - text: "Rights', '  - id: same\n    text: "Rights')
    twice += twice.split("cases:\n", 1)[1]
    root = write_split(tmp_path, twice)
    assert main([str(root), "--split", "tune", "--check-labels"]) == 2
    assert "same: the case id is used twice" in capsys.readouterr().err
