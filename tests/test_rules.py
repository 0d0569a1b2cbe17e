"""Packs as a product: the schema, the examples, `factlint rules ...`, alternative estimates,
misattribution, sources in findings and `extends:`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from factlint.examples import MIN_EXAMPLES, run_examples
from factlint.pack import builtin_pack_dir, builtin_pack_names, resolve_pack
from factlint.packdoc import pack_markdown, pack_schema
from factlint.rules_command import DOC_COMMAND
from tests.conftest import ROOT, run_cli

SHIPPED = [resolve_pack(name) for name in builtin_pack_names()]

HOUSE = """\
pack: house
title: House figures
sources:
  - {id: census, title: Shelter census, cite: Census 2020, date: 2020, aliases: [the census]}
  - {id: survey, title: Street survey, cite: Survey 2016, date: 2016, aliases: [Street Survey]}
  - {id: later, title: Later count, cite: Count 2023, aliases: [City Count]}
  - {id: other, title: Other body, cite: Other 2021, aliases: [Harbour Trust]}
claims:
  - id: shelter-count
    description: Shelters in the city.
    label: shelters in the city
    kind: entities
    cited: {low: 12, high: 12, text: "12 shelters"}
    sources: [census]
    alternatives:
      - {low: 8, high: 8, text: "8 shelters", source: survey}
      - {low: 20, high: 20, text: "20 shelters", source: later, note: a recount}
    subject:
      any: [shelter, shelters]
    examples:
      flag:
        - {text: "The city runs 30 shelters, the census found.", check: out-of-range}
        - {text: "The city runs 12 shelters.", check: unattributed}
      pass:
        - "The city runs 12 shelters, the census found."
        - "The census found 4,000 people on the streets."
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def findings(draft: str, pack: Path, capsys: pytest.CaptureFixture[str]) -> list[Any]:
    args = ["check", "--format", "json", "--pack", str(pack), "--stdin-filename", "d.md", "-"]
    result = run_cli(args, capsys, stdin=draft.encode())
    return list(json.loads(result.out)["findings"])


def checks_of(draft: str, pack: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [finding["check"] for finding in findings(draft, pack, capsys)]


# --- the schema ----------------------------------------------------------------------------


def test_the_shipped_schema_is_the_models_schema() -> None:
    generated = pack_schema()
    for shipped in (builtin_pack_dir() / "pack.schema.json", ROOT / "docs" / "pack.schema.json"):
        assert shipped.read_text(encoding="utf-8") == generated, (
            f"{shipped} is stale: run python scripts/regenerate_docs.py"
        )


class _YamlWithoutTimestamps(yaml.SafeLoader):
    """YAML as an editor's language server reads it (1.2: an unquoted date is a string)."""


_YamlWithoutTimestamps.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@pytest.mark.parametrize("name", builtin_pack_names())
def test_shipped_packs_validate_against_the_schema(name: str) -> None:
    schema = json.loads(pack_schema())
    text = (builtin_pack_dir() / f"{name}.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=pack.schema.json\n")
    jsonschema.validate(yaml.load(text, Loader=_YamlWithoutTimestamps), schema)


def test_the_schema_rejects_what_the_loader_rejects() -> None:
    schema = json.loads(pack_schema())
    bad = yaml.load(HOUSE.replace("kind: entities", "kind: entitys"), Loader=_YamlWithoutTimestamps)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
    unknown = yaml.load(
        HOUSE.replace("    label:", "    lable: x\n    label:"), Loader=yaml.SafeLoader
    )
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(unknown, schema)


# --- examples ------------------------------------------------------------------------------


@pytest.mark.parametrize("pack", SHIPPED, ids=lambda pack: pack.pack)
def test_every_shipped_claim_has_enough_examples(pack: Any) -> None:
    for claim in pack.claims:
        assert len(claim.examples.flag) >= MIN_EXAMPLES, claim.id
        assert len(claim.examples.pass_) >= MIN_EXAMPLES, claim.id


@pytest.mark.parametrize("pack", SHIPPED, ids=lambda pack: pack.pack)
def test_every_example_of_every_shipped_pack_passes(pack: Any) -> None:
    results = run_examples(pack)
    assert len(results) >= 4 * len(pack.claims)
    failures = [
        f"{r.claim} {r.kind} {r.number}: expected {r.expected}, got {r.actual}"
        for r in results
        if not r.passed
    ]
    assert failures == []


def test_a_failing_example_is_reported_as_a_diff(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = HOUSE.replace(
        '"The city runs 30 shelters, the census found.", check: out-of-range',
        '"The city runs 30 shelters, the census found.", check: overstated',
    )
    pack = write(tmp_path / "house.yaml", wrong)
    result = run_cli(["rules", "test", str(pack)], capsys)
    assert result.status == 1
    lines = result.out.splitlines()
    assert lines[0] == f"{pack}:22:11: shelter-count: flag example 1 failed"
    assert lines[1:5] == [
        "    The city runs 30 shelters, the census found.",
        "    --- expected findings",
        "    +++ actual findings",
        "    -overstated",
    ]
    assert lines[5].startswith("    +out-of-range: 30 shelters in the city is outside the cited")
    assert lines[-1] == "4 examples, 1 failed"


def test_rules_test_passes_a_good_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = write(tmp_path / "house.yaml", HOUSE)
    result = run_cli(["rules", "test", str(pack)], capsys)
    assert (result.status, result.out) == (0, "4 examples, 0 failed\n")


# --- validate ------------------------------------------------------------------------------


def test_validate_accepts_the_shipped_pack(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["rules", "validate", "north-korea-forced-labour"], capsys)
    assert (result.status, result.out) == (0, "")
    assert "1 pack valid" in result.err


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("sources: [census]", "sources: [nowhere]"),
            ":14:15: claim 'shelter-count' cites unknown source 'nowhere'",
        ),
        (
            ('{low: 12, high: 12, text: "12 shelters"}', '{low: 14, high: 12, text: "x"}'),
            ":13:18: claim 'shelter-count': cited low 14 is above high 12",
        ),
        (
            ("source: later, note", "source: elsewhere, note"),
            ":17:58: claim 'shelter-count': alternative estimate cites unknown source 'elsewhere'",
        ),
        (
            ("any: [shelter, shelters]", "any: [hostel]"),
            ":19:7: claim 'shelter-count': the subject phrases match none of its flag examples",
        ),
        (
            ('        - "The census found 4,000 people on the streets."\n', ""),
            ":21:7: claim 'shelter-count' has 2 flag and 1 pass examples; at least 2 of each"
            " are needed",
        ),
        (
            ("check: unattributed", "check: made-up"),
            ":23:55: claims.0.examples.flag.1.check.0: Input should be 'out-of-range',",
        ),
    ],
)
def test_validate_reports_located_problems(
    change: tuple[str, str], expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert change[0] in HOUSE
    pack = write(tmp_path / "house.yaml", HOUSE.replace(*change))
    result = run_cli(["rules", "validate", str(pack)], capsys)
    assert result.status == 2
    assert result.out.startswith(f"{pack}{expected}"), result.out


def test_validate_reports_a_claim_id_defined_by_two_packs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write(tmp_path / "a.yaml", HOUSE)
    second = write(tmp_path / "b.yaml", HOUSE.replace("pack: house", "pack: other-house"))
    result = run_cli(["rules", "validate", str(first), str(second)], capsys)
    assert result.status == 2
    assert result.out == (f"{second}:9:9: claim 'shelter-count' is also defined by pack 'house'\n")


def test_validate_reports_yaml_errors_with_their_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write(tmp_path / "broken.yaml", "pack: x\ntitle: [unclosed\n")
    result = run_cli(["rules", "validate", str(pack)], capsys)
    assert result.status == 2
    assert result.out.startswith(f"{pack}:3:1: invalid YAML")


# --- list, show, doc -----------------------------------------------------------------------


def test_rules_list_has_one_line_per_claim(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["rules", "list"], capsys)
    lines = result.out.splitlines()
    pack = resolve_pack("north-korea-forced-labour")
    assert len(lines) == 1 + len(pack.claims)
    assert lines[0].startswith("north-korea-forced-labour: ")
    assert lines[1] == (
        "  north-korea-forced-labour  prison-camp-population  80,000–120,000  (Enos 2017, The"
        " Asia Dialogue; UN Commission of Inquiry 2014)"
    )


def test_rules_list_of_a_user_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = write(tmp_path / "house.yaml", HOUSE)
    result = run_cli(["rules", "list", "--pack", str(pack)], capsys)
    assert result.out == (
        "house: House figures (1 claims)\n  house  shelter-count  12 shelters  (Census 2020)\n"
    )


def test_rules_show_text_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    text = run_cli(["rules", "show", "overseas-workers"], capsys).out
    assert text.startswith("overseas-workers (north-korea-forced-labour)\n")
    assert "  cited: 50,000–60,000 (people)\n" in text
    assert "    - NKDB: " in text
    assert "  alternative estimates:\n    - 100,000 or more: later estimates" in text
    assert "    - [misattributed] The UN Commission of Inquiry counted" in text
    markdown = run_cli(["rules", "show", "overseas-workers", "--format", "markdown"], capsys).out
    assert markdown.startswith("## `overseas-workers`\n")
    assert "- cited: **50,000–60,000** (people)" in markdown


def test_rules_show_an_unknown_claim(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["rules", "show", "no-such-claim"], capsys)
    assert result.status == 2
    assert "no claim 'no-such-claim'" in result.err


@pytest.mark.parametrize("pack", SHIPPED, ids=lambda pack: pack.pack)
def test_the_committed_pack_page_is_not_stale(pack: Any) -> None:
    page = ROOT / "docs" / "packs" / f"{pack.pack}.md"
    expected = pack_markdown(pack, DOC_COMMAND.format(pack=pack.pack))
    assert page.read_text(encoding="utf-8") == expected, (
        f"{page} is stale: run python scripts/regenerate_docs.py"
    )


def test_rules_doc_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "page.md"
    result = run_cli(["rules", "doc", "north-korea-forced-labour", "--output", str(target)], capsys)
    assert result.status == 0
    committed = ROOT / "docs" / "packs" / "north-korea-forced-labour.md"
    assert target.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")


# --- alternative estimates and misattribution ----------------------------------------------


def test_an_older_alternative_estimate_is_outdated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write(tmp_path / "house.yaml", HOUSE)
    (finding,) = findings("The city runs 8 shelters, the census found.", pack, capsys)
    assert (finding["check"], finding["severity"]) == ("outdated-estimate", "warning")
    assert finding["message"] == (
        "8 shelters in the city matches an older estimate (8 shelters, Survey 2016); the pack"
        " cites 12 shelters (Census 2020): use the newer figure, or name the older one's source"
        " (Survey 2016)"
    )


def test_a_later_or_undated_alternative_estimate_is_info(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write(tmp_path / "house.yaml", HOUSE)
    (finding,) = findings("The city runs 20 shelters, the census found.", pack, capsys)
    assert (finding["check"], finding["severity"]) == ("alternative-estimate", "info")
    assert "(20 shelters, Count 2023) [a recount]" in finding["message"]


def test_naming_the_alternatives_source_silences_the_range_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write(tmp_path / "house.yaml", HOUSE)
    assert checks_of("The Street Survey counted 8 shelters.", pack, capsys) == []
    assert checks_of("The City Count found 20 shelters.", pack, capsys) == []
    # The alternative's source does not make a figure outside every estimate right.
    assert checks_of("The Street Survey counted 40 shelters.", pack, capsys) == [
        "misattributed",
        "out-of-range",
    ]


def test_misattributed_only_for_a_known_source_that_does_not_give_the_figure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write(tmp_path / "house.yaml", HOUSE)
    (finding,) = findings("The Harbour Trust says the city runs 12 shelters.", pack, capsys)
    assert finding["check"] == "misattributed"
    assert finding["message"] == (
        "12 shelters in the city is credited to Harbour Trust, which is not a source of this"
        " figure; the pack's sources are Census 2020"
    )
    # A source no pack knows is not judged; an accepted one among others is enough.
    assert checks_of("The Lighthouse Fund says the city runs 12 shelters.", pack, capsys) == []
    both = "The Harbour Trust, citing the census, says the city runs 12 shelters."
    assert checks_of(both, pack, capsys) == []
    # Names match as written, as whole words.
    assert checks_of("The harbour trust says the city runs 12 shelters.", pack, capsys) == []


def test_findings_carry_their_sources(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = write(tmp_path / "house.yaml", HOUSE)
    (finding,) = findings("The city runs 30 shelters, the census found.", pack, capsys)
    assert finding["sources"] == [
        {
            "id": "census",
            "title": "Shelter census",
            "cite": "Census 2020",
            "date": "2020",
            "url": None,
        }
    ]


# --- extends -------------------------------------------------------------------------------


def test_extends_overrides_one_claim_and_keeps_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    override = """\
pack: our-house
title: Our house figures
extends: north-korea-forced-labour
sources:
  - {id: our-count, title: Our own count, cite: Our count 2024, aliases: [our count]}
claims:
  - id: overseas-host-countries
    description: Countries that employ North Korean workers, by our count.
    label: countries that employ North Korean workers
    kind: countries
    cited: {low: 20, high: 25, bound: range, text: "20–25 countries"}
    sources: [our-count]
    subject:
      any: [country, countries]
      all: [[worker, workers, labourer, labourers]]
"""
    pack = write(tmp_path / "ours.yaml", override)
    loaded = resolve_pack(str(pack))
    base = resolve_pack("north-korea-forced-labour")
    assert [claim.id for claim in loaded.claims] == [claim.id for claim in base.claims]
    assert loaded.claim("overseas-host-countries").cited.text == "20–25 countries"
    assert loaded.claim("prison-camp-population") == base.claim("prison-camp-population")
    draft = "According to our count, North Korean workers are in 22 countries.\n"
    assert checks_of(draft, pack, capsys) == []
    found = findings("Some 300,000 people are held in political prison camps.", pack, capsys)
    assert {finding["pack"] for finding in found} == {"our-house"}
    assert [finding["check"] for finding in found] == ["out-of-range", "unattributed"]


def test_extends_a_file_relative_to_the_pack(tmp_path: Path) -> None:
    write(tmp_path / "base" / "house.yaml", HOUSE)
    child = write(
        tmp_path / "child.yaml",
        "pack: child\ntitle: Child\nextends: base/house.yaml\nclaims:\n"
        "  - id: beds\n    description: Beds.\n    label: beds\n    kind: entities\n"
        "    cited: {low: 300, high: 300, text: '300 beds'}\n    sources: [census]\n"
        "    subject: {any: [bed, beds]}\n",
    )
    loaded = resolve_pack(str(child))
    assert [claim.id for claim in loaded.claims] == ["shelter-count", "beds"]


def test_extends_in_a_cycle_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "a.yaml", "pack: a\ntitle: A\nextends: b.yaml\n")
    write(tmp_path / "b.yaml", "pack: b\ntitle: B\nextends: a.yaml\n")
    result = run_cli(["rules", "validate", str(tmp_path / "a.yaml")], capsys)
    assert result.status == 2
    assert "packs extend in a cycle" in result.out
    assert result.out.startswith(f"{tmp_path / 'a.yaml'}:3:10: packs extend in a cycle: ")


def test_extends_an_unknown_pack_is_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write(tmp_path / "a.yaml", "pack: a\ntitle: A\nextends: nowhere-pack\n")
    result = run_cli(["check", "--pack", str(pack), "--stdin-filename", "d.md", "-"], capsys)
    assert result.status == 2
    assert f"{pack}:3:10: unknown pack 'nowhere-pack'" in result.err


def test_extends_a_missing_file_is_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write(tmp_path / "a.yaml", "pack: a\ntitle: A\nextends: base/missing.yaml\n")
    result = run_cli(["rules", "validate", str(pack)], capsys)
    assert result.status == 2
    assert result.out == (f"{pack}:3:10: {tmp_path / 'base' / 'missing.yaml'}: no such pack file\n")


def test_a_pack_without_extends_needs_sources_and_claims(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write(tmp_path / "a.yaml", "pack: a\ntitle: A\n")
    result = run_cli(["rules", "validate", str(pack)], capsys)
    assert result.status == 2
    assert "a pack needs at least one source" in result.out
    assert "a pack needs at least one claim" in result.out


def test_rules_list_does_not_import_spacy() -> None:
    import subprocess
    import sys

    code = (
        "import sys\nfrom factlint.cli import main\nmain(['rules', 'list'])\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
