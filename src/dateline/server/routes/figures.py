"""/api/figures: one measure over time, each value linked to its article."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from dateline.server.deps import StoreDep, parse_pair, read
from dateline.server.queries.figures import common_measures, list_figures

router = APIRouter(prefix="/api/figures", tags=["figures"])


@router.get("")
def figures(
    *,
    measure: Annotated[
        str | None, Query(description="Words the measure must contain, e.g. 'trade turnover'.")
    ] = None,
    between: Annotated[
        str | None, Query(description="Two parties separated by a comma, e.g. 'Kazakhstan,Russia'.")
    ] = None,
    store: StoreDep,
) -> dict[str, Any]:
    """Values of a measure in time order, grouped by unit so each series is comparable."""

    parties = parse_pair(between) if between else None
    points = read(store, "listing figures", list_figures, measure, parties)
    units = sorted({p["unit"] or "" for p in points})
    return {
        "measure": measure,
        "between": list(parties) if parties else None,
        "series": [
            {"unit": unit or None, "points": [p for p in points if (p["unit"] or "") == unit]}
            for unit in units
        ],
        "measures": read(store, "listing measures", common_measures),
    }
