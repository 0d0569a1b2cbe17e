"""Properties that hold for every input: no crash, exact spans, same output every run,
files untouched. A thousand generated drafts per property."""

from __future__ import annotations

import contextlib
import io
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.checks import run_checks
from factlint.cli import main
from factlint.document import parse_document
from factlint.engine import Linter
from factlint.output import format_json
from factlint.pack import BUILTIN_PACK, resolve_pack

LINTER = Linter([resolve_pack(BUILTIN_PACK)])

PROSE_TEXTS = [
    "Some 300,000 people are held in political prison camps, the UN says.",
    "Between 80,000 and\n120,000 North Koreans are held in political camps.",
    "An estimated 400,000 dolgyeokdae work for 10 years without pay.",
    "Three in four escapees are women; it is estimated that 90% are trafficked.",
    "Forced labour abroad earns the regime $5 billion a year[^1].",
    "The State Department ranks North Korea Tier 2 [7].",
    "In 2017, camp 15 held 1,000.",
    "| camps | 80,000–120,000 in political prison camps |",
]
PROSE = st.sampled_from(PROSE_TEXTS)
SYNTAX_TEXTS = (
    ["# ", "## ", "- ", "1. ", "> ", "```\n", "`", "**", "_", "[", "](http://x.org/1)", "<!--",
     "-->", "<b>", "|", "---\n", "\n\n", "\n", "    ", "[^1]: ", "<!-- factlint-disable -->",
     "<!-- factlint-disable-next-line -->\n", "\r\n", "\r"]
)  # fmt: skip
SYNTAX = st.sampled_from(SYNTAX_TEXTS)
UNICODE = st.text(
    alphabet=st.sampled_from(
        list("ab 1,.–—\u0301\u0308\u200b\u200d\u202e\u2066שלום😀🇰🇵\t\x00\x1b")
    ),
    max_size=12,
)
DRAFTS = st.lists(st.one_of(PROSE, SYNTAX, UNICODE), max_size=12).map("".join)
EXAMPLES = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def lines_of(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def text_at(text: str, line: int, column: int, end_line: int, end_column: int) -> str:
    lines = lines_of(text)
    if line == end_line:
        return lines[line - 1][column - 1 : end_column - 1]
    middle = lines[line : end_line - 1]
    return "\n".join(
        [lines[line - 1][column - 1 :], *middle, lines[end_line - 1][: end_column - 1]]
    )


def normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@EXAMPLES
@given(DRAFTS, st.booleans())
def test_every_span_is_inside_the_file_and_holds_the_figure(draft: str, markdown: bool) -> None:
    document = parse_document(draft, "d.md", markdown=markdown)
    figures = LINTER.figures(document)
    line_count = len(lines_of(draft))
    for figure in figures:
        span = figure.span
        assert 1 <= span.line <= span.end_line <= line_count
        assert normalised(
            text_at(draft, span.line, span.column, span.end_line, span.end_column)
        ) == (normalised(figure.text))
    for finding in run_checks(figures):
        assert normalised(finding.text) == normalised(
            text_at(draft, *(finding.span.line, finding.span.column),
                    finding.span.end_line, finding.span.end_column)
        )  # fmt: skip


@EXAMPLES
@given(DRAFTS)
def test_output_is_the_same_every_run(draft: str) -> None:
    first = format_json(LINTER.lint([parse_document(draft, "d.md")]))
    second = format_json(LINTER.lint([parse_document(draft, "d.md")]))
    assert first == second


@EXAMPLES
@given(st.lists(st.one_of(PROSE, SYNTAX, UNICODE), max_size=8).map("".join))
def test_files_are_never_changed(draft: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.md"
        path.write_bytes(draft.encode("utf-8"))
        before = (path.read_bytes(), path.stat().st_mtime_ns)
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            status = main(["check", str(path)])
        assert status in (0, 1, 2)
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_output_is_the_same_across_jobs(tmp_path: Path) -> None:
    # A thousand generated drafts in one run: a worker pool per example would cost minutes.
    pieces = [*PROSE_TEXTS, *SYNTAX_TEXTS]
    chooser = random.Random(20261127)
    for number in range(1000):
        draft = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 12)))
        (tmp_path / f"draft-{number:04}.md").write_text(draft, encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["check", "--format", "json", "--jobs", jobs, str(tmp_path)])
        outputs.append((status, out.getvalue(), err.getvalue()))
    assert outputs[0] == outputs[1]
    assert '"files": 1000' in outputs[0][1]
