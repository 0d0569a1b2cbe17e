"""Rule packs: the schema of a pack file, and loading one with errors that name file and line.

A pack is a YAML file of sourced figures. Each claim says what is counted, the interval its
sources give, who gives it, and the words that name its subject in prose.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, get_args

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from factlint.errors import FactlintError, PackError
from factlint.findings import CheckId
from factlint.yamlfile import load_yaml, mark_of, node_at

ClaimKind = Literal[
    "people", "countries", "entities", "share", "money-per-year", "hours-per-day", "years",
    "tier", "age",
]  # fmt: skip
CitedBound = Literal["exact", "approximate", "nearly", "range", "up-to", "at-least"]

_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
BUILTIN_PACK = "north-korea-forced-labour"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# YAML reads 2017-11-24 as a date and 2017 as an int; the pack keeps what was written, and
# the JSON Schema accepts both so that editors do not flag an unquoted year.
PackDate = Annotated[
    str,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                {"type": "integer"},
            ],
            "description": "YYYY, YYYY-MM or YYYY-MM-DD.",
        }
    ),
]


def _date_as_text(value: object) -> object:
    if isinstance(value, dt.date | int):
        return str(value)
    return value


def date_parts(date: str | None) -> tuple[int, ...]:
    """(year, month, day) as far as the date gives them; () when there is no date."""
    if not date:
        return ()
    return tuple(int(part) for part in date.split("-")[:3] if part.isdigit())


class Source(_Model):
    """A publication a figure comes from."""

    id: str = Field(pattern=_ID_PATTERN)
    title: str
    author: str | None = None
    publisher: str | None = None
    date: PackDate | None = Field(
        default=None, description="Publication date, YYYY, YYYY-MM or YYYY-MM-DD, when known."
    )
    url: str | None = None
    cite: str = Field(description="Short citation used in messages, e.g. 'Enos 2017'.")
    aliases: tuple[str, ...] = Field(
        default=(),
        description="Names the source goes by in prose ('UN COI'), matched as written.",
    )

    _date = field_validator("date", mode="before")(_date_as_text)

    def names(self) -> tuple[str, ...]:
        """Every name a draft may credit the source by."""
        return tuple(name for name in (*self.aliases, self.author, self.publisher) if name)


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


class Alternative(Cited):
    """Another source's estimate of the same figure, older or later than the cited one."""

    source: str = Field(description="The id of the source that gives this estimate.")
    date: PackDate | None = Field(
        default=None, description="When the estimate was made; default: its source's date."
    )
    note: str | None = Field(default=None, description="Shown with findings that match it.")

    _date = field_validator("date", mode="before")(_date_as_text)


_CheckIds = Annotated[
    tuple[CheckId, ...],
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "enum": list(get_args(CheckId))},
                {"type": "array", "items": {"type": "string", "enum": list(get_args(CheckId))}},
            ]
        }
    ),
]


class FlagExample(_Model):
    """A sentence that must produce the given finding(s) for its claim, and no other."""

    text: str
    check: _CheckIds = Field(
        description="The check id (or list of ids) the sentence must produce for the claim."
    )

    @field_validator("check", mode="before")
    @classmethod
    def _one_or_more(cls, value: object) -> object:
        return (value,) if isinstance(value, str) else value


class Examples(_Model):
    """Sentences that show what the claim flags and what it lets pass; `rules test` runs them."""

    model_config = ConfigDict(populate_by_name=True)

    flag: tuple[FlagExample, ...] = ()
    pass_: tuple[str, ...] = Field(
        default=(), alias="pass", description="Sentences that must produce no finding."
    )


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
    sources: tuple[str, ...] = Field(
        min_length=1, description="Ids of the sources that give the cited figure."
    )
    alternatives: tuple[Alternative, ...] = Field(
        default=(), description="Other sources' estimates, recognised instead of called wrong."
    )
    subject: Subject
    examples: Examples = Examples()


class Pack(_Model):
    """A rule pack: sources and the claims that cite them."""

    model_config = ConfigDict(title="factlint rule pack")

    pack: str = Field(pattern=_ID_PATTERN)
    title: str
    description: str | None = None
    extends: str | None = Field(
        default=None,
        description="A built-in pack's name or a pack file (relative to this one) to start"
        " from: its sources and claims are kept unless this pack gives the same id.",
    )
    sources: tuple[Source, ...] = ()
    claims: tuple[Claim, ...] = ()

    def source(self, source_id: str) -> Source:
        return next(source for source in self.sources if source.id == source_id)

    def claim(self, claim_id: str) -> Claim | None:
        return next((claim for claim in self.claims if claim.id == claim_id), None)

    def cited_date(self, claim: Claim) -> tuple[int, ...]:
        """When the cited figure was given: the newest date among the claim's sources."""
        return max((date_parts(self.source(source).date) for source in claim.sources), default=())

    def estimate_date(self, alternative: Alternative) -> str | None:
        """When the alternative estimate was made: its own date, or its source's."""
        return alternative.date or self.source(alternative.source).date


# --- loading ------------------------------------------------------------------------------


def builtin_pack_dir() -> Path:
    """Where the shipped packs are: inside the wheel, or `rules/` in a source checkout."""
    installed = Path(__file__).parent / "rules"
    return installed if installed.is_dir() else Path(__file__).parent.parent / "rules"


def builtin_pack_names() -> list[str]:
    return sorted(path.stem for path in builtin_pack_dir().glob("*.yaml"))


def pack_file(spec: str, relative_to: Path | None = None) -> Path:
    """The file a pack spec names: a path (relative to `relative_to` if given) when it ends
    in .yaml/.yml or exists, else the file of the built-in pack of that name."""
    path = Path(spec) if relative_to is None else relative_to / spec
    if path.suffix in (".yaml", ".yml") or path.exists():
        if not path.is_file():
            raise FactlintError("no such pack file", path=str(path))
        return path
    builtin = builtin_pack_dir() / f"{spec}.yaml"
    if not builtin.is_file():
        names = ", ".join(builtin_pack_names()) or "none"
        raise FactlintError(f"unknown pack '{spec}' (built-in packs: {names})")
    return builtin


def resolve_pack(spec: str) -> Pack:
    """A pack named by file path, or by the name of a built-in pack (loaded once)."""
    path = pack_file(spec)
    return _load_builtin(str(path)) if path.parent == builtin_pack_dir() else load_pack(path)


@cache
def _load_builtin(path: str) -> Pack:
    return load_pack(Path(path))


def load_pack(path: Path) -> Pack:
    """Read and validate a pack file (and the pack it extends); raise PackError naming file,
    line and column."""
    return load_pack_with_root(path)[0]


def load_pack_with_root(path: Path, *, _extending: tuple[Path, ...] = ()) -> tuple[Pack, yaml.Node]:
    """`load_pack`, and the node tree of the file itself, to locate what it defines."""
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PackError([FactlintError(f"cannot read pack: {error}", path=shown)]) from error
    own, root = _validated(text, shown)
    base = None
    if own.extends is not None:
        here = path.resolve()
        if here in _extending:
            chain = " -> ".join(str(step) for step in (*_extending, here))
            raise PackError([_at(root, ("extends",), shown, f"packs extend in a cycle: {chain}")])
        try:
            base_file = pack_file(own.extends, relative_to=path.parent)
        except FactlintError as error:
            raise PackError([_at(root, ("extends",), shown, str(error))]) from None
        base, _ = load_pack_with_root(base_file, _extending=(*_extending, here))
    _raise_semantic_problems(own, root, shown, base)
    return (extend(base, own) if base is not None else own), root


def parse_pack(text: str, path: str = "<pack>") -> Pack:
    """A pack from its text; a pack that `extends` another is not resolved here."""
    pack, root = _validated(text, path)
    _raise_semantic_problems(pack, root, path, None)
    return pack


def _validated(text: str, path: str) -> tuple[Pack, yaml.Node]:
    try:
        data, root = load_yaml(text, path)
    except FactlintError as error:
        raise PackError([error]) from None
    if root is None:
        raise PackError([FactlintError("the pack file is empty", path=path, line=1)])
    if not isinstance(data, dict):
        raise PackError([FactlintError("a pack must be a mapping", path, *mark_of(root))])
    try:
        return Pack.model_validate(data), root
    except ValidationError as error:
        raise PackError(validation_problems(error, root, path)) from None


def _raise_semantic_problems(pack: Pack, root: yaml.Node, path: str, base: Pack | None) -> None:
    problems = [_at(root, loc, path, message) for loc, message in semantic_problems(pack, base)]
    if problems:
        raise PackError(problems)


def _at(root: yaml.Node, loc: Sequence[str | int], path: str, message: str) -> FactlintError:
    return FactlintError(message, path, *mark_of(node_at(root, loc)))


_Item = TypeVar("_Item", Source, Claim)


def extend(base: Pack, own: Pack) -> Pack:
    """`own` laid over `base`: a source or claim with a base id replaces it in place, new
    ones follow the base's."""
    return own.model_copy(
        update={
            "description": own.description or base.description,
            "sources": _overlay(base.sources, own.sources),
            "claims": _overlay(base.claims, own.claims),
        }
    )


def _overlay(base: Sequence[_Item], own: Sequence[_Item]) -> tuple[_Item, ...]:
    replacing: dict[str, _Item] = {item.id: item for item in own}
    kept: list[_Item] = [replacing.pop(item.id, item) for item in base]
    kept.extend(item for item in own if item.id in replacing)
    return tuple(kept)


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


def semantic_problems(
    pack: Pack, base: Pack | None = None
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """What the schema cannot say: unknown and duplicate ids, low above high. `base` is the
    pack this one extends, whose sources this one's claims may cite."""
    if base is None and not pack.sources:
        yield ("sources",), "a pack needs at least one source (or 'extends')"
    if base is None and not pack.claims:
        yield ("claims",), "a pack needs at least one claim (or 'extends')"
    source_ids: set[str] = set()
    for index, source in enumerate(pack.sources):
        if source.id in source_ids:
            yield ("sources", index, "id"), f"duplicate source id '{source.id}'"
        source_ids.add(source.id)
    if base is not None:
        source_ids.update(source.id for source in base.sources)
    claim_ids: set[str] = set()
    for index, claim in enumerate(pack.claims):
        if claim.id in claim_ids:
            yield ("claims", index, "id"), f"duplicate claim id '{claim.id}'"
        claim_ids.add(claim.id)
        for source_index, source_id in enumerate(claim.sources):
            if source_id not in source_ids:
                loc = ("claims", index, "sources", source_index)
                yield loc, f"claim '{claim.id}' cites unknown source '{source_id}'"
        yield from _interval_problems(claim.cited, ("claims", index, "cited"), claim.id, "cited")
        for number, alternative in enumerate(claim.alternatives):
            where = ("claims", index, "alternatives", number)
            if alternative.source not in source_ids:
                yield (
                    (*where, "source"),
                    f"claim '{claim.id}': alternative estimate cites unknown source"
                    f" '{alternative.source}'",
                )
            yield from _interval_problems(alternative, where, claim.id, "alternative")
        if claim.kind == "money-per-year" and claim.currency is None:
            yield ("claims", index, "kind"), f"claim '{claim.id}': money claims need a currency"


def _interval_problems(
    cited: Cited, where: tuple[str | int, ...], claim_id: str, what: str
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if cited.low is not None and cited.high is not None and cited.low > cited.high:
        yield (
            (*where, "low"),
            f"claim '{claim_id}': {what} low {cited.low:g} is above high {cited.high:g}",
        )
