"""From documents to a report: quantities, sentences, links, verdicts, checks.

The NLP runs only on blocks that state a quantity: most prose paragraphs hold none, and the
spaCy pipeline is the expensive step. Subject matching runs only for the claims whose words
a sentence holds at all (see `_ClaimFilter`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import cache, reduce
from typing import Literal, Protocol

import regex

from factlint.attribution import (
    NONE,
    Attribution,
    classify_attribution,
    closing_tag,
    dash_tag,
    for_figure,
    quote_spans,
    refers_to_an_estimate,
    source_column,
    source_column_index,
    speaker_label,
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
            {context for block, _ in found for context in _context_blocks(block)},
            key=lambda b: b.start,
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
        neighbours = _Neighbours(document)
        tags = _SpeakerTags(document, neighbours)
        figures: list[LinkedFigure] = []
        blocks = ((block.start, masked[block.start : block.end]) for block, _ in found)
        for (block, quantities), parsed in zip(found, parse_blocks(blocks), strict=True):
            context = _Context.of(block, parsed_contexts, masked)
            if not block.in_list and block.kind != "table-row":
                context = replace(context, block_before=neighbours.before(block))
            if context.columns:
                quantities = [context.with_units(quantity) for quantity in quantities]
            tag = tags.of(block)
            lead = tags.lead_in(block)
            if lead is not None:
                # "As the commission's report put it:" and a block quote: the lead-in's
                # last sentence attributes the quote
                lead_parsed = neighbours.parsed(lead)
                sentence = lead_parsed.sentence(len(lead_parsed.starts) - 1)
                said = self._attribution(document, sentence, citations)
                if strongest(tag[1], said) is said and said.kind != tag[1].kind:
                    tag = (-1, said)
            figures.extend(
                self._link_block(document, quantities, parsed, context, citations, neighbours, tag)
            )
        return figures

    def _link_block(
        self,
        document: Document,
        quantities: list[Quantity],
        parsed: ParsedBlock,
        context: _Context,
        citations: _Citations,
        neighbours: _Neighbours,
        tag: tuple[int, Attribution] = (-1, NONE),
    ) -> list[LinkedFigure]:
        """Link, compare and attribute the block's figures; `tag`: a speaker tag that
        attributes the quote of the block (the sentences before where the tag starts)."""
        starts = parsed.starts
        by_sentence: dict[int, list[Quantity]] = {}
        for quantity in quantities:
            index = max(0, bisect_right(starts, quantity.start) - 1)
            by_sentence.setdefault(index, []).append(quantity)
        figures = []

        # Each sentence's own attribution, worked out once: the paragraph scope, a quote's
        # other sentences and "that estimate" ask again for sentences already judged.
        @cache
        def attribution_at(index: int) -> Attribution:
            return self._attribution(document, parsed.sentence(index), citations)

        paragraph = (
            reduce(strongest, map(attribution_at, range(len(starts))), NONE)
            if self.attribution_scope == "paragraph"
            else None
        )
        # What the list or table around the figure attributes it to: its lead-in (or a
        # nested list's outer lead-in) before it, or a "Source:" line after it.
        lead_in = NONE
        for around in context.attributing:
            lead_in = strongest(lead_in, self._attribution(document, around, citations))
        # The claim the sentence before spoke of, if only one, for "the figure" to refer to.
        previous: tuple[int, Claim | None] = (-2, None)
        masked = document.masked.text
        quotes = _Quotes(masked, parsed, attribution_at)
        for index, in_sentence in by_sentence.items():
            sentence = parsed.sentence(index)
            attribution = attribution_at(index)
            if attribution.kind == "none":
                attribution = quotes.speaker(index)
            if attribution.kind == "none" and index > 0 and refers_to_an_estimate(sentence, masked):
                # "That estimate — 80,000 to 120,000 — still stands.": whoever the sentence
                # before credits gave it
                attribution = attribution_at(index - 1)
            if tag[1].kind != "none" and (tag[0] < 0 or sentence.start < tag[0]):
                attribution = strongest(attribution, tag[1])
            if paragraph is not None:
                attribution = strongest(attribution, paragraph)
            attribution = strongest(strongest(attribution, context.source_cell), lead_in)
            claims = self._link(sentence, in_sentence, context, parsed, index, neighbours)
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
                if context.summed and context.is_part(quantity):
                    claim = None  # one row's part of the table's "Total"
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
        neighbours: _Neighbours,
    ) -> list[Claim | None]:
        """Linked in the sentence (sentence `index` of `parsed`); a figure it leaves unlinked,
        in the context as well, and, in a sentence that names no subject and refers back,
        with the sentence before it."""
        part = context.rows_are_parts
        if context.source_span is not None:
            # "| 100,000 | officials in Seoul |": the source cell says who gives the figure;
            # its words ("in Seoul") are not what the figure is about
            start, end = context.source_span
            words = tuple(token for token in sentence.tokens if not start <= token.start < end)
            sentence = Sentence(sentence.start, sentence.end, words, sentence.lead)
        subjects = self._matcher.matches(sentence)
        claims = link(sentence, quantities, subjects, part_of_whole=part)
        if context.tokens and not all(claims):
            found = self._link_widened(sentence, context.tokens, quantities, part)
            claims = [claim or other for claim, other in zip(claims, found, strict=True)]
        previous_item = context.previous_item if index == 0 else None
        # The paragraph (or heading) just before the block: what a question there asks
        # about is what every sentence of the answer is about ("Q: How many are held in the
        # camps?" "A: 80,000 to 120,000."); a first sentence that refers back refers to it.
        block_before = context.block_before if previous_item is None else None
        asked = block_before is not None and _asks(neighbours.masked, block_before)
        if not asked and index > 0:
            block_before = None
        if (
            (index == 0 and previous_item is None and block_before is None)
            or subjects
            or all(claims)
        ):
            return claims
        # "The dolgyeokdae build roads. Members serve ten-year terms.": a sentence that
        # refers back by its first word is about the subject the sentence before named.
        carried = [
            claim is None and (asked or may_carry_subject(sentence, quantity))
            for quantity, claim in zip(quantities, claims, strict=True)
        ]
        if not any(carried):
            return claims
        kept = [quantity for quantity, carry in zip(quantities, carried, strict=True) if carry]
        # The sentence before is tokenised only here, for the few figures that need it. A
        # list item's first sentence refers back to the item before it ("2. Some 60,000
        # labourers are abroad." "3. Each of them works 20 hours a day."), parsed only now
        # (and once, however many sentences of the block look back to it).
        earlier = previous_item or block_before
        before: tuple[Token, ...] = ()
        if earlier is not None:
            item = neighbours.parsed(earlier)
            # a question's every sentence ("Some say 200,000 are held. Is that right?")
            wanted = range(max(0, len(item.starts) - _QUESTION_SENTENCES), len(item.starts))
            for at in wanted if asked else [len(item.starts) - 1]:
                before += item.sentence(at).tokens
        if index > 0:
            before += parsed.sentence(index - 1).tokens
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
        for around in context.attributing:
            if found:
                break
            found = self._names.credited(masked[around.start : around.end])
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


class _Quotes:
    """The quotations of a block: a quote of several sentences has one speaker, whose tag
    may stand in any of them ('"We were 60,000 there. We worked 20 hours a day," a former
    logger said.' attributes both sentences)."""

    def __init__(
        self, masked: str, parsed: ParsedBlock, attribution_at: Callable[[int], Attribution]
    ) -> None:
        self._masked = masked
        self._parsed = parsed
        self._attribution_at = attribution_at
        self._spans: list[tuple[int, int]] | None = None

    def speaker(self, index: int) -> Attribution:
        """The attribution of the other sentences of the quote that sentence `index` stands
        in, and of the sentence just after the quote when it starts with the tag ("…there.”
        a former logger said.")."""
        starts = self._parsed.starts
        if len(starts) < 2:
            return NONE
        masked = self._masked
        spans = self._quote_spans()
        begin = starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else spans[-1][1] if spans else begin
        for quote_start, quote_end in spans:
            if not (begin < quote_end and quote_start < end):
                continue
            first = max(0, bisect_right(starts, quote_start) - 1)
            last = max(0, bisect_left(starts, quote_end) - 1)
            if last + 1 < len(starts) and not masked[quote_end : starts[last + 1]].strip():
                last += 1  # the tag's sentence begins right after the closing mark
            others = (other for other in range(first, last + 1) if other != index)
            return reduce(strongest, map(self._attribution_at, others), NONE)
        return NONE

    def _quote_spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            starts = self._parsed.starts
            masked = self._masked
            begin = starts[0]
            end = self._parsed.sentence(len(starts) - 1).end
            self._spans = [(begin + a, begin + b) for a, b in quote_spans(masked[begin:end])]
        return self._spans


class _SpeakerTags:
    """Speaker tags set off by a dash after a quote: at the end of its block ('"…" — Kang
    Chol-hwan') or as the paragraph just after it ("> — Commission member, Geneva")."""

    def __init__(self, document: Document, neighbours: _Neighbours) -> None:
        self._masked = document.masked.text
        self._text = document.text
        self._neighbours = neighbours

    def of(self, block: Block) -> tuple[int, Attribution]:
        masked = self._masked
        if block.kind == "paragraph" and not block.in_list:
            label = speaker_label(masked[block.start : block.end])
            if label.kind != "none":
                return -1, label  # "**Ri Chol-su, former guard:** …": all the paragraph
        if _DASHES.search(masked, block.start, block.end):
            position, found = closing_tag(masked[block.start : block.end])
            if found.kind != "none":
                return block.start + position, found
        following = self._neighbours.after(block)
        if (
            following is None
            or following.kind != "paragraph"
            or following.in_list
            or block.in_list
            or masked[following.start] not in "—–-@("
            or self._text[block.end : following.start].strip(" \t\r\n>")
        ):
            return -1, NONE
        return -1, dash_tag(masked[following.start : following.end])

    def lead_in(self, block: Block) -> Block | None:
        """The paragraph that leads into a block quote ("As the report put it:"), when the
        block is the quote's first paragraph."""
        text = self._text
        line_start = text.rfind("\n", 0, block.start) + 1
        if block.kind != "paragraph" or not _QUOTE_LINE.match(text, line_start, block.start):
            return None
        previous = self._neighbours.before(block)
        if (
            previous is None
            or previous.kind != "paragraph"
            or previous.in_list
            or not self._masked[previous.start : previous.end].rstrip(" *_").endswith(":")
            or text[previous.end : block.start].strip(" \t\r\n>")
        ):
            return None
        previous_line = text.rfind("\n", 0, previous.start) + 1
        if _QUOTE_LINE.match(text, previous_line, previous.start):
            return None  # both in the quote: not a lead-in to it
        return previous


_DASHES = regex.compile(r"[—–]|--")
_QUOTE_LINE = regex.compile(r"[ \t]{0,3}>")


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
    # the sentences that may attribute the figure: the last sentence of the lead-in
    # paragraph (and of a nested list's outer lead-in), and the "Source:" line after
    attributing: tuple[Sentence, ...] = ()
    source_cell: Attribution = NONE  # the row's cell under a "Source" header
    # the rows are parts of a whole: keyed by country ("| China | 19,000 |"), or above a
    # "Total" row
    rows_are_parts: bool = False
    # (start, end, header) of each of a table row's cells: "| 16–18 |" under "Daily hours"
    columns: tuple[tuple[int, int, str], ...] = ()
    # (start, end) of the row's cells in the columns its table's "Total" row sums
    summed: tuple[tuple[int, int], ...] = ()
    # (start, end) of the row's "Source" cell: who gives the figure, not what it is about
    source_span: tuple[int, int] | None = None
    previous_item: Block | None = None  # the list item before, for a sentence referring back
    # a paragraph's block before it (a question, a heading), for a sentence referring back
    block_before: Block | None = None

    def is_part(self, quantity: Quantity) -> bool:
        """Whether the figure stands in a column that the table's "Total" row sums: it is
        then one row's part of that total, whatever it measures."""
        return any(start <= quantity.start and quantity.end <= end for start, end in self.summed)

    def with_units(self, quantity: Quantity) -> Quantity:
        """The quantity in the unit its table column's header names, if it has none."""
        for start, end, header in self.columns:
            if start <= quantity.start and quantity.end <= end:
                read = with_column_unit(quantity, header)
                if read is not quantity and read.per is None and quantity.per is not None:
                    read = replace(read, per=quantity.per)  # "Hours: 16 to 22 a day"
                return read
        return quantity

    @classmethod
    def of(cls, block: Block, parsed: dict[int, ParsedBlock], masked: str) -> _Context:
        if not block.context and block.source_line is None and not block.in_list:
            return _EMPTY_CONTEXT
        lead_ins = {block.lead_in, block.outer_lead_in}
        tokens: list[Token] = []
        for context in block.context:
            sentences = parsed[context.start]
            if context in lead_ins:  # only the sentence that leads into the list
                indices: Iterable[int] = [len(sentences.starts) - 1]
            else:
                indices = range(len(sentences.starts))
            tokens.extend(token for i in indices for token in sentences.sentence(i).tokens)
        attributing: list[Sentence] = []
        for lead in (block.lead_in, block.outer_lead_in):
            if lead is not None:
                lead_parsed = parsed[lead.start]
                attributing.append(lead_parsed.sentence(len(lead_parsed.starts) - 1))
        if block.source_line is not None and block.source_line != block:
            source_parsed = parsed[block.source_line.start]
            attributing.extend(source_parsed.sentence(i) for i in range(len(source_parsed.starts)))
        header = block.header
        header_cells = [_cell_text(masked, cell) for cell in header.cells] if header else []
        row_cells = [_cell_text(masked, cell) for cell in block.cells]
        total = block.total
        summed: tuple[tuple[int, int], ...] = ()
        if total is not None:
            summed = tuple(
                cell
                for cell, sum_cell in zip(block.cells, total.cells, strict=False)
                if any(char.isdigit() for char in masked[sum_cell[0] : sum_cell[1]])
            )
        keyed = bool(header_cells) and rows_keyed_by_place(header_cells[0])
        columns = tuple(
            (cell[0], cell[1], header)
            for cell, header in zip(block.cells, header_cells, strict=False)
        )
        if block.in_list:
            # "- Hours: 16 to 22 a day": a list item's key names its value's unit, as a
            # table's column header does
            key = _ITEM_KEY.match(masked, block.start, block.end)
            if key is not None:
                columns = ((key.end(), block.end, key.group(1)),)
        source_index = source_column_index(header_cells)
        return cls(
            tuple(tokens),
            tuple(attributing),
            source_column(header_cells, row_cells),
            (keyed or total is not None) and not block.is_total,
            columns,
            summed,
            block.cells[source_index]
            if source_index is not None and source_index < len(block.cells)
            else None,
            block.previous_item,
        )


_EMPTY_CONTEXT = _Context()


_QUESTION_SENTENCES = 3


class _Neighbours:
    """The blocks just before and after a block of the document, and the parses of blocks
    that are not figure blocks themselves (a lead-in, the item or question before): built
    when first asked, since few blocks need them, and each parsed once."""

    def __init__(self, document: Document) -> None:
        self.masked = document.masked.text
        self._blocks = document.masked.blocks
        self._starts: list[int] | None = None
        self._parsed: dict[tuple[int, int], ParsedBlock] = {}

    def before(self, block: Block) -> Block | None:
        position = self._position(block)
        return self._blocks[position - 1] if position > 0 else None

    def after(self, block: Block) -> Block | None:
        position = self._position(block) + 1
        return self._blocks[position] if position < len(self._blocks) else None

    def parsed(self, block: Block) -> ParsedBlock:
        key = (block.start, block.end)
        if key not in self._parsed:
            (self._parsed[key],) = parse_blocks(
                [(block.start, self.masked[block.start : block.end])]
            )
        return self._parsed[key]

    def _position(self, block: Block) -> int:
        if self._starts is None:
            self._starts = [each.start for each in self._blocks]
        return bisect_left(self._starts, block.start)


def _asks(masked: str, block: Block) -> bool:
    """Whether the block is a question: its text ends with a question mark (only its last
    few characters are read, behind closing emphasis or quotes)."""
    tail = masked[max(block.start, block.end - _QUESTION_TAIL) : block.end]
    return tail.rstrip(" *_\"'”’").endswith("?")


_QUESTION_TAIL = 8


# "Hours:", "Daily hours:" at the start of a list item: a key of a word or three
_ITEM_KEY = regex.compile(r"[*_\s]*(\p{L}[\p{L}\s-]{0,30}?)[*_\s]*:[*_]*\s")


def _context_blocks(block: Block) -> tuple[Block, ...]:
    """The blocks a figure's block takes its context from, and its "Source:" line."""
    if block.source_line is None or block.source_line == block:
        return block.context
    return (*block.context, block.source_line)


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
