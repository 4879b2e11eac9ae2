"""Answers that sum up the whole store, kept until the store changes.

Some readings aggregate over every article: how many articles name each
actor, which measures are reported most, the month-by-month chart of a
dyad, the places of the map. On a store of 50,000 articles each takes
from tens of milliseconds to seconds, and the same ones are asked again and
again (the busiest actors, the home page's counts). `StoreCache` keeps them
while the store is unchanged and forgets them all as soon as it changes, so
an answer is never staler than `CHECK_EVERY` seconds.

A change is seen through the store's fingerprint: how many articles it
holds and when the last one was written (`articles.ingested_at`). Every
write path goes through `save_extraction`, which adds an article or stamps
a new `ingested_at` on the one it replaces, so any change moves the
fingerprint; reading it costs one indexed query, done at most once per
`CHECK_EVERY` seconds whatever the request rate.

Two requests needing the same missing answer compute it once: the second
waits for the first rather than doubling the work on a busy machine.
`on_change`, if set, runs in a thread of its own whenever the cache finds the
store changed (and on its first look): the server uses it to compute the
store-wide answers again before a visitor asks for them.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

from dateline.store.schema import article_copies, articles

T = TypeVar("T")

CHECK_EVERY = 1.0
"""Seconds between two readings of the fingerprint: the most an answer can lag a write."""
MAX_ENTRIES = 1024
"""Answers kept at most; the least recently used goes first."""
MAX_ITEMS = 2_000_000
"""Rows kept at most, summed over the answers (a list counts its length, bytes
one row per `BYTES_PER_ROW`): about the size of every actor's list of articles
in a 50,000-article store, or 200 MB of JSON."""
BYTES_PER_ROW = 100


class StoreCache:
    """Memoised readings of one store, dropped whenever the store changes."""

    def __init__(self, engine: Engine, *, check_every: float = CHECK_EVERY) -> None:
        # Its own connection for the fingerprint: a reading that asks the cache while
        # it holds one of the pool's connections must never wait for another.
        self._engine = sa.create_engine(engine.url, poolclass=NullPool)
        self._check_every = check_every
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._items = 0
        self._computing: dict[Hashable, threading.Lock] = {}
        self._fingerprint: tuple[Any, ...] | None = None
        self._checked_at = float("-inf")
        self._generation = 0
        self.on_change: Callable[[], None] | None = None
        """Counts the times the entries were dropped: an answer computed across a
        drop may predate the change, so it is returned but not kept."""

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer stored under `key`, computed by `compute()` if missing or stale."""

        self._drop_if_changed()
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key][0]
            computing = self._computing.setdefault(key, threading.Lock())
        with computing:
            with self._lock:
                if key in self._entries:
                    return self._entries[key][0]
                generation = self._generation
            value = compute()
            with self._lock:
                if generation == self._generation:
                    self._keep(key, value)
                self._computing.pop(key, None)
            return value

    def _keep(self, key: Hashable, value: Any) -> None:
        items = _items(value)
        self._entries[key] = (value, items)
        self._items += items
        while self._entries and (len(self._entries) > MAX_ENTRIES or self._items > MAX_ITEMS):
            _, (_, dropped) = self._entries.popitem(last=False)
            self._items -= dropped

    def close(self) -> None:
        self._engine.dispose()

    def clear(self) -> None:
        """Forget every answer: the store calls it after each write of its own."""

        with self._lock:
            self._drop()
            self._fingerprint = None
            self._checked_at = float("-inf")

    def _drop(self) -> None:
        self._entries.clear()
        self._items = 0
        self._generation += 1

    def _drop_if_changed(self) -> None:
        now = time.monotonic()
        if now - self._checked_at < self._check_every:
            return
        fingerprint = self._read_fingerprint()
        with self._lock:
            self._checked_at = now
            changed = fingerprint != self._fingerprint
            if changed:
                self._drop()
                self._fingerprint = fingerprint
        if changed and self.on_change is not None:
            threading.Thread(target=self.on_change, name="store-cache-warm", daemon=True).start()

    def _read_fingerprint(self) -> tuple[Any, ...]:
        # Copies change what the stats and an article's page say without
        # adding an article, so their count is part of the fingerprint.
        copies = sa.select(sa.func.count()).select_from(article_copies).scalar_subquery()
        query = sa.select(sa.func.count(), sa.func.max(articles.c.ingested_at), copies)
        with self._engine.connect() as conn:
            row = conn.execute(query.select_from(articles)).one()
        return tuple(row)


def _items(value: Any) -> int:
    """How many rows `value` weighs in `MAX_ITEMS`."""

    if isinstance(value, bytes):
        return 1 + len(value) // BYTES_PER_ROW
    return len(value) if isinstance(value, list | tuple | dict | set) else 1
