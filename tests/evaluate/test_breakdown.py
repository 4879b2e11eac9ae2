"""Dev figures per file and per source, leave-one-source-out, and comparing two reports.

The gold is the real dev gold (seed and wires from Kazinform, BelTA, Trend and
others); predictions are that gold with chosen items taken away, so every
expected figure can be counted by hand.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tests.conftest import gold_records

from dateline.cli import main
from dateline.errors import InputError
from dateline.evaluate.breakdown import (
    Breakdown,
    article_source,
    format_breakdown,
    source_breakdown,
)
from dateline.evaluate.compare import compare_breakdowns, compare_payloads, read_payload
from dateline.evaluate.scoring import score_articles

Record = dict[str, Any]


@pytest.fixture(scope="module")
def files() -> list[tuple[str, list[Record]]]:
    seed, wires = gold_records("seed.jsonl"), gold_records("wires_dev.jsonl")
    return [("seed.jsonl", seed), ("wires.jsonl", wires)]


def flat(files: list[tuple[str, list[Record]]]) -> list[Record]:
    return [record for _, records in files for record in records]


def without_quotes(records: list[Record], source: str) -> list[Record]:
    """The gold as a prediction, with every quote of one source's articles dropped."""

    predicted = copy.deepcopy(records)
    for record in predicted:
        if article_source(record) == source:
            record["quotes"] = []
    return predicted


def breakdown_of(files: list[tuple[str, list[Record]]], predicted: list[Record]) -> Breakdown:
    return source_breakdown(files, score_articles(flat(files), predicted))


def test_sources_are_pooled_across_files(files: list[tuple[str, list[Record]]]) -> None:
    breakdown = breakdown_of(files, copy.deepcopy(flat(files)))
    kazinform = breakdown.source("Kazinform")
    assert kazinform is not None
    assert kazinform.articles == [
        "kazinform-2022-07-04-smailov-mishustin",  # seed.jsonl
        "kazinform-2023-05-04-tokayev-rahmon-trade",  # wires_dev.jsonl
    ]
    assert [g.name for g in breakdown.files] == ["seed.jsonl", "wires.jsonl"]
    assert [len(g.articles) for g in breakdown.files] == [1, 10]
    assert {g.name for g in breakdown.sources} >= {"Kazinform", "Trend", "BelTA", "Yonhap"}
    assert sum(len(g.articles) for g in breakdown.sources) == 11
    assert breakdown.overall.figures["actors F1"] == 1.0  # the gold scored against itself


def test_a_source_left_out_is_every_other_article(files: list[tuple[str, list[Record]]]) -> None:
    records = flat(files)
    breakdown = breakdown_of(files, without_quotes(records, "Trend"))
    trend, rest = breakdown.source("Trend"), breakdown.without("Trend")
    assert trend is not None and rest is not None
    assert trend.figures["quotes F1"] == 0.0
    assert rest.figures["quotes F1"] == 1.0
    assert set(rest.articles) == {r["id"] for r in records} - set(trend.articles)
    overall = breakdown.overall.figures["quotes F1"]
    assert overall is not None and 0 < overall < 1
    assert trend.support["quotes F1"] == sum(
        len([q for q in r["quotes"] if not q.get("optional")])
        for r in records
        if article_source(r) == "Trend"
    )


def test_source_comes_from_meta_then_the_id() -> None:
    assert article_source({"id": "x", "meta": {"source": "TASS"}}) == "TASS"
    assert article_source({"id": "tass-1894079", "meta": {}}) == "tass"
    assert article_source({"id": "reuters-1", "source": " Reuters "}) == "Reuters"


def test_breakdown_survives_json(files: list[tuple[str, list[Record]]]) -> None:
    breakdown = breakdown_of(files, without_quotes(flat(files), "BelTA"))
    again = Breakdown.from_dict(json.loads(json.dumps(breakdown.as_dict())))
    assert again == breakdown
    text = format_breakdown(again)
    assert "per source:" in text and "without BelTA" in text and "q+s = quote+speaker F1" in text


def test_a_gain_on_one_source_that_costs_another_is_flagged(
    files: list[tuple[str, list[Record]]],
) -> None:
    """Before: Trend and Kabar lose their quotes. After: Trend's come back, Kabar's
    stay lost and BelTA's are lost too. Quotes F1 rises in total (Trend has more
    quotes than BelTA), yet BelTA falls, so the change is flagged."""

    records = flat(files)
    before = without_quotes(without_quotes(records, "Trend"), "Kabar")
    after = without_quotes(without_quotes(records, "BelTA"), "Kabar")
    comparison = compare_breakdowns(breakdown_of(files, before), breakdown_of(files, after))
    quotes = next(c for c in comparison.figures if c.figure == "quotes F1")
    assert quotes.delta is not None and quotes.delta > 0
    assert [m.group for m in quotes.rose_in] == ["Trend"]
    assert [m.group for m in quotes.fell_in] == ["BelTA"]
    assert quotes.costs_another
    assert [m.group for m in quotes.rests_on] == ["Trend"]  # without Trend, no gain
    assert quotes in comparison.mixed
    actors = next(c for c in comparison.figures if c.figure == "actors F1")
    assert actors.delta == 0 and not actors.costs_another and not actors.fell_in


def test_reports_of_different_gold_say_so(files: list[tuple[str, list[Record]]]) -> None:
    whole = breakdown_of(files, copy.deepcopy(flat(files)))
    wires = [files[1]]
    part = breakdown_of(wires, copy.deepcopy(flat(wires)))
    notes = compare_breakdowns(whole, part).notes
    assert any("other articles for Kazinform" in note for note in notes)


def write_report(path: Path, breakdown: Breakdown, **extra: Any) -> Path:
    path.write_text(json.dumps({"breakdown": breakdown.as_dict(), **extra}), encoding="utf-8")
    return path


def test_compare_mode_of_the_cli(files: list[tuple[str, list[Record]]], tmp_path: Path) -> None:
    records = flat(files)
    old = write_report(
        tmp_path / "old.json",
        breakdown_of(files, without_quotes(records, "Trend")),
        commit="abc1234",
        benchmarks=[{"name": "conllpp", "scores": {"dateline": {"PER F1": 0.761}}}],
    )
    new = write_report(
        tmp_path / "new.json",
        breakdown_of(files, without_quotes(records, "BelTA")),
        benchmarks=[{"name": "conllpp", "scores": {"dateline": {"PER F1": 0.77}}}],
    )
    result = CliRunner().invoke(main, ["evaluate", "--compare", str(old), str(new)])
    assert result.exit_code == 0, result.output
    assert "commit abc1234" in result.output
    assert "HELPS ONE SOURCE, COSTS ANOTHER" in result.output
    assert "fell: BelTA" in result.output
    assert "conllpp: PER F1" in result.output and "+0.9" in result.output


def test_a_file_that_is_no_report_is_an_error_naming_it(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.json"):
        read_payload(broken)
    other = tmp_path / "other.json"
    other.write_text('{"id": 1}', encoding="utf-8")
    with pytest.raises(InputError, match="not an accuracy report"):
        read_payload(other)
    result = CliRunner().invoke(main, ["evaluate", "--compare", str(broken), str(other)])
    assert result.exit_code == 1 and "broken.json" in result.output
    assert "Traceback" not in result.output


def test_the_dev_benchmarks_breakdown_is_found_in_a_make_eval_report(
    files: list[tuple[str, list[Record]]],
) -> None:
    """make_accuracy's JSON carries the breakdown at the top and inside the dev result."""

    breakdown = breakdown_of(files, copy.deepcopy(flat(files))).as_dict()
    old = {"benchmarks": [{"name": "dev", "scores": {}, "details": {"breakdown": breakdown}}]}
    new = {"breakdown": breakdown, "benchmarks": []}
    comparison = compare_payloads(old, new)
    assert len(comparison.figures) == len(breakdown["figures"])
    assert all(change.delta == 0 for change in comparison.figures if change.delta is not None)
