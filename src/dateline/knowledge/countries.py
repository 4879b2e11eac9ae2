"""Countries of ISO 3166-1 with the names and adjectives news copy uses.

The table `data/countries.tsv` is the shipped, user-editable artifact (see
`scripts/build_countries.py` for where its codes come from). Stages ask it
two kinds of question: "is this phrase a country?" ("the Russian
Federation", "the US") and "which country does this adjective point at?"
("Kazakh", "Russians"), so a person or body can carry a country code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.knowledge.cache import loaded_once, memoised
from dateline.knowledge.tables import (
    acronym_key,
    fold,
    is_acronym,
    lookup_key,
    read_table,
    split_list,
)

COUNTRIES_TABLE = "countries.tsv"
LOOKUPS_KEPT = 16384
"""Answers kept per lookup function: stages ask about the same words in every
article, and folding a word for the index costs more than the lookup."""
_COMPOUND_SEPARATORS = re.compile(r"\s*[-/–—]\s*")


@dataclass(frozen=True)
class Country:
    """One ISO 3166-1 entry. `name` is the short name a reporter would write."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capital: str | None
    iso2: str = ""
    combining_forms: tuple[str, ...] = ()
    """Prefixes used only inside compounds: "Sino" in "Sino-Russian"."""
    capital_aliases: tuple[str, ...] = ()
    """Other spellings of the capital ("Kiev" for Kyiv, "Nur-Sultan" for Astana)."""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class _Index:
    """Lookup keys to countries; acronyms ("US", "UK") keyed with their case."""

    folded: dict[str, Country]
    exact: dict[str, Country]

    def get(self, text: str) -> Country | None:
        found = self.exact.get(acronym_key(text))
        if found is not None:
            return found
        key = lookup_key(text)
        return self.folded.get(key) if key else None


def _build_index(pairs: list[tuple[str, Country]]) -> _Index:
    folded: dict[str, Country] = {}
    exact: dict[str, Country] = {}
    for surface, country in pairs:
        if is_acronym(surface):
            exact.setdefault(acronym_key(surface), country)
        else:
            folded.setdefault(lookup_key(surface), country)
    return _Index(folded, exact)


@loaded_once
def all_countries() -> list[Country]:
    """Every row of the table, in file order (alphabetical by ISO3 as shipped)."""

    countries = []
    for row in read_table(COUNTRIES_TABLE):
        capitals = split_list(row["capital"])
        countries.append(
            Country(
                iso3=row["iso3"],
                name=row["name"],
                aliases=split_list(row["aliases"]),
                adjectives=split_list(row["adjectives"]),
                capital=capitals[0] if capitals else None,
                iso2=row["iso2"],
                combining_forms=split_list(row.get("combining_forms", "")),
                capital_aliases=capitals[1:],
            )
        )
    return countries


@loaded_once
def _by_iso3() -> dict[str, Country]:
    return {country.iso3: country for country in all_countries()}


@loaded_once
def _name_index() -> _Index:
    return _build_index([(name, c) for c in all_countries() for name in c.names])


@loaded_once
def _adjective_index() -> _Index:
    return _build_index([(adj, c) for c in all_countries() for adj in c.adjectives])


@loaded_once
def _combining_index() -> _Index:
    return _build_index([(form, c) for c in all_countries() for form in c.combining_forms])


@loaded_once
def _capital_index() -> _Index:
    return _build_index(
        [
            (city, c)
            for c in all_countries()
            if c.capital
            for city in (c.capital, *c.capital_aliases)
        ]
    )


@memoised(LOOKUPS_KEPT)
def country_by_capital(text: str) -> Country | None:
    """Country whose capital `text` names: reporters write "Moscow" for Russia's government.

    Whether a capital stands for its country or for the city is the caller's
    call; this only answers whose capital it is.
    """

    return _capital_index().get(text)


def country_by_iso3(code: str) -> Country | None:
    return _by_iso3().get(code.strip().upper())


@memoised(LOOKUPS_KEPT)
def country_by_name(text: str) -> Country | None:
    """Country named by `text` ("Kazakhstan", "the Russian Federation", "the US")."""

    return _name_index().get(text)


@memoised(LOOKUPS_KEPT)
def country_by_adjective(text: str) -> Country | None:
    """Country of an adjective or demonym, singular or plural ("Kazakh", "Russians").

    Plurals are tried only after the word itself fails, so "Swiss" and
    "Chinese" are never cut down to a stem.
    """

    index = _adjective_index()
    found = index.get(text)
    if found is not None:
        return found
    word = fold(text)
    for suffix, replacement in (("men", "man"), ("women", "woman"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            found = index.get(word[: -len(suffix)] + replacement)
            if found is not None:
                return found
    return None


@memoised(LOOKUPS_KEPT)
def find_country(text: str) -> Country | None:
    """Country named by `text` as a name, alias or adjective, in that order."""

    return country_by_name(text) or country_by_adjective(text)


def countries_in_compound(text: str) -> list[Country]:
    """Countries of a hyphenated compound: "Kazakh-Russian" -> [KAZ, RUS].

    Hyphenated names ("Guinea-Bissau", "Timor-Leste") are read as one part
    before being split, and combining forms ("Sino-", "Russo-") count as
    parts. Returns [] unless every part is a country, so "pro-Russian" or
    "Russian-speaking" give nothing.
    """

    parts = [part for part in _COMPOUND_SEPARATORS.split(fold(text)) if part]
    if not parts:
        return []
    best: list[list[Country] | None] = [None] * (len(parts) + 1)
    best[0] = []
    for start in range(len(parts)):
        prefix = best[start]
        if prefix is None:
            continue
        for end in range(len(parts), start, -1):
            candidate = _country_part("-".join(parts[start:end]))
            if candidate is None:
                continue
            path = [*prefix, candidate]
            current = best[end]
            if current is None or len(path) < len(current):
                best[end] = path
    return best[len(parts)] or []


def _country_part(part: str) -> Country | None:
    return find_country(part) or _combining_index().get(part)


NOT_COUNTRIES_TABLE = "not_countries.tsv"


@dataclass(frozen=True)
class CountryMention:
    """A country named inside a longer phrase, with offsets into that phrase."""

    start: int
    end: int
    country: Country
    preposition: str | None
    """The preposition right before the mention ("to" in "Ambassador to Vietnam")."""


def country_mentions(text: str) -> list[CountryMention]:
    """Every country name, alias or adjective inside `text`, left to right.

    Longest forms win ("Russian Federation" over "Russian"), acronyms match
    only in their own case, a possessive "'s" is part of the mention, and
    phrases listed in `not_countries.tsv` ("New Jersey", "Latin American")
    are skipped. Offsets are into `text` as given; accents and curly
    apostrophes are folded before matching, which keeps lengths for the
    Latin-script text of news copy.
    """

    folded = fold_keeping_length(text)
    mentions = []
    for match in _mention_pattern().finditer(folded):
        if match.lastgroup == "blocked":
            continue
        surface = match.group(0)
        bare = surface[:-2] if surface.endswith("'s") else surface
        country = find_country(bare)
        if country is None:
            continue
        before = folded[: match.start()].split()
        preposition = before[-1].casefold() if before and before[-1].islower() else None
        mentions.append(CountryMention(match.start(), match.end(), country, preposition))
    return mentions


def country_mentioned_in(text: str) -> Country | None:
    """The first country a phrase mentions: "our Vietnamese partners" -> VNM."""

    mentions = country_mentions(text)
    return mentions[0].country if mentions else None


def fold_keeping_length(text: str) -> str:
    """`text` with accented letters and curly quotes replaced one for one.

    Unlike `tables.fold` this never changes the length, so match offsets
    still point into the original text.
    """

    return "".join(_fold_char(ch) for ch in text)


def _fold_char(ch: str) -> str:
    if ch.isascii():
        return ch
    folded = fold(ch)
    return folded if len(folded) == 1 else ch


@loaded_once
def _blocked_phrases() -> tuple[str, ...]:
    return tuple(fold(row["phrase"]) for row in read_table(NOT_COUNTRIES_TABLE))


@loaded_once
def _mention_pattern() -> re.Pattern[str]:
    surfaces: set[str] = set()
    for country in all_countries():
        surfaces.update(fold(s) for s in (*country.names, *country.adjectives))
        surfaces.update(fold(f"{adj}s") for adj in country.adjectives if not is_acronym(adj))
    alternatives = [
        re.escape(s) if is_acronym(s) else f"(?i:{re.escape(s)})"
        for s in sorted(surfaces, key=len, reverse=True)
    ]
    blocked = "|".join(
        f"(?i:{re.escape(p)})" for p in sorted(_blocked_phrases(), key=len, reverse=True)
    )
    countries = "|".join(alternatives)
    return re.compile(rf"(?<![\w.])(?:(?P<blocked>{blocked})|(?:{countries}))(?!\w)(?:'s)?")
