"""A pack's own examples, run through the real engine: the self-test of a pack.

Each claim lists sentences that must produce given findings for it (`flag`) and sentences
that must produce none for it (`pass`). Findings for other claims do not count: an example
is about its own claim.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from factlint.document import parse_document
from factlint.engine import Linter
from factlint.nlp import sentences_of
from factlint.pack import Claim, Pack
from factlint.subjects import SubjectMatcher

ExampleKind = Literal["flag", "pass"]
MIN_EXAMPLES = 2  # of each kind, for every claim


@dataclass(frozen=True)
class ExampleResult:
    pack: str
    claim: str
    kind: ExampleKind
    number: int  # 1-based, within the claim's examples of this kind
    text: str
    expected: tuple[str, ...]  # check ids, sorted
    actual: tuple[str, ...]  # check ids, sorted
    messages: tuple[str, ...]  # of the actual findings, for the failure report

    @property
    def passed(self) -> bool:
        return self.expected == self.actual


def run_examples(pack: Pack, claims: Sequence[Claim] | None = None) -> list[ExampleResult]:
    """The result of every example of the claims (default: all of the pack's)."""
    linter = Linter([pack])
    results = []
    for claim in pack.claims if claims is None else claims:
        for kind, number, text, expected in _examples(claim):
            document = parse_document(text, f"{pack.pack}/{claim.id}/{kind}-{number}")
            _, findings = linter.lint_one(document)
            own = sorted(
                (finding for finding in findings if finding.claim == claim.id),
                key=lambda finding: finding.check,
            )
            results.append(
                ExampleResult(
                    pack=pack.pack,
                    claim=claim.id,
                    kind=kind,
                    number=number,
                    text=text,
                    expected=tuple(sorted(expected)),
                    actual=tuple(finding.check for finding in own),
                    messages=tuple(finding.message for finding in own),
                )
            )
    return results


def _examples(claim: Claim) -> Iterator[tuple[ExampleKind, int, str, tuple[str, ...]]]:
    for number, flagged in enumerate(claim.examples.flag, start=1):
        yield "flag", number, flagged.text, flagged.check
    for number, passing in enumerate(claim.examples.pass_, start=1):
        yield "pass", number, passing, ()


def too_few_examples(claim: Claim) -> str | None:
    """Why the claim's examples are not enough, or None."""
    flag, passing = len(claim.examples.flag), len(claim.examples.pass_)
    if flag >= MIN_EXAMPLES and passing >= MIN_EXAMPLES:
        return None
    return (
        f"claim '{claim.id}' has {flag} flag and {passing} pass examples;"
        f" at least {MIN_EXAMPLES} of each are needed"
    )


def subject_matches_an_example(claim: Claim) -> bool:
    """Whether the claim's subject phrases match in at least one of its flag examples."""
    texts = [flagged.text for flagged in claim.examples.flag]
    if not texts:
        return True  # nothing to judge by; too_few_examples reports it
    matcher = SubjectMatcher([claim])
    documents = [parse_document(text, "<example>") for text in texts]
    blocks = (
        (block.start, document.masked.text[block.start : block.end])
        for document in documents
        for block in document.masked.blocks
    )
    return any(
        matcher.matches(sentence) for sentences in sentences_of(blocks) for sentence in sentences
    )
