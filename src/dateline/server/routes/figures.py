"""/api/figures: one measure over time, each value linked to its article."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from dateline.server.deps import (
    MAX_NAME_CHARS,
    ChartPageDep,
    PageParams,
    StoreDep,
    answer,
    parse_pair,
)
from dateline.store import Store

router = APIRouter(prefix="/api/figures", tags=["figures"])


@router.get("")
def figures(
    *,
    measure: Annotated[
        str | None,
        Query(
            max_length=MAX_NAME_CHARS,
            description="Words the measure holds, any order, e.g. 'trade turnover'.",
        ),
    ] = None,
    between: Annotated[
        str | None,
        Query(
            max_length=2 * MAX_NAME_CHARS + 1,
            description="Two parties separated by a comma, e.g. 'Kazakhstan,Russia'.",
        ),
    ] = None,
    page: ChartPageDep,
    store: StoreDep,
    request: Request,
) -> Response:
    """Values of a measure in time order, a page at a time, grouped by unit so each
    series is comparable; `measures` are the most reported, to choose from.

    Each point is what `dateline figures --json` prints, plus `when`: the
    day a chart places it (its period's end, else its article's date).
    Without a measure there are no series, only `measures`: every figure of
    a large store is no chart anyone can read.
    """

    parties = parse_pair(between, "between") if between else ()
    return answer(request, store, lambda: _figures(measure, parties, page, store))


def _figures(
    measure: str | None, parties: tuple[str, ...], page: PageParams, store: Store
) -> dict[str, Any]:
    found = (
        store.figures.page(
            measure=measure, parties=parties, limit=page.per_page, offset=page.offset
        )
        if measure
        else None
    )
    figures = found.items if found is not None else []
    units = sorted({f.unit or "" for f in figures})
    return {
        "measure": measure,
        "between": list(parties) or None,
        **page.counts(found.total if found is not None else 0),
        "series": [
            {
                "unit": unit or None,
                "points": [
                    f.as_dict() | {"when": f.when} for f in figures if (f.unit or "") == unit
                ],
            }
            for unit in units
        ],
        "measures": [m.as_dict() for m in store.figures.measures()],
    }
