"""The data model: plain typed dataclasses shared by every stage.

The article text is the backbone. Each fact points at characters of its
article through a `Span`; the surface string of a fact is the text under its
span, so a user can always see why dateline believes it. Stages build these
objects, the store persists them and the output module turns them into the
gold JSON shape; none of them carries behaviour beyond small derived views.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

ActorKind = Literal["person", "organization", "country"]
QuoteKind = Literal["direct", "indirect"]

SECTORS = (
    "government",
    "military",
    "legislature",
    "judiciary",
    "party",
    "business",
    "media",
    "civil_society",
    "international",
    "other",
)


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character range `[start, end)` into `Article.text`.

    `sentence` is the index of the sentence (in the parsed article) that
    holds `start`; -1 where the span lies outside any sentence, e.g. in the
    dateline.
    """

    start: int
    end: int
    sentence: int = -1

    def text(self, article_text: str) -> str:
        return article_text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class Dateline:
    """The wire header (`YEKATERINBURG. KAZINFORM - `) parsed into its parts.

    `span` covers the whole header so stages can keep it out of the body's
    first sentence; `body_start` is where the story proper begins.
    """

    place: str
    span: Span
    place_span: Span
    agency: str | None = None
    region: str | None = None
    body_start: int = 0


@dataclass(slots=True)
class Article:
    """One dispatch as received. `text` is never rewritten after reading."""

    id: str
    text: str
    source: str | None = None
    url: str | None = None
    published: date | None = None
    title: str | None = None
    dateline: Dateline | None = None
    origin: str | None = None
    """Where the article was read from (`path:line`), for messages."""
    path: str | None = None
    """The file it was read from, as given (a page, a text, a JSONL or WARC file)."""
    line: int | None = None
    """Its line in a JSON Lines file."""
    author: str | None = None
    site: str | None = None
    """The site's own name for itself ("BBC News"), from a page's metadata."""
    captured: datetime | None = None
    """When the page was fetched (a URL, a feed item) or archived (a WARC record)."""

    @property
    def dateline_place(self) -> str | None:
        return self.dateline.place if self.dateline else None


@dataclass(slots=True)
class Actor:
    """A person, organisation or country, merged over all its mentions.

    `id` is local to one article (a slug of the name); the store maps it to a
    corpus-wide actor. `country` is ISO 3166-1 alpha-3.
    """

    id: str
    name: str
    kind: ActorKind
    mentions: list[Span] = field(default_factory=list)
    country: str | None = None
    role: str | None = None
    sector: str | None = None
    confidence: float = 1.0

    @property
    def first_span(self) -> Span | None:
        return min(self.mentions) if self.mentions else None


@dataclass(slots=True)
class Quote:
    """Direct speech (inside quotation marks) or reported speech.

    `span` covers the quoted text only (without the marks); `cue` is the
    speech verb or phrase that attributes it; `speaker` an `Actor.id` or
    None where the text does not say who spoke or names no actor ("the
    letter says"): `source` still holds those words.
    """

    kind: QuoteKind
    text: str
    span: Span
    speaker: str | None = None
    cue: Span | None = None
    source: Span | None = None
    """The words naming who or what the quote comes from, as written at the
    cue ("the Russian Prime Minister", "the letter"): set whenever the text
    names one, whether or not it resolves to an actor; None when it names
    nothing. An uncued continuation takes the previous quote's source."""
    confidence: float = 1.0


@dataclass(slots=True)
class Amount:
    """A number as news writes it, normalised.

    `value` is a plain number (percentages as ratios: "5%" is 0.05); `unit`
    an ISO 4217 code, "ratio", "count", "ordinal" or a physical unit.
    `period` is ISO 8601 ("2021", "2022-01/2022-05") or None.
    """

    text: str
    span: Span
    value: float | None
    unit: str | None
    measure: str | None = None
    measure_span: Span | None = None
    period: str | None = None
    approximate: bool = False
    bound: str | None = None
    """How an approximate value bounds the truth: "upper" ("almost a third",
    "up to 5"), "lower" ("more than 50", "over $3bn") or "around" ("about")."""
    change: bool = False
    """True where the number is a change of the measure ("rising by 5%"),
    not its level."""
    direction: str | None = None
    """"up" or "down" for a change whose wording says which way."""
    low: float | None = None
    high: float | None = None
    """Bounds of a range ("3-4 days", "between 5% and 7%"); `value` is its midpoint."""
    parties: list[str] = field(default_factory=list)
    """Actor ids the measure is about ("trade between Kazakhstan and Russia")."""
    confidence: float = 1.0


@dataclass(slots=True)
class Event:
    """A PLOVER event with its evidence in the text."""

    type: str
    """A PLOVER type of `data/plover_types.tsv` (`knowledge.event_types`)."""
    evidence: Span
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    mode: str | None = None
    cameo: str | None = None
    """CAMEO root code ("04" consult), for tools that speak CAMEO."""
    intensity: float | None = None
    """Cooperation (+10) to conflict (-10), Goldstein-style."""
    supporting: list[Span] = field(default_factory=list)
    """Further sentences about the same event, merged into it."""
    confidence: float = 1.0


@dataclass(slots=True)
class Place:
    """A named place; coordinates where a gazetteer knows them."""

    name: str
    spans: list[Span] = field(default_factory=list)
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None
    """"country", "city", "region" or None when unknown."""


@dataclass(slots=True)
class Extraction:
    """Everything dateline found in one article."""

    article: Article
    sentences: list[Span] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def text_of(self, span: Span | None) -> str | None:
        """The article's characters under `span` (None for no span).

        Facts hold offsets, not copies of the words, so that every fact points
        at its evidence; this is the one way to read those words back.
        """
        if span is None:
            return None
        return self.article.text[span.start : span.end]


_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The form an article id is hashed from: NFC, single spaces, trimmed.

    Two deliveries of one dispatch that differ only in line wrapping or
    trailing white space get the same id, so re-ingesting stores it once.
    """

    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id_for(text: str) -> str:
    """Stable id of an article that came without one."""

    digest = hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
    return f"sha256-{digest[:16]}"
