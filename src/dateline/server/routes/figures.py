"""/api/figures: one measure over time, each value linked to its article."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from dateline.server.deps import MAX_NAME_CHARS, StoreDep, parse_pair

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
    store: StoreDep,
) -> dict[str, Any]:
    """Values of a measure in time order, grouped by unit so each series is comparable.

    Each point is what `dateline figures --json` prints, plus `when`: the
    day a chart places it (its period's end, else its article's date).
    """

    parties = parse_pair(between, "between") if between else ()
    figures = store.figures.page(measure=measure, parties=parties).items
    units = sorted({f.unit or "" for f in figures})
    return {
        "measure": measure,
        "between": list(parties) or None,
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
