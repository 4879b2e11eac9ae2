"""`store.figures`: one measure over time, by words, parties and unit."""

from __future__ import annotations

from typing import Any

from dateline.store import FigureRow, Store
from dateline.store.figures import measure_matches

from .conftest import seed_extraction

TURNOVER = "trade turnover"


def values(found: list[FigureRow]) -> list[str]:
    return [f.text for f in found]


def figures(store: Store, measure: str, parties: tuple[str, ...], **wanted: Any) -> list[FigureRow]:
    return list(store.figures.page(measure=measure, parties=parties, **wanted).items)


def test_measure_words_any_order_whole_words_and_plurals() -> None:
    measure = "bilateral trade turnover between Kazakhstan and Russia"
    assert measure_matches(["turnover", "trade"], measure)
    assert not measure_matches(["trade", "turn"], measure)  # "turn" is no word of it
    assert measure_matches(["project"], "value of 13 major cooperation projects")


def test_parties_named_in_the_measure_oldest_period_first(store: Store) -> None:
    store.save(seed_extraction())  # its amounts have no `parties`: the measure names them
    found = figures(store, TURNOVER, ("Kazakhstan", "Russia"))
    assert values(found) == ["$24.2bn", "almost a third", "$9.2bn"]
    assert [f.period for f in found] == ["2021", "2021", "2022-01/2022-05"]
    assert found[0].article_id == "kazinform-2022-07-04-smailov-mishustin"
    assert found[0].published == "2022-07-04"
    usd = figures(store, TURNOVER, ("kazakhstan", "RUSSIA"), unit="usd")
    assert values(usd) == ["$24.2bn", "$9.2bn"]
    assert figures(store, TURNOVER, ("Kazakhstan", "Vietnam")) == []


def test_parties_column_and_levels_only(store: Store) -> None:
    extraction = seed_extraction()
    for amount in extraction.amounts:
        if amount.text == "almost a third":
            amount.change = True
        if amount.text == "$9.2bn":  # as if read from "the figure", naming nobody
            amount.measure = "trade turnover"
            amount.parties = ["kazakhstan", "russia"]  # stored as the actors' names
    store.save(extraction)
    both = figures(store, TURNOVER, ("Kazakhstan", "Russia"))
    assert values(both) == ["$24.2bn", "almost a third", "$9.2bn"]
    assert both[-1].parties == ["Kazakhstan", "Russia"]
    assert both[1].change is True
    levels = figures(store, TURNOVER, ("Kazakhstan",), levels_only=True)
    assert values(levels) == ["$24.2bn", "$9.2bn"]
