"""The 16 PLOVER event types and all a type means, read once from `data/plover_types.tsv`.

A type's row is the one place that says what the type is: its CAMEO root
and QuadClass, its Goldstein-style intensity, whether its sides are
symmetric, whether the dateline is a sound default place for it, what its
verb's object is, how its mode is decided, whether reporting it accuses,
and its colour and description in the web UI. The events stage, the store,
the scorer, the CLI and the web UI (through `/api/event-types`) all read it
from here. The header comments of the table say what each column does.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Literal, cast

from dateline.errors import LexiconError
from dateline.knowledge.cache import loaded_once
from dateline.knowledge.tables import read_table

PLOVER_TYPES_TABLE = "plover_types.tsv"

ObjectRole = Literal["topic", "place", "own"]
ModeSource = Literal["context", "mediation"]

_NAME = re.compile(r"^[A-Z]+$")
_CAMEO_ROOT = re.compile(r"^[0-2][0-9]$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_YES_NO = ("yes", "no")
_OBJECT_ROLES: tuple[str, ...] = ("", "topic", "place", "own")
_MODE_SOURCES: tuple[str, ...] = ("", "context", "mediation")


@dataclass(frozen=True, slots=True)
class PloverType:
    """One row of `plover_types.tsv`."""

    name: str
    cameo: str
    """CAMEO root code ("04" for CONSULT)."""
    quad_class: int
    """CAMEO QuadClass: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
    plover_quad: int
    """The PLOVER manual's quad category (same scale; CONCEDE and SANCTION differ
    from CAMEO's): what `dateline export --format plover` writes as quad_code."""
    intensity: float
    """+10 (cooperation) to -10 (conflict)."""
    symmetric: bool
    """Both sides play the same part: "A met B" is "B met A"."""
    local: bool
    """The dateline place is a sound default for an event of this type."""
    object: ObjectRole | None
    """What the trigger verb's object is: what is talked about ("topic"), possibly
    the place itself ("place"), or the doer's own forces ("own")."""
    mode_from: ModeSource | None
    """How the mode is decided: from the context ("context": phone, mediator, many
    parties), from mediation words alone ("mediation"), or None: the trigger's own."""
    accusable: bool
    """A speaker reporting this act of another side accuses that side."""
    colour: str
    """#rrggbb in the web UI's charts."""
    description: str

    def as_dict(self) -> dict[str, Any]:
        """The row as `/api/event-types` serves it."""

        fields = asdict(self)
        fields["type"] = fields.pop("name")
        return fields


@loaded_once
def plover_types() -> dict[str, PloverType]:
    """Type name → what it means, in the table's order (by CAMEO root)."""

    types: dict[str, PloverType] = {}
    for row in read_table(PLOVER_TYPES_TABLE):
        kind = _plover_type(row)
        if kind.name in types:
            raise LexiconError(f"{PLOVER_TYPES_TABLE}: type {kind.name} is listed twice")
        types[kind.name] = kind
    return types


def plover_type_names() -> tuple[str, ...]:
    """The type names, in the table's order: AGREE, CONSULT, ... ASSAULT."""

    return tuple(plover_types())


def _plover_type(row: dict[str, str]) -> PloverType:
    name = row["type"]

    def bad(column: str, expected: str) -> LexiconError:
        return LexiconError(
            f"{PLOVER_TYPES_TABLE}: type {name!r} has {column} {row[column]!r}; expected {expected}"
        )

    def choice(column: str, allowed: tuple[str, ...]) -> str:
        if row[column] not in allowed:
            raise bad(column, " or ".join(repr(a) for a in allowed))
        return row[column]

    if not _NAME.match(name):
        raise bad("type", "an upper-case PLOVER type name such as CONSULT")
    if not _CAMEO_ROOT.match(row["cameo"]):
        raise bad("cameo", "a two-digit CAMEO root such as 04")
    if row["quad_class"] != str(_quad_class(row["cameo"])):
        raise bad("quad_class", f"{_quad_class(row['cameo'])}, the QuadClass of its CAMEO root")
    if row["plover_quad"] not in ("1", "2", "3", "4"):
        raise bad("plover_quad", "1, 2, 3 or 4")
    try:
        intensity = float(row["intensity"])
    except ValueError:
        intensity = float("nan")
    if not -10.0 <= intensity <= 10.0:
        raise bad("intensity", "a number from -10 (conflict) to +10 (cooperation)")
    if not _COLOUR.match(row["colour"]):
        raise bad("colour", "#rrggbb")
    return PloverType(
        name=name,
        cameo=row["cameo"],
        quad_class=int(row["quad_class"]),
        plover_quad=int(row["plover_quad"]),
        intensity=intensity,
        symmetric=choice("symmetric", _YES_NO) == "yes",
        local=choice("local", _YES_NO) == "yes",
        object=cast(ObjectRole, choice("object", _OBJECT_ROLES) or None),
        mode_from=cast(ModeSource, choice("mode_from", _MODE_SOURCES) or None),
        accusable=choice("accusable", _YES_NO) == "yes",
        colour=row["colour"],
        description=row["description"],
    )


def _quad_class(cameo_root: str) -> int:
    """CAMEO's QuadClass of a root: 01-05 verbal cooperation, 06-08 material
    cooperation, 09-13 verbal conflict, 14-20 material conflict."""

    root = int(cameo_root)
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
