"""Configuration: finding it (nearest to each linted file wins), loading it, and applying it.

Looked for in each folder from the linted file's own up to the filesystem root, in this order
within one folder: `.factlint.yaml`, `.factlint.toml`, `pyproject.toml` (only with a
`[tool.factlint]` table). `--config PATH` replaces the search for every file.
"""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, Literal

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factlint.errors import FactlintError, ProblemList
from factlint.findings import SEVERITIES, Finding, Severity
from factlint.pack import BUILTIN_PACK, validation_problems
from factlint.yamlfile import load_yaml

CONFIG_FILES = (".factlint.yaml", ".factlint.toml", "pyproject.toml")
# Generous: a long report is well under a megabyte; this only stops a stray data dump.
DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024
SEVERITY_RANK = {severity: rank for rank, severity in enumerate(reversed(SEVERITIES))}


class AttributionSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    scope: Literal["sentence", "paragraph"] = Field(
        default="sentence", description="Where an attribution may stand: its sentence or paragraph."
    )


class Settings(BaseModel):
    """The keys of a factlint configuration."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    packs: tuple[str, ...] = Field(
        default=(BUILTIN_PACK,),
        description="Pack files (relative to the config) or built-in names.",
    )
    select: tuple[str, ...] = Field(default=(), description="Only these check or claim ids.")
    ignore: tuple[str, ...] = Field(default=(), description="Never these check or claim ids.")
    severity: dict[str, Severity] = Field(
        default_factory=dict, description="Severity per check or claim id (claim wins)."
    )
    exclude: tuple[str, ...] = Field(
        default=(), description="Globs of paths not to lint, relative to the config's folder."
    )
    fail_level: Severity = Field(
        default="error", alias="fail-level", description="Lowest severity that fails the run."
    )
    attribution: AttributionSettings = AttributionSettings()
    max_file_size: int = Field(
        default=DEFAULT_MAX_FILE_SIZE,
        alias="max-file-size",
        gt=0,
        description="Files larger than this many bytes are skipped with a message.",
    )


@dataclass(frozen=True)
class Config:
    settings: Settings = field(default_factory=Settings)
    path: Path | None = None  # the file it was read from; None for the defaults
    root: Path = field(default_factory=Path.cwd)  # relative packs and excludes start here

    def pack_specs(self) -> tuple[str, ...]:
        """Pack files made absolute against the config's folder; built-in names as they are."""
        return tuple(
            str(self.root / spec) if spec.endswith((".yaml", ".yml")) else spec
            for spec in self.settings.packs
        )

    def excludes(self, path: Path) -> bool:
        try:
            relative = PurePosixPath(path.resolve().relative_to(self.root.resolve()).as_posix())
        except ValueError:
            return False
        return any(_glob_match(relative, pattern) for pattern in self.settings.exclude)

    def shown(self) -> str:
        """The effective configuration as YAML, with where it came from."""
        origin = str(self.path) if self.path else "defaults (no configuration file found)"
        data = self.settings.model_dump(by_alias=True, mode="json")
        data["packs"] = list(self.pack_specs())
        body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        return f"# from: {origin}\n{body}"


def _glob_match(path: PurePosixPath, pattern: str) -> bool:
    # "drafts/old/**" must match everything below drafts/old; a bare "*.txt" any folder.
    pattern = pattern.rstrip("/")
    text = path.as_posix()
    if "/" not in pattern:
        return any(fnmatch.fnmatchcase(part, pattern) for part in path.parts)
    if pattern.endswith("/**"):
        prefix = pattern[:-3]
        return text == prefix or fnmatch.fnmatchcase(text, f"{prefix}/*")
    return fnmatch.fnmatchcase(text, pattern) or fnmatch.fnmatchcase(text, f"{pattern}/*")


# --- loading --------------------------------------------------------------------------------


def load_config(path: Path) -> Config:
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FactlintError(f"cannot read configuration: {error}", path=shown) from None
    if path.suffix in (".yaml", ".yml"):
        settings = _settings_from_yaml(text, shown)
    else:
        settings = _settings_from_toml(text, shown, pyproject=path.name == "pyproject.toml")
    return Config(settings or Settings(), path, path.parent.resolve())


def _settings_from_yaml(text: str, path: str) -> Settings | None:
    data, root = load_yaml(text, path)
    if root is None:
        return None
    if not isinstance(data, dict):
        raise FactlintError("a configuration must be a mapping", path, 1)
    try:
        return Settings.model_validate(data)
    except ValidationError as error:
        raise ProblemList(validation_problems(error, root, path)) from None


def _settings_from_toml(text: str, path: str, *, pyproject: bool) -> Settings | None:
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise FactlintError(f"invalid TOML: {error}", path) from None
    if pyproject:
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "factlint" not in tool:
            return None
        data = tool["factlint"]
        if not isinstance(data, dict):
            raise FactlintError("[tool.factlint] must be a table", path)
    try:
        return Settings.model_validate(data)
    except ValidationError as error:
        problems = []
        for problem in error.errors():
            key = ".".join(str(part) for part in problem["loc"])
            message = (
                f"unknown key '{key}'"
                if problem["type"] == "extra_forbidden"
                else f"{key}: {problem['msg']}"
            )
            problems.append(FactlintError(message, path, _toml_line(text, problem["loc"])))
        raise ProblemList(problems) from None


def _toml_line(text: str, loc: Sequence[str | int]) -> int | None:
    """The line where a TOML key is set (tomllib keeps no positions): the first match."""
    names = [part for part in loc if isinstance(part, str)]
    if not names:
        return None
    key = regex.escape(names[-1])
    found = regex.search(rf'^[ \t]*(?:[\w."-]+\.)?"?{key}"?[ \t]*=', text, regex.M)
    return text.count("\n", 0, found.start()) + 1 if found else None


class ConfigResolver:
    """The configuration for each linted file, read once per folder."""

    def __init__(self, override: Path | None = None) -> None:
        self._override = load_config(override) if override else None
        self._by_folder: dict[Path, Config] = {}

    def for_path(self, path: Path | None) -> Config:
        if self._override is not None:
            return self._override
        folder = (path.parent if path is not None else Path.cwd()).resolve()
        return self._for_folder(folder)

    def _for_folder(self, folder: Path) -> Config:
        cached = self._by_folder.get(folder)
        if cached is not None:
            return cached
        config = self._read_in(folder)
        if config is None:
            parent = folder.parent
            config = Config() if parent == folder else self._for_folder(parent)
        self._by_folder[folder] = config
        return config

    @staticmethod
    def _read_in(folder: Path) -> Config | None:
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and not _has_table(candidate):
                continue  # a pyproject.toml without [tool.factlint] is not ours
            return load_config(candidate)
        return None


def _has_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "factlint" in tool


# --- applying ------------------------------------------------------------------------------


def check_ids_known(config: Config, known: Iterable[str]) -> None:
    """Unknown ids in select, ignore or severity are errors, not silent no-ops."""
    known_ids = set(known)
    settings = config.settings
    for key, ids in (
        ("select", settings.select),
        ("ignore", settings.ignore),
        ("severity", tuple(settings.severity)),
    ):
        for identifier in ids:
            if identifier not in known_ids:
                raise FactlintError(
                    f"unknown check or claim id '{identifier}' in '{key}'",
                    path=str(config.path) if config.path else None,
                )


def apply_settings(findings: Iterable[Finding], settings: Settings) -> list[Finding]:
    """Select, ignore and re-grade findings as the configuration says."""
    kept = []
    for finding in findings:
        ids = {finding.check, finding.claim} - {None}
        if settings.select and not ids & set(settings.select):
            continue
        if ids & set(settings.ignore):
            continue
        severity = settings.severity.get(finding.claim or "") or settings.severity.get(
            finding.check
        )
        kept.append(replace(finding, severity=severity) if severity else finding)
    return kept


def fails(finding: Finding, settings: Settings) -> bool:
    return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[settings.fail_level]
