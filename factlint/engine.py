"""From documents to a report: quantities, sentences, links, verdicts, checks.

The NLP runs only on blocks that state a quantity: most prose paragraphs hold none, and the
spaCy pipeline is the expensive step.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace

from factlint.attribution import classify_attribution, for_figure
from factlint.checks import LinkedFigure, run_checks
from factlint.compare import compare
from factlint.document import Document
from factlint.errors import FactlintError
from factlint.findings import Figure, Interval, Report, Span
from factlint.linking import link
from factlint.markdown import Block
from factlint.nlp import sentences_of
from factlint.pack import Claim, Pack
from factlint.quantities import Quantity, extract_quantities
from factlint.sentences import Sentence
from factlint.subjects import SubjectMatcher


class Linter:
    """Lints documents against a set of packs; build once, use for many files."""

    def __init__(self, packs: Sequence[Pack]) -> None:
        self.packs = tuple(packs)
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
        self._matcher = SubjectMatcher(claims)
        self._source_names = tuple(
            sorted(
                {
                    name
                    for pack in self.packs
                    for source in pack.sources
                    for name in (*source.aliases, source.publisher or "", source.author or "")
                    if name
                }
            )
        )

    def lint(self, documents: Iterable[Document]) -> Report:
        report = Report()
        for document in documents:
            report.files += 1
            figures = self.figures(document)
            report.figures.extend(_figure_record(figure) for figure in figures)
            report.findings.extend(run_checks(figures))
        return report.sorted()

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
        figures: list[LinkedFigure] = []
        blocks = ((block.start, masked[block.start : block.end]) for block, _ in found)
        for (_, quantities), sentences in zip(found, sentences_of(blocks), strict=True):
            figures.extend(self._link_block(document, quantities, sentences))
        return figures

    def _link_block(
        self, document: Document, quantities: list[Quantity], sentences: list[Sentence]
    ) -> list[LinkedFigure]:
        starts = [sentence.start for sentence in sentences]
        by_sentence: dict[int, list[Quantity]] = {}
        for quantity in quantities:
            index = max(0, bisect_right(starts, quantity.start) - 1)
            by_sentence.setdefault(index, []).append(quantity)
        figures = []
        for index, in_sentence in by_sentence.items():
            sentence = sentences[index]
            has_citation = any(
                sentence.start <= citation.start < sentence.end
                for citation in document.masked.citations
            )
            attribution = classify_attribution(
                sentence,
                document.masked.text,
                has_citation=has_citation,
                source_names=self._source_names,
            )
            claims = link(sentence, in_sentence, self._matcher.matches(sentence))
            for quantity, claim in zip(in_sentence, claims, strict=True):
                text = document.text[quantity.start : quantity.end]
                figures.append(
                    LinkedFigure(
                        path=document.path,
                        span=_span(document, quantity),
                        text=text,
                        quantity=quantity,
                        attribution=for_figure(attribution, text),
                        claim=claim,
                        pack=self._pack_of[claim.id] if claim else None,
                        verdict=compare(quantity, claim.cited) if claim else None,
                    )
                )
        return figures


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
