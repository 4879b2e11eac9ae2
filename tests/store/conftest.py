"""Extractions built by hand from real dispatches, for the store tests.

Offsets are found in the text (never typed in), so the fixtures stay right
if the example file is re-wrapped. The Kazinform article is the bundled
example; the TASS excerpt is three paragraphs of a real dispatch
(tass-politics-sample, tass-1893813) that names Mikhail Mishustin again; the
second TASS excerpt (tass-1894057) quotes a statement, a source that is no
actor.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import BACKENDS, empty_store_url

from dateline.model import (
    Actor,
    Amount,
    Article,
    Dateline,
    Event,
    Extraction,
    Place,
    Quote,
    Span,
)
from dateline.store import Store

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "examples" / "kazinform-2022-07-04-smailov-mishustin.txt"
)

TASS_TEXT = (
    "HANOI, December 26. /TASS/. Russian Prime Minister Mikhail Mishustin will pay an "
    "official visit to Vietnam in January 2025, Russia's Ambassador to Hanoi Gennady "
    "Bezdetko stated at a press conference in the Vietnamese capital.\n\n"
    '"In January 2025, Russian Prime Minister Mikhail Mishustin will pay a visit to '
    "Vietnam. This significant event will encompass the discussion of further development "
    'of trade and economic relations and an exchange of views in a broad context," the '
    "ambassador said.\n\n"
    "Bezdetko recalled that Vietnamese Prime Minister Pham Minh Chinh visited Russia in "
    "October 2024 to attend the BRICS Plus/Outreach meeting in Kazan."
)

STATEMENT_TEXT = (
    "BRUSSELS, December 26. /TASS/. The European Union intends to impose new sanctions on "
    'the so-called "Russia’s shadow fleet" over the incident in the Baltic Sea, according '
    "to a joint statement by the European Commission and EU diplomacy chief Kaja Kallas.\n\n"
    '"The suspected vessel is part of Russia’s shadow fleet, which threatens security and '
    "the environment, while funding Russia’s war budget. We will propose further measures, "
    'including sanctions, to target this fleet," the statement said.\n\n'
    "In addition, the European Union is strengthening protection of the bloc's undersea "
    "cables after an incident in the Baltic Sea.\n\n"
    '"In response to these incidents, we are strengthening efforts to protect undersea '
    "cables, including enhanced information exchange, new detection technologies, as well "
    "as in undersea repair capabilities, and international cooperation. We remain committed "
    'to ensuring the resilience and security of our critical infrastructure," the '
    "statement said."
)

_SENTENCE_END = re.compile(r"(?<=[.!?»\"])\s+(?=[«\"A-Z])|\n\s*\n")


def sentence_spans(text: str) -> list[Span]:
    """A rough splitter: enough to give every fact a sentence index."""

    spans: list[Span] = []
    start = 0
    for gap in _SENTENCE_END.finditer(text):
        if text[start : gap.start()].strip():
            spans.append(Span(start, gap.start(), len(spans)))
        start = gap.end()
    if text[start:].strip():
        spans.append(Span(start, len(text), len(spans)))
    return spans


class Locator:
    """Finds phrases of one article and turns them into `Span`s."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = sentence_spans(text)
        self._starts = [s.start for s in self.sentences]

    def span(self, phrase: str, nth: int = 0) -> Span:
        """The `nth` occurrence of `phrase` as a whole-word match."""

        spans = self.spans(phrase)
        return spans[nth]

    def spans(self, phrase: str) -> list[Span]:
        pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")
        found = [self._span(m.start(), m.end()) for m in pattern.finditer(self.text)]
        assert found, f"{phrase!r} is not in the text"
        return found

    def _span(self, start: int, end: int) -> Span:
        return Span(start, end, bisect_right(self._starts, start) - 1)

    def mentions(self, *phrases: str) -> list[Span]:
        """Every occurrence of the phrases, minus those inside a longer one."""

        spans = sorted({s for p in phrases for s in self.spans(p)})
        return [s for s in spans if not any(o != s and o.contains(s) for o in spans)]

    def quote(
        self, kind: str, content: str, speaker: str | None, cue: str, source: str | None = None
    ) -> Quote:
        """A quote whose cue (and source words) stand after it when direct
        (`"...," said Smailov`), before it when reported."""

        span = self.span(content)
        near = self._after if kind == "direct" else self._before
        cue_span = near(cue, span)
        source_span = near(source, span) if source is not None else None
        return Quote(kind, content, span, speaker, cue_span, source_span)  # type: ignore[arg-type]

    def _after(self, phrase: str, span: Span) -> Span:
        start = self.text.index(phrase, span.end)
        return self._span(start, start + len(phrase))

    def _before(self, phrase: str, span: Span) -> Span:
        start = self.text.rindex(phrase, 0, span.start)
        return self._span(start, start + len(phrase))


def seed_extraction() -> Extraction:
    """The Kazinform example with the facts of its gold annotation."""

    text = EXAMPLE.read_text(encoding="utf-8")
    at = Locator(text)
    header = at.span("YEKATERINBURG. KAZINFORM -")
    article = Article(
        id="kazinform-2022-07-04-smailov-mishustin",
        text=text,
        source="Kazinform",
        published=date(2022, 7, 4),
        title="Kazakh and Russian PMs meet at INNOPROM",
        dateline=Dateline(
            place="Yekaterinburg",
            span=Span(header.start, header.end, -1),
            place_span=Span(header.start, header.start + len("YEKATERINBURG"), -1),
            agency="Kazinform",
            body_start=header.end + 1,
        ),
    )
    smailov = Actor(
        "smailov",
        "Alikhan Smailov",
        "person",
        at.mentions(
            "Alikhan Smailov",
            "Smailov",
            "the Kazakh Premier",
            "The Kazakh Premier",
            "the Kazakh Prime Minister",
            "the Head of the Kazakh Cabinet of Ministers",
        ),
        country="KAZ",
        role="Prime Minister",
        sector="government",
    )
    mishustin = Actor(
        "mishustin",
        "Mikhail Mishustin",
        "person",
        at.mentions("Mikhail Mishustin", "Mishustin", "the Russian Prime Minister"),
        country="RUS",
        role="Prime Minister",
        sector="government",
    )
    kazakhstan = Actor("kazakhstan", "Kazakhstan", "country", at.mentions("Kazakhstan"), "KAZ")
    russia = Actor("russia", "Russia", "country", at.mentions("Russia"), "RUS")
    government = Actor(
        "kazakh-government",
        "Government of Kazakhstan",
        "organization",
        at.mentions("The Kazakh government"),
        country="KAZ",
        sector="government",
        confidence=0.8,
    )
    quotes = [
        at.quote(
            "indirect",
            "this year Kazakhstan is the INNOPROM exhibition's partner, therefore is "
            "represented by an official delegation made up of officials of government "
            "sector and business community",
            "smailov",
            "said",
            "the Kazakh Prime Minister",
        ),
        at.quote(
            "direct",
            "I believe our countries will fully take the opportunity offered to demonstrate "
            "their developments, establish profitable and perspective business contacts,",
            "smailov",
            "said",
            "Smailov",
        ),
        at.quote(
            "indirect",
            "industrial cooperation is one of the priority areas of cooperation between "
            "Kazakhstan and Russia",
            "smailov",
            "added",
            "Smailov",
        ),
        at.quote(
            "indirect",
            "the Russian government considers further stregthening of friendship and "
            "partnership with Kazakhstan as a priority",
            "mishustin",
            "said",
            "Mishustin",
        ),
        at.quote(
            "direct",
            "Our cooperation has stood the test of time and has proved to be stable against "
            "external challenges,",
            "mishustin",
            "said",
            "the Russian Prime Minister",
        ),
    ]
    trade = "bilateral trade turnover between Kazakhstan and Russia"
    amounts = [
        Amount(
            "$24.2bn",
            at.span("$24.2bn"),
            24.2e9,
            "USD",
            measure=trade,
            measure_span=at.span(trade),
            period="2021",
        ),
        Amount(
            "almost a third",
            at.span("almost a third"),
            0.33,
            "ratio",
            measure="growth of " + trade,
            period="2021",
            approximate=True,
            confidence=0.7,
        ),
        Amount("$9.2bn", at.span("$9.2bn"), 9.2e9, "USD", trade, None, "2022-01/2022-05"),
        Amount("13", at.span("13"), 13, "count", "major cooperation projects"),
    ]
    events = [
        Event(
            "CONSULT",
            at.span(
                "a meeting between Prime Ministers of Kazakhstan and Russia Alikhan Smailov "
                "and Mikhail Mishustin took place"
            ),
            actors=["smailov"],
            targets=["mishustin"],
            place="Yekaterinburg",
            date="2022-07-04",
        ),
        Event(
            "COOPERATE",
            at.span("the two countries have carried out 13 major cooperation projects"),
            actors=["kazakhstan", "russia"],
            confidence=0.6,
        ),
    ]
    places = [
        Place(
            "Yekaterinburg",
            [at.span("Yekaterinburg")],
            "RUS",
            56.8519,
            60.6122,
            "city",
        ),
        Place("Russia", at.mentions("Russia"), "RUS", kind="country"),
    ]
    return Extraction(
        article=article,
        sentences=at.sentences,
        actors=[smailov, mishustin, kazakhstan, russia, government],
        quotes=quotes,
        amounts=amounts,
        events=events,
        places=places,
    )


def tass_extraction() -> Extraction:
    """Three paragraphs of a TASS dispatch that names Mishustin again."""

    at = Locator(TASS_TEXT)
    article = Article(
        id="tass-1893813",
        text=TASS_TEXT,
        source="TASS",
        url="https://tass.com/politics/1893813",
        published=date(2024, 12, 26),
        title="Russian PM to visit Vietnam in January 2025 — ambassador",
    )
    mishustin = Actor(
        "mikhail-mishustin",
        # Spelled differently on purpose: the store must still see one person.
        "MIKHAIL  MISHUSTIN",
        "person",
        at.mentions("Mikhail Mishustin"),
        country="RUS",
        role="Prime Minister",
    )
    bezdetko = Actor(
        "gennady-bezdetko",
        "Gennady Bezdetko",
        "person",
        at.mentions("Gennady Bezdetko", "Bezdetko", "the ambassador"),
        country="RUS",
        role="Ambassador",
        sector="government",
    )
    vietnam = Actor("vietnam", "Vietnam", "country", at.mentions("Vietnam"), "VNM")
    quote = at.quote(
        "direct",
        "In January 2025, Russian Prime Minister Mikhail Mishustin will pay a visit to "
        "Vietnam. This significant event will encompass the discussion of further "
        "development of trade and economic relations and an exchange of views in a "
        "broad context,",
        "gennady-bezdetko",
        "said",
        "the ambassador",
    )
    return Extraction(
        article=article,
        sentences=at.sentences,
        actors=[mishustin, bezdetko, vietnam],
        quotes=[quote],
        places=[
            Place("Hanoi", at.mentions("HANOI", "Hanoi"), "VNM", 21.0285, 105.8542, "city"),
            Place("Kazan", [at.span("Kazan")], "RUS", 55.7963, 49.1088, "city"),
        ],
    )


def statement_extraction() -> Extraction:
    """A TASS dispatch whose quotes a statement makes: no actor speaks them,
    yet the text names their source ("the statement said")."""

    at = Locator(STATEMENT_TEXT)
    article = Article(
        id="tass-1894057",
        text=STATEMENT_TEXT,
        source="TASS",
        url="https://tass.com/world/1894057",
        published=date(2024, 12, 26),
        title="EU to impose new sanctions on ‘Russian shadow fleet’ over Baltic Sea incident",
    )
    union = Actor(
        "european-union",
        "European Union",
        "organization",
        at.mentions("The European Union", "the European Union"),
        sector="international",
    )
    kallas = Actor(
        "kaja-kallas",
        "Kaja Kallas",
        "person",
        at.mentions("Kaja Kallas"),
        role="EU diplomacy chief",
        sector="international",
    )
    first = (
        "The suspected vessel is part of Russia’s shadow fleet, which threatens security and "
        "the environment, while funding Russia’s war budget. We will propose further "
        "measures, including sanctions, to target this fleet,"
    )
    second = (
        "In response to these incidents, we are strengthening efforts to protect undersea "
        "cables, including enhanced information exchange, new detection technologies, as "
        "well as in undersea repair capabilities, and international cooperation. We remain "
        "committed to ensuring the resilience and security of our critical infrastructure,"
    )
    return Extraction(
        article=article,
        sentences=at.sentences,
        actors=[union, kallas],
        quotes=[
            at.quote("direct", first, None, "said", "the statement"),
            at.quote("direct", second, None, "said", "the statement"),
        ],
    )


@pytest.fixture
def seed() -> Extraction:
    return seed_extraction()


@pytest.fixture
def tass() -> Extraction:
    return tass_extraction()


@pytest.fixture
def statement() -> Extraction:
    return statement_extraction()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "news.db"


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Store]:
    """A fresh store on each backend: a SQLite file, and PostgreSQL if configured."""

    with Store(empty_store_url(request.param, db_path, "dateline_store")) as opened:
        yield opened
