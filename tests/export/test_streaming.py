"""Exports stream: memory does not grow with the store.

The seed article saved under many ids makes a store ten times bigger than
another; reading every table row and every event record of both, a batch
at a time, must peak at about the same memory (traced by tracemalloc, so
the check counts allocations, not time).
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from dataclasses import replace

from dateline.export.gdelt import event_row, mention_rows
from dateline.export.plover import plover_record
from dateline.model import Extraction
from dateline.store import Store

SMALL, LARGE = 12, 120
BATCH = 6


def _copies(seed: Extraction, first: int, count: int) -> list[Extraction]:
    return [
        replace(seed, article=replace(seed.article, id=f"{seed.article.id}~{n}"))
        for n in range(first, first + count)
    ]


def _peak(read: Callable[[], int]) -> tuple[int, int]:
    """Rows read and the peak of memory allocated while reading them."""

    tracemalloc.start()
    try:
        rows = read()
        return rows, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _read_everything(store: Store) -> int:
    rows = 0
    for name in ("articles", "mentions", "events"):
        rows += sum(1 for _ in store.tables.rows(name, batch_size=BATCH))
    for record in store.events.records(batch_size=BATCH):
        event_row(record)
        plover_record(record)
        rows += sum(1 for _ in mention_rows(record))
    return rows


def test_memory_stays_flat_as_the_store_grows(store: Store, seed: Extraction) -> None:
    store.save_many(_copies(seed, 0, SMALL))
    _read_everything(store)  # warm caches (compiled statements, tables) before measuring
    small_rows, small_peak = _peak(lambda: _read_everything(store))
    for first in range(SMALL, LARGE, 36):
        store.save_many(_copies(seed, first, min(36, LARGE - first)))
    large_rows, large_peak = _peak(lambda: _read_everything(store))
    assert large_rows == small_rows * LARGE // SMALL, "every row of the bigger store was read"
    assert large_peak < small_peak * 1.5 + 64 * 1024, (small_peak, large_peak)
