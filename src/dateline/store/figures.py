"""One measure over time: `dateline figures --measure ... --between ...`.

A reader following "trade turnover between Kazakhstan and Russia" wants
every stored figure of it, oldest first, each with its period and the
article it came from. Articles word a measure freely ("bilateral trade
turnover", "turnover of trade"), so the measure is matched by its words in
any order, a word matching its plural ("project" finds "projects"). The
parties are the actor names the amounts stage stored in `parties`; where a
stage left them empty the measure's own words are read instead ("trade
between Kazakhstan and Russia"), so older stores answer too.

Every function takes a `Store` and returns JSON-ready values (ISO dates,
None for unknown), like `store.read`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.store.names import normalise_name
from dateline.store.schema import amounts, articles
from dateline.store.store import Store

JsonDict = dict[str, Any]
_WORD = re.compile(r"[^\W_]+")
PLURAL_ENDINGS = ("", "s", "es")


@dataclass(frozen=True, slots=True)
class FigureQuery:
    """What to list: measure words, parties the figure must be about, a unit."""

    measure: str | None = None
    parties: Sequence[str] = field(default_factory=tuple)
    unit: str | None = None
    levels_only: bool = False
    """Leave out changes ("rising by almost a third"), keep levels only."""


def list_figures(store: Store, query: FigureQuery) -> list[JsonDict]:
    """Stored amounts matching `query`, oldest period first."""

    return store.query("listing figures", _list_figures, query)


def measure_words(text: str | None) -> list[str]:
    """The words of a measure, folded like actor names (case, accents)."""

    return _WORD.findall(normalise_name(text or ""))


def measure_matches(wanted: Sequence[str], measure: str | None) -> bool:
    """Every wanted word is a word of `measure`, or that word with a plural ending."""

    words = set(measure_words(measure))
    return all(any(w + ending in words for ending in PLURAL_ENDINGS) for w in wanted)


def is_about(parties: Sequence[str], stored_parties: Sequence[str], measure: str | None) -> bool:
    """Each party is a stored party, or is named in the measure's words."""

    named = {normalise_name(p) for p in stored_parties}
    measure_text = f" {' '.join(measure_words(measure))} "
    for party in parties:
        key = normalise_name(party)
        in_measure = f" {' '.join(measure_words(party))} " in measure_text
        if not in_measure and not any(f" {key} " in f" {n} " for n in named):
            return False
    return True


def period_start(period: str | None) -> str | None:
    """The first month an ISO period covers, to sort by: "2022-01/2022-05" → "2022-01"."""

    return period.split("/")[0] if period else None


def period_end(period: str | None) -> str | None:
    """The last day a period covers, as far as it is known: "2021" → "2021-12-31".

    Where a chart places a figure: a total for January–May is known at the
    end of May. A month ends on its 28th, close enough for a time axis.
    """

    if not period:
        return None
    end = period.split("/")[-1]
    if len(end) == 4 and end.isdigit():
        return f"{end}-12-31"
    if len(end) == 7:
        return f"{end}-28"
    return end[:10] if len(end) >= 10 else None


def common_measures(store: Store, limit: int = 30) -> list[JsonDict]:
    """The measures most often reported, `{measure, count}`, to suggest to a user."""

    return store.query("listing measures", _common_measures, limit)


def _common_measures(conn: Connection, limit: int) -> list[JsonDict]:
    counts: Counter[str] = Counter(
        m.lower() for m in conn.execute(sa.select(amounts.c.measure)).scalars() if m
    )
    return [{"measure": m, "count": n} for m, n in counts.most_common(limit)]


def _list_figures(conn: Connection, query: FigureQuery) -> list[JsonDict]:
    wanted = measure_words(query.measure)
    select = (
        sa.select(
            amounts,
            articles.c.published,
            articles.c.title,
            articles.c.source,
            articles.c.url,
        )
        .join(articles, articles.c.id == amounts.c.article_id)
        .where(amounts.c.measure.is_not(None), amounts.c.value.is_not(None))
    )
    for word in wanted:  # narrows in SQL; whole words are checked below
        select = select.where(sa.func.lower(amounts.c.measure).contains(word, autoescape=True))
    if query.unit:
        select = select.where(sa.func.upper(amounts.c.unit) == query.unit.upper())
    if query.levels_only:
        select = select.where(amounts.c.change == sa.false())
    found = []
    for row in conn.execute(select):
        parties = list(row.parties or [])
        if not measure_matches(wanted, row.measure):
            continue
        if query.parties and not is_about(query.parties, parties, row.measure):
            continue
        found.append(_figure(row, parties))
    found.sort(key=_chronological)
    return found


def _figure(row: Any, parties: list[str]) -> JsonDict:
    return {
        "article_id": row.article_id,
        "title": row.title,
        "source": row.source,
        "url": row.url,
        "published": _iso(row.published),
        "period": row.period,
        "value": row.value,
        "unit": row.unit,
        "text": row.text,
        "measure": row.measure,
        "change": bool(row.change),
        "approximate": bool(row.approximate),
        "bound": row.bound,
        "low": row.low,
        "high": row.high,
        "parties": parties,
        "span": {"start": row.start, "end": row.end, "sentence": row.sentence},
    }


def _chronological(figure: JsonDict) -> tuple[str, str, str, int]:
    """By the time the figure is about, else when it was published; undated last."""

    when = period_start(figure["period"]) or figure["published"] or "9999"
    return (when, figure["published"] or "9999", figure["article_id"], figure["span"]["start"])


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
