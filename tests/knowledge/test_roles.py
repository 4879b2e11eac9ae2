"""Role titles as written in Kazinform, TASS and PolNeAR copy."""

from __future__ import annotations

import pytest

from dateline.knowledge.roles import find_role, role_words, split_role_phrase
from dateline.model import SECTORS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Kazakh Premier", "Prime Minister"),
        ("premier", "Prime Minister"),
        ("Head of the Cabinet of Ministers", "Prime Minister"),
        ("head of government", "Prime Minister"),
        ("PM", "Prime Minister"),
        ("Prime Ministers of Kazakhstan and Russia", "Prime Minister"),
        ("the Russian top diplomat", "Foreign Minister"),
        ("Minister of Foreign Affairs", "Foreign Minister"),
        ("the Russian foreign minister", "Foreign Minister"),
        ("the head of state", "Head of State"),
        ("the Russian leader", "Head of State"),
        ("The President", "President"),
        ("press secretary", "Spokesperson"),
        ("spokeswoman", "Spokesperson"),
        ("Minister of Economy", "Economy Minister"),
        ("Deputy Prime Minister", "Deputy Prime Minister"),
        ("First Deputy Prime Minister", "First Deputy Prime Minister"),
        ("The ambassador", "Ambassador"),
        ("the diplomat", "Diplomat"),
        ("the lawmaker", "Member of Parliament"),
        ("Senate Majority Leader", "Party Leader"),
        ("deputy homeland security advisor", "Adviser"),
        ("a federal judge", "Judge"),
        ("the chief executive", "CEO"),
    ],
)
def test_find_role(text: str, expected: str) -> None:
    role = find_role(text)
    assert role is not None
    assert role.name == expected


@pytest.mark.parametrize("text", ["Vladimir Putin", "Putin", "the enemy", "Gazprom", ""])
def test_names_and_plain_nouns_are_not_roles(text: str) -> None:
    assert find_role(text) is None


@pytest.mark.parametrize(
    ("text", "role", "country"),
    [
        ("the Russian Prime Minister", "Prime Minister", "RUS"),
        ("Prime Minister of Kazakhstan", "Prime Minister", "KAZ"),
        ("the Head of the Kazakh Cabinet of Ministers", "Prime Minister", "KAZ"),
        ("Kremlin spokesman", "Spokesperson", "RUS"),
        ("White House press secretary", "Spokesperson", "USA"),
        ("Russian President", "President", "RUS"),
        ("the US President", "President", "USA"),
        ("Slovak Prime Minister", "Prime Minister", "SVK"),
        ("Russia's Ambassador", "Ambassador", "RUS"),
        ("Russian Ambassador to Vietnam", "Ambassador", "RUS"),
        ("Ambassador to Vietnam", "Ambassador", None),
        ("Minister of Foreign Affairs of the Republic of Kazakhstan", "Foreign Minister", "KAZ"),
        ("the New Jersey senator", "Senator", None),
    ],
)
def test_split_role_phrase(text: str, role: str, country: str | None) -> None:
    found_role, found_country = split_role_phrase(text)
    assert found_role is not None
    assert found_role.name == role
    assert (found_country.iso3 if found_country else None) == country


def test_role_words_are_heads_not_modifiers() -> None:
    words = role_words()
    for head in ("president", "minister", "premier", "spokesman", "ambassador", "head", "diplomat"):
        assert head in words
    for modifier in ("prime", "foreign", "security", "of", "the", "press"):
        assert modifier not in words


def test_sectors_are_model_sectors() -> None:
    for text in ("Prime Minister", "Senator", "CEO", "Secretary-General", "editor", "activist"):
        role = find_role(text)
        assert role is not None
        assert role.sector in SECTORS
