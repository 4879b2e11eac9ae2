"""The streaming ingest loop: read, extract (anywhere), write in order.

Articles are cut into bounded batches, extracted by a `ParallelExtractor`
and written by this process one batch per transaction, in input order. A
run stopped at any point (Ctrl-C, kill -9, a crash) leaves only whole
articles behind; with `resume` the next run skips every article already
stored with the same text, so it continues where the last one stopped with
nothing stored twice and nothing lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from dateline.errors import DatelineError
from dateline.model import Article, Extraction
from dateline.scale.batches import batched
from dateline.scale.copies import CopyFilter
from dateline.scale.extractor import Outcome, ParallelExtractor, WorkerLost
from dateline.store.store import Store


@dataclass
class IngestCounts:
    """What one run did, for the closing message."""

    new: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    copies: int = 0
    """Republished copies of stored articles, recorded instead of extracted."""

    @property
    def stored(self) -> int:
        return self.new + self.replaced


def ingest_articles(
    articles: Iterable[Article],
    store: Store,
    extractor: ParallelExtractor,
    *,
    batch_size: int = 32,
    resume: bool = False,
    replace: bool = False,
    keep_copies_out: bool = True,
    report: Callable[[DatelineError], None] = lambda error: None,
    advance: Callable[[int, IngestCounts], None] = lambda done, counts: None,
) -> IngestCounts:
    """Extract and store `articles`; failures go to `report`, progress to `advance`.

    `advance(n, counts)` is called after each written batch with the number
    of articles it handled, for a progress bar. A different text under an id
    already stored is reported as an error and not stored unless `replace`.
    With `keep_copies_out` an article that is a republished copy of one
    stored (or read earlier in this run) is recorded as its copy instead of
    being extracted (`scale.copies.CopyFilter`).
    """

    store.check_writable()
    counts = IngestCounts()
    batches = batched(articles, batch_size)
    if resume:
        batches = _unstored(batches, store, counts, advance)
    copies = CopyFilter(store) if keep_copies_out else None
    try:
        pending: Iterable[list[Article]] = copies.unique(batches) if copies else batches
        while True:
            for outcomes in extractor.run(iter(pending)):
                stored, failed = _store_batch(outcomes, store, counts, report, replace=replace)
                if copies is not None:
                    copies.settled(stored, failed)
                    counts.copies = copies.copies
                advance(len(outcomes), counts)
            if copies is None or not copies.retry:
                break
            pending = copies.unique([])  # copies whose original failed: extracted after all
    except WorkerLost as lost:
        raise WorkerLost(f"{lost} This run stored {counts.stored} article(s) before it.") from lost
    return counts


def _store_batch(
    outcomes: list[Outcome],
    store: Store,
    counts: IngestCounts,
    report: Callable[[DatelineError], None],
    *,
    replace: bool,
) -> tuple[list[str], list[str]]:
    """Write one extracted batch; the ids stored, and the ids that failed."""

    extractions: list[Extraction] = []
    failed: list[str] = []
    for outcome in outcomes:
        if isinstance(outcome, Extraction):
            extractions.append(outcome)
        else:
            counts.failed += 1
            failed.append(outcome.article.id)
            report(outcome)
    stored: list[str] = []
    saved_all = store.save_many(extractions, replace=replace)
    for extraction, saved in zip(extractions, saved_all, strict=True):
        if isinstance(saved, DatelineError):
            counts.failed += 1
            failed.append(extraction.article.id)
            report(saved)
            continue
        stored.append(extraction.article.id)
        if saved:
            counts.new += 1
        else:
            counts.replaced += 1
    return stored, failed


def _unstored(
    batches: Iterator[list[Article]],
    store: Store,
    counts: IngestCounts,
    advance: Callable[[int, IngestCounts], None],
) -> Iterator[list[Article]]:
    """The batches without the articles a previous run already stored."""

    for batch in batches:
        stored = store.articles.unchanged(batch)
        remaining = [article for article in batch if article.id not in stored]
        if stored:
            counts.skipped += len(batch) - len(remaining)
            advance(len(batch) - len(remaining), counts)
        if remaining:
            yield remaining
