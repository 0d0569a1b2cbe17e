"""Baselines: accepted findings, so that only new ones count on a large existing corpus.

A finding is keyed by path, check, claim and the figure's words, never by its line: edits
elsewhere in the file move it without making it new. Identical keys are counted, so a second
copy of an accepted figure is still new.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from factlint.errors import FactlintError
from factlint.findings import Finding

BASELINE_VERSION = 1
Key = tuple[str, str, str, str]


def finding_key(finding: Finding) -> Key:
    return (finding.path, finding.check, finding.claim or "", " ".join(finding.text.split()))


def write_baseline(path: Path, findings: Iterable[Finding]) -> None:
    counts = Counter(finding_key(finding) for finding in findings)
    entries = [
        {"path": key[0], "check": key[1], "claim": key[2] or None, "text": key[3], "count": count}
        for key, count in sorted(counts.items())
    ]
    document = {"version": BASELINE_VERSION, "findings": entries}
    try:
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
    except OSError as error:
        raise FactlintError(f"cannot write baseline: {error.strerror}", path=str(path)) from None


def read_baseline(path: Path) -> Counter[Key]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise FactlintError(f"cannot read baseline: {error.strerror}", path=str(path)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FactlintError(f"not a factlint baseline: {error}", path=str(path)) from None
    if not isinstance(document, dict) or document.get("version") != BASELINE_VERSION:
        raise FactlintError("not a factlint baseline (version 1 expected)", path=str(path))
    counts: Counter[Key] = Counter()
    for entry in document.get("findings", []):
        try:
            key = (entry["path"], entry["check"], entry["claim"] or "", entry["text"])
            counts[key] += int(entry.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise FactlintError(f"malformed baseline entry: {entry!r}", path=str(path)) from None
    return counts


def new_findings(findings: Sequence[Finding], accepted: Counter[Key]) -> list[Finding]:
    """The findings that the baseline does not account for, in their order."""
    remaining = accepted.copy()
    new = []
    for finding in findings:
        key = finding_key(finding)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(finding)
    return new
