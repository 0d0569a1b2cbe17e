"""Configuration: discovery from each file's folder, keys, errors, and `factlint config`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

BAD = "Some 300,000 people are held in political prison camps.\n"  # out-of-range + unattributed


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def checks(out: str) -> list[str]:
    return [line.split()[1] + " " + line.split()[2] for line in out.splitlines()]


def test_nearest_configuration_wins_per_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / ".factlint.yaml", "ignore: [unattributed]\n")
    write(tmp_path / "sub" / ".factlint.toml", 'ignore = ["out-of-range"]\n')
    top = write(tmp_path / "top.md", BAD)
    deep = write(tmp_path / "sub" / "deeper" / "deep.md", BAD)
    result = run_cli(["check", "--quiet", str(top), str(deep)], capsys)
    # sorted by path: sub/deeper/deep.md comes before top.md
    assert [line.split(":")[0] for line in result.out.splitlines()] == [str(deep), str(top)]
    assert checks(result.out) == ["warning unattributed", "error out-of-range"]


def test_pyproject_table_counts_only_when_present(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / ".factlint.yaml", "ignore: [unattributed]\n")
    write(tmp_path / "a" / "pyproject.toml", "[project]\nname = 'x'\n")
    write(tmp_path / "b" / "pyproject.toml", "[tool.factlint]\nselect = ['unattributed']\n")
    a = write(tmp_path / "a" / "d.md", BAD)
    b = write(tmp_path / "b" / "d.md", BAD)
    assert checks(run_cli(["check", "--quiet", str(a)], capsys).out) == ["error out-of-range"]
    assert checks(run_cli(["check", "--quiet", str(b)], capsys).out) == ["warning unattributed"]


def test_config_option_overrides_discovery(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / ".factlint.yaml", "ignore: [unattributed]\n")
    other = write(tmp_path / "elsewhere" / "strict.yaml", "select: [unattributed]\n")
    draft = write(tmp_path / "d.md", BAD)
    result = run_cli(["check", "--quiet", "--config", str(other), str(draft)], capsys)
    assert checks(result.out) == ["warning unattributed"]


def test_severity_overrides_and_fail_level(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        tmp_path / ".factlint.yaml",
        "severity:\n  out-of-range: warning\n  unattributed: error\n"
        "  prison-camp-population: info\nfail-level: warning\n",
    )
    draft = write(tmp_path / "d.md", BAD)
    result = run_cli(["check", "--quiet", str(draft)], capsys)
    # the claim's severity wins over the check's
    assert checks(result.out) == ["info out-of-range", "info unattributed"]
    assert result.status == 0  # nothing at or above warning
    write(tmp_path / ".factlint.yaml", "severity: {out-of-range: warning}\nfail-level: warning\n")
    assert run_cli(["check", "--quiet", str(draft)], capsys).status == 1
    write(tmp_path / ".factlint.yaml", "severity: {out-of-range: warning}\n")
    assert run_cli(["check", "--quiet", str(draft)], capsys).status == 0


def test_select_by_claim_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / ".factlint.yaml", "select: [overseas-workers]\n")
    draft = write(tmp_path / "d.md", BAD + "\nSome 20,000 labourers work abroad.\n")
    result = run_cli(["check", "--quiet", str(draft)], capsys)
    assert checks(result.out) == ["error out-of-range", "warning unattributed"]
    assert all("[overseas-workers]" in line for line in result.out.splitlines())


def test_exclude_globs_relative_to_the_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / ".factlint.yaml", "exclude: ['archive/**', '*.txt']\n")
    write(tmp_path / "archive" / "old" / "a.md", BAD)
    write(tmp_path / "notes.txt", BAD)
    write(tmp_path / "drafts" / "new.md", BAD)
    monkeypatch.chdir(tmp_path)
    result = run_cli(["check", "--quiet", "."], capsys)
    assert {line.split(":")[0] for line in result.out.splitlines()} == {"drafts/new.md"}
    # named explicitly (as pre-commit does), an excluded file is still excluded
    result = run_cli(["check", "--quiet", "archive/old/a.md"], capsys)
    assert result.out == ""


def test_packs_key_resolves_relative_to_the_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        tmp_path / "packs" / "house.yaml",
        "pack: house\ntitle: House\nsources:\n  - {id: s, title: S, cite: S 2020}\nclaims:\n"
        "  - id: shelter-count\n    description: Shelters.\n    label: shelters\n"
        "    kind: entities\n    cited: {low: 12, high: 12, text: '12'}\n    sources: [s]\n"
        "    subject: {any: [shelter]}\n",
    )
    write(tmp_path / ".factlint.yaml", "packs: [packs/house.yaml]\n")
    draft = write(tmp_path / "d.md", "The report counts 30 shelters.\n" + BAD)
    result = run_cli(["check", "--quiet", str(draft)], capsys)
    assert [line.split()[3] for line in result.out.splitlines()] == ["[shelter-count]"]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (".factlint.yaml", "colour: red\n", ".factlint.yaml:1:1: unknown key 'colour'"),
        (
            ".factlint.yaml",
            "fail-level: fatal\n",
            ".factlint.yaml:1:13: fail-level: Input should be",
        ),
        (
            ".factlint.yaml",
            "attribution:\n  scope: page\n",
            ".factlint.yaml:2:10: attribution.scope: Input should be",
        ),
        (".factlint.toml", "\nselect = 'x'\n", ".factlint.toml:2: select: Input should be"),
        (".factlint.toml", "wrong = 1\n", ".factlint.toml:1: unknown key 'wrong'"),
        (
            ".factlint.yaml",
            "ignore: [no-such-check]\n",
            "unknown check or claim id 'no-such-check' in 'ignore'",
        ),
        (".factlint.yaml", "select: [\n", ".factlint.yaml:2:1: invalid YAML"),
    ],
)
def test_bad_configuration_is_an_error_naming_file_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, message: str
) -> None:
    write(tmp_path / name, text)
    draft = write(tmp_path / "d.md", BAD)
    result = run_cli(["check", str(draft)], capsys)
    assert result.status == 2
    assert message in result.err
    assert str(tmp_path / name) in result.err
    assert "Traceback" not in result.err


def test_config_command_prints_the_effective_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write(tmp_path / ".factlint.yaml", "ignore: [unattributed]\nfail-level: warning\n")
    write(tmp_path / "sub" / "d.md", BAD)
    result = run_cli(["config", str(tmp_path / "sub" / "d.md")], capsys)
    assert result.status == 0
    assert result.out.splitlines() == [
        f"# from: {config}",
        "packs:",
        "- north-korea-forced-labour",
        "select: []",
        "ignore:",
        "- unattributed",
        "severity: {}",
        "exclude: []",
        "fail-level: warning",
        "attribution:",
        "  scope: sentence",
        "max-file-size: 20971520",
    ]


def test_config_command_without_a_file_shows_defaults(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["config", str(tmp_path)], capsys)
    assert result.out.startswith("# from: defaults (no configuration file found)\n")


def test_attribution_scope_paragraph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = write(
        tmp_path / "d.md",
        "The UN Commission of Inquiry reported on the camps in 2014. It found that between"
        " 80,000 and 120,000 people were held.\n\nBetween 80,000 and 120,000 North Koreans are"
        " held in political prison camps. The UN Commission of Inquiry documented the camps.\n",
    )
    result = run_cli(["check", "--quiet", str(draft)], capsys)
    assert checks(result.out) == ["warning unattributed"]  # the second paragraph, first sentence
    write(tmp_path / ".factlint.yaml", "attribution:\n  scope: paragraph\n")
    result = run_cli(["check", "--quiet", str(draft)], capsys)
    assert result.out == ""
