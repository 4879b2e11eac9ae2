"""Polling feeds and pages: each pass ingests only what is new (`dateline watch`).

A pass asks each source with the ETag and Last-Modified it sent last time
(an unchanged feed answers 304 and costs nothing), reads only the items whose
GUID (else link) it has not seen, and ingests them as `dateline ingest
--resume` does, copies included. What was seen is written to the store after
the items are stored, so a watch killed midway and started again reads the
unfinished items again and stores nothing twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dateline.errors import DatelineError, InputError
from dateline.model import Article
from dateline.readers.html import article_from_html
from dateline.readers.limits import DEFAULT_LIMITS, ReadLimits
from dateline.readers.web import Fetcher, feed_items, is_feed
from dateline.scale.extractor import ParallelExtractor
from dateline.scale.ingest import ingest_articles
from dateline.store.store import Store


@dataclass
class PassReport:
    """What one pass did, for its one log line."""

    sources: int = 0
    unchanged: int = 0
    new_items: int = 0
    stored: int = 0
    copies: int = 0
    errors: int = 0

    def line(self) -> str:
        return (
            f"{self.sources} source(s), {self.unchanged} unchanged, {self.new_items} new "
            f"item(s), {self.stored} stored, {self.copies} copies, {self.errors} error(s)"
        )


def watch_pass(
    urls: Sequence[str],
    store: Store,
    extractor: ParallelExtractor,
    fetcher: Fetcher,
    *,
    limits: ReadLimits = DEFAULT_LIMITS,
    report: Callable[[DatelineError], None] = lambda error: None,
) -> PassReport:
    """One pass over `urls`: fetch what changed, ingest what is new, remember it."""

    done = PassReport(sources=len(urls))

    def reported(error: DatelineError) -> None:
        done.errors += 1
        report(error)

    for url in urls:
        state = store.watched.state(url)
        try:
            fetched = fetcher.fetch(url, headers=state.request_headers())
        except InputError as exc:
            reported(exc)
            continue
        if fetched is None:
            done.unchanged += 1
            store.watched.remember(url, ())
            continue
        if is_feed(fetched):
            items = list(feed_items(fetched, fetcher, limits, seen=state.items))
        else:
            page = article_from_html(
                fetched.body, url, url=fetched.url, captured=fetched.captured, limits=limits
            )
            items = [(None, page)]
        articles: list[Article] = []
        keys: list[str] = []
        for key, result in items:
            if isinstance(result, InputError):
                reported(result)  # not remembered: asked again next pass
                continue
            articles.append(result)
            if key:
                keys.append(key)
        done.new_items += len(articles)
        counts = ingest_articles(articles, store, extractor, resume=True, report=reported)
        done.stored += counts.stored
        done.copies += counts.copies
        store.watched.remember(url, keys, etag=fetched.etag, last_modified=fetched.last_modified)
    return done


_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """``15m`` (or ``30s``, ``2h``, ``1d``, ``900``) as seconds; ValueError otherwise."""

    match = _EVERY.match(value.lower())
    if match is None or float(match[1]) <= 0:
        raise ValueError(f"{value!r} is no interval; write it as 30s, 15m, 2h or 1d")
    return float(match[1]) * _SECONDS[match[2]]
