"""Build a store of real articles for the server's load test (bench/load_test.py).

First `--articles` real dispatches from ../shared/corpus (Reuters-21578, BBC,
the Guardian sample, TASS and the NewsCluster outlets, taken in turn) are
extracted and stored as `dateline ingest` does. To reach `--total` articles
the stored ones are then saved again under new ids, each copy dated some weeks
later: the facts stay real (the same people, figures and events, so the
busiest actors grow as they would in a long-running store), while extracting
50,000 articles would take hours on two cores.

    python bench/load_store.py --db /tmp/load-50k.db --articles 2000 --total 50000
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from dateline.model import Article, Extraction
from dateline.readers import article_from_record
from dateline.scale import ParallelExtractor
from dateline.scale.ingest import ingest_articles
from dateline.store import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = (
    "corpus/reuters21578/reuters21578.jsonl",
    "corpus/bbc-fulltext/bbc_fulltext.jsonl",
    "corpus/guardian-ngec-sample/guardian_sample.jsonl",
    "corpus/tass-politics-sample/tass_politics_20.jsonl",
    "corpus/giveme5w1h-newscluster/articles.jsonl",
)


def _records(path: Path) -> Iterator[Article]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if isinstance(record.get("text"), str) and len(record["text"].strip()) > 200:
                yield article_from_record(record)


def real_articles(shared: Path, count: int) -> list[Article]:
    """`count` articles, one from each corpus in turn while it lasts."""

    streams = [_records(shared / corpus) for corpus in CORPORA]
    chosen: list[Article] = []
    while streams and len(chosen) < count:
        for stream in list(streams):
            article = next(stream, None)
            if article is None:
                streams.remove(stream)
            else:
                chosen.append(article)
    return chosen[:count]


def _copy(extraction: Extraction, n: int) -> Extraction:
    article = extraction.article
    published = (article.published or date(2024, 1, 1)) + timedelta(weeks=3 * n)
    copied = replace(article, id=f"{article.id}~{n}", published=published)
    return replace(extraction, article=copied)


def build(db: str, shared: Path, articles: int, total: int, workers: int) -> None:
    started = time.monotonic()
    with Store(db) as store:
        with ParallelExtractor(workers) as extractor:
            counts = ingest_articles(real_articles(shared, articles), store, extractor, resume=True)
        print(f"extracted and stored {counts.stored} real articles", file=sys.stderr)
        originals = sorted(store.articles.ids())
        wanted = total - len(originals)
        copies, round_ = 0, 0
        batch: list[Extraction] = []
        while originals and copies + len(batch) < wanted:
            round_ += 1
            for article_id in originals[: wanted - copies - len(batch)]:
                found = store.articles.get(article_id)
                if found is not None:
                    batch.append(_copy(found.extraction, round_))
                if len(batch) == 500:
                    store.save_many(batch)
                    copies += len(batch)
                    batch = []
            print(f"copies so far: {copies + len(batch)}", file=sys.stderr)
        store.save_many(batch)
        print(
            f"{store.stats().articles} articles in {db} ({time.monotonic() - started:.0f} s)",
            file=sys.stderr,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="SQLite path or URL of the new store")
    parser.add_argument("--articles", type=int, default=500, help="real articles to extract")
    parser.add_argument("--total", type=int, default=0, help="articles in the store at the end")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    build(args.db, args.shared, args.articles, max(args.total, args.articles), args.workers)


if __name__ == "__main__":
    main()
