"""Matching a claim's subject phrases in a sentence, on lemma or lower-case form.

A phrase is a sequence of words; a word ending in '*' matches any word that starts with it.
Hyphens inside names ("Chol-hwan") are skipped, so "kang chol hwan" matches "Kang Chol-hwan".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from factlint.pack import Claim
from factlint.sentences import Sentence, Token

_SKIPPED_TOKENS = frozenset({"-", "‐", "‑"})


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Phrase:
        words = tuple(word for word in regex.split(r"[\s\-‐‑]+", text.lower()) if word)
        return cls(words)


@dataclass(frozen=True)
class SubjectMatch:
    """Where a claim's subject is named in a sentence, and where its `none` phrases are."""

    claim: Claim
    first: int  # token indices in the sentence, inclusive
    last: int
    exclusions: tuple[tuple[int, int], ...] = ()


class TokenIndex:
    """The tokens of a sentence, indexed by lower-case form and lemma, so that a phrase is
    looked up where its first word occurs instead of tried at every position. Built once
    per sentence and shared by every claim's phrases."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.kept = [
            index for index, token in enumerate(tokens) if token.text not in _SKIPPED_TOKENS
        ]
        self._forms = [(tokens[index].lower, tokens[index].lemma) for index in self.kept]
        self.by_word: dict[str, list[int]] = {}
        for position, (lower, lemma) in enumerate(self._forms):
            self.by_word.setdefault(lower, []).append(position)
            if lemma != lower:
                self.by_word.setdefault(lemma, []).append(position)
        self._by_prefix: dict[str, list[int]] = {}

    def starts(self, word: str) -> Sequence[int]:
        """The positions (in `kept`) of the tokens the word matches, in order."""
        if not word.endswith("*"):
            return self.by_word.get(word, ())
        found = self._by_prefix.get(word)
        if found is None:
            found = [p for p in range(len(self._forms)) if self.matches_at(word, p)]
            self._by_prefix[word] = found
        return found

    def matches_at(self, word: str, position: int) -> bool:
        lower, lemma = self._forms[position]
        if word.endswith("*"):
            prefix = word[:-1]
            return lower.startswith(prefix) or lemma.startswith(prefix)
        return word in (lower, lemma)


def find_phrase(
    phrase: Phrase, tokens: Sequence[Token], index: TokenIndex | None = None
) -> list[tuple[int, int]]:
    """Every (first, last) token index pair where the phrase occurs."""
    index = index if index is not None else TokenIndex(tokens)
    kept = index.kept
    first, *rest = phrase.words
    last_start = len(kept) - len(phrase.words)
    spans = []
    for position in index.starts(first):
        if position > last_start:
            break
        if all(index.matches_at(word, position + offset) for offset, word in enumerate(rest, 1)):
            spans.append((kept[position], kept[position + len(rest)]))
    return spans


@dataclass(frozen=True)
class _CompiledSubject:
    claim: Claim
    any: tuple[Phrase, ...]
    all: tuple[tuple[Phrase, ...], ...]
    none: tuple[Phrase, ...]  # judged by the linker, in the clause of each figure


class SubjectMatcher:
    """Finds, in a sentence, where each claim's subject is named."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self._subjects = [
            _CompiledSubject(
                claim=claim,
                any=tuple(Phrase.parse(text) for text in claim.subject.any),
                all=tuple(
                    tuple(Phrase.parse(text) for text in group) for group in claim.subject.all
                ),
                none=tuple(Phrase.parse(text) for text in claim.subject.none),
            )
            for claim in claims
        ]

    def matches(self, sentence: Sentence, index: TokenIndex | None = None) -> list[SubjectMatch]:
        """`index`: the sentence's TokenIndex, when the caller has built it already."""
        tokens = sentence.tokens
        index = index if index is not None else TokenIndex(tokens)
        found: list[SubjectMatch] = []
        for subject in self._subjects:
            spans = [span for phrase in subject.any for span in find_phrase(phrase, tokens, index)]
            if not spans:
                continue
            if not all(
                any(find_phrase(phrase, tokens, index) for phrase in group) for group in subject.all
            ):
                continue
            exclusions = tuple(
                span for phrase in subject.none for span in find_phrase(phrase, tokens, index)
            )
            found.extend(
                SubjectMatch(subject.claim, first, last, exclusions) for first, last in spans
            )
        return found
