"""Reading a draft: bytes to text (BOM, UTF-16, CRLF), masking, and offsets to line/column."""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from factlint.errors import FactlintError
from factlint.markdown import MaskedText, mask_markdown, plain_text

PLAIN_TEXT_SUFFIXES = frozenset({".txt", ".text"})
_LINE_END = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Offsets to 1-based (line, column), counting any of CRLF, CR, LF as one line end."""

    def __init__(self, text: str) -> None:
        self._starts = [0, *(match.end() for match in _LINE_END.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    @property
    def line_count(self) -> int:
        return len(self._starts)


@dataclass(frozen=True)
class Document:
    """A draft's text; its Markdown structure and line index are worked out when first used.

    Under `--jobs`, the parent process hands documents to workers, and the Markdown pass is a
    quarter of the cost of linting one: it is done, and pickled, only where it is needed.
    """

    path: str  # as shown to the user
    text: str  # the file's text, BOM removed, line ends as in the file
    markdown: bool = True

    @cached_property
    def masked(self) -> MaskedText:
        return mask_markdown(self.text) if self.markdown else plain_text(self.text)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def __getstate__(self) -> dict[str, object]:
        # What a worker needs is the text; it rebuilds the rest faster than it unpickles it.
        return {"path": self.path, "text": self.text, "markdown": self.markdown}


def decode(data: bytes, path: str) -> str:
    """The text of a draft file, or a FactlintError that says why it cannot be read."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise FactlintError(f"not valid UTF-16 (byte {error.start})", path=path) from None
    if b"\x00" in data:
        raise FactlintError(
            f"binary file (NUL byte at offset {data.index(0)}); not linted", path=path
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FactlintError(
            f"not valid UTF-8 (byte offset {error.start}: {data[error.start : error.start + 1]!r})",
            path=path,
            line=line,
        ) from None


def parse_document(text: str, path: str, *, markdown: bool = True) -> Document:
    return Document(path=path, text=text, markdown=markdown)


def is_markdown_path(path: str) -> bool:
    return Path(path).suffix.lower() not in PLAIN_TEXT_SUFFIXES


def read_document(path: Path, shown: str) -> Document:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FactlintError(f"cannot read file: {error.strerror or error}", path=shown) from None
    return parse_document(decode(data, shown), shown, markdown=is_markdown_path(shown))
