"""One `factlint check` run: which files, which configuration and packs for each, and what
happens to the findings after the checks (configuration, suppression, baseline, diff).

The CLI parses options and prints; the engine lints documents; this module connects them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factlint.baseline import new_findings, read_baseline, write_baseline
from factlint.checks import CHECK_IDS
from factlint.config import Config, ConfigResolver, apply_settings, check_ids_known, fails
from factlint.document import Document, decode, is_markdown_path, parse_document, read_document
from factlint.engine import Linter, Scope
from factlint.errors import FactlintError
from factlint.findings import Finding, InputProblem, Report
from factlint.gitdiff import changed_lines, on_changed_line
from factlint.pack import Pack, resolve_pack
from factlint.suppression import UNUSED_SUPPRESSION, Directive, apply_suppressions, directives

DRAFT_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
SKIPPED_DIRECTORIES = frozenset({"node_modules", "__pycache__"})
STDIN = "-"


@dataclass(frozen=True)
class CheckOptions:
    paths: Sequence[str]
    packs: Sequence[str] | None = None  # replaces the configuration's packs
    config: Path | None = None
    stdin_name: str = "<stdin>"
    baseline: Path | None = None
    write_baseline: Path | None = None
    diff_ref: str | None = None
    keep_figures: bool = True  # False: report.figures stays empty (no output format needs it)


@dataclass
class RunResult:
    report: Report
    failing: bool = False  # a finding at or above its file's fail-level
    baseline_written: int | None = None


@dataclass
class _File:
    path: Path | None  # None for standard input
    shown: str
    config: Config


@dataclass
class _Group:
    """Files linted with the same packs and attribution scope."""

    specs: tuple[str, ...]
    scope: Scope
    files: list[_File] = field(default_factory=list)


def run_check(options: CheckOptions) -> RunResult:
    resolver = ConfigResolver(options.config)
    problems: list[InputProblem] = []
    groups: dict[tuple[str, ...], _Group] = {}
    for path, shown in draft_files(options.paths, options.stdin_name, problems):
        config = resolver.for_path(path)
        if path is not None and config.excludes(path):
            continue
        specs = tuple(options.packs) if options.packs else config.pack_specs()
        scope = config.settings.attribution.scope
        group = groups.setdefault((*specs, f"scope={scope}"), _Group(specs, scope))
        group.files.append(_File(path, shown, config))

    report = Report()
    configs: dict[str, Config] = {}
    found_directives: dict[str, list[Directive]] = {}
    for group in groups.values():
        packs = [resolve_pack(spec) for spec in group.specs]
        known = _known_ids(packs)
        for config in {id(file.config): file.config for file in group.files}.values():
            check_ids_known(config, known)
        for file in group.files:
            configs[file.shown] = file.config
        linter = Linter(packs, group.scope, keep_figures=options.keep_figures)
        part = linter.lint(_documents(group.files, problems, found_directives))
        report.files += part.files
        report.findings.extend(part.findings)
        report.figures.extend(part.figures)

    findings = _after_checks(report.findings, configs, found_directives)
    if options.write_baseline is not None:
        write_baseline(options.write_baseline, findings)
        report.findings = findings
        report.problems.extend(problems)
        return RunResult(report.sorted(), baseline_written=len(findings))
    if options.baseline is not None:
        findings = new_findings(
            sorted(findings, key=Finding.sort_key), read_baseline(options.baseline)
        )
    if options.diff_ref is not None:
        findings = _on_changed_lines(findings, options.diff_ref, configs, groups)
    report.findings = findings
    report.problems.extend(problems)
    failing = any(fails(finding, configs[finding.path].settings) for finding in findings)
    return RunResult(report.sorted(), failing)


def _known_ids(packs: Sequence[Pack]) -> frozenset[str]:
    """The ids a configuration may name: every check, and every claim of the packs."""
    claims = (claim.id for pack in packs for claim in pack.claims)
    return frozenset([*CHECK_IDS, UNUSED_SUPPRESSION, *claims])


def _documents(
    files: Sequence[_File], problems: list[InputProblem], found: dict[str, list[Directive]]
) -> Iterator[Document]:
    for file in files:
        limit = file.config.settings.max_file_size
        try:
            if file.path is None:
                document = read_stdin(file.shown, limit)
            else:
                _refuse_oversized(file.path, file.shown, limit)
                document = read_document(file.path, file.shown)
        except FactlintError as error:
            problems.append(InputProblem(file.shown, error.message, error.line))
            continue
        found[file.shown] = directives(document)
        yield document


def _after_checks(
    findings: Sequence[Finding],
    configs: dict[str, Config],
    found: dict[str, list[Directive]],
) -> list[Finding]:
    """Configuration first (select, ignore, severity), then suppression comments."""
    by_path: dict[str, list[Finding]] = {path: [] for path in configs}
    for finding in findings:
        by_path[finding.path].append(finding)
    kept: list[Finding] = []
    for path, in_file in by_path.items():
        settings = configs[path].settings
        remaining, unused = apply_suppressions(
            found.get(path, []), apply_settings(in_file, settings), path
        )
        kept.extend(remaining)
        kept.extend(apply_settings(unused, settings))
    return kept


def _on_changed_lines(
    findings: Sequence[Finding],
    ref: str,
    configs: dict[str, Config],
    groups: dict[tuple[str, ...], _Group],
) -> list[Finding]:
    changed = changed_lines(ref, Path.cwd())
    paths = {file.shown: file.path for group in groups.values() for file in group.files}
    kept = []
    for finding in findings:
        path = paths.get(finding.path)
        if path is None or on_changed_line(path, finding.span.line, changed):
            kept.append(finding)  # standard input has no history: all of it is new
    return kept


def _refuse_oversized(path: Path, shown: str, limit: int) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        return  # reading it will say what is wrong
    if size > limit:
        raise FactlintError(_too_large(size, limit), path=shown)


def _too_large(size: int, limit: int) -> str:
    return (
        f"file is {size / 1_048_576:.1f} MB, over max-file-size {limit / 1_048_576:.1f} MB;"
        " not linted"
    )


def read_stdin(shown: str, limit: int) -> Document:
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        # Not read to the end: its size does not matter, and it may be endless.
        message = f"input is over max-file-size {limit / 1_048_576:.1f} MB; not linted"
        raise FactlintError(message, path=shown)
    return parse_document(decode(data, shown), shown, markdown=is_markdown_path(shown))


def draft_files(
    paths: Sequence[str], stdin_name: str, problems: list[InputProblem]
) -> Iterator[tuple[Path | None, str]]:
    """(path, shown name) for every draft named or found below a named folder, in order.

    A file named twice is linted once.
    """
    seen: set[Path] = set()
    for given in paths:
        if given == STDIN:
            yield None, stdin_name
            continue
        path = Path(given)
        if path.is_dir():
            candidates = list(_walk(path, given))
        elif path.exists():
            candidates = [(path, given)]
        else:
            problems.append(InputProblem(given, "no such file or directory"))
            continue
        for candidate, shown in candidates:
            resolved = candidate.resolve()
            if resolved not in seen:
                seen.add(resolved)
                yield candidate, shown


def _walk(root: Path, shown_root: str) -> Iterator[tuple[Path, str]]:
    found: list[tuple[str, Path]] = []
    # os.walk does not follow symlinked folders by default, so a link loop cannot trap it.
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(".") and name not in SKIPPED_DIRECTORIES
        )
        for name in files:
            if Path(name).suffix.lower() in DRAFT_SUFFIXES and not name.startswith("."):
                path = Path(folder) / name
                relative = path.relative_to(root).as_posix()
                shown = (
                    relative
                    if shown_root in (".", "./")
                    else f"{shown_root.rstrip('/')}/{relative}"
                )
                found.append((shown, path))
    for shown, path in sorted(found):
        yield path, shown
