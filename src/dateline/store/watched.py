"""What `dateline watch` remembers of each source, in the store: `store.watched`.

Per source URL its last ETag and Last-Modified (sent back, so an unchanged
feed costs a 304 and no body) and the keys (GUID, else link) of the items
already read, so a watch restarted after a crash or a reboot ingests only
what is new.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa

from dateline.store.schema import watched_items, watched_sources

if TYPE_CHECKING:
    from dateline.store.store import Store


@dataclass(frozen=True, slots=True)
class SourceState:
    etag: str | None = None
    last_modified: str | None = None
    items: frozenset[str] = frozenset()

    def request_headers(self) -> dict[str, str]:
        """Conditional-request headers: the server answers 304 if nothing changed."""

        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class Watched:
    """Every operation on watched sources: `store.watched`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def state(self, url: str) -> SourceState:
        with self._store.transaction(f"reading what was seen of {url}") as conn:
            row = conn.execute(
                sa.select(watched_sources).where(watched_sources.c.url == url)
            ).first()
            if row is None:
                return SourceState()
            items = conn.execute(
                sa.select(watched_items.c.item).where(watched_items.c.source == url)
            ).scalars()
            return SourceState(row.etag, row.last_modified, frozenset(items))

    def remember(
        self,
        url: str,
        items: Iterable[str],
        *,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        """Record a pass over `url`: its validators (where sent) and the items read."""

        now = datetime.now(UTC)
        with self._store.transaction(f"remembering what was seen of {url}") as conn:
            found = conn.execute(
                sa.select(watched_sources.c.url).where(watched_sources.c.url == url)
            ).first()
            values: dict[str, object] = {"checked_at": now}
            if etag is not None or last_modified is not None:
                values |= {"etag": etag, "last_modified": last_modified}
            if found is None:
                conn.execute(sa.insert(watched_sources).values(url=url, **values))
            else:
                conn.execute(
                    sa.update(watched_sources).where(watched_sources.c.url == url).values(**values)
                )
            known = set(
                conn.execute(
                    sa.select(watched_items.c.item).where(watched_items.c.source == url)
                ).scalars()
            )
            fresh = sorted(set(items) - known)
            if fresh:
                conn.execute(
                    sa.insert(watched_items),
                    [{"source": url, "item": item, "seen_at": now} for item in fresh],
                )
