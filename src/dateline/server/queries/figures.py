"""A measure over time: the amounts whose measure names it, each with its article."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.store.names import normalise_name
from dateline.store.schema import amounts, articles

JsonDict = dict[str, Any]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def list_figures(
    conn: Connection, measure: str | None = None, between: tuple[str, str] | None = None
) -> list[JsonDict]:
    """Amounts whose measure contains `measure`, in time order.

    `between` keeps amounts about both parties: named in the amount's
    `parties` or, where a stage left those empty, in its measure phrase
    ("trade turnover between Kazakhstan and Russia"). Each point's time is
    the end of its period where it has one, else its article's date, so
    "2021" and "January–May 2022" land where they belong.
    """

    query = (
        sa.select(amounts, articles.c.published, articles.c.title)
        .join(articles, articles.c.id == amounts.c.article_id)
        .where(amounts.c.measure.is_not(None), amounts.c.value.is_not(None))
    )
    if measure:
        for word in measure.lower().split():
            query = query.where(sa.func.lower(amounts.c.measure).contains(word, autoescape=True))
    points = []
    for row in conn.execute(query):
        if between is not None and not _about(row, between):
            continue
        points.append(
            {
                "article_id": row.article_id,
                "title": row.title,
                "published": _iso(row.published),
                "when": _period_end(row.period) or _iso(row.published),
                "period": row.period,
                "measure": row.measure,
                "text": row.text,
                "value": row.value,
                "unit": row.unit,
                "change": bool(row.change),
                "approximate": bool(row.approximate),
                "parties": list(row.parties or []),
                "start": row.start,
                "end": row.end,
            }
        )
    points.sort(key=lambda p: (p["when"] or "", p["article_id"], p["start"]))
    return points


def _about(row: Any, parties: tuple[str, str]) -> bool:
    named = normalise_name(" ".join([row.measure or "", *(row.parties or [])]))
    return all(normalise_name(p) in named for p in parties)


def _period_end(period: str | None) -> str | None:
    """The last day an ISO period covers, as far as it is known: "2021" -> "2021-12-31"."""

    if not period:
        return None
    end = period.split("/")[-1]
    if len(end) == 4 and end.isdigit():
        return f"{end}-12-31"
    if len(end) == 7:
        return f"{end}-28"
    return end[:10] if len(end) >= 10 else None


def common_measures(conn: Connection, limit: int = 30) -> list[JsonDict]:
    """The measures most often reported, to offer in the figures page."""

    counts: Counter[str] = Counter(
        m.lower() for m in conn.execute(sa.select(amounts.c.measure)).scalars() if m
    )
    return [{"measure": m, "count": n} for m, n in counts.most_common(limit)]
