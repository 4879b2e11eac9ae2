"""Extraction on a Dask cluster: `--dask tcp://scheduler:8786` or `--dask local`.

Batches are submitted as tasks running `extract_batch`; a worker plugin
loads and warms the spaCy model when each worker starts (both are cached),
so a worker loads the model once whatever the number of batches it runs.
Results travel back to this process, which writes them to the store.
"""

from __future__ import annotations

import logging

from distributed import Client, Future, KilledWorker, LocalCluster, Worker, WorkerPlugin

from dateline.errors import DatelineError, WorkerLost
from dateline.model import Article, Extraction
from dateline.pipeline import ExtractionFailed, extract_batch, warm_up

LOCAL = "local"
CONNECT_TIMEOUT = "20s"


class LoadModel(WorkerPlugin):
    """Loads and warms the spaCy model on each worker as it joins, once."""

    name = "dateline-load-model"

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker: Worker) -> None:
        warm_up(self.model)


class _DaskPending:
    def __init__(self, future: Future) -> None:
        self.future = future

    def get(self) -> list[Extraction | ExtractionFailed]:
        try:
            result: list[Extraction | ExtractionFailed] = self.future.result()
        except KilledWorker as exc:  # Dask retried the batch on other workers, in vain
            raise WorkerLost(
                f"Dask workers kept dying while extracting a batch ({exc}). Every article "
                "stored before it is kept; --resume continues from there."
            ) from exc
        self.future.release()
        return result


class DaskBackend:
    """A Dask client, on a LocalCluster we start or a scheduler we are given."""

    def __init__(self, address: str, workers: int, model: str | None) -> None:
        self.model = model
        self.cluster: LocalCluster | None = None
        try:
            if address == LOCAL:
                self.cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self.client = Client(self.cluster)
            else:
                self.client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            self._close_cluster()
            raise DatelineError(
                f"cannot reach the Dask scheduler at {address!r}: {exc}. Start one with "
                "`dask scheduler` and workers with `dask worker ADDRESS` (see docs/cluster.md), "
                "or use --dask local."
            ) from exc
        self.client.register_plugin(LoadModel(model))

    def submit(self, batch: list[Article]) -> _DaskPending:
        return _DaskPending(self.client.submit(extract_batch, batch, self.model, pure=False))

    def close(self) -> None:
        self.client.close()
        self._close_cluster()

    def _close_cluster(self) -> None:
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
