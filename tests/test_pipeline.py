"""`STAGES`: the ordered stage list, its one loop, `disable=` and the stage in errors."""

from __future__ import annotations

from dataclasses import fields

import pytest

from dateline.errors import ExtractionFailed
from dateline.model import Extraction
from dateline.parsing import ParsedDoc
from dateline.pipeline import STAGE_NAMES, STAGES, StageTimer, run_stages


def test_each_stage_fills_the_extraction_field_of_its_name() -> None:
    fact_fields = {f.name for f in fields(Extraction)} - {"article", "sentences"}
    assert set(STAGE_NAMES) == fact_fields
    assert STAGE_NAMES == ("actors", "quotes", "amounts", "places", "events")


def test_the_loop_times_every_stage(seed_parsed: ParsedDoc) -> None:
    timer = StageTimer()
    found = run_stages(seed_parsed, timer)
    assert list(timer.seconds) == list(STAGE_NAMES)
    assert found.actors and found.quotes and found.amounts and found.places and found.events


def test_a_disabled_stage_finds_nothing_and_the_rest_still_run(seed_parsed: ParsedDoc) -> None:
    timer = StageTimer()
    found = run_stages(seed_parsed, timer, disable={"quotes", "amounts"})
    assert found.quotes == [] and found.amounts == []
    assert found.actors and found.places and found.events
    assert "quotes" not in timer.seconds and "events" in timer.seconds


def test_without_actors_no_quote_has_a_speaker(seed_parsed: ParsedDoc) -> None:
    """A later stage reads only the facts before it: no actors, no speakers."""

    found = run_stages(seed_parsed, disable={"actors"})
    assert found.actors == [] and found.quotes
    assert all(quote.speaker is None for quote in found.quotes)


def test_an_unknown_stage_name_is_refused(seed_parsed: ParsedDoc) -> None:
    with pytest.raises(ValueError, match="no stage named quotations"):
        run_stages(seed_parsed, disable={"quotations"})


def test_a_failing_stage_is_named_in_the_error(
    seed_parsed: ParsedDoc, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(parsed: ParsedDoc, found: Extraction) -> list[object]:
        raise RuntimeError("table missing")

    stages = tuple((name, broken if name == "places" else stage) for name, stage in STAGES)
    monkeypatch.setattr("dateline.pipeline.STAGES", stages)
    with pytest.raises(ExtractionFailed) as failure:
        run_stages(seed_parsed)
    assert failure.value.stage == "places"
    assert "table missing" in str(failure.value)
