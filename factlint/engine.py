"""From documents to a report: quantities, sentences, links, verdicts, checks.

The NLP runs only on blocks that state a quantity: most prose paragraphs hold none, and the
spaCy pipeline is the expensive step. Subject matching runs only for the claims whose words
a sentence holds at all (see `_ClaimFilter`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import Literal, Protocol

import regex

from factlint.attribution import (
    NONE,
    Attribution,
    classify_attribution,
    for_figure,
    source_column,
    strongest,
)
from factlint.checks import LinkedFigure, run_checks
from factlint.compare import compare, matching_alternative
from factlint.credits import Credit, SourceNames
from factlint.document import Document
from factlint.errors import FactlintError
from factlint.findings import Figure, Finding, Interval, Report, Span
from factlint.linking import fits, link, may_carry_subject, refers_back, rows_keyed_by_place
from factlint.markdown import Block
from factlint.nlp import ParsedBlock, parse_blocks
from factlint.pack import Claim, Pack
from factlint.quantities import Quantity, extract_quantities, with_column_unit
from factlint.sentences import Sentence, Token
from factlint.subjects import Phrase, SubjectMatch, SubjectMatcher, TokenIndex

LintResult = tuple[list[Figure], list[Finding]]
Scope = Literal["sentence", "paragraph"]


class DocumentPool(Protocol):
    """Lints documents elsewhere (factlint.parallel's worker processes), results in order."""

    def results(self, linter: Linter, documents: Iterable[Document]) -> Iterator[LintResult]: ...


# Set by `factlint.parallel.lint_jobs`: the engine itself never imports the pool, so the
# serial path stays as it is and run.py needs no option to pass the pool through.
POOL: ContextVar[DocumentPool | None] = ContextVar("factlint_document_pool", default=None)


class Linter:
    """Lints documents against a set of packs; build once, use for many files."""

    def __init__(
        self,
        packs: Sequence[Pack],
        attribution_scope: Scope = "sentence",
        *,
        keep_figures: bool = True,
    ) -> None:
        self.packs = tuple(packs)
        # "paragraph": an attribution anywhere in a figure's block counts for it.
        self.attribution_scope: Scope = attribution_scope
        # False: the report's `figures` stay empty. Only JSON and `--figures` print them,
        # and they are most of what a run over an archive holds and sends between processes.
        self.keep_figures = keep_figures
        self._pack_of: dict[str, Pack] = {}
        claims: list[Claim] = []
        for pack in self.packs:
            for claim in pack.claims:
                if claim.id in self._pack_of:
                    other = self._pack_of[claim.id].pack
                    raise FactlintError(
                        f"claim '{claim.id}' is defined by both pack '{other}' and pack"
                        f" '{pack.pack}'"
                    )
                self._pack_of[claim.id] = pack
                claims.append(claim)
        self._matcher = _ClaimFilter(claims)
        self._names = SourceNames(self.packs)
        self._source_names = tuple(
            sorted(
                {name for pack in self.packs for source in pack.sources for name in source.names()}
            )
        )

    def lint(self, documents: Iterable[Document]) -> Report:
        """Lint the documents, one at a time (they may be a stream), or in the worker
        processes of `factlint.parallel.lint_jobs` when one is active."""
        pool = POOL.get()
        results = pool.results(self, documents) if pool else map(self.lint_one, documents)
        report = Report()
        for figures, findings in results:
            report.files += 1
            report.figures.extend(figures)
            report.findings.extend(findings)
        return report.sorted()

    def lint_one(self, document: Document) -> LintResult:
        """The figure records and findings of one document."""
        figures = self.figures(document)
        records = [_figure_record(figure) for figure in figures] if self.keep_figures else []
        return records, run_checks(figures)

    def figures(self, document: Document) -> list[LinkedFigure]:
        """Every quantity of the document, linked and compared."""
        masked = document.masked.text
        found: list[tuple[Block, list[Quantity]]] = []
        for block in document.masked.blocks:
            quantities = extract_quantities(masked[block.start : block.end])
            if quantities:
                shifted = [
                    replace(q, start=q.start + block.start, end=q.end + block.start)
                    for q in quantities
                ]
                found.append((block, shifted))
        # The context blocks of the blocks with a figure are parsed too, each once and
        # first, so that the figure blocks (most of the text) still stream one at a time.
        contexts = sorted(
            {context for block, _ in found for context in block.context}, key=lambda b: b.start
        )
        parsed_contexts = {
            context.start: parsed
            for context, parsed in zip(
                contexts,
                parse_blocks((block.start, masked[block.start : block.end]) for block in contexts),
                strict=True,
            )
        }
        citations = _Citations(document)
        figures: list[LinkedFigure] = []
        blocks = ((block.start, masked[block.start : block.end]) for block, _ in found)
        for (block, quantities), parsed in zip(found, parse_blocks(blocks), strict=True):
            context = _Context.of(block, parsed_contexts, masked)
            if context.columns:
                quantities = [context.with_units(quantity) for quantity in quantities]
            figures.extend(self._link_block(document, quantities, parsed, context, citations))
        return figures

    def _link_block(
        self,
        document: Document,
        quantities: list[Quantity],
        parsed: ParsedBlock,
        context: _Context,
        citations: _Citations,
    ) -> list[LinkedFigure]:
        starts = parsed.starts
        by_sentence: dict[int, list[Quantity]] = {}
        for quantity in quantities:
            index = max(0, bisect_right(starts, quantity.start) - 1)
            by_sentence.setdefault(index, []).append(quantity)
        figures = []
        paragraph = (
            self._paragraph_attribution(document, parsed, citations)
            if self.attribution_scope == "paragraph"
            else None
        )
        lead_in = (
            self._attribution(document, context.lead_in, citations)
            if context.lead_in is not None
            else NONE
        )
        # The claim the sentence before spoke of, if only one, for "the figure" to refer to.
        previous: tuple[int, Claim | None] = (-2, None)
        for index, in_sentence in by_sentence.items():
            sentence = parsed.sentence(index)
            attribution = self._attribution(document, sentence, citations)
            if paragraph is not None:
                attribution = strongest(attribution, paragraph)
            attribution = strongest(strongest(attribution, context.source_cell), lead_in)
            claims = self._link(sentence, in_sentence, context, parsed, index)
            if previous[0] == index - 1 and previous[1] is not None:
                claims = _referred_back(sentence, in_sentence, claims, previous[1])
            linked = {claim.id: claim for claim in claims if claim is not None}
            previous = (index, next(iter(linked.values())) if len(linked) == 1 else None)
            credited = (
                self._credited(document.masked.text, sentence, context)
                if attribution.kind == "named" and any(claims)
                else ()
            )
            for quantity, claim in zip(in_sentence, claims, strict=True):
                text = document.text[quantity.start : quantity.end]
                figure = LinkedFigure(
                    path=document.path,
                    span=_span(document, quantity),
                    text=text,
                    quantity=quantity,
                    attribution=for_figure(attribution, text),
                )
                figures.append(_compared(figure, claim, self._pack_of, credited))
        return figures

    def _link(
        self,
        sentence: Sentence,
        quantities: list[Quantity],
        context: _Context,
        parsed: ParsedBlock,
        index: int,
    ) -> list[Claim | None]:
        """Linked in the sentence (sentence `index` of `parsed`); a figure it leaves unlinked,
        in the context as well, and, in a sentence that names no subject and refers back,
        with the sentence before it."""
        part = context.rows_are_parts
        subjects = self._matcher.matches(sentence)
        claims = link(sentence, quantities, subjects, part_of_whole=part)
        if context.tokens and not all(claims):
            found = self._link_widened(sentence, context.tokens, quantities, part)
            claims = [claim or other for claim, other in zip(claims, found, strict=True)]
        if index == 0 or subjects or all(claims):
            return claims
        # "The dolgyeokdae build roads. Members serve ten-year terms.": a sentence that
        # refers back by its first word is about the subject the sentence before named.
        carried = [
            claim is None and may_carry_subject(sentence, quantity)
            for quantity, claim in zip(quantities, claims, strict=True)
        ]
        if not any(carried):
            return claims
        kept = [quantity for quantity, carry in zip(quantities, carried, strict=True) if carry]
        # The sentence before is tokenised only here, for the few figures that need it.
        before = parsed.sentence(index - 1).tokens
        linked = iter(self._link_widened(sentence, before, kept, part))
        return [
            next(linked) if carry else claim for claim, carry in zip(claims, carried, strict=True)
        ]

    def _link_widened(
        self,
        sentence: Sentence,
        context: Sequence[Token],
        quantities: list[Quantity],
        part_of_whole: bool,
    ) -> list[Claim | None]:
        """Linked in the sentence with the context's tokens in front of it."""
        widened = sentence.in_context(context)
        subjects = self._matcher.matches(widened)
        return link(widened, quantities, subjects, part_of_whole=part_of_whole)

    def _credited(self, masked: str, sentence: Sentence, context: _Context) -> tuple[Credit, ...]:
        """The packs' sources the figure's sentence names, or else its lead-in or source cell
        (where its attribution may come from)."""
        found = self._names.credited(masked[sentence.start : sentence.end])
        if not found and context.lead_in is not None:
            found = self._names.credited(masked[context.lead_in.start : context.lead_in.end])
        if not found and context.source_cell.cue:
            found = self._names.credited(context.source_cell.cue)
        return found

    def _attribution(
        self, document: Document, sentence: Sentence, citations: _Citations
    ) -> Attribution:
        return classify_attribution(
            sentence,
            document.masked.text,
            has_citation=citations.cite(sentence),
            source_names=self._source_names,
        )

    def _paragraph_attribution(
        self, document: Document, parsed: ParsedBlock, citations: _Citations
    ) -> Attribution:
        found = NONE
        for index in range(len(parsed.starts)):
            sentence = parsed.sentence(index)
            found = strongest(found, self._attribution(document, sentence, citations))
        return found


class _Citations:
    """Which sentences a document's links and footnotes cite."""

    def __init__(self, document: Document) -> None:
        self._masked = document.masked.text
        self._starts = [citation.start for citation in document.masked.citations]

    def cite(self, sentence: Sentence) -> bool:
        """Whether a citation stands in the sentence, or just after its full stop on the
        same line ("…in 2017.[^3]"): one there cites the sentence before it, not the next."""
        begin = sentence.tokens[0].start if sentence.tokens else sentence.start
        for index in range(bisect_left(self._starts, sentence.start), len(self._starts)):
            start = self._starts[index]
            if start >= sentence.end:
                gap = _SPACES.match(self._masked, sentence.end)
                return gap is not None and gap.end() >= start
            if start >= begin or not self._follows_text(start):
                return True
        return False

    def _follows_text(self, start: int) -> bool:
        """Whether text stands before the citation at `start` on its line."""
        position = start
        while position > 0 and self._masked[position - 1] in " \t":
            position -= 1
        return position > 0 and self._masked[position - 1] not in "\r\n"


_SPACES = regex.compile(r"[ \t]*+")


@dataclass(frozen=True)
class _Context:
    """What a list item or table row takes from its context (see `markdown.Block`)."""

    tokens: tuple[Token, ...] = ()  # the context's words, in document order
    lead_in: Sentence | None = None  # the last sentence of the lead-in paragraph
    source_cell: Attribution = NONE  # the row's cell under a "Source" header
    rows_are_parts: bool = False  # the rows are keyed by country: "| China | 19,000 |"
    # (start, end, header) of each of a table row's cells: "| 16–18 |" under "Daily hours"
    columns: tuple[tuple[int, int, str], ...] = ()

    def with_units(self, quantity: Quantity) -> Quantity:
        """The quantity in the unit its table column's header names, if it has none."""
        for start, end, header in self.columns:
            if start <= quantity.start and quantity.end <= end:
                return with_column_unit(quantity, header)
        return quantity

    @classmethod
    def of(cls, block: Block, parsed: dict[int, ParsedBlock], masked: str) -> _Context:
        if not block.context:
            return _EMPTY_CONTEXT
        tokens: list[Token] = []
        for context in block.context:
            sentences = parsed[context.start]
            if context == block.lead_in:  # only the sentence that leads into the list
                indices: Iterable[int] = [len(sentences.starts) - 1]
            else:
                indices = range(len(sentences.starts))
            tokens.extend(token for i in indices for token in sentences.sentence(i).tokens)
        lead_in = None
        if block.lead_in is not None:
            lead_parsed = parsed[block.lead_in.start]
            lead_in = lead_parsed.sentence(len(lead_parsed.starts) - 1)
        header = block.header
        header_cells = [_cell_text(masked, cell) for cell in header.cells] if header else []
        row_cells = [_cell_text(masked, cell) for cell in block.cells]
        return cls(
            tuple(tokens),
            lead_in,
            source_column(header_cells, row_cells),
            bool(header_cells) and rows_keyed_by_place(header_cells[0]),
            tuple(
                (cell[0], cell[1], header)
                for cell, header in zip(block.cells, header_cells, strict=False)
            ),
        )


_EMPTY_CONTEXT = _Context()


def _cell_text(masked: str, cell: tuple[int, int]) -> str:
    return " ".join(masked[cell[0] : cell[1]].split())


class _ClaimFilter:
    """`SubjectMatcher.matches`, asked only about the claims a sentence could name.

    Phrase matching tries every phrase of every claim at every token, and was most of the
    lint time (about 9 s of 14 s per MB of drafts). A phrase can match only if each of its
    words is the lower-case form or lemma of some token of the sentence (a `word*` only if
    one of them starts with `word`), so a claim none of whose `any` phrases, or none of one
    of whose `all` groups, passes that test has no match and is skipped. The test is exact
    in that direction only; the matcher still decides. One matcher per claim, asked in the
    packs' order, returns the same matches in the same order as one matcher for all.
    """

    def __init__(self, claims: Sequence[Claim]) -> None:
        self._claims: list[tuple[frozenset[str] | None, _Needs, tuple[_Needs, ...], SubjectMatcher]]
        self._claims = []
        for claim in claims:
            any_of = _needs(claim.subject.any)
            groups = tuple(_needs(group) for group in claim.subject.all)
            self._claims.append((_some_word_of(any_of), any_of, groups, SubjectMatcher([claim])))

    def matches(self, sentence: Sentence) -> list[SubjectMatch]:
        index = TokenIndex(sentence.tokens)
        words = set(index.by_word)
        ordered: list[str] = []  # sorted(words), built only if a prefix must be looked up

        def could_match(needs: _Needs) -> bool:
            nonlocal ordered
            for exact, prefixes in needs:
                if not exact <= words:
                    continue
                if prefixes and not ordered:
                    ordered = sorted(words)
                if all(_has_prefix(ordered, prefix) for prefix in prefixes):
                    return True
            return False

        found: list[SubjectMatch] = []
        for some_word, any_of, groups, matcher in self._claims:
            if some_word is not None and some_word.isdisjoint(words):
                continue  # most sentences name few claims: one set operation rules out most
            if could_match(any_of) and all(could_match(group) for group in groups):
                found.extend(matcher.matches(sentence, index))
        return found


# For each phrase: the words a sentence must hold, and the prefixes some word must start with.
_Needs = tuple[tuple[frozenset[str], tuple[str, ...]], ...]


def _needs(phrases: Sequence[str]) -> _Needs:
    needs = []
    for text in phrases:
        words = Phrase.parse(text).words
        exact = frozenset(word for word in words if not word.endswith("*"))
        prefixes = tuple(word[:-1] for word in words if word.endswith("*"))
        needs.append((exact, prefixes))
    return tuple(needs)


def _some_word_of(needs: _Needs) -> frozenset[str] | None:
    """Words of which a sentence must hold one for any of the phrases to match, or None when
    a phrase is all prefixes (`labour*`) and no word is needed."""
    if any(not exact for exact, _ in needs):
        return None
    return frozenset(word for exact, _ in needs for word in exact)


def _has_prefix(ordered: list[str], prefix: str) -> bool:
    """Whether some word of the sorted list starts with `prefix`."""
    index = bisect_left(ordered, prefix)
    return index < len(ordered) and ordered[index].startswith(prefix)


def _referred_back(
    sentence: Sentence, quantities: list[Quantity], claims: list[Claim | None], earlier: Claim
) -> list[Claim | None]:
    """Unlinked figures that "the figure" names are about the claim of the sentence before."""
    return [
        claim
        if claim is not None
        or not fits(earlier, quantity)
        or not refers_back(sentence, quantity, earlier)
        else earlier
        for quantity, claim in zip(quantities, claims, strict=True)
    ]


def _compared(
    figure: LinkedFigure,
    claim: Claim | None,
    pack_of: dict[str, Pack],
    credited: tuple[Credit, ...],
) -> LinkedFigure:
    """The figure with its claim, verdict, matching alternative estimate and credits."""
    if claim is None:
        return figure
    verdict = compare(figure.quantity, claim.cited)
    alternative = matching_alternative(figure.quantity, claim) if verdict != "consistent" else None
    return replace(
        figure,
        claim=claim,
        pack=pack_of[claim.id],
        verdict=verdict,
        alternative=alternative,
        credited=credited,
    )


def _span(document: Document, quantity: Quantity) -> Span:
    line, column = document.lines.position(quantity.start)
    end_line, end_column = document.lines.position(quantity.end)
    return Span(line, column, end_line, end_column)


def _figure_record(figure: LinkedFigure) -> Figure:
    quantity = figure.quantity
    return Figure(
        path=figure.path,
        span=figure.span,
        text=figure.text,
        kind=quantity.kind,
        unit=quantity.unit,
        per=quantity.per,
        bound=quantity.bound,
        stated=Interval(quantity.low, quantity.high),
        claim=figure.claim.id if figure.claim else None,
        verdict=figure.verdict or "unlinked",
        attribution=figure.attribution.kind,
    )
