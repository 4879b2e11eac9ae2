"""Organisations, news outlets and the places that stand for governments.

Three tables: `organizations.tsv` (international bodies and news media),
`government_seats.tsv` (metonyms such as "the Kremlin" or "Akorda" that a
reporter writes instead of a government) and `executive_bodies.tsv` (the
nouns that, next to a country, name its executive: "government",
"Cabinet of Ministers").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.knowledge.cache import loaded_once, memoised
from dateline.knowledge.countries import (
    LOOKUPS_KEPT,
    Country,
    country_by_capital,
    country_by_iso3,
    country_mentions,
    fold_keeping_length,
)
from dateline.knowledge.tables import (
    acronym_key,
    fold,
    is_acronym,
    lookup_key,
    read_table,
    split_list,
    strip_leading_the,
)

ORGANIZATIONS_TABLE = "organizations.tsv"
GOVERNMENT_SEATS_TABLE = "government_seats.tsv"
EXECUTIVE_BODIES_TABLE = "executive_bodies.tsv"


@dataclass(frozen=True)
class Organization:
    """A named body. `country` is ISO3, None for international bodies."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@loaded_once
def all_organizations() -> list[Organization]:
    return [
        Organization(
            name=row["name"],
            aliases=split_list(row["aliases"]),
            country=row["country"] or None,
            sector=row["sector"],
        )
        for row in read_table(ORGANIZATIONS_TABLE)
    ]


@loaded_once
def _organization_index() -> tuple[dict[str, Organization], dict[str, Organization]]:
    """Folded and case-sensitive keys to organisations.

    A name written with its article ("The Economist", "The Guardian") keeps
    "the" in its key, so the plain noun "economist" is not a newspaper.
    """

    folded: dict[str, Organization] = {}
    exact: dict[str, Organization] = {}
    for organization in all_organizations():
        for surface in organization.names:
            if is_acronym(surface):
                exact.setdefault(acronym_key(surface), organization)
            elif surface.casefold().startswith("the "):
                folded.setdefault(fold(surface).casefold(), organization)
            else:
                folded.setdefault(lookup_key(surface), organization)
    return folded, exact


@memoised(LOOKUPS_KEPT)
def find_organization(text: str) -> Organization | None:
    """Organisation named by `text`.

    Names match regardless of case ("KAZINFORM" is Kazinform); acronyms only
    in their own case, so "who" and "ap" stay ordinary words while "WHO" and
    "AP" are found. A leading "the" and a trailing possessive are ignored
    ("the UN", "NATO's").
    """

    folded, exact = _organization_index()
    for candidate in _without_possessive(text):
        found = (
            exact.get(acronym_key(candidate))
            or folded.get(fold(candidate).casefold())
            or folded.get(lookup_key(candidate))
        )
        if found is not None:
            return found
    return None


def is_news_agency(text: str) -> bool:
    """True when `text` names a news outlet ("TASS", "Kazinform", "Reuters", "BBC").

    Stages use this to keep the source of a story out of its actors, e.g.
    "KAZINFORM" in a dateline or "Reuters" in "told Reuters".
    """

    organization = find_organization(text)
    return organization is not None and organization.sector == "media"


@loaded_once
def _government_seats() -> dict[str, str]:
    return {lookup_key(row["phrase"]): row["iso3"] for row in read_table(GOVERNMENT_SEATS_TABLE)}


@loaded_once
def _executive_bodies() -> frozenset[str]:
    return frozenset(lookup_key(row["phrase"]) for row in read_table(EXECUTIVE_BODIES_TABLE))


def government_seat_pattern() -> re.Pattern[str]:
    """Regex for any seat metonym inside a longer phrase ("Kremlin spokesman").

    Search text passed through `tables.fold`; matching ignores case.
    """

    return _seat_pattern()


@loaded_once
def _seat_pattern() -> re.Pattern[str]:
    phrases = sorted({fold(row["phrase"]) for row in read_table(GOVERNMENT_SEATS_TABLE)}, key=len)
    body = "|".join(re.escape(phrase) for phrase in reversed(phrases))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)(?:'s)?", re.IGNORECASE)


@memoised(LOOKUPS_KEPT)
def government_seat(text: str) -> Country | None:
    """Country whose government a place-name metonym stands for ("the Kremlin" -> RUS)."""

    for candidate in _without_possessive(text):
        iso3 = _government_seats().get(lookup_key(candidate))
        if iso3:
            return country_by_iso3(iso3)
    return None


@memoised(LOOKUPS_KEPT)
def government_of(text: str) -> Country | None:
    """Country whose executive `text` names.

    Either a seat metonym ("the White House", "Akorda") or a country or its
    capital next to an executive noun: "the Kazakh government", "Kazakh
    Cabinet of Ministers", "Government of Russia", "the Kiev regime".
    """

    seat = government_seat(text)
    if seat is not None:
        return seat
    folded = fold_keeping_length(text)
    mentions = country_mentions(folded)
    if len(mentions) == 1:
        country: Country | None = mentions[0].country
        rest = f"{folded[: mentions[0].start]} {folded[mentions[0].end :]}"
    elif not mentions:
        country, rest = _capital_and_rest(folded)
    else:
        return None
    if country is None:
        return None
    rest = lookup_key(rest)
    for dangling in (" of the", " of"):
        if rest.endswith(dangling):
            rest = rest[: -len(dangling)].strip()
    return country if rest in _executive_bodies() else None


def _capital_and_rest(text: str) -> tuple[Country | None, str]:
    """A capital at the start of `text` ("Kiev regime") and the words after it."""

    words = strip_leading_the(text).split()
    for length in range(min(3, len(words)), 0, -1):
        country = country_by_capital(" ".join(words[:length]))
        if country is not None:
            return country, " ".join(words[length:])
    return None, text


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s", "'"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _without_possessive(text: str) -> tuple[str, ...]:
    bare = _strip_possessive(text.strip())
    return (text,) if bare == text.strip() else (text, bare)
