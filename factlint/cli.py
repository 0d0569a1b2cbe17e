"""The command line: `factlint check PATH...`.

Exit status: 0 no error-level finding, 1 at least one, 2 a usage or input error (2 wins).
Heavy modules (spaCy above all) are imported only when a check actually runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from factlint import __version__
from factlint.errors import FactlintError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"factlint: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


FORMATS = ("text", "json", "sarif", "github", "rdjsonl")


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
        help="a pack file (.yaml) or the name of a built-in pack; repeatable; replaces the"
        " configuration's packs (default: north-korea-forced-labour)",
    )
    check.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default: text)"
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
    check.add_argument(
        "--config", metavar="PATH", help="use this configuration file for every file"
    )
    check.add_argument(
        "--baseline", metavar="FILE", help="report only findings that FILE does not accept"
    )
    check.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="write the current findings to FILE as accepted, and exit 0",
    )
    check.add_argument(
        "--diff", metavar="REF", help="report only findings on lines changed since git REF"
    )
    check.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="lint in N worker processes, same output (default: 1; 0: one per CPU)",
    )
    config = commands.add_parser(
        "config",
        help="print the effective configuration for a path",
        description="Print the configuration that applies to PATH (default: the current"
        " folder), and the file it comes from.",
    )
    config.add_argument("path", nargs="?", default=".", metavar="PATH")
    config.add_argument("--config", metavar="PATH", help="a configuration file to show instead")
    _add_rules_parser(commands)
    return parser


def _add_rules_parser(commands: Any) -> None:
    rules = commands.add_parser(
        "rules",
        help="list, show, validate and test rule packs",
        description="Read and check rule packs. Without PACK arguments, the packs of the"
        " configuration of the current folder (default: north-korea-forced-labour).",
    )
    actions = rules.add_subparsers(dest="rules_command", metavar="ACTION", parser_class=_Parser)
    actions.required = True

    def with_packs(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--pack",
            action="append",
            dest="packs",
            metavar="PACK",
            help="a pack file or built-in pack name (repeatable; default: the configured ones)",
        )
        parser.add_argument("--config", metavar="PATH", help="the configuration file to use")

    with_packs(actions.add_parser("list", help="packs and their claims, one line each"))
    show = actions.add_parser(
        "show", help="a claim: description, cited figure, sources, subject, examples"
    )
    show.add_argument("claim", metavar="CLAIM")
    show.add_argument("--format", choices=("text", "markdown"), default="text")
    with_packs(show)
    for name, summary in (
        ("validate", "schema and semantic errors as file:line:col: message (exit 2 if any)"),
        ("test", "run the packs' examples; failures as a diff of expected and actual"),
    ):
        action = actions.add_parser(name, help=summary, description=summary)
        action.add_argument("packs", nargs="*", metavar="PACK")
        action.add_argument("--config", metavar="PATH", help="the configuration file to use")
    doc = actions.add_parser("doc", help="a pack's documentation page, as Markdown")
    doc.add_argument("pack", metavar="PACK")
    doc.add_argument("--output", metavar="FILE", help="write to FILE instead of stdout")
    actions.add_parser("schema", help="the JSON Schema of pack files")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    try:
        if arguments.command == "check":
            return _check(arguments)
        if arguments.command == "config":
            return _config(arguments)
        if arguments.command == "rules":
            from factlint.rules_command import run

            return run(arguments)
    except FactlintError as error:
        print(f"factlint: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    parser.print_help()
    return EXIT_ERROR if argv else EXIT_OK


def _config(arguments: argparse.Namespace) -> int:
    from factlint.config import ConfigResolver

    resolver = ConfigResolver(Path(arguments.config) if arguments.config else None)
    path = Path(arguments.path)
    target = path / "_" if path.is_dir() else path  # a folder's own configuration applies
    sys.stdout.write(resolver.for_path(target).shown())
    return EXIT_OK


def _check(arguments: argparse.Namespace) -> int:
    from factlint.checks import CHECKS
    from factlint.output import RuleHelp, format_problem, needs_figures, render
    from factlint.run import CheckOptions, run_check
    from factlint.suppression import UNUSED_SUPPRESSION

    def optional_path(value: str | None) -> Path | None:
        return Path(value) if value else None

    options = CheckOptions(
        paths=arguments.paths,
        packs=arguments.packs,
        config=optional_path(arguments.config),
        stdin_name=arguments.stdin_filename or "<stdin>",
        baseline=optional_path(arguments.baseline),
        write_baseline=optional_path(arguments.write_baseline),
        diff_ref=arguments.diff,
        keep_figures=needs_figures(arguments.format, figures_table=arguments.figures),
    )
    if arguments.jobs == 1:
        result = run_check(options)
    else:
        from factlint.parallel import lint_jobs

        with lint_jobs(arguments.jobs):
            result = run_check(options)
    report = result.report
    for problem in report.problems:
        print(f"factlint: {format_problem(problem)}", file=sys.stderr)
    if result.baseline_written is not None:
        print(
            f"factlint: wrote {result.baseline_written} accepted findings to"
            f" {arguments.write_baseline}",
            file=sys.stderr,
        )
        return EXIT_ERROR if report.problems else EXIT_OK
    rules = [RuleHelp(check.id, check.summary, check.severity) for check in CHECKS]
    rules.append(RuleHelp(UNUSED_SUPPRESSION, "A suppression comment suppresses nothing.", "info"))
    sys.stdout.write(
        render(
            report,
            arguments.format,
            figures_table=arguments.figures,
            summary=not arguments.quiet,
            rules=rules,
            version=__version__,
        )
    )
    if report.problems:
        return EXIT_ERROR
    return EXIT_FINDINGS if result.failing else EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
