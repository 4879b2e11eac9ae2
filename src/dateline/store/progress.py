"""What a resumed ingest needs to know: which articles are already stored.

Asked batch by batch (a bounded `IN` list) rather than by loading every
stored id, so resuming over millions of stored articles keeps memory flat.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from dateline.errors import StoreError
from dateline.model import Article
from dateline.store.schema import articles
from dateline.store.store import Store
from dateline.store.write import text_hash


def already_stored(store: Store, batch: Iterable[Article]) -> set[str]:
    """Ids in `batch` stored with exactly the same text.

    An article whose text changed under the same id (a corrected
    re-delivery) is not counted as stored: it must be extracted again.
    """

    wanted = {article.id: text_hash(article.text) for article in batch}
    if not wanted:
        return set()
    query = sa.select(articles.c.id, articles.c.text_hash).where(articles.c.id.in_(wanted))
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(query).all()
    except sa.exc.SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip()
        raise StoreError(f"{store.url}: looking up stored articles failed: {reason}") from exc
    return {row.id for row in rows if wanted[row.id] == row.text_hash}
