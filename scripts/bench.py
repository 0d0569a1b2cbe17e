"""Benchmark factlint against the floor it cannot beat and against a peer, in one run.

    python scripts/bench.py                      # everything; writes docs/performance.md
    python scripts/bench.py --runs 3 --sizes 1 4 # fewer runs, smaller corpora
    python scripts/bench.py --corpus-only DIR    # just build the corpus (for profiling)

Every figure is a whole process, timed from outside: a pre-commit hook or a CI job pays for
the interpreter, the imports and the pipeline build, not just for the lint loop. The corpus
is built from a fixed seed, so two runs time the same bytes.

CI never runs this: timings on a shared machine are noise for a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000  # decimal megabytes, for MB and MB/s alike
SEED = 20240611
FLOOR = [sys.executable, "-c", "import spacy; spacy.blank('en')"]

# --------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------

_SUBJECTS = (
    "North Korean workers abroad",
    "people held in political prison camps",
    "dolgyeokdae conscripts",
    "female escapees",
    "labourers sent to Russia and China",
    "prisoners in Camp 15",
    "the regime's overseas earnings",
    "families of defectors",
    "construction crews in the Gulf",
    "logging camps in the Russian Far East",
)
_SOURCES = (
    "the UN Commission of Inquiry",
    "the Asan Institute for Policy Studies",
    "the US State Department",
    "Enos (2017)",
    "a UN panel of experts",
    "one defector group",
    "Human Rights Watch",
    "the Database Center for North Korean Human Rights",
)
_HEDGES = ("by some estimates", "it is believed", "reportedly", "according to some accounts")
_FIGURES = (
    "80,000",
    "between 80,000 and 120,000",
    "50,000–60,000",
    "as many as 200,000",
    "about 100,000",
    "more than 16",
    "up to 20 hours a day",
    "$2.3 billion a year",
    "$350 million",
    "nearly 40 per cent",
    "two in five",
    "nine in ten",
    "ten years",
    "some 400,000",
    "fewer than 3,000",
    "1.2bn",
    "tens of thousands",
    "25 million",
    "roughly 13,000 kilometres",
    "Tier 3",
)
_VERBS = ("were counted among", "made up", "accounted for", "were reported as", "numbered")
_PROSE = (
    "The regime denies that any of this happens, and access for monitors remains closed.",
    "Testimony collected over a decade describes the same pattern of confiscated wages.",
    "Workers are housed in guarded dormitories and their passports are held by minders.",
    "Host governments rarely inspect the sites where these crews are employed.",
    "Sanctions adopted by the Security Council were meant to end the practice.",
    "Much of what is known comes from interviews with people who later escaped.",
    "Conditions vary between sites, but long shifts and surveillance are constant.",
    "Researchers caution that the data are patchy and often years out of date.",
    "Families left behind are used as leverage to discourage defection.",
    "Brokers in border towns arrange passage for a fee that few can afford.",
    "The testimony is consistent across regions, periods and kinds of work.",
    "Observers have long argued that the system depends on unpaid labour.",
    "This section summarises what the sources agree on and where they differ.",
    "Officials abroad are rotated often, which makes them hard to trace.",
)
_LANGUAGES = ("python", "json", "text", "yaml", "")


def _fixture_texts() -> list[str]:
    texts = []
    for folder in ("fixtures/drafts", "fixtures/acceptance"):
        for path in sorted((ROOT / folder).iterdir()):
            if path.suffix in (".md", ".txt"):
                text = path.read_text(encoding="utf-8")
                if text.startswith("---\n"):  # front matter is only valid at a file's start
                    text = text.split("---\n", 2)[2]
                texts.append(text.strip())
    return texts


def _figure_sentence(rng: random.Random) -> str:
    figure = rng.choice(_FIGURES)
    subject = rng.choice(_SUBJECTS)
    shape = rng.randrange(4)
    if shape == 0:
        verb, source = rng.choice(_VERBS), rng.choice(_SOURCES)
        return f"{figure.capitalize()} {subject} {verb} the total, {source} says."
    if shape == 1:
        source, year = rng.choice(_SOURCES), rng.randint(1995, 2023)
        return f"According to {source}, {figure} {subject} were affected in {year}."
    if shape == 2:
        return f"{subject.capitalize()} reached {figure}, {rng.choice(_HEDGES)}."
    source, number = rng.choice(_SOURCES), rng.randint(1, 999)
    link = f"[{source} report](https://example.org/reports/{number})"
    return f"In the {link}, {subject} numbered {figure}."


def _paragraph(rng: random.Random, figures: int) -> str:
    sentences = [rng.choice(_PROSE) for _ in range(rng.randint(2, 5))]
    for _ in range(figures):
        sentences.insert(rng.randrange(len(sentences) + 1), _figure_sentence(rng))
    if rng.random() < 0.2:
        sentences.append(f"See https://example.org/archive/{rng.randint(1000, 9999)} for details.")
    return "\n".join(_wrap(" ".join(sentences)))


def _wrap(text: str, width: int = 92) -> list[str]:
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


def _table(rng: random.Random) -> str:
    rows = ["| Subject | Figure | Source |", "|---|---|---|"]
    for _ in range(rng.randint(3, 8)):
        rows.append(
            f"| {rng.choice(_SUBJECTS)} | {rng.choice(_FIGURES)} | {rng.choice(_SOURCES)} |"
        )
    return "\n".join(rows)


def _code(rng: random.Random) -> str:
    body = [
        f"count_{i} = {rng.randint(1, 500_000)}  # {rng.choice(_FIGURES)}"
        for i in range(rng.randint(2, 12))
    ]
    return "\n".join([f"```{rng.choice(_LANGUAGES)}", *body, "```"])


def _section(rng: random.Random, fixtures: Sequence[str]) -> str:
    """One block of a draft, drawn so that most paragraphs hold no figure at all."""
    roll = rng.random()
    if roll < 0.08:
        return f"{'#' * rng.randint(2, 3)} {rng.choice(_SUBJECTS).capitalize()}"
    if roll < 0.45:
        return _paragraph(rng, 0)
    if roll < 0.72:
        return _paragraph(rng, rng.randint(1, 2))
    if roll < 0.80:
        return "\n".join(
            f"- {rng.choice(_PROSE) if rng.random() < 0.5 else _figure_sentence(rng)}"
            for _ in range(rng.randint(2, 6))
        )
    if roll < 0.87:
        return _table(rng)
    if roll < 0.94:
        return _code(rng)
    if roll < 0.98:
        return "\n".join(f"> {line}" for line in _paragraph(rng, 1).splitlines())
    return rng.choice(fixtures)


def build_corpus(root: Path, size: int, seed: int = SEED) -> list[Path]:
    """Markdown drafts of 2–50 KB each under `root`, `size` bytes in all (the last file may
    be cut short); the same seed gives the same bytes."""
    rng = random.Random(seed)
    fixtures = _fixture_texts()
    root.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    written = 0
    while written < size:
        target = min(rng.randint(2_000, 50_000), size - written)
        parts = [f"# Draft {len(paths) + 1}: {rng.choice(_SUBJECTS)}"]
        length = len(parts[0])
        while length < target:
            part = _section(rng, fixtures)
            parts.append(part)
            length += len(part.encode("utf-8")) + 2
        data = ("\n\n".join(parts) + "\n").encode("utf-8")
        path = root / f"{len(paths) // 100:02d}" / f"draft-{len(paths):05d}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
        written += len(data)
    return paths


def corpus_bytes(paths: Sequence[Path]) -> int:
    return sum(path.stat().st_size for path in paths)


# --------------------------------------------------------------------------------------------
# Timing whole processes
# --------------------------------------------------------------------------------------------


@dataclass
class Timing:
    label: str
    command: list[str]
    mb: float | None = None  # corpus size, for MB/s
    seconds: list[float] = field(default_factory=list)
    tree_rss: list[int] = field(default_factory=list)  # bytes, process and descendants
    statuses: set[int] = field(default_factory=set)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_rss(self) -> int:
        return max(self.tree_rss)


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as file:
                stat = file.read()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: the ppid follows the last ")".
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found


def _pss(pid: int) -> int:
    """Proportional set size: shared pages (libraries, a forkserver's copy-on-write memory)
    are split between the processes that share them, so a pool's sum is not inflated."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as file:
            for line in file:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_once(command: Sequence[str]) -> tuple[float, int, int]:
    """(wall seconds, exit status, peak memory of the process tree in bytes).

    The memory is the larger of the sampled peak sum of PSS over the process and its
    descendants, and the kernel's exact peak RSS of the largest single process."""
    peak = 0
    done = threading.Event()
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=_ENV
    )

    def sample() -> None:
        # A pool's memory is the sum over its processes, which no single rusage figure
        # gives. Sampled every 0.1 s, with the process tree re-read every second once the
        # pool has started: the sampler shares the machine with what it measures, so it
        # must stay cheap (a scan of /proc every 20 ms cost a fifth of a CPU).
        nonlocal peak
        pids: list[int] = []
        tick = 0
        while not done.wait(0.1):
            if tick < 30 or tick % 10 == 0:  # the pool starts in the first seconds
                pids = _descendants(process.pid)
            tick += 1
            peak = max(peak, sum(_pss(pid) for pid in pids))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss (KiB) is exact for the largest single process; the sampler may miss a peak.
    return elapsed, process.returncode, max(peak, usage.ru_maxrss * 1024)


# Every process reads and writes bytecode in one cache, even where PYTHONDONTWRITEBYTECODE
# is set: an installed factlint (pip compiles it, as it compiled spaCy) never compiles its
# sources at start, and a run from a checkout without a cache would (about 0.06 s).
_ENV = {
    **{key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / "factlint-bench-pycache"),
}


def measure(timings: Sequence[Timing], runs: int, log: bool = True, warm_up: bool = False) -> None:
    """Run every command `runs` times, round-robin, so that a burst of load on the machine
    falls on all of them alike rather than on one; with `warm_up`, once each untimed first
    (bytecode cache and page cache warm, as the bar asks)."""
    if warm_up:
        for timing in timings:
            run_once(timing.command)
    for index in range(runs):
        for timing in timings:
            seconds, status, rss = run_once(timing.command)
            timing.seconds.append(seconds)
            timing.tree_rss.append(rss)
            timing.statuses.add(status)
            if log:
                print(
                    f"  run {index + 1}/{runs} {timing.label}: {seconds:.2f} s,"
                    f" {rss / 2**20:.0f} MiB, exit {status}",
                    file=sys.stderr,
                    flush=True,
                )


def factlint(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "factlint", "check", *arguments]


def proselint(path: Path) -> list[str]:
    executable = shutil.which("proselint")
    if executable is None:
        raise SystemExit("proselint is not installed: pip install -e '.[dev]'")
    return [executable, "check", str(path)]


# --------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------


def _machine() -> dict[str, str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "CPU": f"{model}, {os.cpu_count()} logical CPUs",
        "memory": _meminfo(),
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "spaCy": metadata.version("spacy"),
        "proselint": metadata.version("proselint"),
    }


def _meminfo() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f}"


def _cell(timing: Timing) -> str:
    return f"{timing.median:.2f} ({min(timing.seconds):.2f}–{max(timing.seconds):.2f})"


def _verdict(ok: bool) -> str:
    return "meets" if ok else "**misses**"


@dataclass
class Results:
    floor: Timing
    cold: Timing
    corpora: dict[int, tuple[Timing, Timing, Timing]]  # MB -> (jobs 1, jobs 2, proselint)
    runs: int
    load_before: str
    load_after: str
    files: dict[int, int]  # MB -> drafts in that corpus (counted before a temp corpus goes)


def render(results: Results) -> str:
    lines = [
        "Measured by `python scripts/bench.py` (whole processes, timed from outside; the"
        " corpus is generated from a fixed seed; see the script's docstring). CI times"
        " nothing: these figures come from a run by hand.",
        "",
        "## Machine",
        "",
    ]
    lines += [f"- {key}: {value}" for key, value in _machine().items()]
    lines += [
        f"- load average (1, 5, 15 min) before: {results.load_before}; after: {results.load_after}",
        f"- runs per figure: {results.runs} (cold start: {len(results.cold.seconds)}),"
        " round-robin; median and (min–max)",
        "",
        "## Cold start (what a pre-commit hook pays)",
        "",
        "| command | seconds | peak RSS |",
        "|---|---|---|",
        f"| (a) floor: `python -c \"import spacy; spacy.blank('en')\"` | {_cell(results.floor)}"
        f" | {results.floor.peak_rss / 2**20:.0f} MiB |",
        f"| (b) `factlint check` one 10 KB draft | {_cell(results.cold)}"
        f" | {results.cold.peak_rss / 2**20:.0f} MiB |",
        "",
    ]
    ratio = results.cold.median / results.floor.median
    lines += [f"(b)/(a) = **{ratio:.2f}** (bar ≤ 1.3: {_verdict(ratio <= 1.3)})", ""]
    lines += [
        "## Corpora",
        "",
        "| corpus | files | factlint --jobs 1 | MB/s | peak RSS | --jobs 2 | MB/s |"
        " peak memory (all processes, PSS) | proselint | MB/s | factlint/proselint speed |"
        " jobs 2 speed-up |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for size, (one, two, peer) in results.corpora.items():
        lines.append(
            f"| {size} MB | {results.files[size]} | {_cell(one)} | {size / one.median:.2f} |"
            f" {one.peak_rss / 2**20:.0f} MiB | {_cell(two)} | {size / two.median:.2f} |"
            f" {two.peak_rss / 2**20:.0f} MiB | {_cell(peer)} | {size / peer.median:.2f} |"
            f" {peer.median / one.median:.2f}× | {one.median / two.median:.2f}× |"
        )
    lines.append("")
    sizes = sorted(results.corpora)
    largest, smallest = results.corpora[sizes[-1]], results.corpora[sizes[0]]
    throughput = sizes[-1] / largest[0].median
    versus = largest[2].median / largest[0].median
    speedup = largest[0].median / largest[1].median
    growth = largest[0].median / smallest[0].median
    rss = max(timing.peak_rss for trio in results.corpora.values() for timing in trio[:2])
    lines += [
        "## Against the bar",
        "",
        "| bar | measured | |",
        "|---|---|---|",
        f"| cold run ≤ 1.3 × floor | {ratio:.2f} × | {_verdict(ratio <= 1.3)} |",
        f"| ≥ 3 MB/s with --jobs 1 ({sizes[-1]} MB) | {throughput:.2f} MB/s |"
        f" {_verdict(throughput >= 3)} |",
        f"| ≥ 5 × proselint ({sizes[-1]} MB) | {versus:.2f} × | {_verdict(versus >= 5)} |",
        f"| --jobs 2 ≥ 1.7 × --jobs 1 ({sizes[-1]} MB) | {speedup:.2f} × |"
        f" {_verdict(speedup >= 1.7)} |",
        f"| {sizes[-1]} MB ≤ 17 × {sizes[0]} MB time | {growth:.2f} × | {_verdict(growth <= 17)} |",
        f"| peak RSS ≤ 300 MB, every corpus | {rss / 1e6:.0f} MB (jobs 2: all processes) |"
        f" {_verdict(rss <= 300e6)} |",
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per corpus command")
    parser.add_argument("--cold-runs", type=int, default=7, help="runs per cold-start command")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16], metavar="MB")
    parser.add_argument("--work", type=Path, help="where to build the corpus (default: temp)")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "performance.md")
    parser.add_argument("--corpus-only", type=Path, metavar="DIR", help="build, then stop")
    parser.add_argument(
        "--cold-only", action="store_true", help="time (a) and (b) only; print, write nothing"
    )
    arguments = parser.parse_args(argv)
    if arguments.corpus_only:
        for size in arguments.sizes:
            build_corpus(arguments.corpus_only / f"{size}mb", size * MB)
        return 0
    work = arguments.work or Path(tempfile.mkdtemp(prefix="factlint-bench-"))
    try:
        draft = work / "cold" / "draft.md"
        build_corpus(draft.parent, 10_000, seed=SEED + 1)
        next(draft.parent.rglob("*.md")).rename(draft)
        corpora = {}
        for size in [] if arguments.cold_only else arguments.sizes:
            root = work / f"{size}mb"
            if not root.exists():
                build_corpus(root, size * MB)
            corpora[size] = (
                Timing(f"factlint --jobs 1 {size} MB", factlint("--jobs", "1", str(root)), size),
                Timing(f"factlint --jobs 2 {size} MB", factlint("--jobs", "2", str(root)), size),
                Timing(f"proselint {size} MB", proselint(root), size),
            )
        load_before = _load()
        floor = Timing("floor", FLOOR)
        cold = Timing("cold 10 KB", factlint(str(draft)))
        measure([floor, cold], arguments.cold_runs, warm_up=True)
        if arguments.cold_only:
            ratio = cold.median / floor.median
            print(
                f"floor {_cell(floor)}, cold {_cell(cold)}, (b)/(a) {ratio:.2f};"
                f" load before {load_before}, after {_load()}"
            )
            return 0
        measure([timing for trio in corpora.values() for timing in trio], arguments.runs)
        files = {size: sum(1 for _ in (work / f"{size}mb").rglob("*.md")) for size in corpora}
        results = Results(floor, cold, corpora, arguments.runs, load_before, _load(), files)
    finally:
        if arguments.work is None:
            shutil.rmtree(work, ignore_errors=True)
    text = render(results)
    write_report(arguments.output, text)
    print(text)
    return 0


START, END = "<!-- bench.py: from here -->", "<!-- bench.py: to here -->"


def write_report(path: Path, table: str) -> None:
    """Put the generated part between its markers, keeping what was written by hand around
    it (the analysis); a new file is only the generated part."""
    generated = f"{START}\n{table}\n{END}"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if START in old and END in old:
        before, rest = old.split(START, 1)
        after = rest.split(END, 1)[1]
        text = f"{before}{generated}{after}"
    else:
        text = f"# Performance\n\n{generated}\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
