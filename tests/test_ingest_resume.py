"""An interrupted ingest continues where it stopped: nothing twice, nothing lost.

A real `dateline ingest` subprocess is killed (SIGKILL, as `kill -9`) or
interrupted (SIGINT, as Ctrl-C) once it has stored some articles; `--resume`
then finishes the job, and the store must equal that of one clean run.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dateline.cli import main

DATELINE = Path(sys.executable).with_name("dateline")
ARTICLES = 60  # enough that a signal sent after the first stored article lands midway
STARTUP_LIMIT = 180.0
"""Seconds allowed for the subprocess to load the model and store a first article."""


def stored_count(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(path, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def stats(path: Path) -> dict[str, Any]:
    from dateline.store import Store

    with Store(f"sqlite:///{path}") as store:
        return store.stats().as_dict()


def _answer_ctrl_c() -> None:
    """Let the ingest hear SIGINT even when the tests run as a background job.

    A shell starts background jobs with SIGINT ignored, the child inherits
    that, and Python then installs no KeyboardInterrupt handler at all.
    """

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def ingest_until_one_is_stored(articles: Path, db: Path, *options: str) -> subprocess.Popen[bytes]:
    """An ingest subprocess, returned once it stored its first article (or ended)."""

    command = [str(DATELINE), "ingest", str(articles), "--db", str(db), *options]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_answer_ctrl_c,
    )
    deadline = time.monotonic() + STARTUP_LIMIT
    while stored_count(db) == 0 and process.poll() is None:
        if time.monotonic() > deadline:
            process.kill()
            process.wait()
            raise AssertionError("the ingest stored nothing in time")
        time.sleep(0.02)
    return process


def interrupt_midway(articles: Path, db: Path, how: signal.Signals, *options: str) -> str:
    """Start an ingest, send `how` once it stored an article; its stderr."""

    process = ingest_until_one_is_stored(articles, db, *options)
    try:
        process.send_signal(how)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if how == signal.SIGKILL:
        assert process.returncode == -signal.SIGKILL
    return err.decode("utf-8", "replace")


def resume(articles: Path, db: Path, *options: str) -> str:
    result = CliRunner().invoke(
        main,
        ["ingest", str(articles), "--db", str(db), "--resume", *options],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def clean_run(
    tmp_path_factory: pytest.TempPathFactory, short_reuters: Callable[[int, Path], Path]
) -> tuple[Path, dict[str, Any]]:
    """The articles and the stats of one uninterrupted ingest of them."""

    folder = tmp_path_factory.mktemp("clean")
    articles = short_reuters(ARTICLES, folder)
    db = folder / "clean.db"
    result = CliRunner().invoke(
        main, ["ingest", str(articles), "--db", str(db), "--workers", "1", "--batch-size", "1"]
    )
    assert result.exit_code == 0, result.output
    return articles, stats(db)


def test_kill_9_then_resume_stores_everything_once(
    tmp_path: Path, clean_run: tuple[Path, dict[str, Any]]
) -> None:
    articles, expected = clean_run
    db = tmp_path / "killed.db"
    options = ("--workers", "1", "--batch-size", "1")
    interrupt_midway(articles, db, signal.SIGKILL, *options)
    survived = stored_count(db)
    assert 0 < survived < ARTICLES, "the kill should land midway"
    output = resume(articles, db, *options)
    assert f"{ARTICLES - survived} new, 0 updated, {survived} already stored" in output
    assert stats(db) == expected


def test_ctrl_c_stops_cleanly_and_resume_finishes(
    tmp_path: Path, clean_run: tuple[Path, dict[str, Any]]
) -> None:
    articles, expected = clean_run
    db = tmp_path / "interrupted.db"
    options = ("--workers", "1", "--batch-size", "1")
    message = interrupt_midway(articles, db, signal.SIGINT, *options)
    assert "--resume" in message, message
    survived = stored_count(db)
    assert 0 < survived <= ARTICLES
    resume(articles, db, *options)
    assert stats(db) == expected


LOST_WORKER_LIMIT = 60.0
"""Seconds the ingest may take to notice a dead worker, stop and say so."""


def test_a_killed_worker_stops_the_ingest_and_keeps_what_was_stored(
    tmp_path: Path, clean_run: tuple[Path, dict[str, Any]]
) -> None:
    psutil = pytest.importorskip("psutil")
    articles, expected = clean_run
    db = tmp_path / "lost-worker.db"
    options = ("--workers", "2", "--batch-size", "1")
    process = ingest_until_one_is_stored(articles, db, *options)
    try:
        parent = psutil.Process(process.pid)
        workers = [child for child in parent.children() if child.cmdline() == parent.cmdline()]
        assert workers, "no forked worker found"
        stored_before = stored_count(db)
        workers[0].kill()  # as the out-of-memory killer would
        _, err = process.communicate(timeout=LOST_WORKER_LIMIT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    message = err.decode("utf-8", "replace")
    assert process.returncode == 1, message
    assert "worker process died" in message and "--resume" in message, message
    survived = stored_count(db)
    assert stored_before <= survived < ARTICLES
    resume(articles, db, *options)
    assert stats(db) == expected


ORPHAN_LIMIT = 30.0
"""Seconds a worker may outlive its SIGKILLed parent (it checks once a second)."""


def test_workers_exit_when_the_parent_is_killed(
    tmp_path: Path, clean_run: tuple[Path, dict[str, Any]]
) -> None:
    """Hostile-user report D7: after `kill -9` of the parent the workers (540 MiB
    each) ran on until killed by hand."""

    psutil = pytest.importorskip("psutil")
    articles, _ = clean_run
    process = ingest_until_one_is_stored(
        articles, tmp_path / "orphans.db", "--workers", "2", "--batch-size", "1"
    )
    try:
        parent = psutil.Process(process.pid)
        workers = [child for child in parent.children() if child.cmdline() == parent.cmdline()]
        assert workers, "no forked worker found"
        process.kill()
        process.wait()
        _gone, alive = psutil.wait_procs(workers, timeout=ORPHAN_LIMIT)
    finally:
        for worker in workers:
            if worker.is_running():
                worker.kill()
    assert not alive, f"{len(alive)} worker(s) outlived their parent"
