"""Meetings as CONSULT events, and places, on real dispatches.

Actors are built by hand from the text here, so these tests check the
events and places stages alone, whatever the actors stage does.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from dateline.model import Actor, Article, Quote, Span
from dateline.parsing import ParsedDoc, parse_article
from dateline.readers import read_text
from dateline.stages.events import extract_events
from dateline.stages.events.modes import event_mode
from dateline.stages.events.sides import MentionIndex
from dateline.stages.events.triggers import trigger_of
from dateline.stages.places import extract_places


def actor(text: str, actor_id: str, kind: str, *surfaces: str) -> Actor:
    spans = []
    for surface in surfaces:
        start = text.find(surface)
        while start != -1:
            spans.append(Span(start, start + len(surface)))
            start = text.find(surface, start + 1)
    return Actor(id=actor_id, name=surfaces[0], kind=kind, mentions=sorted(spans))  # type: ignore[arg-type]


def parse(nlp: Language, text: str, published: date | None = None) -> ParsedDoc:
    article: Article = read_text(text, published=published)
    return parse_article(article, nlp)


def test_seed_meeting_is_one_consult_event_in_yekaterinburg(seed_parsed: ParsedDoc) -> None:
    text = seed_parsed.text
    actors = [
        actor(text, "smailov", "person", "Alikhan Smailov", "Smailov"),
        actor(text, "mishustin", "person", "Mikhail Mishustin", "Mishustin"),
        actor(text, "kazakhstan", "country", "Kazakhstan"),
        actor(text, "russia", "country", "Russia"),
    ]
    places = extract_places(seed_parsed, actors)
    events = extract_events(seed_parsed, actors, places)
    consults = [e for e in events if e.type == "CONSULT"]
    assert len(consults) == 1, "the sentences about the one meeting make one event"
    meeting = consults[0]
    assert {*meeting.actors, *meeting.targets} == {"smailov", "mishustin"}
    assert meeting.place == "Yekaterinburg"
    assert meeting.date == "2022-07-04"
    assert "a meeting between" in meeting.evidence.text(text)


def test_seed_places_are_geocoded(seed_parsed: ParsedDoc) -> None:
    places = {p.name: p for p in extract_places(seed_parsed, [])}
    city = places["Yekaterinburg"]
    assert city.country == "RUS"
    assert city.lat is not None and abs(city.lat - 56.85) < 0.1
    assert city.lon is not None and abs(city.lon - 60.61) < 0.1
    assert places["Kazakhstan"].country == "KAZ"
    assert places["Russia"].kind == "country"
    assert city.spans[0] == seed_parsed.article.dateline.place_span  # type: ignore[union-attr]


def test_plans_and_denials_are_not_events(nlp: Language) -> None:
    text = (
        "MOSCOW, December 26. /TASS/. Russian President Vladimir Putin will meet "
        "Turkish President Recep Tayyip Erdogan next week. Putin did not meet Zelensky."
    )
    parsed = parse(nlp, text, date(2024, 12, 26))
    actors = [
        actor(text, "putin", "person", "Vladimir Putin", "Putin"),
        actor(text, "erdogan", "person", "Recep Tayyip Erdogan"),
        actor(text, "zelensky", "person", "Zelensky"),
    ]
    assert extract_events(parsed, actors, extract_places(parsed, actors)) == []


def test_talks_with_resolve_sides_and_yesterday(nlp: Language) -> None:
    text = (
        "HANOI, December 26. /TASS/. Russian Ambassador Gennady Bezdetko held talks with "
        "Vietnamese Foreign Minister Bui Thanh Son in Hanoi yesterday."
    )
    parsed = parse(nlp, text, date(2024, 12, 26))
    actors = [
        actor(text, "bezdetko", "person", "Gennady Bezdetko"),
        actor(text, "bui-thanh-son", "person", "Bui Thanh Son"),
    ]
    events = extract_events(parsed, actors, extract_places(parsed, actors))
    assert len(events) == 1
    assert events[0].actors == ["bezdetko"] and events[0].targets == ["bui-thanh-son"]
    assert events[0].date == "2024-12-25"
    assert events[0].place == "Hanoi"


def test_phone_conversation_has_phone_mode(nlp: Language) -> None:
    text = (
        "Kazakh President Kassym-Jomart Tokayev had a telephone conversation with Vladimir Putin."
    )
    parsed = parse(nlp, text, date(2024, 12, 26))
    actors = [
        actor(text, "tokayev", "person", "Kassym-Jomart Tokayev"),
        actor(text, "putin", "person", "Vladimir Putin"),
    ]
    events = extract_events(parsed, actors, [])
    assert [(e.type, e.mode) for e in events] == [("CONSULT", "phone")]


def _from(country: str, found: Actor) -> Actor:
    found.country = country
    return found


def test_bilateral_meeting_at_a_conference_is_not_multilateral(nlp: Language) -> None:
    # guardian-ngec-sample: two parties meet on the sidelines of a many-party gathering;
    # the names stand in apposition to the titles ("the minister, Hulusi Akar,").
    text = (
        "The Turkish defence minister, Hulusi Akar, met his US counterpart, Patrick Shanahan, "
        "on the sidelines of the Munich conference to press his plan for Turkey to establish "
        "a safe zone."
    )
    parsed = parse(nlp, text, date(2019, 2, 19))
    actors = [
        _from("TUR", actor(text, "akar", "person", "Hulusi Akar")),
        _from("USA", actor(text, "shanahan", "person", "Patrick Shanahan")),
    ]
    events = extract_events(parsed, actors, [])
    assert [(e.type, e.actors, e.targets, e.mode) for e in events] == [
        ("CONSULT", ["akar"], ["shanahan"], None)
    ]


def test_meetings_with_two_blocs_are_multilateral(nlp: Language) -> None:
    # tass-politics-sample 1894077 (not dev gold)
    text = (
        '"As for the work of the last two days, I can say briefly: we have become closer to '
        'each other," Putin said summing up the two-day meetings with the leaders of the '
        "Commonwealth and the Eurasian Economic Union."
    )
    parsed = parse(nlp, text, date(2024, 12, 26))
    actors = [
        _from("RUS", actor(text, "putin", "person", "Putin")),
        actor(text, "cis", "organization", "Commonwealth"),
        actor(text, "eaeu", "organization", "Eurasian Economic Union"),
    ]
    consults = [e for e in extract_events(parsed, actors, []) if e.type == "CONSULT"]
    assert [(e.actors, e.mode) for e in consults] == [(["putin"], "multilateral")]


def test_first_person_talks_with_many_countries(nlp: Language) -> None:
    # tass-politics-sample 1893769: "we" in the minister's quote is his side, and the
    # eight countries named make the talks multilateral.
    text = (
        '"We discuss this topic with Saudi Arabia, Iraq, Jordan, Egypt, Qatar, UAE, '
        'Bahrain, Lebanon," Lavrov said.'
    )
    parsed = parse(nlp, text, date(2024, 12, 26))
    names = ["Saudi Arabia", "Iraq", "Jordan", "Egypt", "Qatar", "UAE", "Bahrain", "Lebanon"]
    countries = [actor(text, name.lower(), "country", name) for name in names]
    lavrov = _from("RUS", actor(text, "lavrov", "person", "Lavrov"))
    quote = Quote(kind="direct", text="", span=Span(1, text.find(',"')), speaker="lavrov")
    events = extract_events(parsed, [lavrov, *countries], [], [quote])
    assert [(e.type, e.actors, len(e.targets), e.mode) for e in events] == [
        ("CONSULT", ["lavrov"], 8, "multilateral")
    ]


def test_video_conference_is_remote_and_its_topic_no_venue(nlp: Language) -> None:
    # Anadolu Agency wire, 2020
    text = (
        "Russian President Vladimir Putin discussed crises in Libya, Syria and Ukraine in a "
        "video conference with his French counterpart Emmanuel Macron on Friday."
    )
    parsed = parse(nlp, text, date(2020, 6, 26))
    actors = [
        _from("RUS", actor(text, "putin", "person", "Vladimir Putin")),
        _from("FRA", actor(text, "macron", "person", "Emmanuel Macron")),
    ]
    events = extract_events(parsed, actors, extract_places(parsed, actors))
    assert [(e.type, e.mode, e.place) for e in events] == [("CONSULT", "phone", None)]


def test_speaking_on_the_telephone_is_a_phone_consultation(nlp: Language) -> None:
    # bbc-fulltext: "speak" counts as talks only with a remote channel
    text = (
        "He also spoke on the telephone to US President George Bush, and the presidents of "
        "Sri Lanka and Indonesia. Mrs Hutchings was led back to the audience averted a public "
        "slanging match - he spoke to her privately after the show."
    )
    parsed = parse(nlp, text, date(2004, 12, 29))
    actors = [
        _from("USA", actor(text, "bush", "person", "George Bush")),
        actor(text, "hutchings", "person", "Mrs Hutchings", "her"),
    ]
    events = extract_events(parsed, actors, [])
    assert [(e.type, e.targets, e.mode) for e in events] == [("CONSULT", ["bush"], "phone")]


def _mode_of(nlp: Language, text: str, trigger_word: str, actors: list[Actor]) -> str | None:
    parsed = parse(nlp, text, date(2000, 1, 1))
    token = next(t for t in parsed.doc if t.text == trigger_word)
    lexical = trigger_of(token)
    assert lexical is not None
    return event_mode(token, lexical, [], [], MentionIndex(actors))


def test_mediated_hosted_and_sponsored_talks_are_third_party(nlp: Language) -> None:
    # conllpp (Reuters 1996), reuters21578 (1987), event-location (AFP) and guardian sentences
    mediated = (
        "Interfax said the discussions were being held in parallel with peace talks mediated by "
        "the Organisation for Security and Cooperation in Europe ( OSCE ) and the broad-based "
        "Minsk Group of mediators."
    )
    osce = actor(mediated, "osce", "organization", "Organisation for Security and Cooperation")
    assert _mode_of(nlp, mediated, "talks", [osce]) == "third-party"
    church = (
        "Foreign minister Guillermo Bedregal led a team of government officials to the talks, "
        "held with the mediation of the Roman Catholic church, sources said."
    )
    assert _mode_of(nlp, church, "talks", []) == "third-party"
    hosted = (
        "Tens of thousands of people demonstrated Saturday in separate rallies in Ivory Coast "
        "for and against President Laurent Gbagbo, as peace talks hosted by former colonial "
        'power France "made progress" on their fourth day.'
    )
    assert _mode_of(nlp, hosted, "talks", []) == "third-party"
    auspices = (
        "The secretary-general is confident that the congress in Sochi will be an important "
        "contribution to a revived intra-Syrian talks process under the auspices of the United "
        "Nations in Geneva."
    )
    assert _mode_of(nlp, auspices, "talks", []) == "third-party"
    plain = "Russian Ambassador Gennady Bezdetko held talks with Bui Thanh Son in Hanoi yesterday."
    assert _mode_of(nlp, plain, "talks", []) is None


def test_visit_is_placed_where_it_goes(nlp: Language) -> None:
    # tass-politics-sample 1894093: not in Ukraine, which the talks were about
    text = (
        "Peaceful settlement in Ukraine was the key issue of discussion during Slovak Prime "
        "Minister’s Robert Fico’s visit to Moscow."
    )
    parsed = parse(nlp, text, date(2024, 12, 26))
    actors = [_from("SVK", actor(text, "fico", "person", "Robert Fico"))]
    visits = [e for e in extract_events(parsed, actors, extract_places(parsed, actors))]
    assert [(e.type, e.mode, e.place) for e in visits] == [("CONSULT", "visit", "Moscow")]


def test_an_attack_is_placed_by_the_town_it_takes(nlp: Language) -> None:
    # event-location (Halterman) sentences: the object is the place, unless it is a
    # nationality ("a US adviser")
    text = (
        "Somali warlord Mohamed Farah Aidid captured the southwestern town of Huddur Tuesday in "
        "a battle that left at least 18 people dead and 47 wounded. One in  western "
        "Afghanistan killed a US anti-narcotics adviser while a  civilian died in the other in "
        "the south."
    )
    parsed = parse(nlp, text, date(1996, 1, 1))
    actors = [
        _from("SOM", actor(text, "aidid", "person", "Mohamed Farah Aidid")),
        actor(text, "usa", "country", "US"),
    ]
    places = {e.place for e in extract_events(parsed, actors, extract_places(parsed, actors))}
    assert "Huddur" in places
    assert "US" not in places


def test_a_far_mention_lends_no_place(nlp: Language) -> None:
    # guardian-ngec-sample 10: "the attack in New Zealand" is another attack
    text = (
        "At the time of the SDF offensive, Isis was heading towards the sort of jihadist "
        "bankruptcy that Osama bin Laden once cautioned against. The collapsed caliphate could "
        "now force Isis to reset, and “correct” course. The shift in the power balance enables "
        "it to reclaim the mantle of victimhood and, at the same time, reimagine its past as a "
        "utopian enterprise. This myth-making will inevitably boost its efforts to refocus on "
        "the main target of global jihad: the west. It is only helped along by far-right "
        "extremism of the sort behind the attack in New Zealand, which makes newly relevant a "
        "large part of mainstream jihadist discourse about Muslims under siege, even in the west."
    )
    parsed = parse(nlp, text, date(2019, 3, 26))
    actors = [
        actor(text, "sdf", "organization", "SDF"),
        actor(text, "isis", "organization", "Isis"),
    ]
    events = extract_events(parsed, actors, extract_places(parsed, actors))
    offensive = [e for e in events if e.type == "ASSAULT" and e.actors == ["sdf"]]
    assert len(offensive) == 1 and offensive[0].place is None


def test_a_date_of_a_side_clause_does_not_date_the_event(nlp: Language) -> None:
    text = (
        "Foreign women and children began arriving in the camps 18 months ago, but figures "
        "have risen sharply in recent weeks as Kurdish forces have launched attacks on the "
        "final Isis enclave."
    )  # guardian-ngec-sample, 2019-03-19
    parsed = parse(nlp, text, date(2019, 3, 19))
    actors = [actor(text, "isis", "organization", "Isis")]
    attacks = [e for e in extract_events(parsed, actors, []) if e.type == "ASSAULT"]
    assert attacks and all(e.date == "2019-03-19" for e in attacks), "not September 2017"


def test_a_date_on_the_clause_above_dates_the_event(nlp: Language) -> None:
    text = (
        "Russian Foreign Minister Sergey Lavrov said on Monday that Moscow and Ankara had "
        "signed an agreement on the Syrian border."
    )
    parsed = parse(nlp, text, date(2019, 10, 23))
    actors = [
        actor(text, "lavrov", "person", "Sergey Lavrov"),
        actor(text, "russia", "country", "Moscow"),
        actor(text, "turkey", "country", "Ankara"),
    ]
    agreements = [e for e in extract_events(parsed, actors, []) if e.type == "AGREE"]
    assert agreements and agreements[0].date == "2019-10-21"
