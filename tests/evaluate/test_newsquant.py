"""The NewsQuant scorer: one unit key for gold and every system, and directions."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from dateline_bench import BenchmarkRun, newsquant, newsquant_cqe
from dateline_bench.newsquant import unit_key
from dateline_bench.newsquant_cqe import CHANGE_F1, CONCEPT_F1, UNIT_F1, VALUE_F1

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


# -- CQE's terms (Almasian et al., EMNLP 2023) ----------------------------------


def cqe(gold: dict[str, Any], amounts: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    return newsquant_cqe.score(
        [gold], [{"id": gold["id"], "amounts": amounts}], newsquant._unit_ok, **kw
    )


def test_cqe_terms_need_the_value_and_the_attribute() -> None:
    gold = record("newsquant-0162")  # "exports to China dropped 7% to $2.3 billion."
    right = [
        {"value": 0.07, "unit": "ratio", "change": True, "direction": "down", "measure": "exports"},
        {"value": 2.3e9, "unit": "USD", "measure": "exports to China"},
    ]
    assert cqe(gold, right) == {VALUE_F1: 1.0, UNIT_F1: 1.0, CHANGE_F1: 1.0, CONCEPT_F1: 1.0}
    # The drop read as a rise and the money in euros: the values still count.
    wrong = [dict(right[0], direction="up"), dict(right[1], unit="EUR")]
    scores = cqe(gold, wrong)
    assert scores[VALUE_F1] == 1.0 and scores[UNIT_F1] == 0.5 and scores[CHANGE_F1] == 0.5
    # An extra prediction costs precision in every figure: 2 hits, 3 predicted, 2 gold.
    extra = cqe(gold, [*right, {"value": 7, "unit": "count"}])
    assert extra[VALUE_F1] == extra[UNIT_F1] == 0.8


def test_cqe_terms_match_ranges_end_to_end() -> None:
    gold = record("newsquant-0126")  # "dropped by 1 to 1.5 degrees Celsius (1.8 to 2.7 F)"
    ranges = [
        {
            "value": 1.25,
            "low": 1.0,
            "high": 1.5,
            "unit": "degrees Celsius",
            "change": True,
            "direction": "down",
            "measure": "world temperatures",
        },
        {"value": 2.25, "low": 1.8, "high": 2.7, "unit": "count"},
    ]
    scores = cqe(gold, ranges)
    assert scores[VALUE_F1] == 1.0 and scores[CHANGE_F1] == 0.5
    midpoints = [{"value": 1.25, "unit": "celsius"}, {"value": 2.25, "unit": "fahrenheit"}]
    assert cqe(gold, midpoints)[VALUE_F1] == 0.0  # a midpoint is not the range
    averaged = cqe(gold, midpoints, ranges_averaged=True, attributes=[])
    assert averaged[VALUE_F1] == 1.0  # how CQE scored quantulum3, which gives no ranges


def test_no_concept_is_matched_by_no_measure() -> None:
    gold = record("newsquant-0000")  # "You have one solution ..."; concept "-"
    assert cqe(gold, [{"value": 1, "unit": "count"}])[CONCEPT_F1] == 1.0
    assert cqe(gold, [{"value": 1, "unit": "count", "measure": "solution"}])[CONCEPT_F1] == 0.0


@pytest.mark.slow
def test_without_quantulum3_newsquant_scores_dateline_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`make run` alone need not bring every baseline: a missing one is a note."""

    if not (NEWSQUANT / "newsquant.jsonl").exists():
        pytest.skip("the shared corpus sits beside the repo")
    monkeypatch.setitem(sys.modules, "quantulum3", None)  # import quantulum3 now fails
    newsquant._quantulum_units.cache_clear()
    try:
        result = newsquant.run(BenchmarkRun(limit=3, shared=NEWSQUANT.parents[1]))
    finally:
        newsquant._quantulum_units.cache_clear()
    assert list(result.scores) == ["dateline"]
    assert result.scores["dateline"][VALUE_F1] is not None
    assert any("quantulum3 baseline skipped" in note for note in result.notes)
    assert any("units are keyed without its unit names" in note for note in result.notes)
