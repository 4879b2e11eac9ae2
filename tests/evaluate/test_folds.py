"""Names of one office, spellings of one unit and whole periods agree (GOLD_FORMAT.md)."""

from __future__ import annotations

import pytest

from dateline.evaluate.folds import fold_period, fold_role, fold_unit
from dateline.evaluate.scoring import score_article


@pytest.mark.parametrize(
    "names",
    [
        ["Premier", "head of government", "Prime Minister"],
        ["head of state", "President"],
        [
            "top diplomat",
            "Minister of Foreign Affairs",
            "Foreign Secretary",
            "Secretary of State",
            "Foreign Minister",
        ],
        ["Minister of Trade", "Trade Minister", "Trade Secretary"],  # wires_dev, Kazinform
        ["Deputy Premier", "Deputy Prime Minister"],
        ["Deputy Minister of Foreign Affairs", "Deputy Foreign Minister"],
        ["former Secretary of State", "former Foreign Minister"],  # news_dev, on Clinton
    ],
)
def test_names_of_one_office_agree(names: list[str]) -> None:
    assert len({fold_role(name) for name in names}) == 1


def test_different_offices_stay_apart() -> None:
    roles = ["Prime Minister", "President", "Foreign Minister", "Trade Minister", "Speaker"]
    assert len({fold_role(role) for role in roles}) == len(roles)
    assert fold_role("Chairman of the Verkhovna Rada") == "chairman of the verkhovna rada"


@pytest.mark.parametrize(
    "spellings",
    [
        ["kilometers", "kilometres", "km"],
        ["square kilometers", "km2"],
        ["tonnes", "tons", "metric tons", "t"],
        ["percent", "ratio"],
        ["grams", "g"],  # web_dev writes both
    ],
)
def test_spellings_of_one_unit_agree(spellings: list[str]) -> None:
    assert len({fold_unit(unit) for unit in spellings}) == 1


def test_currencies_and_unknown_units_compare_as_written() -> None:
    assert fold_unit("USD") == fold_unit("usd") != fold_unit("EUR")
    assert fold_unit("pixels per inch") == "pixels per inch"
    assert fold_unit("km") != fold_unit("km2") != fold_unit("miles")


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("2023-01/2023-12", "2023"),
        ("2023-01-01/2023-12-31", "2023"),
        ("2022-05-01/2022-05-31", "2022-05"),
        ("2024-02-01/2024-02-29", "2024-02"),  # a leap year
        ("2022-01/2022-05", "2022-01/2022-05"),  # January-May stays a range
        ("2023-12/2024-12", "2023-12/2024-12"),
        ("2023-02-01/2023-02-28", "2023-02"),
        ("2023-02-01/2023-02-27", "2023-02-01/2023-02-27"),
        ("2021", "2021"),
    ],
)
def test_a_whole_year_or_month_written_as_a_range_is_that_period(written: str, folded: str) -> None:
    assert fold_period(written) == folded


def test_the_scorer_uses_the_folds() -> None:
    """Kazinform's "the Kazakh Premier" and a predicted "Prime Minister" agree."""

    gold = {
        "id": "a",
        "actors": [{"id": "s", "name": "Alikhan Smailov", "role": "Prime Minister"}],
        "amounts": [{"text": "30,000 tons", "value": 30000, "unit": "tonnes", "period": "2023"}],
    }
    predicted = {
        "id": "a",
        "actors": [{"id": "p1", "name": "Alikhan Smailov", "role": "Premier"}],
        "amounts": [
            {"text": "30,000 tons", "value": 30000, "unit": "t", "period": "2023-01/2023-12"}
        ],
    }
    accuracies = score_article(gold, predicted).accuracies
    assert accuracies["actors.role"].value == 1.0
    assert accuracies["amounts.unit"].value == 1.0
    assert accuracies["amounts.period"].value == 1.0
