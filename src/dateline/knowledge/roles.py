"""Titles as reporters write them, mapped to one canonical role and sector.

`data/roles.tsv` lists surface forms ("Premier", "Head of the Cabinet of
Ministers", "top diplomat") with the role they mean ("Prime Minister",
"Foreign Minister") and the sector of that role. Titles in copy usually
carry a country ("the Kazakh Premier", "Prime Minister of Kazakhstan");
`split_role_phrase` takes the country out before matching and returns it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.errors import LexiconError
from dateline.knowledge.cache import loaded_once
from dateline.knowledge.countries import Country, country_mentions, fold_keeping_length
from dateline.knowledge.organizations import government_seat, government_seat_pattern
from dateline.knowledge.tables import lookup_key, read_table
from dateline.model import SECTORS

ROLES_TABLE = "roles.tsv"
_WORD = re.compile(r"[\w.+&'-]+")
_DANGLING = re.compile(r"(?:\s+(?:of|of the|for|to|in)\s*)+$")
_POSTING_PREPOSITIONS = frozenset({"to", "in", "at"})
_PREPOSITIONS = frozenset({"of", "for", "to", "in", "on"})
_CONNECTOR_WORDS = frozenset({"of", "the", "for", "to", "in", "and", "on", "a", "an", "de"})


@dataclass(frozen=True)
class Role:
    """A canonical title and the sector (one of `dateline.model.SECTORS`) it belongs to."""

    name: str
    sector: str


@loaded_once
def _surface_roles() -> dict[str, Role]:
    table: dict[str, Role] = {}
    for row in read_table(ROLES_TABLE):
        role = Role(name=row["role"], sector=row["sector"])
        if role.sector not in SECTORS:
            raise LexiconError(
                f"{ROLES_TABLE}: {row['surface']!r} has sector {role.sector!r}; "
                f"use one of {', '.join(SECTORS)}"
            )
        table.setdefault(_role_key(row["surface"]), role)
    return table


@loaded_once
def all_roles() -> list[Role]:
    """Distinct canonical roles in table order."""

    return list(dict.fromkeys(_surface_roles().values()))


def _role_key(text: str) -> str:
    """Lookup form of a title: hyphens read as spaces, so "ex-President" and
    "Secretary-General" meet the table's "president" and "secretary general"."""

    return " ".join(_WORD.findall(lookup_key(text).replace("-", " ")))


def find_role(text: str) -> Role | None:
    """Canonical role of a title as written.

    "the Kazakh Premier" and "Head of the Cabinet of Ministers" are Prime
    Minister. The whole phrase is tried first, then the longest listed title
    inside it, so "First Deputy Prime Minister" finds Deputy Prime Minister
    when only that is listed, never plain Prime Minister.
    """

    return split_role_phrase(text)[0]


def split_role_phrase(text: str) -> tuple[Role | None, Country | None]:
    """The role and the country of a title phrase.

    "the Russian Prime Minister" -> (Prime Minister, RUS);
    "Prime Minister of Kazakhstan" -> (Prime Minister, KAZ);
    "Kremlin spokesman" -> (Spokesperson, RUS) through the seat table.
    A country after "to" is where the holder is posted, not whose official
    they are: "Russian Ambassador to Vietnam" -> (Ambassador, RUS) and
    "Ambassador to Vietnam" -> (Ambassador, None).
    """

    folded = fold_keeping_length(text)
    country: Country | None = None
    pieces: list[str] = []
    cursor = 0
    for mention in country_mentions(folded):
        if country is None and mention.preposition not in _POSTING_PREPOSITIONS:
            country = mention.country
        pieces.append(folded[cursor : mention.start])
        cursor = mention.end
    pieces.append(folded[cursor:])
    without_countries = " ".join(pieces)
    for seat_match in government_seat_pattern().finditer(without_countries):
        country = country or government_seat(seat_match.group(0))
    remainder = government_seat_pattern().sub(" ", without_countries)
    remainder = _DANGLING.sub("", " ".join(remainder.split()))
    return _match_role(remainder), country


def _match_role(text: str) -> Role | None:
    """The listed title that best covers `text`.

    Longer titles beat shorter ones; among titles of one length, the one
    holding the phrase's head wins: "deputy security adviser" is an
    Adviser, "Head of the press service of the President" a Head. A plural
    head is read as singular ("Prime Ministers of Kazakhstan and Russia").
    """

    key = _role_key(text)
    if not key:
        return None
    words = key.split()
    head = _head_index(words)
    role = _match_words(words, head)
    if role is None and words[head] not in role_words():
        singular = _singular(words[head])
        if singular != words[head]:
            role = _match_words([*words[:head], singular, *words[head + 1 :]], head)
    return role


def _singular(word: str) -> str:
    """Plural role head to singular: "ministers", "spokesmen", "secretaries"."""

    for plural, singular in (("women", "woman"), ("men", "man"), ("ies", "y"), ("s", "")):
        if word.endswith(plural) and len(word) > len(plural) + 2:
            return word[: -len(plural)] + singular
    return word


def _match_words(words: list[str], head: int) -> Role | None:
    table = _surface_roles()
    exact = table.get(" ".join(words))
    if exact is not None:
        return exact
    for length in range(len(words) - 1, 0, -1):
        found: list[tuple[int, Role]] = []
        for start in range(len(words) - length + 1):
            window = words[start : start + length]
            if window[0] in _CONNECTOR_WORDS or window[-1] in _CONNECTOR_WORDS:
                continue
            candidate = table.get(" ".join(window))
            if candidate is not None:
                end = start + length - 1
                distance = 0 if start <= head <= end else abs(end - head)
                found.append((distance, candidate))
        if found:
            return min(found, key=lambda pair: pair[0])[1]
    return None


def _head_index(words: list[str]) -> int:
    """Index of the head noun: the word before the first preposition, else the last."""

    for index, word in enumerate(words):
        if index and word in _PREPOSITIONS:
            return index - 1
    return len(words) - 1


@loaded_once
def role_words() -> frozenset[str]:
    """Lowercase words that can head a role nominal ("minister", "premier", "spokesman").

    The head of a listed title: its last word, or the word before the first
    preposition ("head" in "head of the cabinet of ministers"). The actors stage checks a token
    against this set before trying the slower phrase lookup.
    """

    heads: set[str] = set()
    for surface in _surface_roles():
        words = surface.split()
        heads.add(words[_head_index(words)])
    return frozenset(heads)
