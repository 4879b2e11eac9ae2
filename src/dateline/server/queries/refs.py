"""How a URL names an actor or a side of a dyad.

`12` is one stored actor (its corpus-wide id); `KAZ` (ISO 3166-1 alpha-3)
is a whole country: the country itself and every person and organisation
stored with that country, so a Kazakhstan–Russia dyad counts the prime
ministers' meeting too. Anything else is matched against actor names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.errors import NotFound
from dateline.store.names import normalise_name
from dateline.store.schema import actors

_COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class Side:
    """One named side: the actor rows it stands for and a label to show."""

    ref: str
    label: str
    actor_ids: tuple[int, ...]
    country: str | None = None


def resolve_side(conn: Connection, ref: str) -> Side:
    """The actors `ref` stands for; `NotFound` with a hint if none."""

    if ref.isdigit():
        row = conn.execute(sa.select(actors).where(actors.c.id == int(ref))).first()
        if row is None:
            raise NotFound(f"no actor with id {ref}; find ids with /api/actors?q=NAME.")
        return Side(ref, row.name, (row.id,), row.country or None)
    if _COUNTRY_CODE.match(ref):
        rows = list(conn.execute(sa.select(actors).where(actors.c.country == ref)))
        if not rows:
            raise NotFound(
                f"no stored actor belongs to country {ref}; use an ISO 3166-1 alpha-3 "
                "code such as RUS, or an actor id from /api/actors."
            )
        country = next((r.name for r in rows if r.kind == "country"), ref)
        return Side(ref, country, tuple(r.id for r in rows), ref)
    key = normalise_name(ref)
    rows = list(
        conn.execute(sa.select(actors).where(actors.c.name_key.contains(key, autoescape=True)))
    )
    if not rows:
        raise NotFound(f"no actor matches {ref!r}; search with /api/actors?q=NAME.")
    return Side(ref, rows[0].name if len(rows) == 1 else ref, tuple(r.id for r in rows))
