"""The NewsQuant scorer: one unit key for gold and every system, and directions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline_bench import newsquant
from dateline_bench.newsquant import unit_key

NEWSQUANT = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "newsquant"


def record(record_id: str) -> dict[str, Any]:
    path = NEWSQUANT / "newsquant.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found: the shared corpus sits beside the repo")
    for line in path.read_text(encoding="utf-8").splitlines():
        found = json.loads(line)
        if found["id"] == record_id:
            return found
    raise LookupError(record_id)


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (["km", "kilometers", "kilometre"], "kilometre"),  # dateline, gold surface, gold name
        (["MW", "megawatts", "megawatt"], "megawatt"),
        (["USD", "dollar", "$"], "USD"),  # dateline's ISO code, the gold's name and sign
        (["HKD", "hong kong dollar", "HK$"], "HKD"),  # quantulum3 has no Hong Kong dollar
        (["MYR", "malaysian ringgit"], "MYR"),
        (["ratio", "percentage", "%", "per cent"], "ratio"),
        (["USD per month", "$ a month", "dollar per month"], "USD per month"),  # newsquant-0202
        (["barrels per day", "barrel per day", "barrels a day"], "barrel per day"),
        (["count", "dimensionless", "-", "people", "homes"], "count"),  # a counted noun
    ],
)
def test_one_key_for_every_spelling(spellings: list[str], key: str) -> None:
    assert {unit_key(s) for s in spellings} == {key}


def test_different_units_keep_different_keys() -> None:
    keys = [unit_key(u) for u in ("km", "miles", "USD", "EUR", "ratio", "count", "tonnes")]
    assert len(set(keys)) == len(keys)


def test_unit_and_direction_on_a_real_sentence() -> None:
    gold = record("newsquant-0162")  # "exports to China dropped 7% to $2.3 billion."
    good = {
        "id": gold["id"],
        "amounts": [
            {"value": 0.07, "unit": "ratio", "change": True, "measure": "decline of exports"},
            {"value": 2.3e9, "unit": "USD", "change": False, "measure": "exports to China"},
        ],
    }
    scores = newsquant.score([gold], [good])
    assert (scores["value F1"], scores["unit acc"], scores["direction acc"]) == (1.0, 1.0, 1.0)
    quantulum_like = {  # quantulum3's own names, mapped as the baseline maps them
        "id": gold["id"],
        "amounts": [{"value": 0.07, "unit": "ratio"}, {"value": 2.3e9, "unit": "dollar"}],
    }
    scores = newsquant.score([gold], [quantulum_like])
    assert scores["unit acc"] == 1.0  # the same key for both systems
    assert scores["direction acc"] == 0.5  # saying nothing reads as a level: the drop is missed
    wrong_unit = {"id": gold["id"], "amounts": [{"value": 2.3e9, "unit": "EUR"}]}
    assert newsquant.score([gold], [wrong_unit])["unit acc"] == 0.0


def test_rates_compare_both_sides() -> None:
    gold = record("newsquant-0202")  # "a $3500 a month mortgage"
    rate = {"id": gold["id"], "amounts": [{"value": 3500, "unit": "USD per month"}]}
    money_only = {"id": gold["id"], "amounts": [{"value": 3500, "unit": "USD"}]}
    assert newsquant.score([gold], [rate])["unit acc"] == 1.0
    assert newsquant.score([gold], [money_only])["unit acc"] == 0.0
