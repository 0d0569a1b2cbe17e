"""Inline suppression comments, and reporting the ones that suppress nothing.

    <!-- factlint-disable-file [ID ...] -->       the whole file
    <!-- factlint-disable [ID ...] -->            from here to the next matching enable
    <!-- factlint-enable [ID ...] -->             ends the disables that name ID (all if none)
    <!-- factlint-disable-next-line [ID ...] -->  the line after the comment

An ID is a check id or a claim id; none means every finding. IDs are separated by spaces or
commas. Only real HTML comments count: one inside a code block or code span is text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

import regex

from factlint.document import Document
from factlint.findings import Finding, Span

UNUSED_SUPPRESSION = "unused-suppression"
DirectiveKind = Literal["disable-file", "disable", "enable", "disable-next-line", "invalid"]

# Every directive, valid or mistyped, starts with this after "<!--".
_DIRECTIVE_MARK = "factlint-"
_DIRECTIVE = regex.compile(
    rf"<!--\s*{_DIRECTIVE_MARK}(?P<kind>disable-next-line|disable-file|disable|enable)"
    r"(?P<ids>(?:[\s,]+[a-z0-9][a-z0-9-]*)*)"
    r"(?:\s+--(?:\s.*)?)?\s*-->",  # "-- why": a reason for readers, ignored
    regex.DOTALL,
)
_ANY_DIRECTIVE = regex.compile(rf"<!--\s*{_DIRECTIVE_MARK}(?:disable|enable)")


@dataclass(frozen=True)
class Directive:
    kind: DirectiveKind
    ids: frozenset[str]  # empty: every finding
    start: int
    end: int
    span: Span
    text: str

    def covers(self, finding: Finding) -> bool:
        return not self.ids or finding.check in self.ids or finding.claim in self.ids


Position = tuple[int, int]  # (line, column), 1-based
_FILE_START: Position = (0, 0)
_FILE_END: Position = (2**62, 0)


@dataclass(frozen=True)
class _Region:
    directive: Directive
    ids: frozenset[str]  # empty: every finding
    start: Position
    end: Position  # findings that start inside are suppressed

    def covers(self, finding: Finding) -> bool:
        return not self.ids or finding.check in self.ids or finding.claim in self.ids


def directives(document: Document) -> list[Directive]:
    """The suppression directives of a document, in order."""
    if _DIRECTIVE_MARK not in document.text:
        # Knowing there is no directive needs no Markdown pass, which under --jobs is then
        # left to the workers.
        return []
    found = []
    for start, end in document.masked.comments:
        match = _DIRECTIVE.fullmatch(document.text, start, end)
        if match is None and not _ANY_DIRECTIVE.match(document.text, start, end):
            continue
        line, column = document.lines.position(start)
        end_line, end_column = document.lines.position(end)
        span = Span(line, column, end_line, end_column)
        text = document.text[start:end]
        if match is None:
            # A mistyped directive would otherwise silence nothing, silently.
            found.append(Directive("invalid", frozenset(), start, end, span, text))
            continue
        ids = frozenset(part for part in regex.split(r"[\s,]+", match.group("ids")) if part)
        kind: DirectiveKind = match.group("kind")
        found.append(Directive(kind, ids, start, end, span, text))
    return found


def _start(directive: Directive) -> Position:
    return directive.span.line, directive.span.column


def _end(directive: Directive) -> Position:
    return directive.span.end_line, directive.span.end_column


def _regions(found: Sequence[Directive]) -> list[_Region]:
    """The disabled stretches of a file. `factlint-enable ID` re-enables ID only: a disable
    naming more ids goes on for the others; a disable naming none ends at a bare enable."""
    closed: list[_Region] = []
    opened: list[_Region] = []
    for directive in found:
        if directive.kind == "disable-file":
            closed.append(_Region(directive, directive.ids, _FILE_START, _FILE_END))
        elif directive.kind == "disable":
            opened.append(_Region(directive, directive.ids, _end(directive), _FILE_END))
        elif directive.kind == "enable":
            still_open = []
            for region in opened:
                ending = not directive.ids or (region.ids and region.ids & directive.ids)
                if not ending:
                    still_open.append(region)
                    continue
                closed.append(replace(region, end=_start(directive)))
                remaining = region.ids - directive.ids if directive.ids else frozenset()
                if remaining:
                    still_open.append(replace(region, ids=remaining, start=_end(directive)))
            opened = still_open
    return closed + opened


def apply_suppressions(
    found: Sequence[Directive], findings: Sequence[Finding], path: str
) -> tuple[list[Finding], list[Finding]]:
    """(findings kept, unused-suppression findings) for one file's directives."""
    if not found:
        return list(findings), []
    regions = _regions(found)
    used: set[int] = set()
    kept = []
    for finding in findings:
        suppressor = _suppressor(finding, regions, found)
        if suppressor is None:
            kept.append(finding)
        else:
            used.add(id(suppressor))
    unused = [
        Finding(
            path=path,
            span=directive.span,
            severity="info",
            check=UNUSED_SUPPRESSION,
            pack=None,
            claim=None,
            text=directive.text,
            stated=None,
            cited=None,
            message=_unused_message(directive),
        )
        for directive in found
        if directive.kind != "enable" and id(directive) not in used
    ]
    return kept, unused


def _suppressor(
    finding: Finding, regions: Sequence[_Region], found: Sequence[Directive]
) -> Directive | None:
    position = (finding.span.line, finding.span.column)
    for region in regions:
        if region.start <= position < region.end and region.covers(finding):
            return region.directive
    for directive in found:
        if (
            directive.kind == "disable-next-line"
            and finding.span.line == directive.span.end_line + 1
            and directive.covers(finding)
        ):
            return directive
    return None


def _unused_message(directive: Directive) -> str:
    text = " ".join(directive.text.split())
    if directive.kind == "invalid":
        return f"'{text}' is not a valid factlint directive; see docs/suppression.md"
    return f"'{text}' suppresses nothing; remove it"
