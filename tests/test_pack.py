"""Loading packs: the built-in one, and bad packs reported with file, line and column."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest

from factlint.errors import FactlintError, PackError
from factlint.pack import BUILTIN_PACK, parse_pack, resolve_pack

FIGURE_IDS = {
    "prison-camp-population",
    "overseas-workers",
    "overseas-labour-revenue",
    "overseas-work-hours",
    "overseas-host-countries",
    "dolgyeokdae-workforce",
    "dolgyeokdae-service-years",
    "dolgyeokdae-revenue",
    "escapees-women-share",
    "escapee-women-trafficked-share",
    "tip-tier",
    "treasury-sanctioned-entities",
    "yodok-imprisonment-age",
}

GOOD = """\
pack: demo
title: Demo
sources:
  - id: src
    title: A source
    cite: Source 2020
claims:
  - id: camp-count
    description: Camps.
    label: camps
    kind: countries
    cited: {low: 10, high: 12, bound: range, text: "10–12"}
    sources: [src]
    subject:
      any: [camp]
"""


def test_builtin_pack_holds_every_claim_of_the_figures_list() -> None:
    pack = resolve_pack(BUILTIN_PACK)
    assert {claim.id for claim in pack.claims} == FIGURE_IDS
    for claim in pack.claims:
        assert claim.sources, claim.id
        for source_id in claim.sources:
            assert pack.source(source_id).cite


def test_builtin_pack_cited_values() -> None:
    claims = {claim.id: claim for claim in resolve_pack(BUILTIN_PACK).claims}
    assert (
        claims["prison-camp-population"].cited.low,
        claims["prison-camp-population"].cited.high,
    ) == (
        80_000,
        120_000,
    )
    assert claims["overseas-labour-revenue"].cited.high == 2_300_000_000
    assert claims["overseas-work-hours"].cited.low is None
    assert claims["tip-tier"].cited.low == 3


def test_a_good_pack_loads() -> None:
    assert parse_pack(GOOD, "demo.yaml").claims[0].id == "camp-count"


def problems_of(text: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        parse_pack(textwrap.dedent(text), "bad.yaml")
    return [str(problem) for problem in caught.value.problems]


def test_yaml_syntax_error_names_line_and_column() -> None:
    (problem,) = problems_of("pack: demo\ntitle: [unclosed\nsources: []\n")
    # libyaml says "did not find expected ..." where the pure-Python parser says "expected ..."
    assert problem.startswith("bad.yaml:3:8: invalid YAML: ")
    assert problem.endswith("expected ',' or ']'")


def test_unknown_key_names_its_line() -> None:
    problems = problems_of(
        GOOD.replace("    label: camps\n", "    label: camps\n    colour: red\n")
    )
    assert problems == ["bad.yaml:11:5: unknown key 'colour'"]


def test_wrong_type_names_the_value() -> None:
    problems = problems_of(GOOD.replace("low: 10,", "low: many,"))
    assert len(problems) == 1
    assert problems[0].startswith("bad.yaml:12:")
    assert "claims.0.cited.low" in problems[0]


def test_low_above_high() -> None:
    problems = problems_of(GOOD.replace("low: 10, high: 12", "low: 14, high: 12"))
    assert problems == ["bad.yaml:12:18: claim 'camp-count': cited low 14 is above high 12"]


def test_unknown_source_and_duplicate_claim() -> None:
    claim = GOOD[GOOD.index("  - id: camp-count") :]
    text = GOOD.replace("sources: [src]", "sources: [src, nowhere]") + claim
    problems = problems_of(text)
    assert "bad.yaml:13:20: claim 'camp-count' cites unknown source 'nowhere'" in problems
    assert any("duplicate claim id 'camp-count'" in problem for problem in problems)


def test_aliases_are_refused_so_alias_bombs_cannot_expand() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    started = time.monotonic()
    problems = problems_of(bomb)
    assert "YAML anchors and aliases are not allowed" in problems[0]
    assert time.monotonic() - started < 5


def test_python_tags_are_refused() -> None:
    (problem,) = problems_of("pack: !!python/object/apply:os.system ['echo hi']\n")
    assert problem.startswith("bad.yaml:1:7: invalid YAML")


def test_empty_pack() -> None:
    assert problems_of("") == ["bad.yaml:1: the pack file is empty"]


def test_unknown_builtin_name() -> None:
    with pytest.raises(FactlintError, match="unknown pack 'nope'"):
        resolve_pack("nope")


def test_missing_pack_file(tmp_path: Path) -> None:
    with pytest.raises(FactlintError, match="no such pack file"):
        resolve_pack(str(tmp_path / "missing.yaml"))
