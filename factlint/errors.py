"""Errors that reach the user as one clear line, never as a traceback."""

from __future__ import annotations


class FactlintError(Exception):
    """A problem with the user's input: a file, a pack, an option.

    `str()` gives the user-facing line, `path:line:column: message` when the place is known.
    """

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        place = [str(part) for part in (self.path, self.line, self.column) if part is not None]
        return ":".join([*place, f" {self.message}"]) if place else self.message


class ProblemList(FactlintError):
    """A file with several problems (a pack, a configuration); `problems` holds them all."""

    def __init__(self, problems: list[FactlintError]) -> None:
        first = problems[0]
        super().__init__(first.message, first.path, first.line, first.column)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(FactlintError.__str__(problem) for problem in self.problems)


class PackError(ProblemList):
    """A rule pack that cannot be loaded."""
