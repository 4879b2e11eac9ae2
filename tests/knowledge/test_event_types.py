"""The PLOVER type table says everything a type means, and a bad row says what to fix."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dateline import knowledge
from dateline.errors import LexiconError
from dateline.knowledge import event_types
from dateline.knowledge.event_types import plover_type_names, plover_types
from dateline.knowledge.tables import read_table


def test_each_type_carries_its_cameo_root_quad_class_intensity_and_colour() -> None:
    types = plover_types()
    assert plover_type_names()[:3] == ("AGREE", "CONSULT", "SUPPORT")
    consult, assault = types["CONSULT"], types["ASSAULT"]
    assert (consult.cameo, consult.quad_class, consult.intensity) == ("04", 1, 1.0)
    assert (assault.cameo, assault.quad_class, assault.intensity) == ("18", 4, -9.0)
    assert {t.quad_class for t in types.values()} == {1, 2, 3, 4}
    assert len({t.colour for t in types.values()}) == len(types), "one colour a type"
    assert all(t.description for t in types.values())


def test_behaviour_of_a_type_is_a_column_of_its_row() -> None:
    types = plover_types()
    assert {n for n, t in types.items() if t.symmetric} == {"AGREE", "CONSULT", "COOPERATE"}
    assert {n for n, t in types.items() if t.local} == {"CONSULT", "PROTEST"}
    assert {n for n, t in types.items() if t.accusable} == {
        "ASSAULT",
        "COERCE",
        "THREATEN",
        "SANCTION",
    }
    assert (types["CONSULT"].object, types["ASSAULT"].object, types["MOBILIZE"].object) == (
        "topic",
        "place",
        "own",
    )
    assert (types["AGREE"].mode_from, types["RETREAT"].mode_from, types["AID"].mode_from) == (
        "context",
        "mediation",
        None,
    )


@pytest.fixture
def edited_table(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """CONSULT's row, to change before the table is read again."""

    rows = read_table(event_types.PLOVER_TYPES_TABLE)
    consult = next(row for row in rows if row["type"] == "CONSULT")
    monkeypatch.setattr(event_types, "read_table", lambda name: rows)
    knowledge.reset()
    yield consult
    monkeypatch.undo()
    knowledge.reset()


@pytest.mark.parametrize(
    ("column", "value", "says"),
    [
        ("colour", "red;background:url(x)", "expected #rrggbb"),
        ("quad_class", "3", "expected 1, the QuadClass of its CAMEO root"),
        ("intensity", "12", "from -10 (conflict) to +10"),
        ("symmetric", "maybe", "expected 'yes' or 'no'"),
        ("object", "target", "'topic' or 'place' or 'own'"),
    ],
)
def test_a_bad_cell_names_the_table_the_type_and_what_to_write(
    edited_table: dict[str, str], column: str, value: str, says: str
) -> None:
    edited_table[column] = value
    with pytest.raises(LexiconError) as error:
        plover_types()
    message = str(error.value)
    assert message.startswith(f"plover_types.tsv: type 'CONSULT' has {column} {value!r}")
    assert says in message
