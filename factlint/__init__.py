"""factlint: a fact-check linter for prose."""

__version__ = "0.1.0"
