"""The Python API: what the CLI does, callable from code.

>>> import dateline
>>> found = dateline.extract("MOSCOW, December 26. /TASS/. Russian President "
...                          "Vladimir Putin met Kazakh President Kassym-Jomart Tokayev.")
>>> [a.name for a in found.actors if a.kind == "person"]  # doctest: +SKIP
['Vladimir Putin', 'Kassym-Jomart Tokayev']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from dateline.errors import DatelineError
from dateline.model import Article, Extraction


def _article(item: str | Article, published: date | None) -> Article:
    from dateline.readers import read_text

    return item if isinstance(item, Article) else read_text(item, published=published)


def extract(
    text: str | Article, published: date | None = None, model: str | None = None
) -> Extraction:
    """Every fact of one article. Raises `DatelineError` if a stage fails."""

    return next(extract_many([text], published=published, model=model))


def extract_many(
    texts: Iterable[str | Article],
    published: date | None = None,
    model: str | None = None,
    batch_size: int = 32,
) -> Iterator[Extraction]:
    """Facts of many articles, streamed in input order, the model loaded once.

    Raises on the first article a stage fails on; use
    `dateline.pipeline.extract_articles` to receive failures as values and
    keep going.
    """

    from dateline.pipeline import extract_articles

    articles = (_article(item, published) for item in texts)
    for result in extract_articles(articles, model=model, batch_size=batch_size):
        if isinstance(result, DatelineError):
            raise result
        yield result
