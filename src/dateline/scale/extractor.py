"""One interface over three ways to run extraction: inline, processes, Dask.

The caller hands over batches of articles and receives, for each batch and
in the same order, the list of its outcomes (an `Extraction`, or the
`ExtractionFailed` a stage raised). Results come back in input order, so
the caller can write them as they arrive and a resumed run knows that every
article before the last stored one was handled.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain
from types import TracebackType
from typing import TYPE_CHECKING, Protocol, Self

from dateline.errors import DatelineError, WorkerLost
from dateline.model import Article, Extraction
from dateline.parsing import check_model
from dateline.pipeline import ExtractionFailed, extract_batch, warm_up

if TYPE_CHECKING:
    from dateline.scale.cluster import DaskBackend

Outcome = Extraction | ExtractionFailed

DASK_MISSING = (
    "--dask needs Dask, an optional part of dateline: pip install 'dateline[cluster]' "
    "(or run without --dask: --workers uses the cores of this machine)."
)


IN_FLIGHT_PER_WORKER = 2
"""Batches queued per worker: enough to keep it busy while the parent reads
and writes, few enough that memory does not depend on the corpus size."""


def default_workers() -> int:
    """The cores this process may run on (all of them, unless restricted)."""

    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _dask_backend() -> type[DaskBackend]:
    """The Dask backend, or a `DatelineError` naming the extra to install."""

    try:
        from dateline.scale.cluster import DaskBackend
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in ("dask", "distributed"):
            raise
        raise DatelineError(DASK_MISSING) from exc
    return DaskBackend


class _Backend(Protocol):
    def submit(self, batch: list[Article]) -> _Pending: ...

    def close(self) -> None: ...


class _Pending(Protocol):
    def get(self) -> list[Outcome]: ...


class ParallelExtractor:
    """Extraction over `workers` processes, or a Dask cluster, or inline.

    `dask` is a scheduler address (``tcp://host:8786``) or ``"local"`` for a
    LocalCluster of `workers` processes; None uses a process pool on this
    machine. One worker runs inline in this process; so does a stream that
    fits in one batch, unless Dask is asked for: starting local workers would
    cost more than it saves.
    """

    def __init__(self, workers: int, *, model: str | None = None, dask: str | None = None):
        if workers < 1:
            raise DatelineError(f"--workers must be at least 1, not {workers}.")
        self.workers = workers
        self.model = model
        self.dask = dask
        if dask is not None:
            _dask_backend()  # says now, not after reading the input, that Dask is missing
        self._backend: _Backend | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers; batches still running are abandoned, not stored."""

        if self._backend is not None:
            self._backend.close()
            self._backend = None

    @property
    def mode(self) -> str:
        """How the batches run, for messages: inline, processes or dask."""

        if self._backend is None:
            return "inline"
        return "dask" if self.dask else "processes"

    def run(self, batches: Iterable[list[Article]]) -> Iterator[list[Outcome]]:
        """Outcomes of each batch, in input order, with bounded look-ahead."""

        iterator = iter(batches)
        peeked = [batch for batch in (next(iterator, None), next(iterator, None)) if batch]
        stream = chain(peeked, iterator)
        if self.dask is None and (len(peeked) < 2 or self.workers == 1):
            for batch in stream:
                yield extract_batch(batch, self.model)
            return
        self._backend = self._start()
        yield from self._run_remote(stream, self._backend)

    def _start(self) -> _Backend:
        if self.dask is not None:
            return _dask_backend()(self.dask, self.workers, self.model)
        check_model(self.model)
        return ProcessBackend(self.workers, self.model)

    def _run_remote(
        self, batches: Iterator[list[Article]], backend: _Backend
    ) -> Iterator[list[Outcome]]:
        limit = self.workers * IN_FLIGHT_PER_WORKER
        pending: deque[_Pending] = deque()
        try:
            for batch in batches:
                pending.append(backend.submit(batch))
                if len(pending) >= limit:
                    yield pending.popleft().get()
        except Exception:
            # Reading the input failed: the batches already handed to workers
            # are finished and yielded (so the caller stores them) before the
            # error goes on; nothing extracted is dropped.
            while pending:
                yield pending.popleft().get()
            raise
        while pending:
            yield pending.popleft().get()


PARENT_CHECK_SECONDS = 1.0
"""How often a worker checks that the process that started it is still alive."""


def _start_worker(model: str | None, parent: int) -> None:
    """Worker start-up: leave Ctrl-C to the parent, exit with it, warm the model once.

    A worker forked from a warm parent finds everything loaded already.
    """

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_when_orphaned(parent)
    warm_up(model)


def _exit_when_orphaned(parent: int) -> None:
    """End this worker soon after its parent dies, however it died.

    A parent killed by the OOM killer or `kill -9` cannot stop its pool, and
    its workers (hundreds of MiB each, the model loaded) would run on. A
    daemon thread notices the parent is gone (the worker is re-parented, so
    `getppid` changes) and ends the process; nothing of the worker needs
    saving, since only the parent writes to the store.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="dateline-parent-watch", daemon=True).start()


LOST_WORKER_MESSAGE = (
    "a worker process died while extracting a batch (killed by the system, perhaps for "
    "lack of memory, or by a signal). The run stopped; what was written before it is kept, "
    "and for an ingest the same command with --resume continues from there. Fewer "
    "--workers or a smaller --batch-size need less memory."
)


class _ProcessPending:
    def __init__(self, future: Future[list[Outcome]]) -> None:
        self.future = future

    def get(self) -> list[Outcome]:
        try:
            return self.future.result()
        except BrokenProcessPool as exc:
            raise WorkerLost(LOST_WORKER_MESSAGE) from exc


class ProcessBackend:
    """A pool of worker processes on this machine, one model each.

    Where the platform can fork, the parent loads and warms the model once
    and forks the workers from it: they start at once, sharing the loaded
    tables' memory pages. Elsewhere workers are spawned and warm up alone.
    The pool is a `ProcessPoolExecutor`, which notices a worker that dies
    and fails its batches (`WorkerLost`) instead of leaving them pending
    forever, as `multiprocessing.Pool` does.
    """

    def __init__(self, workers: int, model: str | None) -> None:
        forking = "fork" in multiprocessing.get_all_start_methods()
        if forking:
            warm_up(model)
        context = multiprocessing.get_context("fork" if forking else "spawn")
        self.model = model
        self.pool = ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start_worker, initargs=(model, os.getpid())
        )

    def submit(self, batch: list[Article]) -> _ProcessPending:
        try:
            return _ProcessPending(self.pool.submit(extract_batch, batch, self.model))
        except BrokenProcessPool as exc:
            raise WorkerLost(LOST_WORKER_MESSAGE) from exc

    def close(self) -> None:
        """Stop at once: batches still running are abandoned, as after Ctrl-C."""

        # The executor has no public way to stop running workers before 3.14.
        processes = list((getattr(self.pool, "_processes", None) or {}).values())
        self.pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join()
