"""`store.figures`: one measure over time (`dateline figures --measure ... --between ...`).

A reader following "trade turnover between Kazakhstan and Russia" wants
every stored figure of it, oldest first, each with its period and the
article it came from. Articles word a measure freely ("bilateral trade
turnover", "turnover of trade"), so the measure is matched by its words in
any order, a word matching its plural ("project" finds "projects"). The
parties are the actor names the amounts stage stored in `parties`; where a
stage left them empty the measure's own words are read instead ("trade
between Kazakhstan and Russia"), so older stores answer too.

"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.model import Span
from dateline.store.names import normalise_name
from dateline.store.rows import Page, Row, iso
from dateline.store.schema import amounts, articles

if TYPE_CHECKING:
    from dateline.store.store import Store

_WORD = re.compile(r"[^\W_]+")
PLURAL_ENDINGS = ("", "s", "es")
IDS_PER_QUERY = 500
"""Figures read per query when all are asked for: far below any database's parameter limit."""


@dataclass(frozen=True, slots=True)
class FigureQuery:
    """What to list: measure words, parties the figure must be about, a unit."""

    measure: str | None = None
    parties: Sequence[str] = field(default_factory=tuple)
    unit: str | None = None
    levels_only: bool = False
    """Leave out changes ("rising by almost a third"), keep levels only."""


@dataclass(frozen=True, slots=True)
class FigureRow(Row):
    """One stored figure of a measure, with the article it came from.

    `period` is what the figure is about (ISO 8601, "2022-01/2022-05");
    `parties` the actor names the figure concerns; `span` its words in the
    article's text.
    """

    article_id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    period: str | None
    value: float
    unit: str | None
    text: str
    measure: str
    change: bool
    approximate: bool
    bound: str | None
    low: float | None
    high: float | None
    parties: list[str]
    span: Span

    @property
    def when(self) -> str | None:
        """The day a chart places the figure: its period's end, else its article's date."""

        return period_end(self.period) or self.published


@dataclass(frozen=True, slots=True)
class MeasureCount(Row):
    measure: str
    count: int


class Figures:
    """Every operation on stored figures (amounts with a measure): `store.figures`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def page(
        self,
        *,
        measure: str | None = None,
        parties: Sequence[str] = (),
        unit: str | None = None,
        levels_only: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> Page[FigureRow]:
        """Figures of `measure`, oldest period first, `limit` from `offset`, and how many in all.

        `measure` matches by its words in any order, a word matching its
        plural; `parties` must each be a party the figure is about or be
        named in its measure's words; `unit` keeps one unit (case
        ignored); `levels_only` leaves out changes ("rising by almost a
        third").
        """

        query = FigureQuery(measure, tuple(parties), unit, levels_only)

        def listed() -> list[int]:
            with self._store.transaction("listing figures") as conn:
                return _matching_ids(conn, query)

        found = self._store.cache.get(("figures", query), listed)
        chosen = found[offset:] if limit is None else found[offset : offset + limit]
        with self._store.transaction("reading figures") as conn:
            return Page(_figures(conn, chosen), len(found))

    def measures(self, *, limit: int = 30) -> list[MeasureCount]:
        """The measures most often reported, to suggest to a user.

        Counted by the database over every figure and kept in `store.cache`
        until the store changes.
        """

        folded = sa.func.lower(amounts.c.measure)
        query = (
            sa.select(folded.label("measure"), sa.func.count().label("count"))
            .where(amounts.c.measure.is_not(None), amounts.c.measure != "")
            .group_by(folded)
            .order_by(sa.func.count().desc(), folded)
            .limit(limit)
        )

        def count() -> list[MeasureCount]:
            with self._store.transaction("listing measures") as conn:
                return [MeasureCount(measure, int(n)) for measure, n in conn.execute(query)]

        return self._store.cache.get(("measures", limit), count)


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


def _matching_ids(conn: Connection, query: FigureQuery) -> list[int]:
    """The ids of the figures `query` asks for, in time order: by the time a figure
    is about, else when it was published; undated last.

    Only what the choice and the order need is read for each candidate, so a
    measure reported 18,000 times is chosen without building 18,000 rows;
    `_figures` reads the page's rows in full.
    """

    wanted = measure_words(query.measure)
    select = (
        sa.select(
            amounts.c.id,
            amounts.c.article_id,
            amounts.c.start,
            amounts.c.measure,
            amounts.c.parties,
            amounts.c.period,
            articles.c.published,
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
    found: list[tuple[tuple[str, str, str, int], int]] = []
    for row in conn.execute(select):
        if not measure_matches(wanted, row.measure):
            continue
        if query.parties and not is_about(query.parties, list(row.parties or []), row.measure):
            continue
        published = iso(row.published)
        when = period_start(row.period) or published or "9999"
        found.append(((when, published or "9999", row.article_id, row.start), row.id))
    found.sort()
    return [figure_id for _, figure_id in found]


def _figures(conn: Connection, ids: Sequence[int]) -> list[FigureRow]:
    """The figures `ids` in full, in that order."""

    if not ids:
        return []
    select = (
        sa.select(
            amounts, articles.c.published, articles.c.title, articles.c.source, articles.c.url
        )
        .join(articles, articles.c.id == amounts.c.article_id)
        .where(amounts.c.id.in_(sa.bindparam("ids", expanding=True)))
    )
    rows: dict[int, Any] = {}
    for start in range(0, len(ids), IDS_PER_QUERY):
        chunk = list(ids[start : start + IDS_PER_QUERY])
        rows.update((row.id, row) for row in conn.execute(select, {"ids": chunk}))
    return [_figure(rows[i], list(rows[i].parties or [])) for i in ids if i in rows]


def _figure(row: Any, parties: list[str]) -> FigureRow:
    return FigureRow(
        article_id=row.article_id,
        title=row.title,
        source=row.source,
        url=row.url,
        published=iso(row.published),
        period=row.period,
        value=row.value,
        unit=row.unit,
        text=row.text,
        measure=row.measure,
        change=bool(row.change),
        approximate=bool(row.approximate),
        bound=row.bound,
        low=row.low,
        high=row.high,
        parties=parties,
        span=Span(row.start, row.end, row.sentence),
    )
