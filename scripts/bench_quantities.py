"""Time `extract_quantities` alone, and compare it with another version of the module.

    python scripts/bench.py --corpus-only /tmp/corpus --sizes 1
    python scripts/bench_quantities.py /tmp/corpus/1mb fixtures --runs 7
    git show HEAD:factlint/quantities.py > /tmp/quantities_old.py
    python scripts/bench_quantities.py /tmp/corpus/1mb --runs 7 --baseline /tmp/quantities_old.py
    python scripts/bench_quantities.py /tmp/corpus/1mb fixtures --compare /tmp/quantities_old.py

The input is what the engine gives the extractor: each block of each masked draft (`.md`
files masked as Markdown, `.txt` as plain text, `.yaml` evaluation passages whole). With
`--baseline`, runs of the two versions alternate, so a noisy machine slows both alike; the
medians and their ratio are printed. `--compare` checks that both versions return the same
quantities for every block and for seeded mutations of them (spliced, truncated, with
characters inserted), and exits 1 on the first difference.

CI never runs this: timings on a shared machine are noise for a pass/fail test.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import pstats
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

from factlint.markdown import mask_markdown, plain_text
from factlint.quantities import Quantity, extract_quantities

Extractor = Callable[[str], list[Quantity]]

# Characters the mutations insert: the ones the patterns treat specially, and a few that
# `\d`, `\w` or `\s` would match outside ASCII.
_MUTATION_ALPHABET = "0123456789 ,.-–—+%$€£¥₩~/:#§[]^()\n\t\u00a0\x1c٣१²½aAbBkKmMnNtT'’ſıİ\u212a"
_MUTATION_WORDS = (
    "one two twenty-five hundred thousand million billion half a third quarters of in out "
    "tens hundreds dozens between and from to about over under nearly up as many per cent "
    "percent percentage points year years old aged tier watch list km miles dollars bn m k "
    "USD US$ a day annually or more or so plus Camp No. p. Jan March 2017 1,000 3.5"
    # spelt with the letters that `regex` matches to ASCII letters when ignoring case
    " ſix fİve \u212am almoſt uſd cİrca İn thİrd \u212ailometres ſome aged daİly wee\u212aly"
).split()


def _blocks(paths: Sequence[Path]) -> list[str]:
    texts: list[str] = []
    for root in paths:
        files = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in files:
            if path.suffix in (".yaml", ".yml"):
                texts.append(path.read_text(encoding="utf-8"))
            elif path.suffix in (".md", ".markdown", ".txt", ".text"):
                text = path.read_text(encoding="utf-8", errors="replace")
                masked = (
                    plain_text(text) if path.suffix in (".txt", ".text") else mask_markdown(text)
                )
                texts.extend(masked.text[block.start : block.end] for block in masked.blocks)
    return texts


def _load(path: Path) -> Extractor:
    spec = importlib.util.spec_from_file_location("_quantities_baseline", path)
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    extract: Extractor = module.extract_quantities
    return extract


def _time(extract: Extractor, texts: Sequence[str]) -> float:
    began = time.perf_counter()
    for text in texts:
        extract(text)
    return time.perf_counter() - began


def _mutations(texts: Sequence[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pool = [text for text in texts if text]
    mutated: list[str] = []
    for _ in range(count):
        text = rng.choice(pool)
        if len(text) > 400:
            start = rng.randrange(len(text) - 300)
            text = text[start : start + rng.randint(20, 300)]
        pieces = list(text)
        for _ in range(rng.randint(1, 8)):
            where = rng.randrange(len(pieces) + 1)
            roll = rng.random()
            if roll < 0.4:
                pieces.insert(where, rng.choice(_MUTATION_ALPHABET))
            elif roll < 0.8:
                word = rng.choice(_MUTATION_WORDS)
                pieces.insert(where, rng.choice(("", " ")) + word + rng.choice(("", " ", "-")))
            elif pieces:
                del pieces[min(where, len(pieces) - 1)]
        text = "".join(pieces)
        if rng.random() < 0.2:
            text = text.upper() if rng.random() < 0.5 else text.title()
        mutated.append(text)
    return mutated


def _outcome(extract: Extractor, text: str) -> str:
    # repr, not ==: the two versions' Quantity classes are different classes.
    try:
        return repr(extract(text))
    except Exception as error:  # the same error from both versions is no difference
        return f"raised {type(error).__name__}: {error}"


def _compare(new: Extractor, old: Extractor, texts: Sequence[str]) -> int:
    errors = 0
    for index, text in enumerate(texts):
        outcome = _outcome(new, text)
        if outcome != _outcome(old, text):
            print(f"difference on input {index}: {text!r}", file=sys.stderr)
            print(f"  new: {outcome}\n  old: {_outcome(old, text)}", file=sys.stderr)
            return 1
        errors += outcome.startswith("raised ")
    if errors:
        print(f"{errors} inputs raised the same error in both versions")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", type=Path, nargs="+", help="drafts, folders of drafts")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline", type=Path, help="another quantities.py to time against")
    parser.add_argument("--compare", type=Path, help="another quantities.py to check against")
    parser.add_argument("--mutations", type=int, default=20_000, help="for --compare")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", action="store_true", help="cProfile one run")
    arguments = parser.parse_args(argv)
    texts = _blocks(arguments.paths)
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    print(f"{len(texts)} blocks, {megabytes:.2f} MB")
    if arguments.compare:
        old = _load(arguments.compare)
        inputs = [*texts, *_mutations(texts, arguments.mutations, arguments.seed)]
        status = _compare(extract_quantities, old, inputs)
        print(f"compared {len(inputs)} inputs: {'differ' if status else 'identical'}")
        return status
    if arguments.profile:
        profiler = cProfile.Profile()
        profiler.runcall(_time, extract_quantities, texts)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        return 0
    versions: dict[str, Extractor] = {"current": extract_quantities}
    if arguments.baseline:
        versions["baseline"] = _load(arguments.baseline)
    for extract in versions.values():
        _time(extract, texts)  # warm-up: compiled-pattern caches, allocator
    seconds: dict[str, list[float]] = {name: [] for name in versions}
    for _ in range(arguments.runs):
        for name, extract in versions.items():
            seconds[name].append(_time(extract, texts))
    for name, runs in seconds.items():
        median = statistics.median(runs)
        spread = f"{min(runs):.3f}–{max(runs):.3f}"
        print(f"{name}: median {median:.3f} s ({spread}), {megabytes / median:.2f} MB/s")
    if arguments.baseline:
        ratio = statistics.median(seconds["baseline"]) / statistics.median(seconds["current"])
        print(f"baseline / current: {ratio:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
