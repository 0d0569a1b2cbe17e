"""Which of the packs' sources a sentence credits, by the names the packs give them.

A pack lists each source's aliases, author and publisher ("UN COI", "Commission of Inquiry").
Names match as written (case and all, any run of whitespace for a space) and as whole words:
"Treasury" is the US Treasury, "the regime's treasury" is not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from factlint.pack import Pack


@dataclass(frozen=True)
class Credit:
    """A source named in a sentence: the pack and source id it is, and the words used."""

    pack: str
    source: str
    written: str


class SourceNames:
    """Finds the packs' source names in text; build once per set of packs."""

    def __init__(self, packs: Sequence[Pack]) -> None:
        self._sources: dict[str, list[tuple[str, str]]] = {}
        for pack in packs:
            for source in pack.sources:
                for name in source.names():
                    key = " ".join(name.split())
                    if key and (pack.pack, source.id) not in self._sources.get(key, []):
                        self._sources.setdefault(key, []).append((pack.pack, source.id))
        # Longest first, so that "UN Commission of Inquiry" wins over "Commission of Inquiry".
        names = sorted(self._sources, key=lambda name: (-len(name), name))
        alternation = "|".join(r"\s+".join(map(regex.escape, name.split())) for name in names)
        self._pattern = regex.compile(rf"(?<!\w)(?:{alternation})(?!\w)") if names else None

    def credited(self, text: str) -> tuple[Credit, ...]:
        """Every source named in `text`, in order of appearance."""
        if self._pattern is None:
            return ()
        found: list[Credit] = []
        for match in self._pattern.finditer(text):
            written = " ".join(match.group().split())
            for pack, source in self._sources[written]:
                credit = Credit(pack, source, written)
                if credit not in found:
                    found.append(credit)
        return tuple(found)
