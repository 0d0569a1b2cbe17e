"""The command line: `factlint check PATH...`.

Exit status: 0 no error-level finding, 1 at least one, 2 a usage or input error (2 wins).
Heavy modules (spaCy above all) are imported only when a check actually runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from factlint import __version__
from factlint.errors import FactlintError

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.findings import InputProblem

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

DRAFT_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
_SKIPPED_DIRECTORIES = frozenset({"node_modules", "__pycache__"})
STDIN = "-"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"factlint: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="factlint",
        description="Check the figures in Markdown and text drafts against sourced rule packs.",
    )
    parser.add_argument("--version", action="version", version=f"factlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    check = commands.add_parser(
        "check",
        help="lint drafts",
        description="Lint Markdown and text drafts: every *.md, *.markdown and *.txt below a"
        " folder, files named directly, or '-' for standard input.",
    )
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    check.add_argument(
        "--pack",
        action="append",
        dest="packs",
        metavar="PACK",
        help="a pack file (.yaml) or the name of a built-in pack; repeatable"
        " (default: north-korea-forced-labour)",
    )
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    check.add_argument(
        "--figures",
        action="store_true",
        help="print every quantity found, with its claim, verdict and attribution, as a table",
    )
    check.add_argument("--quiet", action="store_true", help="text output: no summary line")
    check.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name to report for standard input; its suffix picks Markdown or text",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if arguments.command != "check":
        parser.print_help()
        return EXIT_ERROR if arguments.command is None and argv else EXIT_OK
    try:
        return _check(arguments)
    except FactlintError as error:
        print(f"factlint: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _check(arguments: argparse.Namespace) -> int:
    from factlint.document import read_document
    from factlint.engine import Linter
    from factlint.findings import InputProblem
    from factlint.output import format_figures_table, format_json, format_problem, format_text
    from factlint.pack import BUILTIN_PACK, resolve_pack

    packs = [resolve_pack(spec) for spec in (arguments.packs or [BUILTIN_PACK])]
    linter = Linter(packs)
    problems: list[InputProblem] = []

    def documents() -> Iterator[Document]:
        stdin_name = arguments.stdin_filename or "<stdin>"
        for path, shown in _draft_files(arguments.paths, stdin_name, problems):
            try:
                if path is None:
                    yield _read_stdin(shown)
                else:
                    yield read_document(path, shown)
            except FactlintError as error:
                problems.append(InputProblem(shown, error.message, error.line))

    report = linter.lint(documents())
    report.problems.extend(problems)
    report = report.sorted()
    if arguments.format == "json":
        sys.stdout.write(format_json(report))
    elif arguments.figures:
        sys.stdout.write(format_figures_table(report))
    else:
        sys.stdout.write(format_text(report, summary=not arguments.quiet))
    for problem in report.problems:
        print(f"factlint: {format_problem(problem)}", file=sys.stderr)
    if report.problems:
        return EXIT_ERROR
    return EXIT_FINDINGS if report.count("error") else EXIT_OK


def _read_stdin(shown: str) -> Document:
    from factlint.document import decode, is_markdown_path, parse_document

    data = sys.stdin.buffer.read()
    return parse_document(decode(data, shown), shown, markdown=is_markdown_path(shown))


def _draft_files(
    paths: Sequence[str], stdin_name: str, problems: list[InputProblem]
) -> Iterator[tuple[Path | None, str]]:
    """(path, shown name) for every draft named or found below a named folder, in order."""
    from factlint.findings import InputProblem

    for given in paths:
        if given == STDIN:
            yield None, stdin_name
            continue
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, given)
        elif path.exists():
            yield path, given
        else:
            problems.append(InputProblem(given, "no such file or directory"))


def _walk(root: Path, shown_root: str) -> Iterator[tuple[Path, str]]:
    found: list[tuple[str, Path]] = []
    # os.walk does not follow symlinked folders by default, so a link loop cannot trap it.
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(".") and name not in _SKIPPED_DIRECTORIES
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


if __name__ == "__main__":
    raise SystemExit(main())
