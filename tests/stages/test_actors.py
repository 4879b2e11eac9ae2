"""The actors stage on real dispatches: the Kazinform seed article and TASS dev gold.

The floor test scores this stage alone with the project's own scorer; the
full figures come from `dateline evaluate` on the dev gold.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from tests.conftest import DEV_GOLD

from dateline.evaluate.matching import fold_text
from dateline.evaluate.report import Report, format_report
from dateline.evaluate.scoring import score_articles
from dateline.model import Actor
from dateline.output import actor_dict
from dateline.parsing import ParsedDoc, parse_article
from dateline.readers import read_text
from dateline.stages.actors import extract_actors, mention_texts, slug

GOLD_DIR = DEV_GOLD
SEED = GOLD_DIR / "seed.jsonl"
TASS_DEV = GOLD_DIR / "tass_dev.jsonl"


def _gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _parse(nlp: Language, record: dict[str, Any]) -> ParsedDoc:
    article = read_text(record["text"], id=record["id"], source=record["meta"].get("source"))
    return parse_article(article, nlp)


def dev_gold_report(nlp: Language, paths: list[Path]) -> Report:
    """The actor figures of `dateline evaluate`, from this stage alone."""

    gold = [record for path in paths for record in _gold(path)]
    predicted = []
    for record in gold:
        parsed = _parse(nlp, record)
        actors = [actor_dict(a, parsed.text) for a in extract_actors(parsed)]
        predicted.append({"id": record["id"], "actors": actors})
    return score_articles(gold, predicted)


@pytest.fixture(scope="session")
def seed(nlp: Language) -> tuple[ParsedDoc, list[Actor]]:
    parsed = _parse(nlp, _gold(SEED)[0])
    return parsed, extract_actors(parsed)


def _by_name(actors: list[Actor], name: str) -> Actor:
    found = [a for a in actors if a.name == name]
    assert found, f"no actor {name!r} in {[a.name for a in actors]}"
    return found[0]


def test_prime_ministers_get_roles_and_countries_in_order(
    seed: tuple[ParsedDoc, list[Actor]],
) -> None:
    _, actors = seed
    smailov = _by_name(actors, "Alikhan Smailov")
    mishustin = _by_name(actors, "Mikhail Mishustin")
    assert (smailov.kind, smailov.country, smailov.role) == ("person", "KAZ", "Prime Minister")
    assert (mishustin.country, mishustin.role, mishustin.sector) == (
        "RUS",
        "Prime Minister",
        "government",
    )
    assert smailov.id == "alikhan-smailov"


def test_every_gold_mention_of_the_seed_is_linked(seed: tuple[ParsedDoc, list[Actor]]) -> None:
    parsed, actors = seed
    gold = _gold(SEED)[0]
    for gold_actor in gold["actors"]:
        if gold_actor.get("optional"):
            continue
        holders = [
            a
            for a in actors
            if {fold_text(m) for m in gold_actor["mentions"]}
            & {fold_text(m) for m in mention_texts(a, parsed.text)}
        ]
        assert len(holders) == 1, gold_actor["id"]
        linked = {fold_text(m) for m in mention_texts(holders[0], parsed.text)}
        assert {fold_text(m) for m in gold_actor["mentions"]} <= linked, gold_actor["id"]


def test_demonyms_are_never_people_or_organisations(seed: tuple[ParsedDoc, list[Actor]]) -> None:
    parsed, actors = seed
    for actor in actors:
        for text in mention_texts(actor, parsed.text):
            assert text not in ("Kazakh", "Russian", "Kazakh-Russain"), actor


def test_governments_are_named_for_their_country(seed: tuple[ParsedDoc, list[Actor]]) -> None:
    _, actors = seed
    kazakh = _by_name(actors, "Government of Kazakhstan")
    assert (kazakh.kind, kazakh.sector, kazakh.country) == ("organization", "government", "KAZ")
    assert _by_name(actors, "Government of Russia").country == "RUS"
    assert _by_name(actors, "Kazakhstan").kind == "country"


def test_the_agency_is_media_and_the_dateline_is_not_a_mention(
    seed: tuple[ParsedDoc, list[Actor]],
) -> None:
    parsed, actors = seed
    kazinform = _by_name(actors, "Kazinform")
    assert kazinform.sector == "media"
    dateline = parsed.article.dateline
    assert dateline is not None
    for actor in actors:
        assert all(not m.overlaps(dateline.span) for m in actor.mentions), actor.name


def test_mentions_are_sorted_spans_with_sentences(seed: tuple[ParsedDoc, list[Actor]]) -> None:
    _, actors = seed
    for actor in actors:
        assert actor.mentions == sorted(actor.mentions)
        assert all(m.sentence >= 0 for m in actor.mentions)
    assert len({a.id for a in actors}) == len(actors)


def test_heads_of_government_is_not_one_person(seed: tuple[ParsedDoc, list[Actor]]) -> None:
    parsed, actors = seed
    texts = {t for a in actors for t in mention_texts(a, parsed.text)}
    assert "the heads of government" not in texts


def _tass(nlp: Language, article_id: str) -> tuple[ParsedDoc, list[Actor]]:
    record = next(r for r in _gold(TASS_DEV) if r["id"] == article_id)
    parsed = _parse(nlp, record)
    return parsed, extract_actors(parsed)


def test_putin_is_russian_president_and_the_head_of_state(nlp: Language) -> None:
    parsed, actors = _tass(nlp, "tass-1894067")
    putin = _by_name(actors, "Vladimir Putin")
    assert (putin.country, putin.role) == ("RUS", "President")
    assert {"Putin", "the head of state", "the Russian leader"} <= set(
        mention_texts(putin, parsed.text)
    )


def test_lavrov_is_foreign_minister_and_the_top_diplomat(nlp: Language) -> None:
    parsed, actors = _tass(nlp, "tass-1893783")
    lavrov = _by_name(actors, "Sergey Lavrov")
    assert (lavrov.country, lavrov.role) == ("RUS", "Foreign Minister")
    assert "the Russian top diplomat" in mention_texts(lavrov, parsed.text)
    syria = _by_name(actors, "Syria")
    assert "the Syrian state" in mention_texts(syria, parsed.text)
    assert "the US" in mention_texts(_by_name(actors, "United States"), parsed.text)


def test_ambassador_keeps_his_posting_and_generic_nominals(nlp: Language) -> None:
    parsed, actors = _tass(nlp, "tass-1893799")
    envoy = _by_name(actors, "Gennady Bezdetko")
    assert (envoy.country, envoy.role) == ("RUS", "Ambassador to Vietnam")
    assert {"the diplomat", "The ambassador"} <= set(mention_texts(envoy, parsed.text))


def test_objects_named_before_a_common_noun_are_not_actors(nlp: Language) -> None:
    _, actors = _tass(nlp, "tass-1894063")
    assert "Oreshnik" not in {a.name for a in actors}


def _actors_of(nlp: Language, text: str) -> tuple[str, list[Actor]]:
    parsed = parse_article(read_text(text), nlp)
    return parsed.text, extract_actors(parsed)


def test_exhibition_named_by_description_and_brand(seed: tuple[ParsedDoc, list[Actor]]) -> None:
    parsed, actors = seed
    innoprom = _by_name(actors, "INNOPROM")
    assert mention_texts(innoprom, parsed.text) == [
        "International Industrial Exhibition INNOPROM",
        "INNOPROM",
    ]
    # "held in Yekaterinburg, Russia" places it.
    assert (innoprom.kind, innoprom.country, innoprom.sector) == ("organization", "RUS", "business")


def test_well_known_companies_and_their_descriptions(nlp: Language) -> None:
    parsed, actors = _tass(nlp, "tass-1893799")
    for name in ("Aeroflot", "Iraero"):
        airline = _by_name(actors, name)
        assert (airline.country, airline.sector) == ("RUS", "business")
    carrier = _by_name(actors, "Vietnam Airlines")
    assert "the Vietnamese carrier" in mention_texts(carrier, parsed.text)
    assert "our Vietnamese partners" in mention_texts(_by_name(actors, "Vietnam"), parsed.text)
    _, actors = _tass(nlp, "tass-1894075")
    gazprom = _by_name(actors, "Gazprom")
    assert (gazprom.kind, gazprom.country) == ("organization", "RUS")


def test_a_clause_after_a_noun_is_not_a_description(nlp: Language) -> None:
    # Guardian, 2019: "the moment" is not a name for Baghdadi.
    text, actors = _actors_of(
        nlp,
        "It wasn't always this way. From the moment Baghdadi announced the formation "
        "of Isis on 8 April 2013, the group grew.",
    )
    assert all("the moment" not in mention_texts(a, text) for a in actors)


def test_the_lead_before_a_tass_dateline_counts(nlp: Language) -> None:
    parsed, actors = _tass(nlp, "tass-1894059")
    # "The President stressed that Moscow would move on" is the lead line.
    assert "Moscow" in mention_texts(_by_name(actors, "Russia"), parsed.text)
    assert all(a.name != "TASS" or a.kind == "organization" for a in actors)


def test_deputy_speaker_is_still_the_lawmaker(nlp: Language) -> None:
    parsed, actors = _tass(nlp, "tass-1893787")
    kuznetsova = _by_name(actors, "Anna Kuznetsova")
    assert (kuznetsova.role, kuznetsova.sector) == ("Deputy Speaker", "legislature")
    assert "the lawmaker" in mention_texts(kuznetsova, parsed.text)


def test_a_posting_city_is_not_part_of_the_name(nlp: Language) -> None:
    # TASS, 2024-12-26 (tass-1893803): the model tags "Havana Viktor Koronelli".
    text, actors = _actors_of(
        nlp,
        "HAVANA, December 26. /TASS/. The invitation extended to Cuba to join BRICS as a "
        "partner country highlights its prestigious role in the Global South, Russian "
        "Ambassador to Havana Viktor Koronelli said. Koronelli added that more would follow.",
    )
    envoy = _by_name(actors, "Viktor Koronelli")
    assert (envoy.country, envoy.role) == ("RUS", "Ambassador to Cuba")
    assert "Koronelli" in mention_texts(envoy, text)


def test_a_country_before_government_is_the_government(nlp: Language) -> None:
    # BBC business, 2004: "Court rejects $280bn tobacco case".
    text, actors = _actors_of(
        nlp,
        "But the Court of Appeals for the District of Columbia ruled that the US "
        "government could not sue the firms under legislation drawn up to counter the Mafia.",
    )
    government = _by_name(actors, "Government of the United States")
    assert (government.country, government.sector) == ("USA", "government")
    assert mention_texts(government, text) == ["the US government"]
    assert "United States" not in {a.name for a in actors}


def test_slug_is_ascii_and_hyphenated() -> None:
    assert slug("Government of Kazakhstan") == "government-of-kazakhstan"
    assert slug("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"


def test_dev_gold_scores_stay_above_floor(nlp: Language) -> None:
    report = dev_gold_report(nlp, [SEED, TASS_DEV])
    actors, mentions = report.fields["actors"], report.accuracies["actors.mentions"]
    summary = format_report(report)
    assert actors.recall is not None and actors.recall >= 0.8, summary
    assert actors.precision is not None and actors.precision >= 0.8, summary
    assert mentions.value is not None and mentions.value >= 0.8, summary


def test_speaker_named_by_description_is_an_actor_with_role_and_country(nlp: Language) -> None:
    """PolNeAR-style attribution to an unnamed official (text from the corpus)."""

    text = (
        "Israeli Prime Minister Ehud Barak has agreed to US mediation in the final status "
        "talks with the Palestinians, a senior Israeli official said."
    )
    actors = {a.name: a for a in extract_actors(parse_article(read_text(text, id="t"), nlp))}
    official = actors["a senior Israeli official"]
    assert (official.kind, official.role, official.country) == ("person", "Official", "ISR")
    assert "Ehud Barak" in actors


def test_a_given_name_makes_a_person_of_what_the_model_calls_an_organisation(
    nlp: Language,
) -> None:
    # PolNeAR (politico, 2015-12-28): the small model tags "Carly Fiorina" ORG.
    _, actors = _actors_of(
        nlp,
        "Carly Fiorina: 'Bill Clinton's fair game.'\n\nDonald Trump is on solid ground "
        "attacking Bill Clinton, Carly Fiorina said Monday. But, the former CEO of "
        "Hewlett-Packard added, it's not the way to win. Warner Bros said nothing.",
    )
    kinds = {a.name: a.kind for a in actors}
    assert kinds["Carly Fiorina"] == "person"
    assert kinds.get("Warner Bros", "organization") == "organization"  # a company word


def test_a_surname_the_model_mislabels_joins_the_full_name(nlp: Language) -> None:
    # PolNeAR: the model tags the repeated "Holtz-Eakin" WORK_OF_ART.
    text, actors = _actors_of(
        nlp,
        "Douglas Holtz-Eakin, president of the American Action Forum, said the plan would "
        'not work. "It is a fantasy," Holtz-Eakin said.',
    )
    people = [a for a in actors if a.kind == "person"]
    assert [a.name for a in people] == ["Douglas Holtz-Eakin"]
    assert mention_texts(people[0], text) == ["Douglas Holtz-Eakin", "Holtz-Eakin"]
