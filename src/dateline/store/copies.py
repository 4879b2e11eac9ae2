"""Republished copies: found at ingest, stored once, each kept as a record of the first.

Wire stories are republished word for word, or with a changed first line,
a credit ("Reporting by ..."), a trimmed last paragraph. Stored again, their
figures and events would be counted twice. Each stored article therefore
has a fingerprint: the hash of its normalised text (an exact copy has the
same) and a MinHash signature of its word 5-gram shingles, cut into LSH
bands whose buckets are rows of the store (datasketch chooses the bands for
`CANDIDATE_JACCARD`). A new article whose text hash is stored, or whose
shingles overlap a stored article's by at least `NEAR_COPY_JACCARD`, or lie
within it for `NEAR_COPY_CONTAINED` (counted exactly on the candidates the
buckets give), is a copy: it is not
extracted, and `article_copies` keeps its id, source, URL and date as a
record of the first stored copy. The index is in the store, so copies are
found across batches, workers, `--resume` and later runs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.model import Article, normalise_text
from dateline.store.rows import Row, utc_iso
from dateline.store.schema import article_bands, article_copies, article_fingerprints, articles

if TYPE_CHECKING:
    from dateline.store.store import Store

SHINGLE_WORDS = 5
NUM_PERM = 128
MINHASH_SCHEME = "affine32"
"""datasketch's hashing scheme, named so signatures stored by one version stay
comparable with those of the next (32-bit values, 4 bytes each)."""
CANDIDATE_JACCARD = 0.6
"""LSH finds pairs with about this overlap or more; the exact count then decides."""
NEAR_COPY_JACCARD = 0.8
"""Shingle overlap (Jaccard) from which a text is a copy. TASS dispatches with
their lead line changed overlap 0.83 to 0.97; the same event reported by two
outlets, or an AP story updated with new paragraphs, 0.8 and below."""
NEAR_COPY_CONTAINED = 0.9
"""Share of a new text's shingles found in a stored text from which the new one
is a copy cut from it (a trimmed last paragraph). Only that way round: a new
text that holds a stored one and more is an expanded story with new facts."""
MIN_SHINGLES = 40
"""Texts with fewer shingles (under 44 words: a brief, a headline) are matched
only exactly: two short market briefs ("Shr 12 cts vs 10 cts ...") share most
of their words without being one story."""

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What finds an article's copies: the normalised text's hash, and LSH buckets."""

    text_key: str
    shingles: frozenset[str]
    signature: bytes | None
    buckets: tuple[str, ...]


def shingles(text: str) -> frozenset[str]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return frozenset({" ".join(words)}) if words else frozenset()
    return frozenset(
        " ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)
    )


def text_key(text: str) -> str:
    return hashlib.sha256(normalise_text(text).casefold().encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _bands() -> tuple[int, int]:
    """(bands, rows per band) datasketch's LSH picks for `CANDIDATE_JACCARD`."""

    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def fingerprint(text: str) -> Fingerprint:
    """The fingerprint of one text; no signature for a text too short to match nearly."""

    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return Fingerprint(text_key(text), found, None, ())
    import numpy as np
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=MINHASH_SCHEME)
    minhash.update_batch([shingle.encode("utf-8") for shingle in sorted(found)])
    signature = minhash.hashvalues.astype(np.uint32).tobytes()
    bands, rows = _bands()
    width = rows * 4
    buckets = tuple(
        f"{band}:{_digest(signature[band * width : (band + 1) * width])}" for band in range(bands)
    )
    return Fingerprint(text_key(text), found, signature, buckets)


def _digest(part: bytes) -> str:
    return hashlib.blake2b(part, digest_size=8).hexdigest()


def jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


@dataclass(frozen=True, slots=True)
class CopyMatch:
    """An article found to be a copy of `original`, how (exact, near) and how close."""

    original: str
    kind: str
    similarity: float


@dataclass(frozen=True, slots=True)
class CopyRow(Row):
    """One recorded copy of a stored article: `dateline show` and the API list these."""

    copy_id: str
    kind: str
    similarity: float
    source: str | None
    url: str | None
    title: str | None
    published: str | None
    path: str | None
    line: int | None
    captured: str | None


def save_fingerprint(conn: Connection, article: Article) -> None:
    """Index a stored article's text, in the transaction that saves it."""

    found = fingerprint(article.text)
    conn.execute(
        sa.insert(article_fingerprints),
        {"article_id": article.id, "text_key": found.text_key, "signature": found.signature},
    )
    if found.buckets:
        conn.execute(
            sa.insert(article_bands),
            [{"bucket": bucket, "article_id": article.id} for bucket in found.buckets],
        )


class Copies:
    """Every operation on republished copies: `store.copies`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def find(self, batch: Sequence[Article]) -> dict[str, CopyMatch]:
        """Which articles of `batch` are copies of a stored article (by article id).

        An article is never its own copy: the stored article of the same id
        is left out (its re-delivery is an update, not a copy).
        """

        prints = {article.id: fingerprint(article.text) for article in batch}
        if not prints:
            return {}
        with self._store.transaction("looking for copies") as conn:
            found = self._exact(conn, prints)
            rest = {k: v for k, v in prints.items() if k not in found and v.buckets}
            found |= self._near(conn, rest)
        return found

    def _exact(self, conn: Connection, prints: dict[str, Fingerprint]) -> dict[str, CopyMatch]:
        keys = {p.text_key for p in prints.values()}
        query = (
            sa.select(article_fingerprints.c.text_key, article_fingerprints.c.article_id)
            .join(articles, articles.c.id == article_fingerprints.c.article_id)
            .where(article_fingerprints.c.text_key.in_(keys))
            .order_by(articles.c.ingested_at, articles.c.id)
        )
        first: dict[str, list[str]] = {}
        for key, article_id in conn.execute(query):
            first.setdefault(key, []).append(article_id)
        matches = {}
        for article_id, found in prints.items():
            originals = [o for o in first.get(found.text_key, []) if o != article_id]
            if originals:
                matches[article_id] = CopyMatch(originals[0], "exact", 1.0)
        return matches

    def _near(self, conn: Connection, prints: dict[str, Fingerprint]) -> dict[str, CopyMatch]:
        buckets = {bucket for p in prints.values() for bucket in p.buckets}
        if not buckets:
            return {}
        candidates: dict[str, set[str]] = {}
        query = sa.select(article_bands.c.bucket, article_bands.c.article_id).where(
            article_bands.c.bucket.in_(buckets)
        )
        for bucket, article_id in conn.execute(query):
            candidates.setdefault(bucket, set()).add(article_id)
        wanted = {a for ids in candidates.values() for a in ids}
        if not wanted:
            return {}
        stored = conn.execute(
            sa.select(articles.c.id, articles.c.text, articles.c.ingested_at).where(
                articles.c.id.in_(wanted)
            )
        ).all()
        texts = {row.id: (shingles(row.text), row.ingested_at) for row in stored}
        matches = {}
        for article_id, found in prints.items():
            near = {a for bucket in found.buckets for a in candidates.get(bucket, ())}
            match = best_near_copy(found.shingles, near - {article_id}, texts)
            if match is not None:
                matches[article_id] = match
        return matches

    def record(self, copies: Iterable[tuple[Article, CopyMatch]]) -> int:
        """Keep each copy as a record of its first stored copy; how many were new.

        A copy recorded before (a resumed or repeated run) is left as it was.
        """

        rows = [_copy_values(article, match) for article, match in copies]
        if not rows:
            return 0
        with self._store.transaction(f"recording {len(rows)} copies") as conn:
            known = set(
                conn.execute(
                    sa.select(article_copies.c.copy_id).where(
                        article_copies.c.copy_id.in_([row["copy_id"] for row in rows])
                    )
                ).scalars()
            )
            fresh = {row["copy_id"]: row for row in rows if row["copy_id"] not in known}
            if fresh:
                conn.execute(sa.insert(article_copies), list(fresh.values()))
        return len(fresh)

    def of(self, article_id: str) -> list[CopyRow]:
        """The recorded copies of one stored article, first ingested first."""

        with self._store.transaction(f"listing the copies of {article_id}") as conn:
            return copies_of(conn, article_id)

    def count(self) -> int:
        with self._store.transaction("counting copies") as conn:
            return int(
                conn.execute(sa.select(sa.func.count()).select_from(article_copies)).scalar_one()
            )


def copies_of(conn: Connection, article_id: str) -> list[CopyRow]:
    """The recorded copies of one stored article, first ingested first."""

    query = (
        sa.select(article_copies)
        .where(article_copies.c.article_id == article_id)
        .order_by(article_copies.c.ingested_at, article_copies.c.id)
    )
    return [copy_row(row) for row in conn.execute(query)]


def best_near_copy(
    found: frozenset[str],
    candidates: Iterable[str],
    texts: dict[str, tuple[frozenset[str], Any]],
) -> CopyMatch | None:
    """The earliest candidate overlapping `found` by `NEAR_COPY_JACCARD` or more, or
    holding `NEAR_COPY_CONTAINED` of it (`similarity` is the Jaccard overlap).

    `texts` gives each candidate's shingles and what orders them (when it
    was stored); a candidate missing from it is passed over.
    """

    scored = []
    for candidate in candidates:
        if candidate not in texts:
            continue
        theirs, order = texts[candidate]
        similarity = jaccard(found, theirs)
        contained = len(found & theirs) / len(found) if found else 0.0
        if similarity >= NEAR_COPY_JACCARD or contained >= NEAR_COPY_CONTAINED:
            scored.append((order, candidate, similarity))
    if not scored:
        return None
    _, original, similarity = min(scored, key=lambda s: (s[0], s[1]))
    return CopyMatch(original, "near", round(similarity, 4))


def _copy_values(article: Article, match: CopyMatch) -> dict[str, Any]:
    return {
        "article_id": match.original,
        "copy_id": article.id,
        "kind": match.kind,
        "similarity": match.similarity,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "author": article.author,
        "path": article.path,
        "line": article.line,
        "captured": article.captured,
        "ingested_at": datetime.now(UTC),
    }


def copy_row(row: Any) -> CopyRow:
    published: date | None = row.published
    return CopyRow(
        copy_id=row.copy_id,
        kind=row.kind,
        similarity=row.similarity,
        source=row.source,
        url=row.url,
        title=row.title,
        published=published.isoformat() if published else None,
        path=row.path,
        line=row.line,
        captured=utc_iso(row.captured) if row.captured else None,
    )
