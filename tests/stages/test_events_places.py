"""Meetings as CONSULT events, and places, on real dispatches.

Actors are built by hand from the text here, so these tests check the
events and places stages alone, whatever the actors stage does.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from dateline.model import Actor, Article, Span
from dateline.parsing import ParsedDoc, parse_article
from dateline.readers import read_text
from dateline.stages.events import extract_events
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
