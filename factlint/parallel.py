"""`--jobs N`: lint documents in N worker processes, with the same output as one process.

The parent still walks the folders, reads, decodes and masks each file (run.py needs the
document for its suppression directives); the workers do the rest (quantities, the spaCy
pipeline, linking, checks), which is most of the cost. Results come back in document order,
so the report is the one a serial run builds.

Workers are started with 'forkserver' where it exists and 'spawn' elsewhere, never 'fork':
a forked child inherits whatever the parent holds, threads and locks included, and the
parent may have imported spaCy (the test suite does) or hold a half-built pipeline; a
forkserver child starts from a clean process. On this project's machines the start method
made no measurable difference to a run (each worker builds its own pipeline either way,
in parallel, while the parent reads the first files); see docs/performance.md.

Robustness: workers ignore SIGINT from the moment they start, so Ctrl-C reaches the parent
alone, which cancels what is queued and waits for the workers to finish the document in
hand (well under a second) and exit; no worker is left behind, and one whose parent is
killed outright ends with it. An exception in a worker
reaches the parent as a FactlintError naming the file; a worker that dies outright (killed,
out of memory) does too.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import multiprocessing.forkserver
import os
import pickle
import select
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factlint.errors import FactlintError

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.engine import Linter, LintResult

# Documents queued per worker beyond the one in hand: enough that a worker never waits for
# the parent, few enough that memory stays flat however large the archive.
_QUEUED_PER_WORKER = 4
_PRELOAD = "factlint.engine"


class WorkerError(FactlintError):
    """A worker process failed: an internal error, or the process died."""


def cpu_count() -> int:
    """The CPUs this process may run on (what `--jobs 0` means)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve_jobs(jobs: int) -> int:
    """`--jobs` as a number of processes: 0 is one per CPU."""
    if jobs < 0:
        raise FactlintError(f"--jobs must be 0 (one per CPU) or more, not {jobs}")
    return cpu_count() if jobs == 0 else jobs


@contextmanager
def lint_jobs(jobs: int) -> Iterator[LintPool | None]:
    """Within this block, every `Linter.lint` uses `jobs` worker processes (0: one per CPU).

    With one job there is no pool and linting stays in this process.
    """
    count = resolve_jobs(jobs)
    if count <= 1:
        yield None
        return
    from factlint.engine import POOL

    pool = LintPool(count)
    token = POOL.set(pool)
    try:
        yield pool
    finally:
        POOL.reset(token)
        pool.close()


def start_method() -> str:
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


class LintPool:
    """A process pool whose workers each build the spaCy pipeline once, at start."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._executor = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context(start_method()),
            initializer=_start_worker,
            initargs=(os.getpid(),),
        )
        self._packs: dict[int, _Packs] = {}
        # The workers must ignore SIGINT from their first instruction, or a Ctrl-C while one
        # is still importing kills it with a traceback. A process started with SIGINT
        # ignored keeps it ignored (Python installs no handler then), and the forkserver
        # hands the disposition it started with to every worker it forks. So SIGINT is
        # ignored here only while the forkserver process is created (a fork and exec,
        # milliseconds, not its start-up), or while each worker is with 'spawn'.
        method = start_method()
        if method == "forkserver":
            # The forkserver imports the engine (pydantic, markdown-it, regex: no spaCy, no
            # threads) once; each worker forked from it shares those pages instead of
            # importing them again.
            multiprocessing.get_context(method).set_forkserver_preload([_PRELOAD])
            with _sigint_ignored():
                multiprocessing.forkserver.ensure_running()
        # Start every worker now, so that their pipelines are built while the parent loads
        # packs and reads the first files, not when the first document arrives.
        with _sigint_ignored() if method == "spawn" else nullcontext():
            for _ in range(jobs):
                self._executor.submit(_ready)

    def results(self, linter: Linter, documents: Iterable[Document]) -> Iterator[LintResult]:
        """Each document's result, in the order of `documents`."""
        packs = self._packs_of(linter)
        pending: deque[tuple[str, Future[LintResult | _Failure]]] = deque()
        limit = self.jobs * (_QUEUED_PER_WORKER + 1)
        try:
            for document in documents:
                future = self._executor.submit(_lint, packs, document)
                pending.append((document.path, future))
                if len(pending) >= limit:
                    yield _result(*pending.popleft())
            while pending:
                yield _result(*pending.popleft())
        finally:
            for _, future in pending:
                future.cancel()

    def close(self) -> None:
        """Stop the workers: queued documents are dropped, the ones in hand finish."""
        self._executor.shutdown(wait=True, cancel_futures=True)

    def _packs_of(self, linter: Linter) -> _Packs:
        # Packs (and the linter's settings) go to the workers as one pickled blob with a
        # digest, so that each worker unpickles them and builds its Linter once, not once
        # per document.
        key = id(linter)
        if key not in self._packs:
            settings = (tuple(linter.packs), linter.attribution_scope, linter.keep_figures)
            blob = pickle.dumps(settings, protocol=pickle.HIGHEST_PROTOCOL)
            self._packs[key] = _Packs(hashlib.sha256(blob).hexdigest(), blob, linter)
        return self._packs[key]


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """SIGINT ignored within the block (child processes started in it inherit that)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may change signal handlers
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@dataclass(frozen=True)
class _Packs:
    digest: str
    blob: bytes
    linter: object  # kept alive so that its id is not reused

    def __reduce__(self) -> tuple[type[_Packs], tuple[str, bytes, tuple[()]]]:
        return (_Packs, (self.digest, self.blob, ()))


@dataclass(frozen=True)
class _Failure:
    """What went wrong in a worker, in a form that always pickles."""

    type_name: str
    message: str
    traceback: str
    # Set when the error was a FactlintError: it reaches the user as the same one line.
    factlint: tuple[str, str | None, int | None, int | None] | None


def _result(path: str, future: Future[LintResult | _Failure]) -> LintResult:
    try:
        outcome = future.result()
    except BrokenProcessPool as error:
        raise WorkerError(
            f"a worker process died while linting {path} (killed, or out of memory?);"
            " run with --jobs 1 to lint in one process"
        ) from error
    if isinstance(outcome, _Failure):
        if outcome.factlint is not None:
            message, where, line, column = outcome.factlint
            raise FactlintError(message, where, line, column)
        # The worker's traceback, as text, is the cause: shown when factlint is used as a
        # library; the command line prints the one line.
        raise WorkerError(
            f"internal error in a worker process while linting {path}:"
            f" {outcome.type_name}: {outcome.message} (run with --jobs 1 for the traceback)"
        ) from RuntimeError(outcome.traceback)
    return outcome


# ---------------------------------------------------------------------------------------
# In the worker processes
# ---------------------------------------------------------------------------------------

_LINTERS: dict[str, Linter] = {}


def _start_worker(parent: int) -> None:
    # Ctrl-C goes to the whole process group; only the parent acts on it (see the module
    # docstring), so a worker never dies half-way through a document.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with(parent)
    from factlint.nlp import lemma_table, pipeline

    pipeline()
    lemma_table()


def _exit_with(parent: int) -> None:
    """End this worker when the parent process ends, however it ends.

    A pool worker waits for work forever: if the parent is killed (SIGTERM, SIGKILL, out of
    memory) it never says stop, and the worker and the forkserver (which the worker keeps
    alive) would stay behind. A thread waits for the parent's exit and ends the process.
    """

    def watch() -> None:
        try:
            handle = os.pidfd_open(parent)
        except ProcessLookupError:
            os._exit(1)
        except (AttributeError, OSError):  # no pidfd (not Linux, or before 5.3): poll
            while _alive(parent):
                time.sleep(1)
        else:
            select.select([handle], [], [])  # readable once the process has ended
        os._exit(1)

    threading.Thread(target=watch, name="factlint-parent-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _ready() -> None:
    """A task that does nothing: submitting one per worker starts them all."""


def _lint(packs: _Packs, document: Document) -> LintResult | _Failure:
    try:
        linter = _LINTERS.get(packs.digest)
        if linter is None:
            from factlint.engine import Linter

            pack_list, scope, keep_figures = pickle.loads(packs.blob)
            linter = Linter(pack_list, scope, keep_figures=keep_figures)
            _LINTERS[packs.digest] = linter
        return linter.lint_one(document)
    except Exception as error:
        details = None
        if isinstance(error, FactlintError):
            details = (error.message, error.path, error.line, error.column)
        return _Failure(type(error).__name__, str(error), traceback.format_exc(), details)
