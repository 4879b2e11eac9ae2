"""Keeping republished copies out of extraction during one ingest.

`store.copies.find` sees what is stored; an ingest also meets copies of
articles it has read but not yet stored (sent to a worker, in a batch not
yet written). `CopyFilter` keeps those in memory (datasketch's `MinHashLSH`
over the same signatures the store indexes) until their batch is written:
a copy of a stored article is recorded at once, a copy of a pending one is
held and recorded when its original is stored, or sent to extraction after
all if the original failed.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from typing import Any

from dateline.model import Article
from dateline.store.copies import (
    CANDIDATE_JACCARD,
    MINHASH_SCHEME,
    NUM_PERM,
    CopyMatch,
    Fingerprint,
    best_near_copy,
    fingerprint,
)
from dateline.store.store import Store


class PendingCopies:
    """Articles of this run not yet stored, indexed to find their copies."""

    def __init__(self) -> None:
        from datasketch import MinHashLSH

        self._lsh: Any = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
        self._exact: dict[str, str] = {}
        self._prints: dict[str, tuple[Fingerprint, int]] = {}
        self._order = 0

    def find(self, article: Article, found: Fingerprint) -> CopyMatch | None:
        original = self._exact.get(found.text_key)
        if original is not None and original != article.id:
            return CopyMatch(original, "exact", 1.0)
        if found.signature is None:
            return None
        candidates = set(self._lsh.query(_minhash(found))) - {article.id}
        texts = {c: (self._prints[c][0].shingles, self._prints[c][1]) for c in candidates}
        return best_near_copy(found.shingles, candidates, texts)

    def add(self, article: Article, found: Fingerprint) -> None:
        if article.id in self._prints:
            return
        self._order += 1
        self._prints[article.id] = (found, self._order)
        self._exact.setdefault(found.text_key, article.id)
        if found.signature is not None:
            self._lsh.insert(article.id, _minhash(found))

    def holds(self, article_id: str) -> bool:
        return article_id in self._prints

    def settle(self, article_id: str) -> None:
        """Forget an article once stored (the store finds its copies now) or failed."""

        entry = self._prints.pop(article_id, None)
        if entry is None:
            return
        found, _ = entry
        if self._exact.get(found.text_key) == article_id:
            del self._exact[found.text_key]
        if found.signature is not None:
            self._lsh.remove(article_id)


def _minhash(found: Fingerprint) -> Any:
    import numpy as np
    from datasketch import MinHash

    assert found.signature is not None
    values = np.frombuffer(found.signature, dtype=np.uint32)
    return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=values, scheme=MINHASH_SCHEME)


class CopyFilter:
    """Lets through the articles to extract; records or holds the copies."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._pending = PendingCopies()
        self._held: dict[str, list[tuple[Article, CopyMatch]]] = defaultdict(list)
        self.retry: deque[Article] = deque()
        self.copies = 0

    def unique(self, batches: Iterable[list[Article]]) -> Iterator[list[Article]]:
        """`batches` without the copies; a copy's original's failure sends it back."""

        for batch in batches:
            while self.retry:
                yield from self._filtered([self.retry.popleft() for _ in range(len(self.retry))])
            yield from self._filtered(batch)
        while self.retry:
            yield from self._filtered([self.retry.popleft() for _ in range(len(self.retry))])

    def _filtered(self, batch: list[Article]) -> Iterator[list[Article]]:
        stored = self._store.articles.stored_ids(article.id for article in batch)
        fresh = [article for article in batch if article.id not in stored]
        in_store = self._store.copies.find(fresh)
        keep: list[Article] = []
        recorded: list[tuple[Article, CopyMatch]] = []
        for article in batch:
            if article.id in stored:
                keep.append(article)
                continue
            found = fingerprint(article.text)
            match = in_store.get(article.id) or self._pending.find(article, found)
            if match is None:
                self._pending.add(article, found)
                keep.append(article)
            elif self._pending.holds(match.original):
                self._held[match.original].append((article, match))
            else:
                recorded.append((article, match))
        self._record(recorded)
        if keep:
            yield keep

    def _record(self, copies: list[tuple[Article, CopyMatch]]) -> None:
        if copies:
            self._store.copies.record(copies)
            self.copies += len(copies)

    def settled(self, stored: Iterable[str], failed: Iterable[str]) -> None:
        """After a batch is written: record the copies of what was stored, and send
        the copies of what failed to extraction on their own."""

        for article_id in stored:
            self._pending.settle(article_id)
            self._record(self._held.pop(article_id, []))
        for article_id in failed:
            self._pending.settle(article_id)
            self.retry.extend(article for article, _ in self._held.pop(article_id, []))

    @property
    def waiting(self) -> bool:
        """Copies still held or sent back: the ingest must run them through."""

        return bool(self.retry or self._held)
