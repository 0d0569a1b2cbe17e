"""`--jobs`: the same output, status and errors as one process, and a pool that fails
clearly and never leaves a process behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path

import pytest

from factlint.document import Document, parse_document
from factlint.engine import Linter
from factlint.errors import FactlintError
from factlint.pack import resolve_pack
from factlint.parallel import LintPool, WorkerError, _Failure, _result, lint_jobs, resolve_jobs
from tests.conftest import ROOT, run_cli

FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="module")
def pool() -> Iterator[LintPool]:
    pool = LintPool(2)
    yield pool
    pool.close()


def drafts_with_input_errors(root: Path) -> list[str]:
    for index, source in enumerate(sorted(FIXTURES.glob("*/*.*"))):
        shutil.copy(source, root / f"{index:02d}-{source.name}")
    (root / "bad-utf8.md").write_bytes(b"About 300,000 people \xff\n")
    (root / "binary.md").write_bytes(b"\x00\x01 300,000")
    return [str(root), str(root / "missing.md"), str(FIXTURES / "drafts")]


@pytest.mark.parametrize(
    "options", [[], ["--format", "json"], ["--figures"], ["--format", "sarif"], ["--quiet"]]
)
def test_jobs_output_is_byte_identical_to_one_process(
    options: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = drafts_with_input_errors(tmp_path)
    serial = run_cli(["check", *options, *paths], capsys)
    parallel = run_cli(["check", "--jobs", "2", *options, *paths], capsys)
    assert parallel.out == serial.out
    assert parallel.err == serial.err
    assert parallel.status == serial.status == 2
    assert "bad-utf8.md" in serial.err and "missing.md" in serial.err


def test_jobs_keeps_the_findings_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    flagged = str(FIXTURES / "acceptance" / "flagged.md")
    serial = run_cli(["check", flagged], capsys)
    parallel = run_cli(["check", "--jobs", "0", flagged], capsys)
    assert (parallel.status, parallel.out) == (serial.status, serial.out)
    assert serial.status == 1


def test_negative_jobs_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["check", "--jobs", "-1", str(FIXTURES / "drafts")], capsys)
    assert result.status == 2
    assert "--jobs" in result.err


def test_one_job_means_no_pool() -> None:
    assert resolve_jobs(0) >= 1
    with lint_jobs(1) as pool:
        assert pool is None


def test_pool_results_come_back_in_document_order(pool: LintPool) -> None:
    linter = Linter([resolve_pack("north-korea-forced-labour")])
    text = (FIXTURES / "acceptance" / "flagged.md").read_text(encoding="utf-8")
    documents = [parse_document(text, f"draft-{index:03d}.md") for index in range(30)]
    results = list(pool.results(linter, documents))
    assert results == [linter.lint_one(document) for document in documents]
    assert [figures[0].path for figures, _ in results] == [d.path for d in documents]


def test_an_exception_in_a_worker_names_the_file(pool: LintPool) -> None:
    linter = Linter([resolve_pack("north-korea-forced-labour")])
    broken = Document("broken.md", None)  # type: ignore[arg-type]
    with pytest.raises(WorkerError, match=r"broken\.md: (Attribute|Type)Error"):
        list(pool.results(linter, [broken]))
    # The pool is still usable after a failed document.
    good = parse_document("Some 300,000 people are held.", "good.md")
    assert list(pool.results(linter, [good])) == [linter.lint_one(good)]


def test_an_input_error_in_a_worker_stays_an_input_error() -> None:
    future: Future[object] = Future()
    future.set_result(_Failure("FactlintError", "x", "", ("bad pack", "p.yaml", 3, None)))
    with pytest.raises(FactlintError) as caught:
        _result("draft.md", future)  # type: ignore[arg-type]
    assert str(caught.value) == "p.yaml:3: bad pack"
    assert not isinstance(caught.value, WorkerError)


class _DiesInTheWorker:
    """Unpickling this in a worker ends the worker process at once, as a kill would."""

    path = "doomed.md"

    def __reduce__(self) -> tuple[object, tuple[int]]:
        return (os._exit, (3,))


def test_a_worker_that_dies_is_a_clear_error() -> None:
    linter = Linter([resolve_pack("north-korea-forced-labour")])
    pool = LintPool(2)
    try:
        with pytest.raises(WorkerError, match=r"worker process died while linting doomed\.md"):
            list(pool.results(linter, [_DiesInTheWorker()]))  # type: ignore[list-item]
    finally:
        pool.close()


def _alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_closing_the_pool_ends_every_worker() -> None:
    pool = LintPool(2)
    futures = [pool._executor.submit(os.getpid) for _ in range(8)]
    workers = {future.result() for future in futures}
    assert workers and all(_alive(pid) for pid in workers)
    pool.close()
    assert not any(_alive(pid) for pid in workers)


def _start_long_run(root: Path) -> subprocess.Popen[bytes]:
    """`factlint check --jobs 2` on enough drafts to take a while, once its workers are up."""
    text = (FIXTURES / "drafts" / "briefing-forced-labour.md").read_text(encoding="utf-8")
    for index in range(400):
        (root / f"draft-{index:03d}.md").write_text(text * 8, encoding="utf-8")
    # A new session, as a terminal's foreground job: Ctrl-C goes to the whole group.
    process = subprocess.Popen(
        [sys.executable, "-m", "factlint", "check", "--jobs", "2", str(root)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    # Parent, forkserver and two workers.
    for _ in range(600):
        if len(_group(process.pid)) >= 4:
            break
        subprocess.run(["sleep", "0.1"], check=True)
    return process


def _wait_for_no_process_in(group: int) -> list[int]:
    # The forkserver, if any, exits when it sees its clients gone: give it a moment.
    for _ in range(100):
        if not [pid for pid in _group(group) if _alive(pid)]:
            break
        subprocess.run(["sleep", "0.1"], check=True)
    return [pid for pid in _group(group) if _alive(pid)]


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and signals")
def test_workers_end_when_the_parent_is_killed(tmp_path: Path) -> None:
    process = _start_long_run(tmp_path)
    try:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        assert _wait_for_no_process_in(process.pid) == []
    finally:
        for pid in _group(process.pid):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and signals")
def test_ctrl_c_stops_every_process(tmp_path: Path) -> None:
    process = _start_long_run(tmp_path)
    try:
        os.killpg(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 130, err
    assert b"Traceback" not in err
    assert _wait_for_no_process_in(process.pid) == []


def _group(pgid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[2]) == pgid:
                found.append(int(entry.name))
    return found


@pytest.mark.parametrize("jobs", [1, 2])
def test_figures_are_kept_only_when_asked_for(jobs: int) -> None:
    # Text, SARIF, GitHub and rdjsonl output never print the figures; a run for them keeps
    # none (nor sends them between processes), and its findings are the same.
    from factlint.run import CheckOptions, run_check

    paths = [str(FIXTURES / "drafts"), str(FIXTURES / "acceptance")]
    with lint_jobs(jobs):
        kept = run_check(CheckOptions(paths=paths)).report
        dropped = run_check(CheckOptions(paths=paths, keep_figures=False)).report
    assert kept.figures and not dropped.figures
    assert dropped.findings == kept.findings and dropped.files == kept.files
