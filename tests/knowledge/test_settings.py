"""The settings file: every threshold documented, read once, checked when read."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from dateline.errors import SettingsError
from dateline.knowledge.settings import parse_settings, settings

SHIPPED = resources.files("dateline").joinpath("data", "settings.toml").read_text("utf-8")


def test_the_shipped_file_gives_every_setting_with_its_kind() -> None:
    tuned = settings()
    assert settings() is tuned, "read once"
    assert tuned.quotes.short_quote_words == 5 and isinstance(tuned.quotes.short_quote_words, int)
    assert tuned.events.both_sides_confidence == 0.8
    assert tuned.places.capital_weight == 1.0 and isinstance(tuned.places.capital_weight, float)


def test_every_setting_says_what_it_changes() -> None:
    """As in trafilatura's settings.cfg: a comment right above each value."""

    lines = SHIPPED.splitlines()
    undocumented = [
        line
        for number, line in enumerate(lines)
        if re.match(r"^\w+ = ", line) and not lines[number - 1].startswith("#")
    ]
    assert undocumented == []


def test_a_name_the_code_does_not_know_is_an_error_not_ignored() -> None:
    edited = SHIPPED.replace("short_quote_words = 5", "short_quote_word = 5")
    with pytest.raises(
        SettingsError, match=r"settings.toml: unknown setting quotes.short_quote_word;"
    ):
        parse_settings(edited)


def test_a_missing_setting_is_named() -> None:
    edited = SHIPPED.replace("capital_weight = 1.0\n", "")
    with pytest.raises(SettingsError, match=r"setting places.capital_weight is missing"):
        parse_settings(edited)


@pytest.mark.parametrize(
    ("line", "edited", "says"),
    [
        ("max_title_tokens = 10", "max_title_tokens = 10.5", "must be a whole number"),
        ("max_title_tokens = 10", "max_title_tokens = true", "must be a whole number"),
        ("capital_weight = 1.0", 'capital_weight = "high"', "must be a number"),
    ],
)
def test_a_value_of_the_wrong_kind_is_named(line: str, edited: str, says: str) -> None:
    with pytest.raises(SettingsError, match=says) as error:
        parse_settings(SHIPPED.replace(line, edited), origin="my-settings.toml")
    assert str(error.value).startswith("my-settings.toml: setting ")


def test_a_whole_number_for_a_number_reads_as_the_same_value() -> None:
    assert parse_settings(SHIPPED.replace("capital_weight = 1.0", "capital_weight = 1")) == (
        settings()
    )


def test_a_file_that_is_not_toml_says_so() -> None:
    with pytest.raises(SettingsError, match=r"settings\.toml: not TOML"):
        parse_settings("[quotes\n")
