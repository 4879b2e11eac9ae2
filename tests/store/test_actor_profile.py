"""One actor across articles: search by name, roles over time, quotes per article."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dateline.model import Extraction
from dateline.store import Store


@pytest.fixture
def filled(store: Store, seed: Extraction, tass: Extraction) -> Store:
    store.save(seed)
    store.save(tass)
    return store


def test_find_actors_by_part_of_the_name_ignoring_case_and_accents(filled: Store) -> None:
    found = filled.actors.find("MISHÚSTIN")
    assert [(a.name, a.kind, a.country, a.articles) for a in found] == [
        ("Mikhail Mishustin", "person", "RUS", 2)
    ]
    assert filled.actors.find("Putin") == []
    assert filled.actors.find("   ") == []


def test_an_exact_name_beats_names_that_contain_it(filled: Store) -> None:
    # "Government of Kazakhstan" contains "kazakhstan" but is another actor.
    assert [a.name for a in filled.actors.find("kazakhstan")] == ["Kazakhstan"]
    assert [a.name for a in filled.actors.find("Russia")] == ["Russia"]


def test_find_actors_by_a_phrase_the_text_used(filled: Store) -> None:
    assert [a.name for a in filled.actors.find("the Kazakh Premier")] == ["Alikhan Smailov"]


def test_profile_lists_every_article_with_roles_and_quotes(filled: Store) -> None:
    actor_id = filled.actors.find("mishustin")[0].actor_id
    profile = filled.actors.profile(actor_id)
    assert profile is not None
    assert [r.as_dict() for r in profile.roles] == [
        {
            "role": "Prime Minister",
            "first_seen": "2022-07-04",
            "last_seen": "2024-12-26",
            "articles": 2,
        }
    ]
    seed_visit, tass_visit = profile.appearances
    assert (seed_visit.article_id, tass_visit.article_id) == (
        "kazinform-2022-07-04-smailov-mishustin",
        "tass-1893813",
    )
    assert seed_visit.mentions == [
        "Mikhail Mishustin",
        "Mishustin",
        "the Russian Prime Minister",
    ]
    assert [q.text[:30] for q in seed_visit.quotes] == [
        "the Russian government conside",
        "Our cooperation has stood the ",
    ]
    # In the TASS dispatch Mishustin is quoted by the ambassador, not himself.
    assert tass_visit.quotes == []
    assert tass_visit.roles == ["Prime Minister"]


def test_quote_spans_point_into_their_article(filled: Store, seed: Extraction) -> None:
    actor_id = filled.actors.find("Alikhan Smailov")[0].actor_id
    profile = filled.actors.profile(actor_id)
    assert profile is not None
    quotes = profile.appearances[0].quotes
    assert len(quotes) == 3
    for quote in quotes:
        assert seed.article.text[quote.start : quote.end] == quote.text


def test_a_change_of_title_shows_as_two_roles_in_time_order(
    filled: Store, tass: Extraction
) -> None:
    later = replace(
        tass,
        article=replace(tass.article, id="tass-later", published=date(2025, 3, 1)),
        actors=[
            replace(a, role="Ambassador to Vietnam") if a.id == "gennady-bezdetko" else a
            for a in tass.actors
        ],
    )
    filled.save(later)
    actor_id = filled.actors.find("bezdetko")[0].actor_id
    profile = filled.actors.profile(actor_id)
    assert profile is not None
    assert [(r.role, r.first_seen, r.last_seen) for r in profile.roles] == [
        ("Ambassador", "2024-12-26", "2024-12-26"),
        ("Ambassador to Vietnam", "2025-03-01", "2025-03-01"),
    ]
    assert [a.published for a in profile.appearances] == ["2024-12-26", "2025-03-01"]


def test_profile_of_a_missing_actor_is_none(filled: Store) -> None:
    assert filled.actors.profile(10_000) is None
