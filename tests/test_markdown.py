"""Tests for factlint.markdown: masking hides non-prose and keeps every offset.

Expected masked strings are written with "·" for each masked character that is not
already a space in the source, so that the masked positions can be read off the page;
`_expected` turns them into the spaces that `mask_markdown` produces.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.markdown import Block, Citation, MaskedText, mask_markdown, plain_text


def _expected(pattern: str) -> str:
    return pattern.replace("·", " ")


def assert_invariants(source: str, masked: MaskedText) -> None:
    """What every caller relies on: same length, line ends kept, prose chars unchanged."""
    assert len(masked.text) == len(source)
    for index, (original, kept) in enumerate(zip(source, masked.text, strict=True)):
        if original in "\r\n":
            assert kept == original, f"line terminator changed at {index}"
        elif kept != " ":
            assert kept == original, f"char changed at {index}"
    previous_end = 0
    for block in masked.blocks:
        assert previous_end <= block.start < block.end <= len(source), masked.blocks
        previous_end = block.end
    starts = [block.start for block in masked.blocks]
    previous_start = 0
    for citation in masked.citations:
        assert previous_start <= citation.start < citation.end <= len(source)
        assert _in_block(masked.blocks, starts, citation.start)
        assert _in_block(masked.blocks, starts, citation.end - 1)
        previous_start = citation.start
    # Whatever is left unmasked is prose, and prose belongs to a block.
    for match in re.finditer(r"\S", masked.text):
        assert _in_block(masked.blocks, starts, match.start()), f"kept {match.start()}"


def _in_block(blocks: tuple[Block, ...], starts: list[int], index: int) -> bool:
    position = bisect_right(starts, index) - 1
    return position >= 0 and index < blocks[position].end


def mask(source: str) -> MaskedText:
    masked = mask_markdown(source)
    assert_invariants(source, masked)
    return masked


def block_texts(source: str, masked: MaskedText) -> list[tuple[str, str]]:
    return [(block.kind, source[block.start : block.end]) for block in masked.blocks]


def citation_texts(source: str, masked: MaskedText) -> list[tuple[str, str]]:
    return [(c.kind, source[c.start : c.end]) for c in masked.citations]


# (source, expected masked text with "·" for masked characters)
MASK_CASES = [
    pytest.param("Plain prose with 1,200 words.", "Plain prose with 1,200 words.", id="prose"),
    pytest.param(
        "Text 1\n\n```py\ncode 2\n```\n",
        "Text 1\n\n·····\n···· ·\n···\n",
        id="fenced-backticks",
    ),
    pytest.param(
        "~~~ info 7\ncode 8\n~~~\n\ntext",
        "··· ···· ·\n···· ·\n···\n\ntext",
        id="fenced-tildes",
    ),
    pytest.param("    code 5\n\ntext", "    ···· ·\n\ntext", id="indented-code"),
    pytest.param(
        "Code `x = 5` and ``a ` b`` end",
        "Code ·· · ·· and ··· · ··· end",
        id="code-spans",
    ),
    pytest.param("Open ``` never closed 3", "Open ``` never closed 3", id="unclosed-code-span"),
    pytest.param(
        "---\ntitle: x 5\n---\nText 1",
        "···\n······ · ·\n···\nText 1",
        id="yaml-front-matter",
    ),
    pytest.param(
        "+++\ntitle = 5\n+++\n\nText 2",
        "···\n····· · ·\n···\n\nText 2",
        id="toml-front-matter",
    ),
    pytest.param(
        "---\n\nText 3\n\n---\n",
        "···\n\nText 3\n\n···\n",
        id="thematic-breaks-not-front-matter",
    ),
    pytest.param(
        "<div>\nx 5\n</div>\n\nafter",
        "·····\n· ·\n······\n\nafter",
        id="html-block",
    ),
    pytest.param(
        'Inline <span class="x">5</span> <br/> end',
        "Inline ····· ··········5······· ····· end",
        id="inline-html",
    ),
    pytest.param(
        "A<!-->B<!--->C<!-- 2 -->D<?pi 5?>E<!DOCTYPE x>F<![CDATA[ 5 ]]>G</a >H",
        "A·····B······C···· · ···D···· ···E········· ··F········· · ···G··· ·H",
        id="comments-and-other-html",
    ),
    pytest.param(
        "Para <!-- hidden 5\nstill 6 -->shown 7",
        "Para ···· ······ ·\n····· · ···shown 7",
        id="comment-spanning-lines",
    ),
    pytest.param(
        "<!-- block 5\n6 -->\nafter",
        "···· ····· ·\n· ···\nafter",
        id="comment-html-block",
    ),
    pytest.param(
        'See [link text](https://x.org/2017/300000 "title") now',
        "See ·link text··························· ········ now",
        id="inline-link",
    ),
    pytest.param(
        "[a [nested] text](https://x.org/a_(b)/c) and [x](<url with 5>)",
        "·a [nested] text························ and ·x······ ···· ···",
        id="nested-brackets-and-parentheses",
    ),
    pytest.param(
        "[multi\nline](u) [a](\n  url\n  't') end",
        "·multi\nline···· ·a··\n  ···\n  ···· end",
        id="link-spanning-lines",
    ),
    pytest.param(
        "A ![alt 5](img.png 'title') B",
        "A ····· ·········· ········ B",
        id="image",
    ),
    pytest.param(
        "[foo]: /url 'title 9'\n\n[text][foo] and [t2][] and [Foo] and [undefined 3]",
        "······ ···· ······ ··\n\n·text······ and ·t2··· and ·Foo· and [undefined 3]",
        id="reference-links",
    ),
    pytest.param(
        '[r]:\n  http://x/1\n  "title 2"\n\nText',
        "····\n  ··········\n  ······ ··\n\nText",
        id="multiline-reference-definition",
    ),
    pytest.param(
        "Mail <me@x.org> or <https://x.org/2017> now",
        "Mail ·········· or ···················· now",
        id="autolinks",
    ),
    pytest.param(
        "See https://x.org/2017/a_(b)). Or www.x.org/5? Or http://a.b/c, ok",
        "See ························). Or ···········? Or ············, ok",
        id="bare-urls",
    ),
    pytest.param(
        "Claim[^3] and[^long-label].\n\n[^3]: Source 12 here.",
        "Claim···· and·············.\n\n····· Source 12 here.",
        id="footnotes",
    ),
    pytest.param(
        "# Title 5 #\n\n## Sub 6\n\nSetext 7\n===\n\nOther\n---",
        "· Title 5 ·\n\n·· Sub 6\n\nSetext 7\n···\n\nOther\n···",
        id="headings",
    ),
    pytest.param(
        "1. first 12\n2) second\n\n10. ten\n\n- dash\n* star\n+ plus",
        "·· first 12\n·· second\n\n··· ten\n\n· dash\n· star\n· plus",
        id="list-markers",
    ),
    pytest.param(
        "> quote 4\n> > nested 5\nlazy 6",
        "· quote 4\n· · nested 5\nlazy 6",
        id="nested-blockquotes",
    ),
    pytest.param(
        "- a 1\n  - b 2\n    1. c 3\n       cont 4\n- [ ] task 5",
        "· a 1\n  · b 2\n    ·· c 3\n       cont 4\n· [ ] task 5",
        id="nested-lists-and-task-box",
    ),
    pytest.param(
        "> - bar 2\n>   baz 3\n>\n> 3. three",
        "· · bar 2\n·   baz 3\n·\n· ·· three",
        id="list-in-blockquote",
    ),
    pytest.param(
        "| a 1 | b |\n|---|:--:|\n| 3 | 4 |",
        "· a 1 · b ·\n··········\n· 3 · 4 ·",
        id="table",
    ),
    pytest.param(
        "a 1 | b\n--- | ---\nc \\| d | [e](u)",
        "a 1 · b\n··· · ···\nc \\| d · ·e····",
        id="table-without-outer-pipes",
    ),
    pytest.param(
        "Code `[not](link 5)` then [a `c ]` b](u) ok",
        "Code ··········· ··· then ·a ·· ·· b···· ok",
        id="code-span-wins-over-link",
    ),
    pytest.param(
        "[a [b](c) d](e)",
        "[a ·b···· d](e)",
        id="no-link-inside-link",
    ),
    pytest.param(
        "Open [a](b and [a]( b c) and a ] b [ c ![ x",
        "Open [a](b and [a]( b c) and a ] b [ c ![ x",
        id="unbalanced-brackets",
    ),
    pytest.param(
        "\\[not link\\](x) \\`no code` and *em* _em_",
        "\\[not link\\](x) \\`no code` and *em* _em_",
        id="escapes-and-emphasis-kept",
    ),
    pytest.param("a < b > c <3 and <x:y>", "a < b > c <3 and <x:y>", id="not-html"),
    pytest.param("***\n\n* * *\n\n___", "···\n\n· · ·\n\n···", id="thematic-breaks"),
]


@pytest.mark.parametrize(("source", "pattern"), MASK_CASES)
def test_masked_text(source: str, pattern: str) -> None:
    assert mask(source).text == _expected(pattern)


# (source, [(kind, source[block.start:block.end])])
BLOCK_CASES = [
    pytest.param(
        "# Head 1 #\n\nPara one\nline two\n\n- item 3\n  more",
        [
            ("heading", "Head 1"),
            ("paragraph", "Para one\nline two"),
            ("paragraph", "item 3\n  more"),
        ],
        id="heading-paragraph-list",
    ),
    pytest.param(
        "Setext 5\nmore 6\n===",
        [("heading", "Setext 5\nmore 6")],
        id="setext-heading",
    ),
    pytest.param(
        "| h 1 | h 2 |\n|---|---|\n| c 3 | c 4 |\n| c 5 | c 6 |",
        [
            ("table-row", "| h 1 | h 2 |"),
            ("table-row", "| c 3 | c 4 |"),
            ("table-row", "| c 5 | c 6 |"),
        ],
        id="table-rows",
    ),
    pytest.param(
        "> | h |\n> |---|\n> | 7 |",
        [("table-row", "| h |"), ("table-row", "| 7 |")],
        id="table-in-blockquote",
    ),
    pytest.param(
        "> > deep 1\n> > more\n\n[^1]: Note 2\n\n    second 3",
        [("paragraph", "deep 1\n> > more"), ("paragraph", "Note 2"), ("paragraph", "second 3")],
        id="quote-and-footnote-definition",
    ),
    pytest.param(
        "```\ncode\n```\n\n<div>x</div>\n\n[r]: /u\n\n    indented\n\n***\n\n#",
        [],
        id="no-prose-blocks",
    ),
    pytest.param(
        "![only image](x.png)",
        [("paragraph", "![only image](x.png)")],
        id="block-may-include-masked-chars",
    ),
]


@pytest.mark.parametrize(("source", "expected"), BLOCK_CASES)
def test_blocks(source: str, expected: list[tuple[str, str]]) -> None:
    assert block_texts(source, mask(source)) == expected


def test_block_offsets_are_exact() -> None:
    source = "# Title\n\nSome text 5.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    blocks = mask(source).blocks
    assert [(block.start, block.end, block.kind) for block in blocks] == [
        (2, 7, "heading"),
        (9, 21, "paragraph"),
        (23, 32, "table-row"),
        (43, 52, "table-row"),
    ]
    assert blocks[2].cells == ((24, 27), (28, 31))
    assert blocks[3].cells == ((44, 47), (48, 51))


# (source, [(kind, source[citation.start:citation.end])])
CITATION_CASES = [
    pytest.param(
        'A [link](https://x.org/1 "t") and [^3] and ![img](i.png)',
        [("link", '[link](https://x.org/1 "t")'), ("footnote", "[^3]")],
        id="inline-link-and-footnote",
    ),
    pytest.param(
        "[ref]: /u\n\n[text][ref], [ref][] and [ref].",
        [("link", "[text][ref]"), ("link", "[ref][]"), ("link", "[ref]")],
        id="reference-links",
    ),
    pytest.param(
        "See <https://x.org>, https://y.org/a. and <me@x.org>",
        [("link", "<https://x.org>"), ("link", "https://y.org/a"), ("link", "<me@x.org>")],
        id="autolinks-and-bare-urls",
    ),
    pytest.param(
        "> [a\n> b](u) after",
        [("link", "[a\n> b](u)")],
        id="link-across-container-lines",
    ),
    pytest.param(
        "[see [^1] here](u) `[x](y)`",
        [("link", "[see [^1] here](u)")],
        id="citations-do-not-nest",
    ),
    pytest.param(
        "Inline note^[Source: WHO 2020] here.",
        [("footnote", "^[Source: WHO 2020]")],
        id="inline-footnote",
    ),
    pytest.param("[undefined] and [^ spaced] and []", [], id="not-citations"),
    # stacked citation markers are no reference link: "[4]" is no link text ...
    pytest.param("Costs rose.[4][5] Then [2, 3][6-7] fell.", [], id="stacked-markers"),
    # ... unless the second is a defined reference, or the first is words
    pytest.param(
        "Costs rose [4][5].\n\n[5]: https://example.org",
        [("link", "[4][5]")],
        id="stacked-markers-defined-reference",
    ),
    pytest.param("See [the audit][5].", [("link", "[the audit][5]")], id="words-then-marker"),
]


@pytest.mark.parametrize(("source", "expected"), CITATION_CASES)
def test_citations(source: str, expected: list[tuple[str, str]]) -> None:
    assert citation_texts(source, mask(source)) == expected


def test_citation_offsets_are_exact() -> None:
    source = "Up 5%[^2] per [WHO](https://who.int)."
    assert mask(source).citations == (
        Citation(5, 9, "footnote"),
        Citation(14, 36, "link"),
    )


def test_ordered_list_number_is_masked() -> None:
    source = "1986. A good year for 12 reasons\n2. Next"
    masked = mask(source)
    assert masked.text == "      A good year for 12 reasons\n   Next"
    assert "1986" not in masked.text


def test_crlf_line_ends() -> None:
    source = "# Title 1\r\n\r\nPara 2\r\nnext 3 [x](u)\r\n\r\n- item 4\r\n"
    masked = mask(source)
    assert masked.text == "  Title 1\r\n\r\nPara 2\r\nnext 3  x    \r\n\r\n  item 4\r\n"
    assert [(block.start, block.end, block.kind) for block in masked.blocks] == [
        (2, 9, "heading"),
        (13, 34, "paragraph"),
        (40, 46, "paragraph"),
    ]
    assert block_texts(source, masked) == [
        ("heading", "Title 1"),
        ("paragraph", "Para 2\r\nnext 3 [x](u)"),
        ("paragraph", "item 4"),
    ]
    assert masked.citations == (Citation(28, 34, "link"),)


def test_lone_cr_line_ends() -> None:
    source = "# Head 3\rpara 4\r\r> `c` q 5\r- item 6\r\r| a |\r|---|\r| 7 |\r"
    masked = mask(source)
    assert masked.text == "  Head 3\rpara 4\r\r      q 5\r  item 6\r\r  a  \r     \r  7  \r"
    assert block_texts(source, masked) == [
        ("heading", "Head 3"),
        ("paragraph", "para 4"),
        ("paragraph", "`c` q 5"),
        ("paragraph", "item 6"),
        ("table-row", "| a |"),
        ("table-row", "| 7 |"),
    ]


def test_mixed_line_ends_keep_line_numbers() -> None:
    source = "a 1\r\nb 2\rc 3\n\n```\r\ncode\r```\nd 4"
    masked = mask(source)
    assert masked.text == "a 1\r\nb 2\rc 3\n\n   \r\n    \r   \nd 4"
    assert block_texts(source, masked) == [("paragraph", "a 1\r\nb 2\rc 3"), ("paragraph", "d 4")]


def test_null_characters_keep_offsets() -> None:
    source = "A\x00b 1 `x\x00` [c](\x00)"
    masked = mask(source)
    assert masked.text == "A\x00b 1       c    "


def test_empty_input() -> None:
    assert mask_markdown("") == MaskedText("", (), ())


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("> " * 5000 + "deep 5\n", id="deep-blockquote-one-line"),
        pytest.param("\n".join(">" * i + " x" for i in range(2000)), id="deep-blockquote-lines"),
        pytest.param("\n".join("  " * i + "- item" for i in range(1000)), id="deep-list"),
        pytest.param("[" * 100_000 + "]" * 100_000, id="many-brackets"),
        pytest.param("[" * 20_000 + "](" * 20_000, id="bracket-paren-soup"),
        pytest.param("<!--" * 50_000 + "[^" * 50_000, id="unclosed-comments-footnotes"),
        pytest.param("`" * 3 + "a``" * 30_000, id="backtick-runs"),
        pytest.param('<a b="' * 30_000, id="unclosed-attributes"),
    ],
)
def test_pathological_input_does_not_raise(source: str) -> None:
    mask(source)


def test_ten_megabyte_single_line() -> None:
    chunk = "A figure of 12,000 people in 2017, says the agency. " * 4 + "[x](u) `c` https://x.org "
    repeats = 10_000_000 // len(chunk)
    source = chunk * repeats
    masked = mask_markdown(source)
    assert len(masked.text) == len(source)
    assert masked.blocks == (Block(0, len(source) - 1, "paragraph"),)
    assert len(masked.citations) == 2 * repeats
    assert masked.text[-26:] == "  x             " + " " * 10


def test_ten_thousand_row_table() -> None:
    source = "| year | value |\n|---|---|\n" + "| 2017 | [12](u) |\n" * 10_000
    masked = mask(source)
    assert len(masked.blocks) == 10_001
    assert len(masked.citations) == 10_000
    assert masked.text.splitlines()[2] == "  2017    12      "


MARKDOWN_FRAGMENTS = [
    "#",
    "##",
    ">",
    "> ",
    "-",
    "*",
    "+",
    "1.",
    "12)",
    "|",
    "`",
    "```",
    "~~~",
    "[",
    "]",
    "(",
    ")",
    "!",
    "<",
    ">",
    "^",
    "[^",
    "]:",
    "](",
    "\\",
    "_",
    "=",
    "---",
    "===",
    "<!--",
    "-->",
    "<a href='x'>",
    "</a>",
    "http://",
    "https://x.org/",
    "www.",
    "@",
    ":",
    '"',
    "'",
    "    ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    " ",
    "a",
    "b",
    "5",
    "1,200",
    "é",
    "\u00a0",
    "\x00",
]
markdown_text = st.lists(
    st.one_of(st.sampled_from(MARKDOWN_FRAGMENTS), st.text(max_size=3)), max_size=80
).map("".join)


@settings(max_examples=300, deadline=None)
@given(markdown_text)
def test_random_markdown_keeps_invariants(source: str) -> None:
    mask(source)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_random_unicode_keeps_invariants(source: str) -> None:
    mask(source)


PLAIN_CASES = [
    pytest.param("", [], id="empty"),
    pytest.param("One line 5", [(0, 10)], id="one-line"),
    pytest.param("  Para one\nline 2  \n\n \t\nPara two\n", [(2, 17), (24, 32)], id="paragraphs"),
    pytest.param("a\r\nb\r\r\nc\rd", [(0, 4), (7, 10)], id="crlf-and-cr"),
]


@pytest.mark.parametrize(("source", "spans"), PLAIN_CASES)
def test_plain_text(source: str, spans: list[tuple[int, int]]) -> None:
    result = plain_text(source)
    assert result.text == source
    assert result.citations == ()
    assert result.blocks == tuple(Block(start, end, "paragraph") for start, end in spans)


def test_plain_text_masks_nothing() -> None:
    source = "# Not a heading 5\n`code` [link](u) <b>"
    assert plain_text(source).text == source


def _context_texts(source: str, block: Block) -> dict[str, str | None]:
    def text(context: Block | None) -> str | None:
        return None if context is None else source[context.start : context.end]

    return {
        "heading": text(block.heading),
        "lead_in": text(block.lead_in),
        "header": text(block.header),
    }


def test_list_items_know_their_heading_and_lead_in() -> None:
    source = (
        "# Camps\n\nAn opening paragraph.\n\nAs the panel found:\n\n- first item\n"
        "- second item:\n  - nested item\n\nAfter the list.\n"
    )
    blocks = {source[b.start : b.end]: b for b in mask(source).blocks}
    for item in ("first item", "second item:"):
        assert blocks[item].in_list
        assert _context_texts(source, blocks[item]) == {
            "heading": "Camps",
            "lead_in": "As the panel found:",
            "header": None,
        }
    # a nested list's lead-in is the item it hangs from
    assert blocks["nested item"].lead_in == blocks["second item:"]
    for plain in ("An opening paragraph.", "After the list.", "Camps"):
        assert not blocks[plain].in_list and blocks[plain].context == ()


@pytest.mark.parametrize(
    "source",
    [
        "A paragraph that ends with a full stop.\n\n- item\n",
        "Lead-in:\n\n```\ncode\n```\n\n- item\n",
        "Lead-in:\n\n---\n\n- item\n",
        "- item\n",
    ],
)
def test_only_an_adjacent_paragraph_ending_with_a_colon_leads_in(source: str) -> None:
    item = next(b for b in mask(source).blocks if b.in_list)
    assert item.lead_in is None


def test_table_rows_know_their_header_row_and_cells() -> None:
    source = "## Figures\n\nFrom the survey:\n\n| Year | Share |\n|---|---|\n| 2011 | 71% |\n"
    header, row = [b for b in mask(source).blocks if b.kind == "table-row"]
    assert _context_texts(source, row) == {
        "heading": "Figures",
        "lead_in": "From the survey:",
        "header": "| Year | Share |",
    }
    assert header.header is None
    assert [source[start:end].strip() for start, end in row.cells] == ["2011", "71%"]
    assert [b.start for b in row.context] == sorted(b.start for b in row.context)


def test_a_nested_list_knows_the_outer_lists_lead_in() -> None:
    source = "Findings of the 2019 survey:\n\n- Camps:\n  - about 90,000 held\n"
    blocks = {source[b.start : b.end]: b for b in mask(source).blocks}
    nested = blocks["about 90,000 held"]
    assert nested.lead_in == blocks["Camps:"]
    assert nested.outer_lead_in is not None
    assert source[nested.outer_lead_in.start : nested.outer_lead_in.end] == (
        "Findings of the 2019 survey:"
    )


def test_a_bold_paragraph_titles_the_list_after_it() -> None:
    source = "> **At a glance: the camps**\n>\n> - Prisoners: 90,000\n"
    item = next(b for b in mask(source).blocks if b.in_list)
    assert item.heading is not None
    assert source[item.heading.start : item.heading.end] == "**At a glance: the camps**"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a paragraph just after the list, or the list's own last item
        ("- 90,000 held\n- six camps\n\nSource: KINU white paper.\n", "Source: KINU white paper."),
        ("- 90,000 held\n- Sources: KINU; HRW\n", "Sources: KINU; HRW"),
        ("| Camps | Held |\n|---|---|\n| all | 90,000 |\n\n*Source: KINU*\n", "*Source: KINU*"),
        ("> - 90,000 held\n>\n> Source: KINU\n", "Source: KINU"),
        # not after other text, nor a line that only mentions a source
        ("- 90,000 held\n\nMore text.\n\nSource: KINU\n", None),
        ("- 90,000 held\n\nThe source is KINU.\n", None),
    ],
)
def test_a_source_line_after_a_list_or_table(source: str, expected: str | None) -> None:
    item = next(b for b in mask(source).blocks if b.in_list or b.kind == "table-row")
    found = item.source_line
    assert (source[found.start : found.end] if found else None) == expected


def test_a_nested_item_takes_the_outer_lists_source_line() -> None:
    source = "- Camps:\n  - 90,000 held\n- Other\n\nSource: KINU\n"
    nested = next(b for b in mask(source).blocks if source[b.start : b.end] == "90,000 held")
    assert nested.source_line is not None


def test_a_tables_total_row_and_its_parts() -> None:
    source = (
        "| Province | Held |\n|---|---|\n| North | 50,000 |\n| South | 40,000 |\n"
        "| **Total** | 90,000 |\n"
    )
    header, north, south, total = [b for b in mask(source).blocks if b.kind == "table-row"]
    assert total.is_total and total.total is None
    assert north.total == south.total and north.total is not None
    assert source[north.total.start : north.total.end] == "| **Total** | 90,000 |"
    assert header.total is None and not header.is_total


def test_a_list_item_knows_the_item_before_it() -> None:
    source = "1. Some 90,000 are held.\n2. Each of them works 12 hours.\n"
    first, second = [b for b in mask(source).blocks if b.in_list]
    assert first.previous_item is None
    assert second.previous_item is not None and second.previous_item.start == first.start


def test_an_html_superscript_note_is_a_citation_and_no_prose() -> None:
    source = 'Some 90,000 are held.<sup>4</sup> Others <sup><a href="#n5">5</a></sup>.'
    masked = mask(source)
    assert "4" not in masked.text and "5" not in masked.text
    assert [citation.kind for citation in masked.citations] == ["footnote", "footnote"]


def test_stacked_citation_markers_keep_their_numbers_out_of_the_prose() -> None:
    from factlint.quantities import extract_quantities

    source = "Sales reached 30,000 a year.[15][16] Then they fell."
    masked = mask(source)
    assert [q.text for q in extract_quantities(masked.text)] == ["30,000 a year"]
