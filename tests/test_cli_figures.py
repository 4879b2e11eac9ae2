"""`dateline figures` on real dispatches: a Kazinform story and a Reuters one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from dateline.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kazinform-2022-07-04-smailov-mishustin.txt"
REUTERS = ROOT.parent / "shared" / "corpus" / "reuters21578" / "reuters21578.jsonl"
SOVIET_TRADE = "reuters21578-15386"
"""1987: "Soviet trade turnover for 1986 fell to 130.9 billion roubles"."""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    if not REUTERS.exists():
        pytest.skip("shared/ not beside the checkout")
    folder = tmp_path_factory.mktemp("figures")
    soviet = next(
        line
        for line in REUTERS.read_text(encoding="utf-8").splitlines()
        if f'"id": "{SOVIET_TRADE}"' in line
    )
    (folder / "reuters.jsonl").write_text(soviet + "\n", encoding="utf-8")
    url = f"sqlite:///{folder / 'news.db'}"
    result = run("ingest", "--db", url, str(EXAMPLE), str(folder / "reuters.jsonl"))
    assert result.exit_code == 0, result.output
    return url


def test_between_two_parties_oldest_first(db: str) -> None:
    result = run(
        "figures", "--db", db, "--measure", "trade turnover", "--between", "Kazakhstan", "Russia"
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("2021") and "24.2bn USD" in lines[0]
    assert "bilateral trade turnover between Kazakhstan and Russia" in lines[0]
    assert "'$24.2bn'" in lines[1] and "(2022-07-04)" in lines[1]
    assert "change <=33%" in lines[2]  # "rising by almost a third"
    assert lines[4].startswith("2022-01/2022-05") and "9.2bn USD" in lines[4]
    assert "Soviet" not in result.output


def test_every_article_by_period_and_json(db: str) -> None:
    result = run("figures", "--db", db, "--measure", "trade turnover", "--levels", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    kazinform = [f for f in found if f["unit"] == "USD"]
    assert (found[0]["period"], found[0]["unit"]) == ("1986", "RUB")  # the Reuters one is oldest
    assert found.index(kazinform[0]) > max(i for i, f in enumerate(found) if f["period"] == "1986")
    assert [f["period"] for f in kazinform] == ["2021", "2022-01/2022-05"]
    assert kazinform[0]["parties"] == ["Kazakhstan", "Russia"]
    assert all(not f["change"] for f in found)


def test_nothing_found_says_what_to_try(db: str) -> None:
    result = CliRunner().invoke(
        main, ["figures", "--db", db, "--measure", "trade turnover", "--unit", "EUR"]
    )
    assert result.exit_code == 1
    assert "no figures of 'trade turnover'" in result.output and "--unit" in result.output


def test_a_range_and_a_bound_read_as_written() -> None:
    # TASS tass-1894077: "in Belarus it is 5.4-5.5%"; tass-1893787: "More than 50 children"
    from dateline.cli.figures import render_figure
    from dateline.model import Span
    from dateline.store import FigureRow

    def figure(
        value: float,
        unit: str,
        *,
        bound: str | None = None,
        low: float | None = None,
        high: float | None = None,
    ) -> FigureRow:
        return FigureRow(
            article_id="tass-1894077",
            title=None,
            source="TASS",
            url=None,
            published="2024-12-26",
            period="2024",
            value=value,
            unit=unit,
            text="figure",
            measure="economic growth in Belarus",
            change=False,
            approximate=True,
            bound=bound,
            low=low,
            high=high,
            parties=[],
            span=Span(0, 6),
        )

    assert "5.4%-5.5%" in render_figure(figure(0.0545, "ratio", low=0.054, high=0.055))
    assert ">=50 " in render_figure(figure(50, "count", bound="lower"))
