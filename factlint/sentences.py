"""Tokens and sentences as plain data, so that linking and attribution never touch spaCy."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple


class Token(NamedTuple):
    # A named tuple, not a frozen dataclass: a draft has a token per word of every sentence
    # that states a figure, and a frozen dataclass's __init__ costs three times as much.
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
    # How many of the tokens are context from before the sentence's block (a list item's
    # lead-in, a table row's header): linking weighs a subject found there as further away.
    lead: int = 0

    def in_context(self, context: Sequence[Token]) -> Sentence:
        """The sentence with the context tokens (all before it in the document) in front."""
        return Sentence(self.start, self.end, (*context, *self.tokens), len(context))

    @cached_property
    def _starts(self) -> list[int]:
        return [token.start for token in self.tokens]

    @cached_property
    def _ends(self) -> list[int]:
        return [token.end for token in self.tokens]

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices of the first and last token overlapping the characters start..end."""
        first = bisect_right(self._ends, start)
        last = bisect_left(self._starts, end) - 1
        first = min(first, len(self.tokens) - 1)
        return first, max(first, last)
