"""PLOVER types beyond meetings: triggers, sides, statements, CAMEO and intensity.

Sentences come from the PLOVER gold-standard records
(shared/corpus/plover-gsr) and the dev gold dispatches; actors are built by
hand so these tests check the events stage alone.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from tests.stages.test_events_places import actor, parse

from dateline.knowledge.event_types import plover_types
from dateline.knowledge.event_words import trigger_lexicon
from dateline.model import Quote, Span
from dateline.stages.events import extract_events
from dateline.stages.places import extract_places

PLOVER_16 = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
    }
)  # fmt: skip
"""The 16 event types of the PLOVER ontology."""


def test_every_plover_type_has_triggers_cameo_and_intensity() -> None:
    types = plover_types()
    assert set(types) == PLOVER_16
    typed = {t.type for t in trigger_lexicon().values()}
    assert typed == PLOVER_16, "each of the 16 types has at least one trigger"
    assert types["ASSAULT"].intensity < types["ACCUSE"].intensity < 0 < types["CONSULT"].intensity
    assert types["CONSULT"].cameo == "04" and types["ASSAULT"].cameo == "18"


def test_active_verb_gives_source_and_target(nlp: Language) -> None:
    # PLOVER-GSR SANCTION: "expelled diplomats"
    text = "Russia expelled two Estonian diplomats on Monday, the foreign ministry said."
    parsed = parse(nlp, text, date(2000, 1, 5))
    actors = [
        actor(text, "russia", "country", "Russia"),
        actor(text, "estonia", "country", "Estonian"),
    ]
    events = extract_events(parsed, actors, [])
    assert [(e.type, e.actors, e.targets) for e in events] == [
        ("SANCTION", ["russia"], ["estonia"])
    ]
    assert events[0].cameo == "16" and events[0].intensity is not None and events[0].intensity < 0
    assert events[0].date == "2000-01-03", "'on Monday' resolves against publication"


def test_passive_agent_is_the_source(nlp: Language) -> None:
    text = "A significant part of Syria has been illegally occupied by the US."
    parsed = parse(nlp, text, date(2024, 12, 26))
    actors = [
        actor(text, "usa", "country", "the US"),
        actor(text, "syria", "country", "Syria"),
    ]
    events = extract_events(parsed, actors, [])
    assert [(e.type, e.actors) for e in events] == [("ASSAULT", ["usa"])]
    assert events[0].date == "2024-12-26", "a past-tense event takes the publication date"


def test_threat_is_not_the_threatened_act(nlp: Language) -> None:
    text = "Iraq threatened to cut off electricity to the Kurdish region."
    parsed = parse(nlp, text, date(2000, 1, 1))
    actors = [actor(text, "iraq", "country", "Iraq")]
    assert [e.type for e in extract_events(parsed, actors, [])] == ["THREATEN"]


def test_calls_on_is_a_request_and_call_alone_is_not(nlp: Language) -> None:
    text = (
        "The European Union called on Serbia to release the prisoners. "
        "Serbian officials made a call to the embassy."
    )
    parsed = parse(nlp, text, date(2000, 1, 1))
    actors = [
        actor(text, "eu", "organization", "The European Union"),
        actor(text, "serbia", "country", "Serbia"),
    ]
    events = extract_events(parsed, actors, [])
    assert [(e.type, e.actors, e.targets) for e in events] == [("REQUEST", ["eu"], ["serbia"])]


def test_reported_attack_is_the_speakers_accusation(nlp: Language) -> None:
    # tass-1893783 (dev gold): ACCUSE lavrov -> usa, REQUEST lavrov -> israel
    text = (
        'Lavrov stressed the need to "address problems in eastern Syria, a significant part of '
        'which has been illegally occupied by the US." "Israel should understand its '
        'responsibility for shared efforts," Lavrov stated.'
    )
    parsed = parse(nlp, text, date(2024, 12, 26))
    actors = [
        actor(text, "lavrov", "person", "Lavrov"),
        actor(text, "usa", "country", "the US"),
        actor(text, "israel", "country", "Israel"),
    ]
    quotes = []
    for quoted in ("address problems", "Israel should understand"):
        start = text.find(quoted)
        quotes.append(
            Quote(
                kind="direct",
                text=quoted,
                span=Span(start, text.find('"', start)),
                speaker="lavrov",
            )
        )
    events = extract_events(parsed, actors, [], quotes)
    found = {(e.type, tuple(e.actors), tuple(e.targets)) for e in events}
    assert ("ACCUSE", ("lavrov",), ("usa",)) in found
    assert ("REQUEST", ("lavrov",), ("israel",)) in found
    assert all(e.place is None for e in events if e.type in {"ACCUSE", "REQUEST"})


def test_our_own_duty_is_no_request(nlp: Language) -> None:
    text = '"We should prevent the Syrian state from fragmenting," Lavrov noted.'
    parsed = parse(nlp, text, date(2024, 12, 26))
    actors = [
        actor(text, "lavrov", "person", "Lavrov"),
        actor(text, "syria", "country", "the Syrian state"),
    ]
    quote = Quote(kind="direct", text="", span=Span(1, text.find(',"')), speaker="lavrov")
    assert [e.type for e in extract_events(parsed, actors, [], [quote])] == []


def test_nationality_adjective_names_the_attacker_and_dates_merge(nlp: Language) -> None:
    # tass-1893787 (dev gold): the ASSAULT is dated by the second sentence.
    text = (
        "More than 50 children have been killed in Ukrainian strikes, Anna Kuznetsova told "
        "reporters. Unfortunately, more than 50 children have been killed just since the end "
        "of last year."
    )
    parsed = parse(nlp, text, date(2024, 12, 26))
    actors = [
        actor(text, "kuznetsova", "person", "Anna Kuznetsova"),
        actor(text, "kiev-regime", "organization", "the Kiev regime"),
    ]
    actors[1].country = "UKR"
    events = extract_events(parsed, actors, [])
    assault = next(e for e in events if e.type == "ASSAULT")
    assert assault.actors == ["kiev-regime"]
    assert assault.date == "2023-12/2024-12"
    assert len(assault.supporting) == 1, "the second sentence supports the same event"
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert (accuse.actors, accuse.targets) == (["kuznetsova"], ["kiev-regime"])


def test_unnamed_doer_of_a_physical_act_still_makes_an_event(nlp: Language) -> None:
    # event-location gold (Halterman): nobody named did it, the place is stated.
    text = (
        "A nerve gas attack killed hundreds of people in rebel-held neighborhoods "
        "on the edge of Damascus on August 21."
    )
    parsed = parse(nlp, text, date(2013, 8, 25))
    places = extract_places(parsed, [])
    events = extract_events(parsed, [], places)
    assert [(e.type, e.actors, e.targets) for e in events] == [("ASSAULT", [], [])]
    assert events[0].place == "Damascus" and events[0].date == "2013-08-21"


def test_protest_without_named_protesters(nlp: Language) -> None:
    text = "Some 1,500 protestors demonstrated in two separate rallies in Corsica Thursday."
    parsed = parse(nlp, text, date(2000, 3, 10))
    events = extract_events(parsed, [], extract_places(parsed, []))
    assert [e.type for e in events] == ["PROTEST"]


def test_statements_and_plans_without_sides_are_not_events(nlp: Language) -> None:
    # Words, not acts, need a side; a plan is no event even for a physical act.
    text = "The ministry condemned the decision. The army will capture the town next week."
    parsed = parse(nlp, text, date(2000, 3, 10))
    assert extract_events(parsed, [], []) == []


def test_sided_mention_in_the_same_sentence_wins(nlp: Language) -> None:
    # dev gold tass-1893787: the strikes' side is the side of the killing.
    text = (
        "More than 50 children have been killed and more than 200 others wounded "
        "in Ukrainian strikes in the special military operation area."
    )
    parsed = parse(nlp, text, date(2024, 12, 26))
    actors = [actor(text, "ukraine", "country", "Ukrainian")]
    actors[0].country = "UKR"
    events = extract_events(parsed, actors, [])
    assert [(e.type, e.actors) for e in events] == [("ASSAULT", ["ukraine"])]


def test_deploying_booms_or_releasing_a_video_is_no_event(nlp: Language) -> None:
    # tass-politics-sample 1893901 (an oil-spill clean-up), guardian-ngec-sample,
    # plover-gsr: the object decides whether "deploy", "release", "ease" are events.
    text = (
        "Additionally, 450 meters of booms have been deployed. Islamic State fighters have "
        "released a video purporting to have been filmed in the Syrian town of Baghuz. To ease "
        "potential tension among the many groups, the foreign nationals – hailing from "
        "countries as varied as Indonesia, Kyrgyzstan, Somalia and Trinidad and Tobago – have "
        "been segregated into separate annexes in two of the three camps."
    )
    parsed = parse(nlp, text, date(2019, 3, 12))
    actors = [
        actor(text, "isis", "organization", "Islamic State"),
        actor(text, "indonesia", "country", "Indonesia"),
        actor(text, "kyrgyzstan", "country", "Kyrgyzstan"),
        actor(text, "somalia", "country", "Somalia"),
    ]
    kinds = {e.type for e in extract_events(parsed, actors, [])}
    assert not kinds & {"MOBILIZE", "RETREAT", "CONCEDE"}


def test_deployed_forces_and_released_captives_are_events(nlp: Language) -> None:
    # event-location and plover-gsr sentences
    text = (
        "Kosovo is patrolled by some 16,500 KFOR soldiers, who have been deployed in Kosovo in "
        "June 1999. Meanwhile, two of the four U.S. soldiers captured, blindfolded and released "
        "unharmed by Iranians have been identified by family members. It was the model in "
        "which American air power was deployed to support a group."
    )
    parsed = parse(nlp, text, date(2004, 6, 1))
    actors = [
        actor(text, "kfor", "organization", "KFOR"),
        actor(text, "iran", "country", "Iranians"),
        actor(text, "usa", "country", "American", "U.S."),
    ]
    actors[2].country = "USA"
    found = [(e.type, e.actors, e.targets) for e in extract_events(parsed, actors, [])]
    assert ("MOBILIZE", ["kfor"], []) in found
    assert ("MOBILIZE", ["usa"], []) in found, "the forces' country deploys them"
    assert any(kind == "RETREAT" for kind, _, _ in found), "freed soldiers fit 'release'"
