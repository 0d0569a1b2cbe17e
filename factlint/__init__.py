"""factlint: a fact-check linter for prose."""

__version__ = "0.2.0"
