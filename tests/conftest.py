from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from factlint.cli import main

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    status: int
    out: str
    err: str


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str], stdin: bytes | None = None) -> Run:
    if stdin is not None:
        fake = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
        original, sys.stdin = sys.stdin, fake
        try:
            status = main(args)
        finally:
            sys.stdin = original
    else:
        status = main(args)
    captured = capsys.readouterr()
    return Run(status, captured.out, captured.err)
