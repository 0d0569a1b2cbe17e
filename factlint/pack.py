"""Rule packs: the schema of a pack file, and loading one with errors that name file and line.

A pack is a YAML file of sourced figures. Each claim says what is counted, the interval its
sources give, who gives it, and the words that name its subject in prose.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from factlint.errors import FactlintError, PackError
from factlint.yamlfile import load_yaml, mark_of, node_at

ClaimKind = Literal[
    "people", "countries", "entities", "share", "money-per-year", "hours-per-day", "years",
    "tier", "age",
]  # fmt: skip
CitedBound = Literal["exact", "approximate", "nearly", "range", "up-to"]

_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
BUILTIN_PACK = "north-korea-forced-labour"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Model):
    """A publication a figure comes from."""

    id: str = Field(pattern=_ID_PATTERN)
    title: str
    author: str | None = None
    publisher: str | None = None
    date: str | None = Field(
        default=None, description="Publication date, YYYY, YYYY-MM or YYYY-MM-DD, when known."
    )
    url: str | None = None
    cite: str = Field(description="Short citation used in messages, e.g. 'Enos 2017'.")
    aliases: tuple[str, ...] = Field(
        default=(), description="Names the source goes by in prose ('UN COI')."
    )

    @field_validator("date", mode="before")
    @classmethod
    def _date_as_text(cls, value: object) -> object:
        # YAML reads 2017-11-24 as a date and 2017 as an int; the pack keeps what was written.
        if isinstance(value, dt.date | int):
            return str(value)
        return value


class Cited(_Model):
    """The interval the sources give: a range, a point with a tolerance, or a bound."""

    low: float | None = None
    high: float | None = None
    bound: CitedBound = "exact"
    tolerance: float = Field(
        default=0.0, ge=0.0, lt=1.0, description="Relative slack on both ends (0.1 = 10%)."
    )
    text: str = Field(description="How messages print the cited figure, e.g. '80,000–120,000'.")

    @model_validator(mode="after")
    def _has_an_end(self) -> Cited:
        if self.low is None and self.high is None:
            raise ValueError("a cited interval needs a low or a high end")
        return self


class Subject(_Model):
    """Phrases that name a claim's subject, matched on lemma or lower-case form.

    A phrase is one or more words; a word ending in '*' matches any word that starts with it.
    """

    any: tuple[str, ...] = Field(min_length=1, description="One of these must occur.")
    all: tuple[tuple[str, ...], ...] = Field(
        default=(), description="Groups of phrases: one phrase of each group must also occur."
    )
    none: tuple[str, ...] = Field(
        default=(), description="A sentence with any of these phrases is not about the claim."
    )


class Claim(_Model):
    """One sourced figure."""

    id: str = Field(pattern=_ID_PATTERN)
    description: str
    label: str = Field(description="Words that follow the figure in messages.")
    kind: ClaimKind
    currency: str | None = Field(default=None, description="ISO code, for money claims.")
    cited: Cited
    sources: tuple[str, ...] = Field(min_length=1)
    subject: Subject


class Pack(_Model):
    """A rule pack: sources and the claims that cite them."""

    pack: str = Field(pattern=_ID_PATTERN)
    title: str
    description: str | None = None
    sources: tuple[Source, ...] = Field(min_length=1)
    claims: tuple[Claim, ...] = Field(min_length=1)

    def source(self, source_id: str) -> Source:
        return next(source for source in self.sources if source.id == source_id)


# --- loading ------------------------------------------------------------------------------


def builtin_pack_dir() -> Path:
    """Where the shipped packs are: inside the wheel, or `rules/` in a source checkout."""
    installed = Path(__file__).parent / "rules"
    return installed if installed.is_dir() else Path(__file__).parent.parent / "rules"


def builtin_pack_names() -> list[str]:
    return sorted(path.stem for path in builtin_pack_dir().glob("*.yaml"))


def resolve_pack(spec: str) -> Pack:
    """A pack named by file path, or by the name of a built-in pack."""
    path = Path(spec)
    if path.suffix in (".yaml", ".yml") or path.exists():
        if not path.is_file():
            raise FactlintError("no such pack file", path=spec)
        return load_pack(path)
    builtin = builtin_pack_dir() / f"{spec}.yaml"
    if not builtin.is_file():
        names = ", ".join(builtin_pack_names()) or "none"
        raise FactlintError(f"unknown pack '{spec}' (built-in packs: {names})")
    return _load_builtin(str(builtin))


@cache
def _load_builtin(path: str) -> Pack:
    return load_pack(Path(path))


def load_pack(path: Path) -> Pack:
    """Read and validate a pack file; raise PackError naming file, line and column."""
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PackError([FactlintError(f"cannot read pack: {error}", path=shown)]) from error
    return parse_pack(text, shown)


def parse_pack(text: str, path: str = "<pack>") -> Pack:
    try:
        data, root = load_yaml(text, path)
    except FactlintError as error:
        raise PackError([error]) from None
    if root is None:
        raise PackError([FactlintError("the pack file is empty", path=path, line=1)])
    if not isinstance(data, dict):
        raise PackError([FactlintError("a pack must be a mapping", path, *mark_of(root))])
    try:
        pack = Pack.model_validate(data)
    except ValidationError as error:
        raise PackError(validation_problems(error, root, path)) from None
    problems = [
        FactlintError(message, path, *mark_of(node_at(root, loc)))
        for loc, message in semantic_problems(pack)
    ]
    if problems:
        raise PackError(problems)
    return pack


def validation_problems(error: ValidationError, root: yaml.Node, path: str) -> list[FactlintError]:
    """One located problem per pydantic error, leaving out consequences of deeper ones."""
    errors = error.errors()
    return [
        FactlintError(
            _describe(problem),
            path,
            *mark_of(node_at(root, problem["loc"], key=problem["type"] == "extra_forbidden")),
        )
        for problem in errors
        if not _caused_by_deeper_error(problem, errors)
    ]


def _caused_by_deeper_error(problem: Any, errors: Sequence[Any]) -> bool:
    """A list reported too short only because one of its items failed: not worth a line."""
    loc = tuple(problem["loc"])
    return problem["type"] == "too_short" and any(
        len(other["loc"]) > len(loc) and tuple(other["loc"][: len(loc)]) == loc for other in errors
    )


def _describe(problem: Any) -> str:
    where = ".".join(str(part) for part in problem["loc"])
    message = str(problem["msg"])
    if problem["type"] == "extra_forbidden":
        return f"unknown key '{problem['loc'][-1]}'"
    return f"{where}: {message}" if where else message


def semantic_problems(pack: Pack) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """What the schema cannot say: unknown and duplicate ids, low above high."""
    source_ids: set[str] = set()
    for index, source in enumerate(pack.sources):
        if source.id in source_ids:
            yield ("sources", index, "id"), f"duplicate source id '{source.id}'"
        source_ids.add(source.id)
    claim_ids: set[str] = set()
    for index, claim in enumerate(pack.claims):
        if claim.id in claim_ids:
            yield ("claims", index, "id"), f"duplicate claim id '{claim.id}'"
        claim_ids.add(claim.id)
        for source_index, source_id in enumerate(claim.sources):
            if source_id not in source_ids:
                loc = ("claims", index, "sources", source_index)
                yield loc, f"claim '{claim.id}' cites unknown source '{source_id}'"
        cited = claim.cited
        if cited.low is not None and cited.high is not None and cited.low > cited.high:
            yield (
                ("claims", index, "cited", "low"),
                f"claim '{claim.id}': cited low {cited.low:g} is above high {cited.high:g}",
            )
        if claim.kind == "money-per-year" and claim.currency is None:
            yield ("claims", index, "kind"), f"claim '{claim.id}': money claims need a currency"
