"""Reading drafts: decoding, line ends, and offsets to exact line and column."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.document import LineIndex, decode, parse_document
from factlint.errors import FactlintError


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("abc", 0, (1, 1)),
        ("abc", 3, (1, 4)),
        ("a\nbc", 2, (2, 1)),
        ("a\r\nbc", 3, (2, 1)),
        ("a\rbc", 2, (2, 1)),
        ("a\r\n\r\nb", 5, (3, 1)),
        ("ünï\ncödé", 6, (2, 3)),
        ("😀 x", 2, (1, 3)),  # one column per code point, as editors count
    ],
)
def test_line_index(text: str, offset: int, expected: tuple[int, int]) -> None:
    assert LineIndex(text).position(offset) == expected


def test_decode_strips_a_utf8_bom() -> None:
    assert decode(b"\xef\xbb\xbfhello", "a.md") == "hello"


def test_decode_reads_utf16_with_a_bom() -> None:
    assert decode("héllo\n".encode("utf-16"), "a.md") == "héllo\n"


def test_decode_names_the_bad_byte() -> None:
    with pytest.raises(FactlintError) as caught:
        decode(b"ok\nthen \xc3\x28 bad", "a.md")
    assert str(caught.value) == "a.md:2: not valid UTF-8 (byte offset 8: b'\\xc3')"


def test_decode_refuses_binary() -> None:
    with pytest.raises(FactlintError, match="binary file"):
        decode(b"abc\x00def", "a.bin")


FIGURES = st.sampled_from(
    [
        "Some 300,000 people are held in political prison camps.",
        "Between 80,000 and\n120,000 are held in political camps.",
        "The dolgyeokdae serve five years, the report says.",
        "As many as 300,000 North Koreans work abroad.",
        "| camps | 80,000–120,000 in political prison camps |",
    ]
)
NOISE = st.text(
    alphabet=st.sampled_from(list("ab \n\r\t*_#>-|[]()`~!ü\u0301\u200b\u202e😀1,.")), max_size=30
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(NOISE, FIGURES), max_size=4), st.booleans())
def test_every_figure_span_is_the_text_at_its_position(
    parts: list[tuple[str, str]], markdown: bool
) -> None:
    from factlint.engine import Linter
    from factlint.pack import BUILTIN_PACK, resolve_pack

    text = "".join(noise + figure for noise, figure in parts)
    document = parse_document(text, "draft.md", markdown=markdown)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for figure in Linter([resolve_pack(BUILTIN_PACK)]).figures(document):
        span = figure.span
        if span.line == span.end_line:
            assert lines[span.line - 1][span.column - 1 : span.end_column - 1] == figure.text
        else:
            assert lines[span.line - 1][span.column - 1 :] == figure.text.splitlines()[0]
