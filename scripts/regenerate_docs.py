"""Rewrite every `<!-- factlint-output: ARGS -->` block in docs/ with the real output, and
the generated pack pages and pack schema. tests/test_docs.py and tests/test_rules.py fail
until this has been run after a change to messages or packs.

    python scripts/regenerate_docs.py
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

from factlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
OUTPUT_BLOCK = re.compile(
    r"(<!-- factlint-output: (?P<args>.+?) -->\n```text\n)(?P<out>.*?)(```)", re.S
)


def output_of(args: str) -> str:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.suppress(SystemExit):
        main(args.split())
    return buffer.getvalue()


def main_regenerate() -> None:
    import os

    os.chdir(ROOT)
    for page in sorted((ROOT / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        new = OUTPUT_BLOCK.sub(
            lambda block: block.group(1) + output_of(block.group("args")) + block.group(4), text
        )
        if new != text:
            page.write_text(new, encoding="utf-8")
            print(f"rewrote {page.relative_to(ROOT)}")
    from factlint.pack import builtin_pack_names

    for name in builtin_pack_names():
        main(["rules", "doc", name, "--output", f"docs/packs/{name}.md"])
    schema = output_of("rules schema")
    for target in (ROOT / "rules" / "pack.schema.json", ROOT / "docs" / "pack.schema.json"):
        target.write_text(schema, encoding="utf-8")


if __name__ == "__main__":
    main_regenerate()
