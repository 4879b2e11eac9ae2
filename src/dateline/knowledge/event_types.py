"""The 16 PLOVER event types and what each means, read once from `data/plover_types.tsv`.

A type's row says everything the code needs to know about it: the CAMEO
root it comes from, its Goldstein-style intensity, whether its sides are
symmetric, whether the dateline is a sound default place for it. Stages,
the store, the scorer and the web UI all read it from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.errors import LexiconError
from dateline.knowledge.cache import loaded_once
from dateline.knowledge.tables import read_table
from dateline.model import PLOVER_TYPES

PLOVER_TYPES_TABLE = "plover_types.tsv"


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    cameo: str
    intensity: float
    symmetric: bool
    local: bool
    """The dateline place is a sound default for an event of this type."""


@loaded_once
def plover_types() -> dict[str, PloverType]:
    """Type name → its CAMEO root, intensity and behaviour."""

    types = {}
    for row in read_table(PLOVER_TYPES_TABLE):
        if row["type"] not in PLOVER_TYPES:
            raise LexiconError(
                f"{PLOVER_TYPES_TABLE}: {row['type']!r} is not a PLOVER type; "
                f"use one of {', '.join(PLOVER_TYPES)}"
            )
        types[row["type"]] = PloverType(
            name=row["type"],
            cameo=row["cameo"],
            intensity=float(row["intensity"]),
            symmetric=row["symmetric"] == "yes",
            local=row["local"] == "yes",
        )
    return types
