"""Running extraction at scale: bounded batches, worker processes, Dask.

`ParallelExtractor` takes a stream of article batches and gives back their
extractions batch by batch, in input order, whether it runs them in this
process, in a pool of worker processes on this machine or on a Dask cluster.
Each worker loads the spaCy model once; only a bounded number of batches is
in flight, so memory stays flat however long the stream is.
"""

from dateline.scale.batches import batched
from dateline.scale.extractor import Outcome, ParallelExtractor, WorkerLost, default_workers

__all__ = ["Outcome", "ParallelExtractor", "WorkerLost", "batched", "default_workers"]
