"""`dateline actor NAME` on real dispatches: one person across two articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from dateline.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kazinform-2022-07-04-smailov-mishustin.txt"
TASS = ROOT.parent / "shared" / "corpus" / "tass-politics-sample" / "tass_politics_20.jsonl"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The Kazinform example and twenty TASS dispatches; Mishustin is in two of them."""

    if not TASS.exists():
        pytest.skip("shared/ not beside the checkout")
    url = f"sqlite:///{tmp_path_factory.mktemp('actor') / 'news.db'}"
    result = run("ingest", "--db", url, str(EXAMPLE), str(TASS))
    assert result.exit_code == 0, result.output
    return url


def test_actor_shows_every_article_role_and_quote(db: str) -> None:
    result = run("actor", "mishustin", "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Mikhail Mishustin (person, RUS, government)"
    assert "named in 2 article(s)" in lines[1]
    assert any("Prime Minister" in line and "2022-07-04 .. 2024-12-26" in line for line in lines)
    assert any("tass-1893813" in line for line in lines)
    assert any("Our cooperation has stood the test of time" in line for line in lines)


def test_actor_json_has_roles_over_time_and_appearances(db: str) -> None:
    result = run("actor", "Mikhail Mishustin", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    (profile,) = json.loads(result.output)
    assert profile["roles"][0]["role"] == "Prime Minister"
    assert [a["published"] for a in profile["appearances"]] == ["2022-07-04", "2024-12-26"]
    assert "the Russian Prime Minister" in profile["appearances"][0]["mentions"]


def test_actor_found_by_a_phrase_the_text_used(db: str) -> None:
    result = run("actor", "Kremlin", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Government of Russia (organization, RUS, government)")


def test_unknown_and_vague_names_say_what_to_do(db: str) -> None:
    missing = run("actor", "Nobody Atall", "--db", db)
    assert missing.exit_code == 1
    assert "no actor named 'Nobody Atall'" in missing.output
    vague = run("actor", "a", "--db", db)
    assert vague.exit_code == 1
    assert "give more of the name" in vague.output
