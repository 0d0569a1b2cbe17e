"""`factlint rules list|show|validate|test|doc|schema`: packs as things to read and check.

`list`, `show`, `doc` and `schema` never import spaCy; `validate` and `test` run the engine
on the packs' examples.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from factlint.errors import FactlintError, PackError
from factlint.pack import Claim, Pack, load_pack_with_root, pack_file, resolve_pack
from factlint.yamlfile import mark_of, node_at

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class PackFile:
    """A pack as loaded, with the file and node tree its own claims are written in."""

    pack: Pack
    path: Path
    root: yaml.Node

    @cached_property
    def _own_claim_indices(self) -> dict[str, int]:
        """Each claim the file itself defines (not the extended pack's), by its position."""
        claims = node_at(self.root, ("claims",))
        if not isinstance(claims, yaml.SequenceNode):
            return {}
        return {
            value.value: index
            for index, item in enumerate(claims.value)
            if isinstance(item, yaml.MappingNode)
            for key, value in item.value
            if key.value == "id"
        }

    def claim_index(self, claim_id: str) -> int | None:
        """The position of the claim among the file's own claims (not the extended pack's)."""
        return self._own_claim_indices.get(claim_id)

    def place(self, claim_id: str, *loc: str | int) -> str:
        """`file:line:col` of a part of a claim defined in this file, else the file."""
        index = self.claim_index(claim_id)
        if index is None:
            return str(self.path)
        line, column = mark_of(node_at(self.root, ("claims", index, *loc)))
        return f"{self.path}:{line}:{column}"


def load_pack_file(spec: str) -> PackFile:
    path = pack_file(spec)
    pack, root = load_pack_with_root(path)  # reports schema and semantic problems, located
    return PackFile(pack, path, root)


def configured_specs(specs: Sequence[str] | None, config: str | None) -> list[str]:
    """The packs named on the command line, or else those the configuration of the current
    folder gives."""
    if specs:
        return list(specs)
    from factlint.config import ConfigResolver

    resolver = ConfigResolver(Path(config) if config else None)
    return list(resolver.for_path(Path.cwd() / "_").pack_specs())


# --- list, show, doc, schema ---------------------------------------------------------------


def list_claims(packs: Sequence[Pack]) -> str:
    from factlint.packdoc import claim_line

    lines = []
    for pack in packs:
        lines.append(f"{pack.pack}: {pack.title} ({len(pack.claims)} claims)")
        lines.extend(f"  {claim_line(pack, claim)}" for claim in pack.claims)
    return "\n".join(lines) + "\n"


def show_claim(packs: Sequence[Pack], claim_id: str, markdown: bool) -> str:
    from factlint.packdoc import claim_markdown, claim_text

    for pack in packs:
        claim = pack.claim(claim_id)
        if claim is not None:
            return claim_markdown(pack, claim) if markdown else claim_text(pack, claim)
    known = ", ".join(claim.id for pack in packs for claim in pack.claims)
    raise FactlintError(f"no claim '{claim_id}' in the packs (claims: {known})")


# --- validate ------------------------------------------------------------------------------


def validate(specs: Sequence[str]) -> tuple[list[str], int]:
    """Problems as `file:line:col: message` lines, and how many packs were checked."""
    from factlint.examples import subject_matches_an_example, too_few_examples

    problems: list[str] = []
    owners: dict[str, str] = {}
    for spec in specs:
        try:
            loaded = load_pack_file(spec)
        except PackError as error:
            problems.extend(str(problem) for problem in error.problems)
            continue
        except FactlintError as error:
            problems.append(str(error))
            continue
        for claim in _own_claims(loaded):
            if claim.id in owners and owners[claim.id] != loaded.pack.pack:
                problems.append(
                    f"{loaded.place(claim.id, 'id')}: claim '{claim.id}' is also defined by"
                    f" pack '{owners[claim.id]}'"
                )
            owners.setdefault(claim.id, loaded.pack.pack)
            few = too_few_examples(claim)
            if few:
                problems.append(f"{loaded.place(claim.id, 'examples')}: {few}")
            if not subject_matches_an_example(claim):
                problems.append(
                    f"{loaded.place(claim.id, 'subject')}: claim '{claim.id}': the subject"
                    " phrases match none of its flag examples"
                )
    return problems, len(specs)


def _own_claims(loaded: PackFile) -> Iterator[Claim]:
    """The claims written in the file itself; an extended pack's are validated with it."""
    for claim in loaded.pack.claims:
        if loaded.claim_index(claim.id) is not None:
            yield claim


# --- test ----------------------------------------------------------------------------------


def test_packs(specs: Sequence[str]) -> tuple[str, int]:
    """The failures as diffs of expected and actual findings, and the exit status."""
    from factlint.examples import run_examples

    out: list[str] = []
    total = failed = 0
    for spec in specs:
        loaded = load_pack_file(spec)
        own = list(_own_claims(loaded))
        for result in run_examples(loaded.pack, own):
            total += 1
            if result.passed:
                continue
            failed += 1
            kind_key = "flag" if result.kind == "flag" else "pass"
            where = loaded.place(result.claim, "examples", kind_key, result.number - 1)
            out.append(f"{where}: {result.claim}: {result.kind} example {result.number} failed")
            out.append(f"    {' '.join(result.text.split())}")
            out.append("    --- expected findings")
            out.append("    +++ actual findings")
            out.extend(_diff(result.expected, result.actual, result.messages))
    out.append(f"{total} examples, {failed} failed")
    return "\n".join(out) + "\n", EXIT_FAILED if failed else EXIT_OK


def _diff(expected: Sequence[str], actual: Sequence[str], messages: Sequence[str]) -> list[str]:
    lines = [f"    -{check}" for check in expected if check not in actual]
    lines.extend(
        f"    +{check}: {message}"
        for check, message in zip(actual, messages, strict=True)
        if check not in expected
    )
    lines.extend(f"     {check}" for check in expected if check in actual)
    return lines or ["     (none)"]


def run(arguments: argparse.Namespace) -> int:
    """Dispatch `factlint rules ...`."""
    action = arguments.rules_command
    if action == "schema":
        from factlint.packdoc import pack_schema

        sys.stdout.write(pack_schema())
        return EXIT_OK
    if action == "doc":
        return _doc(arguments.pack, arguments.output)
    names = configured_specs(arguments.packs, arguments.config)
    if action == "list":
        sys.stdout.write(list_claims([resolve_pack(name) for name in names]))
        return EXIT_OK
    if action == "show":
        packs = [resolve_pack(name) for name in names]
        sys.stdout.write(show_claim(packs, arguments.claim, arguments.format == "markdown"))
        return EXIT_OK
    if action == "validate":
        problems, count = validate(names)
        for problem in problems:
            print(problem)
        if problems:
            print(
                f"factlint: {len(problems)} problems in {count} pack{'' if count == 1 else 's'}",
                file=sys.stderr,
            )
            return EXIT_ERROR
        print(f"factlint: {count} pack{'' if count == 1 else 's'} valid", file=sys.stderr)
        return EXIT_OK
    if action == "test":
        text, status = test_packs(names)
        sys.stdout.write(text)
        return status
    raise FactlintError("usage: factlint rules {list,show,validate,test,doc,schema}")


DOC_COMMAND = "factlint rules doc {pack} --output docs/packs/{pack}.md"


def _doc(spec: str, output: str | None) -> int:
    from factlint.packdoc import pack_markdown

    pack = resolve_pack(spec)
    text = pack_markdown(pack, DOC_COMMAND.format(pack=pack.pack))
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    target = Path(output)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(target)  # never a half-written page
    except OSError as error:
        raise FactlintError(f"cannot write: {error.strerror or error}", path=output) from None
    return EXIT_OK
