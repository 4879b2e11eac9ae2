"""Exports stream: they hold a batch of rows at a time, not the store.

Reading every table row and every event record of a store of 60 articles
(the seed saved under many ids) and turning the records into GDELT and
PLOVER rows as an export does, a batch of 6 at a time must peak far below
reading the same store in one batch of everything: what a reader that kept
what it read would need. Both are measured on the same store after a first
pass (so statement caches, bounded and filled once, weigh the same), and
tracemalloc counts allocations, not time.
"""

from __future__ import annotations

import tracemalloc
from dataclasses import replace

from dateline.export.gdelt import event_row, mention_rows
from dateline.export.plover import plover_record
from dateline.model import Extraction
from dateline.store import Store

ARTICLES = 60
STREAMED, WHOLE = 6, 100_000


def _copies(seed: Extraction, count: int) -> list[Extraction]:
    return [
        replace(seed, article=replace(seed.article, id=f"{seed.article.id}~{n}"))
        for n in range(count)
    ]


def _read_everything(store: Store, batch_size: int) -> int:
    rows = 0
    for name in ("articles", "mentions", "events"):
        rows += sum(1 for _ in store.tables.rows(name, batch_size=batch_size))
    for record in store.events.records(batch_size=batch_size):
        event_row(record)
        plover_record(record)
        rows += sum(1 for _ in mention_rows(record))
    return rows


def _peak(store: Store, batch_size: int) -> tuple[int, int]:
    """Rows read, and the peak of memory allocated while reading them."""

    _read_everything(store, batch_size)
    tracemalloc.start()
    try:
        return _read_everything(store, batch_size), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_exports_hold_a_batch_not_the_store(store: Store, seed: Extraction) -> None:
    store.save_many(_copies(seed, ARTICLES))
    streamed_rows, streamed_peak = _peak(store, STREAMED)
    whole_rows, whole_peak = _peak(store, WHOLE)
    assert streamed_rows == whole_rows > ARTICLES * 25, "every row was read both ways"
    assert streamed_peak * 3 < whole_peak, (streamed_peak, whole_peak)
