"""Tokens and sentences as plain data, so that linking and attribution never touch spaCy."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class Token:
    text: str
    lower: str
    lemma: str  # lower-cased lemma
    start: int  # offset in the document
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[Token, ...]

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices of the first and last token overlapping the characters start..end."""
        starts = [token.start for token in self.tokens]
        ends = [token.end for token in self.tokens]
        first = bisect_right(ends, start)
        last = bisect_left(starts, end) - 1
        first = min(first, len(self.tokens) - 1)
        return first, max(first, last)
