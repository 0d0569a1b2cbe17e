"""Mask the non-prose parts of Markdown so that offsets into the prose stay exact.

`mask_markdown` returns a copy of the text in which every character that is not prose
(code, HTML, URLs, Markdown syntax...) is a space.  Line terminators are never touched
and prose characters are kept as they are, so an offset, a line number or a column found
in the masked text is also right in the original text.

markdown-it-py finds the block structure (which lines hold paragraphs, headings and table
rows, and where their content starts once container markers are taken off).  It has no
character offsets for inline content, so a linear-time scanner written here finds the
inline constructs (code spans, links, images, autolinks, inline HTML, footnote references,
bare URLs) inside each prose unit.  Everything not claimed as prose is masked by default,
which keeps unknown or unsupported syntax out of the prose rather than in it.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference
from markdown_it.rules_block import StateBlock
from mdit_py_plugins.footnote import footnote_plugin

BlockKind = Literal["paragraph", "heading", "table-row"]
Span = tuple[int, int]
CitationKind = Literal["link", "footnote"]


@dataclass(frozen=True)
class Block:
    """A prose unit that the sentence splitter treats alone (a paragraph, heading, table row...).

    `text[start:end]` runs from the first to the last character of the block's content.

    A list item or a table row says little alone ("- 75% are women", "| 2011 | 71% |"): what
    it is about stands in its context, which only list items and table rows carry: the
    nearest heading above (or a paragraph that is all bold, a facts box's title), the
    lead-in paragraph just before the list or table when it ends with a colon ("According
    to the Asan Institute:"), a nested list's outer lead-in, and a table row's header row.
    Where its figures come from may also stand after it: a "Source:" line just after the
    list or table, or as the list's own item.
    """

    start: int  # offset into the text
    end: int
    kind: BlockKind
    heading: Block | None = None
    lead_in: Block | None = None
    header: Block | None = None
    cells: tuple[Span, ...] = ()  # a table row's cells, pipes excluded, in column order
    in_list: bool = False  # a paragraph of a list item
    # the lead-in of the list a nested list hangs in ("Main findings of the survey:")
    outer_lead_in: Block | None = None
    # a "Source:" line that attributes every item of the list or row of the table
    source_line: Block | None = None
    # a table's "Total" row (for the table's other rows, which are then its parts)
    total: Block | None = None
    is_total: bool = False  # this row is its table's "Total" row
    # the item before in the same list: "3. Each of them works 20 hours" refers back to it
    previous_item: Block | None = None

    @property
    def context(self) -> tuple[Block, ...]:
        """The context blocks, in document order."""
        found = (self.heading, self.outer_lead_in, self.lead_in, self.header)
        return tuple(sorted({block for block in found if block is not None}, key=_start))


def _start(block: Block) -> int:
    return block.start


@dataclass(frozen=True)
class Citation:
    """A link or footnote reference in the original text: counts as attribution for its sentence.

    `text[start:end]` is the whole construct, e.g. the whole `[text](url)` or `[^3]`.
    """

    start: int
    end: int
    kind: CitationKind


@dataclass(frozen=True)
class MaskedText:
    text: str  # same length as the input; masked chars are " "
    blocks: tuple[Block, ...]  # in document order, non-overlapping
    citations: tuple[Citation, ...]  # in document order
    # (start, end) of each HTML comment that Markdown reads as HTML, not as code: where
    # factlint's suppression directives may stand.
    comments: tuple[tuple[int, int], ...] = ()


# markdown-it-py normalises exactly these three to "\n" and counts each as one line end.
_LINE_END_RE = re.compile(r"\r\n?|\n")
_NOT_LINE_END_RE = re.compile(r"[^\r\n]")


def _line_spans(text: str) -> list[Span]:
    """(start, end) of every line's content, terminator excluded."""
    spans: list[Span] = []
    start = 0
    for match in _LINE_END_RE.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _blank_out(text: str) -> str:
    return _NOT_LINE_END_RE.sub(" ", text)


def _trim(text: str, start: int, end: int) -> Span:
    """The span without its leading and trailing whitespace."""
    content = text[start:end]
    stripped = content.lstrip()
    if not stripped:
        return start, start
    start += len(content) - len(stripped)
    return start, start + len(stripped.rstrip())


# ---------------------------------------------------------------------------------------
# Front matter
# ---------------------------------------------------------------------------------------

_FRONT_MATTER_CLOSERS = {"---": ("---", "..."), "+++": ("+++",)}


def _front_matter_lines(text: str, lines: Sequence[Span]) -> int:
    """How many lines at the start of the file are YAML or TOML front matter (0 if none)."""
    first_start, first_end = lines[0]
    closers = _FRONT_MATTER_CLOSERS.get(text[first_start:first_end].rstrip(" \t"))
    if closers is None or len(lines) < 2:
        return 0
    second_start, second_end = lines[1]
    # Like Pandoc: a blank line after the opener means a thematic break, not metadata.
    if not text[second_start:second_end].strip():
        return 0
    for index in range(1, len(lines)):
        start, end = lines[index]
        if text[start:end].rstrip(" \t") in closers:
            return index + 1
    return 0


# ---------------------------------------------------------------------------------------
# Block structure, from markdown-it-py
# ---------------------------------------------------------------------------------------

# The commonmark preset stops at 20 (about 9 nested lists); real drafts nest deeper than
# that now and then.  Each level costs a few Python frames, so this stays far from the
# recursion limit. markdown-it stops reading at the limit: what follows is then read as
# plain text (see mask_markdown), so no figure after a pathological nest is lost.
_MAX_NESTING = 200
_ENV_KEY = "factlint_leaves"
_LISTS_KEY = "factlint_lists"  # start lines of the lists being parsed, innermost last

LineSpan = tuple[int, int, int]  # (line index, start column, end column)
RuleFunc = Callable[[StateBlock, int, int, bool], bool]


@dataclass(frozen=True)
class _Leaf:
    """A prose leaf block as markdown-it saw it, in line/column terms."""

    kind: BlockKind | Literal["html"]
    lines: tuple[LineSpan, ...]
    group: int | None = None  # start line of the list or table the leaf belongs to
    header: bool = False  # a table's header row
    outer: tuple[int, ...] = ()  # start lines of the lists the leaf's list is nested in


Recorder = Callable[[StateBlock, int], list[_Leaf]]


def _line_span(state: StateBlock, line: int, start: int, end: int) -> LineSpan:
    # bMarks may have been moved past container markers, so find the real line start.
    line_start = state.src.rfind("\n", 0, state.eMarks[line]) + 1
    return (line, start - line_start, end - line_start)


def _content_span(state: StateBlock, line: int) -> LineSpan:
    # While a leaf rule runs, bMarks + tShift is the first content character of the line
    # once blockquote markers, list markers and footnote labels have been taken off.
    return _line_span(state, line, state.bMarks[line] + state.tShift[line], state.eMarks[line])


def _record_paragraph(state: StateBlock, start_line: int) -> list[_Leaf]:
    lines = range(start_line, state.line)
    lists = state.env.get(_LISTS_KEY)
    group = lists[-1] if isinstance(lists, list) and lists else None
    outer = tuple(lists[:-1]) if isinstance(lists, list) else ()
    spans = tuple(_content_span(state, line) for line in lines)
    return [_Leaf("paragraph", spans, group, outer=outer)]


def _record_setext_heading(state: StateBlock, start_line: int) -> list[_Leaf]:
    # The last line consumed is the `===` / `---` underline, which is not prose.
    lines = range(start_line, state.line - 1)
    return [_Leaf("heading", tuple(_content_span(state, line) for line in lines))]


def _record_atx_heading(state: StateBlock, start_line: int) -> list[_Leaf]:
    content = state.tokens[-2].content
    if not content:
        return []
    pos = state.bMarks[start_line] + state.tShift[start_line]
    end = state.eMarks[start_line]
    while pos < end and state.src[pos] == "#":
        pos += 1
    # The heading text is the first occurrence after the opening run: only whitespace
    # separates the two, and the text itself starts with a non-space character.
    found = state.src.find(content, pos, end)
    if found < 0:
        return []
    return [_Leaf("heading", (_line_span(state, start_line, found, found + len(content)),))]


def _record_html_block(state: StateBlock, start_line: int) -> list[_Leaf]:
    lines = range(start_line, state.line)
    return [_Leaf("html", tuple(_content_span(state, line) for line in lines))]


def _record_table(state: StateBlock, start_line: int) -> list[_Leaf]:
    rows = [start_line, *range(start_line + 2, state.line)]  # skip the delimiter row
    return [
        _Leaf("table-row", (_content_span(state, row),), start_line, row == start_line)
        for row in rows
    ]


def _wrap_rule(md: MarkdownIt, name: str, recorder: Recorder) -> None:
    """Replace block rule `name` by one that also records the leaves it produces."""
    # Ruler has no public accessor for a rule's function and alt chains.
    rule = next(rule for rule in md.block.ruler.__rules__ if rule.name == name)
    original: RuleFunc = rule.fn
    alt = list(rule.alt)

    def wrapped(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        matched = original(state, start_line, end_line, silent)
        if matched and not silent:
            sink = state.env.get(_ENV_KEY)
            if isinstance(sink, list):
                sink.extend(recorder(state, start_line))
        return matched

    md.block.ruler.at(name, wrapped, {"alt": alt})


def _wrap_list_rule(md: MarkdownIt) -> None:
    """Make the list rule keep the start lines of the lists it is inside of in the env."""
    rule = next(rule for rule in md.block.ruler.__rules__ if rule.name == "list")
    original: RuleFunc = rule.fn
    alt = list(rule.alt)

    def wrapped(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        lists = state.env.get(_LISTS_KEY)
        if silent or not isinstance(lists, list):
            return original(state, start_line, end_line, silent)
        lists.append(start_line)
        try:
            return original(state, start_line, end_line, silent)
        finally:
            lists.pop()

    md.block.ruler.at("list", wrapped, {"alt": alt})


@functools.cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable("table")
    md.use(footnote_plugin)
    # Only the block structure is used; inline parsing is our own and would double the time.
    md.disable(["inline", "text_join", "footnote_tail"], ignoreInvalid=True)
    _wrap_rule(md, "paragraph", _record_paragraph)
    _wrap_rule(md, "lheading", _record_setext_heading)
    _wrap_rule(md, "heading", _record_atx_heading)
    _wrap_rule(md, "table", _record_table)
    _wrap_rule(md, "html_block", _record_html_block)
    _wrap_list_rule(md)
    return md


def _parse_leaves(source: str) -> tuple[list[_Leaf], frozenset[str], bool]:
    """The prose leaves of `source`, the normalised labels of its link definitions, and
    whether markdown-it stopped at its nesting limit (it then drops every line after)."""
    leaves: list[_Leaf] = []
    env: dict[str, object] = {_ENV_KEY: leaves, _LISTS_KEY: []}
    tokens = _parser().parse(source, env)
    references = env.get("references")
    labels = frozenset(references) if isinstance(references, dict) else frozenset()
    stopped = any(token.level >= _MAX_NESTING - 1 for token in tokens)
    return leaves, labels, stopped


# ---------------------------------------------------------------------------------------
# Inline constructs
# ---------------------------------------------------------------------------------------

# Where something may start that is not plain prose; the scanner jumps between these.
# The leading lookahead lets the regex engine skip plain characters fast (twice as fast).
_SPECIAL_RE = re.compile(
    r"(?=[\\`<\[\]!^hw])(?:[\\`<\[\]]|[!^]\[|(?<![A-Za-z0-9])(?:https?://|www\.))",
    re.IGNORECASE,
)
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_BACKTICKS_RE = re.compile(r"`+")

# Possessive quantifiers and atomic groups keep every match attempt linear (the e-mail
# domain labels can backtrack, but at most 62 steps each).
_URI_AUTOLINK_RE = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}+:[^<>\x00-\x20]*+>")
_EMAIL_AUTOLINK_RE = re.compile(
    r"<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]++@"
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>"
)
_TAG_NAME = r"[A-Za-z][A-Za-z0-9-]*+"
_ATTRIBUTE = (
    r"(?>[ \t\n]++[A-Za-z_:][A-Za-z0-9_.:-]*+"
    r"(?>[ \t\n]*+=[ \t\n]*+(?:[^\"'=<>`\x00-\x20]++|'[^']*+'|\"[^\"]*+\"))?+)"
)
_OPEN_TAG_RE = re.compile(rf"<{_TAG_NAME}{_ATTRIBUTE}*+[ \t\n]*+/?>")
_CLOSE_TAG_RE = re.compile(rf"</{_TAG_NAME}[ \t\n]*+>")
_DECLARATION_START_RE = re.compile(r"<![A-Za-z]")

# A footnote reference written in HTML: "<sup>3</sup>", "<sup>[12]</sup>",
# "<sup><a href="#n3">3</a></sup>".
_SUP_NOTE_RE = re.compile(
    r"<sup(?:\s[^<>]{0,200})?>\s*(?:<a(?:\s[^<>]{0,200})?>)?\s*\[?(?:\d{1,3}|[a-z]|[*†‡])\]?\s*"
    r"(?:</a\s*>)?\s*</sup\s*>",
    re.IGNORECASE,
)
_FOOTNOTE_LABEL_RE = re.compile(r"[^\[\]\s]*+")
_REFERENCE_LABEL_RE = re.compile(r"\[(?:[^\[\]\\]|\\.){0,999}+\]", re.DOTALL)
_MAX_LABEL = 999
# The inside of a citation marker: "15", "3, 7", "12–14"
_CITATION_NUMBERS_RE = re.compile(r"[0-9]{1,4}(?:\s*[,–-]\s*[0-9]{1,4})*")
_SPACE_RE = re.compile(r"[ \t\n]*+")
_ANGLE_DESTINATION_RE = re.compile(r"<(?:[^<>\n\\]|\\[^\n])*+>")
_PLAIN_DESTINATION_RE = re.compile(r"[^\x00-\x20\x7f()\\]*+")
_MAX_PAREN_DEPTH = 32  # as markdown-it and cmark; it also bounds the work per attempt
_TITLE_RES = {
    '"': re.compile(r'"(?:[^"\\]|\\.)*+"', re.DOTALL),
    "'": re.compile(r"'(?:[^'\\]|\\.)*+'", re.DOTALL),
    "(": re.compile(r"\((?:[^()\\]|\\.)*+\)", re.DOTALL),
}

# GFM extended autolinks: they end at whitespace or "<"; brackets and backticks end them
# too because GFM finds them only inside text, after links and code spans are parsed.
_BARE_URL_RE = re.compile(r"(https?://|www\.)[\w-][^\s<\[\]`]*+", re.IGNORECASE)
_URL_TRAILING_PUNCTUATION = frozenset("?!.,:;*_~'\"")

OpenerKind = Literal["link", "image", "note"]


def _run_end(pattern: re.Pattern[str], s: str, pos: int) -> int:
    """End of `pattern` (one that may match empty) at `pos`."""
    match = pattern.match(s, pos)
    return match.end() if match else pos


def _autolink_end(s: str, pos: int) -> int:
    match = _URI_AUTOLINK_RE.match(s, pos) or _EMAIL_AUTOLINK_RE.match(s, pos)
    return match.end() if match else -1


def _tag_end(s: str, pos: int) -> int:
    match = _OPEN_TAG_RE.match(s, pos) or _CLOSE_TAG_RE.match(s, pos)
    return match.end() if match else -1


def _plain_destination_end(s: str, pos: int) -> int:
    """End of a link destination without angle brackets (balanced parentheses), or -1."""
    depth = 0
    cursor = pos
    while True:
        cursor = _run_end(_PLAIN_DESTINATION_RE, s, cursor)
        char = s[cursor] if cursor < len(s) else ""
        if char == "\\":
            cursor = min(cursor + 2, len(s))
        elif char == "(":
            depth += 1
            if depth > _MAX_PAREN_DEPTH:
                return -1
            cursor += 1
        elif char == ")" and depth > 0:
            depth -= 1
            cursor += 1
        else:
            break
    if cursor == pos or depth:
        return -1
    return cursor


def _destination_end(s: str, pos: int) -> int:
    if s.startswith("<", pos):
        match = _ANGLE_DESTINATION_RE.match(s, pos)
        return match.end() if match else -1
    return _plain_destination_end(s, pos)


def _skip_space(s: str, pos: int) -> int:
    return _run_end(_SPACE_RE, s, pos)


def _inline_link_end(s: str, pos: int) -> int:
    """End of `(destination "title")` starting at the "(" at `pos`, or -1."""
    cursor = _skip_space(s, pos + 1)
    if s.startswith(")", cursor):
        return cursor + 1
    destination_end = _destination_end(s, cursor)
    if destination_end < 0:
        return -1
    cursor = _skip_space(s, destination_end)
    if s.startswith(")", cursor):
        return cursor + 1
    title_re = _TITLE_RES.get(s[cursor]) if cursor < len(s) else None
    if cursor == destination_end or title_re is None:
        return -1
    title = title_re.match(s, cursor)
    if title is None:
        return -1
    cursor = _skip_space(s, title.end())
    return cursor + 1 if s.startswith(")", cursor) else -1


def _reference_label_end(s: str, pos: int) -> int:
    """End of a `[label]` (or the empty `[]`) starting at `pos`, or -1."""
    match = _REFERENCE_LABEL_RE.match(s, pos)
    if match is None:
        return -1
    label = s[pos + 1 : match.end() - 1]
    if label and label.isspace():
        return -1
    return match.end()


def _url_end(s: str, start: int, end: int) -> int:
    """Drop the trailing punctuation and unbalanced ")" that belong to the sentence."""
    unmatched_closers = s.count(")", start, end) - s.count("(", start, end)
    while end > start:
        char = s[end - 1]
        if char in _URL_TRAILING_PUNCTUATION:
            end -= 1
        elif char == ")" and unmatched_closers > 0:
            unmatched_closers -= 1
            end -= 1
        else:
            break
    return end


@dataclass(slots=True)
class _Opener:
    pos: int  # where the construct starts: "[", "![" or "^["
    kind: OpenerKind


class _InlineScanner:
    """Find the inline constructs of one prose unit, left to right, in linear time.

    Follows the CommonMark precedence: code spans, autolinks and raw HTML win over
    whatever starts later, and link brackets are matched with a delimiter stack.
    """

    def __init__(self, s: str, references: Container[str]) -> None:
        self.s = s
        self.references = references
        self.masks: list[Span] = []
        self.citations: list[tuple[int, int, CitationKind]] = []
        self.comments: list[Span] = []
        self._openers: list[_Opener] = []
        # Link openers below this stack index are inactive: links may not contain links.
        self._inactive_below = 0
        self._backtick_runs: dict[int, list[int]] | None = None
        # A failed str.find stays failed from the same start onwards; this keeps
        # "<!--<!--<!--..." linear.
        self._absent_from: dict[str, int] = {}
        self._footnote_fail_until = -1

    def scan(self) -> None:
        pos = 0
        while (match := _SPECIAL_RE.search(self.s, pos)) is not None:
            pos = self._dispatch(match.start())

    def _dispatch(self, pos: int) -> int:
        char = self.s[pos]
        if char == "\\":
            return pos + 2 if self.s[pos + 1 : pos + 2] in _ASCII_PUNCTUATION else pos + 1
        if char == "`":
            return self._code_span(pos)
        if char == "<":
            return self._angle(pos)
        if char == "[":
            return self._open_bracket(pos)
        if char == "]":
            return self._close_bracket(pos)
        if char == "!":
            self._openers.append(_Opener(pos, "image"))
            return pos + 2
        if char == "^":
            self._openers.append(_Opener(pos, "note"))
            return pos + 2
        return self._bare_url(pos)

    def _mask(self, start: int, end: int) -> None:
        self.masks.append((start, end))

    def _cite(self, start: int, end: int, kind: CitationKind) -> None:
        self.citations.append((start, end, kind))

    def _find(self, needle: str, start: int) -> int:
        absent_from = self._absent_from.get(needle)
        if absent_from is not None and start >= absent_from:
            return -1
        found = self.s.find(needle, start)
        if found < 0:
            self._absent_from[needle] = start
        return found

    # -- code spans ---------------------------------------------------------------------

    def _runs_by_width(self) -> dict[int, list[int]]:
        if self._backtick_runs is None:
            runs: dict[int, list[int]] = {}
            for match in _BACKTICKS_RE.finditer(self.s):
                runs.setdefault(match.end() - match.start(), []).append(match.start())
            self._backtick_runs = runs
        return self._backtick_runs

    def _code_span(self, pos: int) -> int:
        run_end = _run_end(_BACKTICKS_RE, self.s, pos)
        width = run_end - pos
        starts = self._runs_by_width().get(width, [])
        index = bisect_left(starts, run_end)
        if index == len(starts):
            return run_end  # never closed: the backticks are literal text
        end = starts[index] + width
        self._mask(pos, end)
        return end

    # -- autolinks and raw HTML ---------------------------------------------------------

    def _angle(self, pos: int) -> int:
        end = _autolink_end(self.s, pos)
        if end > 0:
            self._mask(pos, end)
            self._cite(pos, end, "link")
            return end
        note = _SUP_NOTE_RE.match(self.s, pos)
        if note is not None:
            # "<sup>3</sup>": a footnote reference in HTML; its number is no figure
            self._mask(pos, note.end())
            self._cite(pos, note.end(), "footnote")
            return note.end()
        end = self._html_end(pos)
        if end > 0:
            self._mask(pos, end)
            if self.s.startswith("<!--", pos):
                self.comments.append((pos, end))
            return end
        return pos + 1

    def _html_end(self, pos: int) -> int:
        s = self.s
        if s.startswith("<!--", pos):
            if s.startswith(">", pos + 4):
                return pos + 5
            if s.startswith("->", pos + 4):
                return pos + 6
            return self._end_of("-->", pos + 4)
        if s.startswith("<?", pos):
            return self._end_of("?>", pos + 2)
        if s.startswith("<![CDATA[", pos):
            return self._end_of("]]>", pos + 9)
        if _DECLARATION_START_RE.match(s, pos):
            return self._end_of(">", pos + 2)
        return _tag_end(s, pos)

    def _end_of(self, closer: str, start: int) -> int:
        found = self._find(closer, start)
        return found + len(closer) if found >= 0 else -1

    # -- brackets: links, images, footnotes ---------------------------------------------

    def _open_bracket(self, pos: int) -> int:
        if self.s.startswith("^", pos + 1):
            end = self._footnote_reference_end(pos)
            if end > 0:
                self._mask(pos, end)
                self._cite(pos, end, "footnote")
                return end
        self._openers.append(_Opener(pos, "link"))
        return pos + 1

    def _footnote_reference_end(self, pos: int) -> int:
        # Unlike markdown-it, an undefined label still counts: `[^n]` is unambiguous
        # and drafts often cite before the notes are written.
        if pos < self._footnote_fail_until:
            return -1
        label_end = _run_end(_FOOTNOTE_LABEL_RE, self.s, pos + 2)
        if label_end > pos + 2 and self.s.startswith("]", label_end):
            return label_end + 1
        # Any "[^" before label_end would stop at the same character and fail the same way.
        self._footnote_fail_until = label_end
        return -1

    def _close_bracket(self, pos: int) -> int:
        if not self._openers:
            return pos + 1
        opener = self._openers.pop()
        index = len(self._openers)
        inactive = opener.kind == "link" and index < self._inactive_below
        self._inactive_below = min(self._inactive_below, index)
        if opener.kind == "note":
            self._drop_citations_from(opener.pos)
            self._mask(opener.pos, opener.pos + 2)
            self._mask(pos, pos + 1)
            self._cite(opener.pos, pos + 1, "footnote")
            return pos + 1
        if inactive:
            return pos + 1
        end = self._link_end(opener, pos)
        if end < 0:
            return pos + 1
        self._drop_citations_from(opener.pos)
        if opener.kind == "image":
            self._mask(opener.pos, end)
            return end
        self._mask(opener.pos, opener.pos + 1)
        self._mask(pos, end)
        self._cite(opener.pos, end, "link")
        self._inactive_below = len(self._openers)
        return end

    def _drop_citations_from(self, start: int) -> None:
        # Citations never nest: a link or image swallows what it contains.
        while self.citations and self.citations[-1][0] >= start:
            self.citations.pop()

    def _link_end(self, opener: _Opener, close: int) -> int:
        """End of the link or image whose text closes at `close`, or -1 if it is none."""
        s = self.s
        after = close + 1
        if s.startswith("(", after):
            end = _inline_link_end(s, after)
            if end > 0:
                return end
        if s.startswith("[", after):
            # Full and collapsed references count even when the label is not defined
            # (yet): the syntax is unambiguous and drafts often lack the definitions.
            end = _reference_label_end(s, after)
            if end > 0 and not self._stacked_markers(opener.pos + 1, close, end):
                return end
        text_start = opener.pos + (2 if opener.kind == "image" else 1)
        # A shortcut reference `[text]` is too common in prose to assume: it must be defined.
        if (
            self.references
            and close - text_start <= _MAX_LABEL
            and normalizeReference(s[text_start:close]) in self.references
        ):
            return after
        return -1

    def _stacked_markers(self, text_start: int, close: int, end: int) -> bool:
        """`[15][16]`: two citation markers side by side, not a link whose text is "15"
        (unless "16" is a defined reference)."""
        label = self.s[close + 2 : end - 1]
        return (
            _CITATION_NUMBERS_RE.fullmatch(self.s, text_start, close) is not None
            and _CITATION_NUMBERS_RE.fullmatch(label) is not None
            and normalizeReference(label) not in self.references
        )

    # -- bare URLs ----------------------------------------------------------------------

    def _bare_url(self, pos: int) -> int:
        match = _BARE_URL_RE.match(self.s, pos)
        if match is None:
            return pos + 1
        end = _url_end(self.s, pos, match.end())
        if end <= match.end(1):
            return pos + 1
        self._mask(pos, end)
        self._cite(pos, end, "link")
        return end


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _masked_virtual(s: str, masks: list[Span]) -> str:
    pieces: list[str] = []
    cursor = 0
    for start, end in _merge(masks):
        pieces.append(s[cursor:start])
        masked = s[start:end]
        # Only a construct spanning lines holds a "\n" (between segments); keep it.
        pieces.append(_blank_out(masked) if "\n" in masked else " " * len(masked))
        cursor = end
    pieces.append(s[cursor:])
    return "".join(pieces)


@dataclass(frozen=True)
class _UnitResult:
    regions: list[tuple[int, str]]  # (original offset, masked replacement of the segment)
    citations: list[Citation]
    comments: list[Span]


def _scan_unit(text: str, segments: Sequence[Span], references: Container[str]) -> _UnitResult:
    """Mask the inline constructs of one prose unit made of line segments of `text`.

    The segments are scanned as one string joined with "\\n" (as the inline parser sees
    a paragraph), so that constructs spanning lines are found.
    """
    virtual = "\n".join(text[start:end] for start, end in segments)
    if _SPECIAL_RE.search(virtual) is None:
        return _UnitResult([(start, text[start:end]) for start, end in segments], [], [])
    # Scan what markdown-it would see (it reads NUL as U+FFFD), but mask the original.
    scanner = _InlineScanner(virtual.replace("\0", "\ufffd"), references)
    scanner.scan()
    masked = _masked_virtual(virtual, scanner.masks)
    offsets: list[int] = []
    regions: list[tuple[int, str]] = []
    virtual_start = 0
    for start, end in segments:
        offsets.append(virtual_start)
        regions.append((start, masked[virtual_start : virtual_start + end - start]))
        virtual_start += end - start + 1

    def to_original(index: int) -> int:
        segment = bisect_right(offsets, index) - 1
        return segments[segment][0] + index - offsets[segment]

    citations = [
        Citation(to_original(start), to_original(end - 1) + 1, kind)
        for start, end, kind in scanner.citations
    ]
    comments = [(to_original(start), to_original(end - 1) + 1) for start, end in scanner.comments]
    return _UnitResult(regions, citations, comments)


# ---------------------------------------------------------------------------------------
# Assembly
# ---------------------------------------------------------------------------------------


def _table_cells(text: str, start: int, end: int) -> list[Span]:
    """The cells of a table row: split at every "|" not preceded by a backslash.

    Mirrors markdown-it-py's escapedSplit, so a pipe inside a code span splits too (GFM).
    """
    cells: list[Span] = []
    cell_start = start
    pipe = text.find("|", start, end)
    while pipe >= 0:
        if pipe == start or text[pipe - 1] != "\\":
            cells.append((cell_start, pipe))
            cell_start = pipe + 1
        pipe = text.find("|", pipe + 1, end)
    cells.append((cell_start, end))
    return [cell for cell in cells if cell[0] < cell[1]]


def _leaf_segments(leaf: _Leaf, lines: Sequence[Span]) -> list[Span]:
    segments: list[Span] = []
    for line, start_col, end_col in leaf.lines:
        if line >= len(lines):
            continue
        line_start, line_end = lines[line]
        start = min(line_start + max(start_col, 0), line_end)
        end = min(line_start + max(end_col, 0), line_end)
        segments.append((start, max(start, end)))
    return segments


def _assemble(text: str, regions: list[tuple[int, str]]) -> str:
    pieces: list[str] = []
    cursor = 0
    for start, replacement in sorted(regions, key=lambda region: region[0]):
        if start < cursor:
            continue  # cannot happen with markdown-it's leaves; never corrupt offsets
        pieces.append(_blank_out(text[cursor:start]))
        pieces.append(replacement)
        cursor = start + len(replacement)
    pieces.append(_blank_out(text[cursor:]))
    return "".join(pieces)


def _without_front_matter(text: str, lines: Sequence[Span], count: int) -> str:
    # Empty lines in place of the front matter keep markdown-it's line numbers ours.
    if count == 0:
        return text
    if count >= len(lines):
        return ""
    return "\n" * count + text[lines[count][0] :]


def mask_markdown(text: str) -> MaskedText:
    """Mask everything in Markdown `text` that is not prose (see the module docstring)."""
    lines = _line_spans(text)
    front_matter = _front_matter_lines(text, lines)
    leaves, references, stopped = _parse_leaves(_without_front_matter(text, lines, front_matter))
    if stopped:
        # Past the nesting limit markdown-it reads nothing more; rather than lose the rest
        # of the file, read the lines after the last prose it found as plain text.
        resume = max((line for leaf in leaves for line, _, _ in leaf.lines), default=-1) + 1
        leaves.extend(_plain_leaves(text, lines, resume))

    regions: list[tuple[int, str]] = []
    blocks: list[tuple[Block, _Leaf]] = []
    citations: list[Citation] = []
    comments: list[Span] = []
    for leaf in leaves:
        segments = [segment for segment in _leaf_segments(leaf, lines) if segment[0] < segment[1]]
        if not segments:
            continue
        if leaf.kind == "html":
            comments.extend(html_comments(text, segments[0][0], segments[-1][1]))
            continue
        cells: tuple[Span, ...] = ()
        if leaf.kind == "table-row":
            row_start, row_end = _trim(text, *segments[0])
            cells = tuple(_table_cells(text, row_start, row_end))
            units = [[cell] for cell in cells]
        else:
            row_start, row_end = _trim(text, segments[0][0], segments[-1][1])
            units = [segments]
        if row_start >= row_end:
            continue
        in_list = leaf.kind == "paragraph" and leaf.group is not None
        blocks.append((Block(row_start, row_end, leaf.kind, cells=cells, in_list=in_list), leaf))
        for unit in units:
            result = _scan_unit(text, unit, references)
            regions.extend(result.regions)
            citations.extend(result.citations)
            comments.extend(result.comments)

    blocks.sort(key=lambda item: item[0].start)
    citations.sort(key=lambda citation: citation.start)
    return MaskedText(
        _assemble(text, regions),
        _with_context(text, lines, blocks),
        tuple(citations),
        tuple(sorted(comments)),
    )


def _with_context(
    text: str, lines: Sequence[Span], blocks: Sequence[tuple[Block, _Leaf]]
) -> tuple[Block, ...]:
    """The blocks, each list item and table row given its context (see `Block`)."""
    result: list[Block] = []
    heading: Block | None = None
    lead_ins: dict[int, Block | None] = {}  # list or table start line -> its lead-in
    headers: dict[int, Block] = {}  # table start line -> header row
    members: dict[int, list[int]] = {}  # list or table start line -> indices of its blocks
    last_items: dict[int, Block] = {}  # list start line -> its last item so far
    for block, leaf in blocks:
        group = leaf.group
        if group is not None and (block.in_list or block.kind == "table-row"):
            if group not in lead_ins:  # the first item or row: the block before leads in
                previous = (result[-1], blocks[len(result) - 1][1]) if result else None
                lead_ins[group] = _lead_in(text, lines, previous, group)
            header = None if leaf.header else headers.get(group)
            # a nested list's items are also about what the outer list's lead-in says
            outer = next((lead for lead in map(lead_ins.get, reversed(leaf.outer)) if lead), None)
            sibling = last_items.get(group) if block.in_list else None
            block = replace(
                block, heading=heading, lead_in=lead_ins[group], header=header,
                outer_lead_in=outer, previous_item=sibling,
            )  # fmt: skip
            if block.in_list:
                # only the item's paragraph's own fields: its siblings are not chained
                last_items[group] = replace(block, previous_item=None)
            if leaf.header:
                headers[group] = block
            for start in (*leaf.outer, group):
                members.setdefault(start, []).append(len(result))
        if block.kind == "heading" or (block.kind == "paragraph" and _all_bold(text, block)):
            # "**Fact box: the dolgyeokdae**": a bold paragraph titles what follows it
            heading = block
        result.append(block)
    _attach_trailers(text, lines, blocks, result, members)
    return tuple(result)


_SOURCE_LINE = re.compile(r"[*_\s]*sources?[*_\s]*[:—–]", re.IGNORECASE)
_TOTAL_ROW = re.compile(
    r"[*_\s]*(?:(?:grand\s+)?total|overall|combined|in\s+all|all\s+\w+(?:\s+\w+)?)[*_\s:]*",
    re.IGNORECASE,
)


def _all_bold(text: str, block: Block) -> bool:
    """Whether a one-line paragraph is all strong emphasis: "**Fact box: workers**"."""
    content = text[block.start : block.end]
    return (
        "\n" not in content
        and len(content) > 4
        and content[:2] in ("**", "__")
        and content.endswith(content[:2])
        and content[:2] not in content[2:-2]
    )


def _attach_trailers(
    text: str,
    lines: Sequence[Span],
    blocks: Sequence[tuple[Block, _Leaf]],
    result: list[Block],
    members: dict[int, list[int]],
) -> None:
    """Give each list item and table row its list's or table's "Source:" line and its
    table's "Total" row, both of which stand after the rows they speak for."""
    # Nested lists first (they start later): a nested item keeps the nearest source line.
    for group in sorted(members, reverse=True):
        items = members[group]
        source = _source_line(text, lines, blocks, result, items)
        total = _total_row(text, result, items)
        if source is None and total is None:
            continue
        for index in items:
            block = result[index]
            if block is total:
                result[index] = replace(
                    block, is_total=True, source_line=block.source_line or source
                )
            else:
                # the header row is no part of the total
                part_of = total if block.header is not None or block.in_list else None
                result[index] = replace(block, source_line=block.source_line or source,
                                        total=part_of)  # fmt: skip


def _source_line(
    text: str,
    lines: Sequence[Span],
    blocks: Sequence[tuple[Block, _Leaf]],
    result: list[Block],
    items: Sequence[int],
) -> Block | None:
    """The "Source:" line of a list or table: its own last item ("- Source: Enos 2017"),
    or the paragraph just after it, with only blank lines between."""
    last = items[-1]
    if result[last].in_list and _SOURCE_LINE.match(text, result[last].start):
        return result[last]
    following = last + 1
    while following < len(result) and (result[following].in_list and blocks[following][1].outer):
        following += 1  # the items of a list nested in the last item
    if following >= len(result):
        return None
    block, leaf = result[following], blocks[following][1]
    if block.kind != "paragraph" or not _SOURCE_LINE.match(text, block.start):
        return None
    last_line = blocks[last][1].lines[-1][0]
    first_line = leaf.lines[0][0]
    if any(text[slice(*lines[line])].strip(" \t>") for line in range(last_line + 1, first_line)):
        return None
    return block


def _total_row(text: str, result: list[Block], items: Sequence[int]) -> Block | None:
    """A table's "Total" row: a row other than the header whose first cell is "Total",
    "Overall", "All sectors"..."""
    for index in items:
        block = result[index]
        if block.kind != "table-row" or block.header is None or not block.cells:
            continue
        start, end = block.cells[0]
        if _TOTAL_ROW.fullmatch(text, start, end) and index != items[0]:
            return block
    return None


def _lead_in(
    text: str, lines: Sequence[Span], previous: tuple[Block, _Leaf] | None, group: int
) -> Block | None:
    """The block before a list or table starting at line `group`, if it leads into it: a
    paragraph ending with a colon, with only blank lines between (the original text's: a
    code block or a thematic break between is masked, but it separates)."""
    if previous is None:
        return None
    block, leaf = previous
    last_line = leaf.lines[-1][0]
    if last_line >= group or block.kind != "paragraph":
        return None
    if not text[block.start : block.end].endswith(":"):
        return None
    if any(text[slice(*lines[line])].strip() for line in range(last_line + 1, group)):
        return None
    return block


def html_comments(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """(start, end) of every `<!-- … -->` comment in text[start:end].

    Found with str.find, not a lazy regex, so that many unclosed "<!--" stay linear.
    """
    stop = len(text) if end is None else end
    spans: list[Span] = []
    opening = text.find("<!--", start, stop)
    while opening >= 0:
        closing = text.find("-->", opening + 4, stop)
        if closing < 0:
            break
        spans.append((opening, closing + 3))
        opening = text.find("<!--", closing + 3, stop)
    return spans


def _plain_leaves(text: str, lines: Sequence[Span], first_line: int) -> list[_Leaf]:
    """Paragraph leaves for runs of non-blank lines from `first_line` on."""
    leaves: list[_Leaf] = []
    run: list[LineSpan] = []
    for index in range(first_line, len(lines)):
        start, end = lines[index]
        if text[start:end].strip():
            run.append((index, 0, end - start))
        elif run:
            leaves.append(_Leaf("paragraph", tuple(run)))
            run = []
    if run:
        leaves.append(_Leaf("paragraph", tuple(run)))
    return leaves


def plain_text(text: str) -> MaskedText:
    """Plain text: nothing masked; each run of non-blank lines is a paragraph block."""
    blocks: list[Block] = []
    run: Span | None = None
    for start, end in _line_spans(text):
        content_start, content_end = _trim(text, start, end)
        if content_start == content_end:
            if run is not None:
                blocks.append(Block(run[0], run[1], "paragraph"))
            run = None
        else:
            run = (content_start, content_end) if run is None else (run[0], content_end)
    if run is not None:
        blocks.append(Block(run[0], run[1], "paragraph"))
    return MaskedText(text, tuple(blocks), (), tuple(html_comments(text)))
