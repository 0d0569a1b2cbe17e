"""What the prescribed libraries cost alone, per MB of a corpus: the part of a run factlint's
own code cannot remove.

    python scripts/bench.py --corpus-only /tmp/corpus --sizes 4
    python scripts/bench_libraries.py /tmp/corpus/4mb [--runs 3]

Times, in this process and best of `--runs`: markdown-it-py's block parse (CommonMark plus
tables, inline rules off, without factlint's rule hooks or footnote plugin) and a blank
English spaCy tokenizer over each whole draft. factlint tokenizes only the blocks that state a
figure, so the second figure is an upper bound of what it pays.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


def best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a folder of Markdown drafts")
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args(argv)

    import spacy
    from markdown_it import MarkdownIt

    texts = [path.read_text(encoding="utf-8") for path in sorted(arguments.corpus.rglob("*.md"))]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    markdown = MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])
    tokenizer: Any = spacy.blank("en").tokenizer

    def parse_all() -> None:
        for text in texts:
            markdown.parse(text)

    def tokenize_all() -> None:
        for _ in tokenizer.pipe(texts):
            pass

    print(f"{len(texts)} drafts, {megabytes:.2f} MB, best of {arguments.runs}")
    for name, work in (
        ("markdown-it-py block parse", parse_all),
        ("spaCy tokenizer, whole text", tokenize_all),
    ):
        seconds = best_of(arguments.runs, work)
        print(f"{name}: {seconds / megabytes:.3f} s/MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
