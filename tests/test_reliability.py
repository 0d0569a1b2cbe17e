"""Bad and hostile input: every case gets a clear message or a normal run, never a traceback,
and no file is changed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from factlint.pack import parse_pack
from tests.conftest import run_cli

BAD = "Some 300,000 people are held in political prison camps, the UN says."


def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    result = run_cli(["check", str(empty)], capsys)
    assert (result.status, result.out) == (0, "No findings in 1 file.\n")


def test_deeply_nested_lists_and_quotes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nested = tmp_path / "nested.md"
    lists = "".join("  " * level + "- item\n" for level in range(3000))
    quotes = "> " * 5000 + "a quoted line\n"
    nested.write_text(f"{lists}\n{quotes}\n{BAD}\n", encoding="utf-8")
    result = run_cli(["check", "--quiet", str(nested)], capsys)
    assert result.status == 1
    assert result.out.splitlines() == [
        f"{nested}:3004:1: error out-of-range [prison-camp-population] Some 300,000 people in"
        " political prison camps is outside the cited 80,000–120,000 (Enos 2017, The Asia"
        " Dialogue; UN Commission of Inquiry 2014)"
    ]


def test_a_table_of_ten_thousand_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "table.md"
    rows = "".join(
        f"| camp {row} | Some 300,000 people in political prison camps (UN COI, 2014) |\n"
        for row in range(10_000)
    )
    table.write_text(f"| where | figure |\n|---|---|\n{rows}", encoding="utf-8")
    result = run_cli(["check", "--format", "json", str(table)], capsys)
    assert result.status == 1
    assert '"error": 10000' in result.out
    assert '"warning": 0' in result.out


def test_a_symlink_loop_is_not_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "d.md").write_text(f"{BAD}\n", encoding="utf-8")
    os.symlink("..", tmp_path / "a" / "up")
    result = run_cli(["check", "--quiet", str(tmp_path)], capsys)
    assert len(result.out.splitlines()) == 1


def test_a_file_over_max_file_size_is_skipped_and_others_linted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".factlint.yaml").write_text("max-file-size: 1000000\n", encoding="utf-8")
    large = tmp_path / "large.md"
    large.write_bytes(b"plain words without figures\n" * 200_000)  # 5.6 MB
    small = tmp_path / "small.md"
    small.write_text(f"{BAD}\n", encoding="utf-8")
    result = run_cli(["check", "--quiet", str(large), str(small)], capsys)
    assert result.status == 2
    assert result.err == (
        f"factlint: {large}: file is 5.3 MB, over max-file-size 1.0 MB; not linted\n"
    )
    assert " out-of-range " in result.out


def test_standard_input_over_max_file_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".factlint.yaml").write_text("max-file-size: 100\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli(["check", "-"], capsys, stdin=b"x" * 1000)
    assert result.status == 2
    assert result.err == "factlint: <stdin>: input is over max-file-size 0.0 MB; not linted\n"


def test_a_pack_of_ten_thousand_claims_loads_in_seconds() -> None:
    claims = "".join(
        f"  - id: claim-{index}\n    description: d\n    label: l\n    kind: people\n"
        f"    cited: {{low: 1, high: 2, text: '1–2'}}\n    sources: [s]\n"
        f"    subject: {{any: [word{index}]}}\n"
        for index in range(10_000)
    )
    text = f"pack: big\ntitle: Big\nsources:\n  - {{id: s, title: S, cite: S}}\nclaims:\n{claims}"
    started = time.monotonic()
    pack = parse_pack(text, "big.yaml")
    assert len(pack.claims) == 10_000
    assert time.monotonic() - started < 30  # seconds, on a loaded 2-core CI machine


def test_a_ten_megabyte_single_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = tmp_path / "line.md"
    filler = "plain words without any figure in them at all, " * 200_000  # about 10 MB
    line.write_text(f"{filler}{BAD}\n", encoding="utf-8")
    result = run_cli(["check", "--quiet", str(line)], capsys)
    assert result.status == 1
    assert result.out.startswith(f"{line}:1:{len(filler) + 1}: error out-of-range")
