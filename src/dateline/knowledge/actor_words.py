"""The word lists of the actors stage, read once from `dateline/data/actor_*.tsv`.

Reporters refer back to an office-holder with a generic noun ("the head of
state" for a president, "the diplomat" for an ambassador); which specific
roles a generic noun can stand for is editorial knowledge, so it lives in a
table users can extend rather than in code.
"""

from __future__ import annotations

from dateline.knowledge.cache import loaded_once
from dateline.knowledge.roles import Role
from dateline.knowledge.tables import grouped_words, read_table, split_list

GENERIC_ROLES_TABLE = "actor_generic_roles.tsv"
WORDS_TABLE = "actor_words.tsv"
_SECTOR_PREFIX = "sector:"


@loaded_once
def _generic_roles() -> dict[str, tuple[str, ...]]:
    return {
        row["generic"].casefold(): split_list(row["refers_to"])
        for row in read_table(GENERIC_ROLES_TABLE)
    }


@loaded_once
def _words_by_class() -> dict[str, frozenset[str]]:
    return grouped_words(WORDS_TABLE, "class", "word")


def country_nominal_heads() -> frozenset[str]:
    """Nouns that make "the <adjective> <noun>" the country itself ("the Russian side")."""

    return frozenset(w.casefold() for w in _words_by_class().get("country_nominal", ()))


def country_group_heads() -> frozenset[str]:
    """Plural nouns that make "our <adjective> <noun>" a side: "our Vietnamese partners"."""

    return frozenset(w.casefold() for w in _words_by_class().get("country_group", ()))


def definite_country_words() -> frozenset[str]:
    """Words that make a country's name take "the" ("the United States", "the Philippines")."""

    return _words_by_class().get("definite_country_word", frozenset())


def location_verbs() -> frozenset[str]:
    """Lemmas that place an organisation or event: "held in", "based in"."""

    return frozenset(w.casefold() for w in _words_by_class().get("location_verb", ()))


def place_heads() -> frozenset[str]:
    """Last words that make a capitalised name a place ("Ho Chi Minh City")."""

    return _words_by_class().get("place_head", frozenset())


def base_role(name: str) -> str:
    """The office without its posting: "Ambassador to Vietnam" -> "Ambassador"."""

    for joiner in (" to ", " for ", " in "):
        if joiner in name:
            return name.split(joiner, 1)[0]
    return name


def is_generic_role(role: Role) -> bool:
    """A role like "Leader" or "Head of State" that a specific title should replace."""

    return role.name.casefold() in _generic_roles()


def roles_compatible(nominal: Role, holder: Role) -> bool:
    """Whether a role nominal ("the head of state") can refer to a holder's role.

    Same office, or a generic noun whose table row lists the holder's role or
    the holder's sector.
    """

    if base_role(nominal.name).casefold() == base_role(holder.name).casefold():
        return True
    accepted = _generic_roles().get(nominal.name.casefold(), ())
    for item in accepted:
        if item.startswith(_SECTOR_PREFIX):
            if holder.sector == item[len(_SECTOR_PREFIX) :]:
                return True
        elif item.casefold() == base_role(holder.name).casefold():
            return True
    return False


ORG_SECTORS_TABLE = "actor_org_sectors.tsv"


@loaded_once
def _org_sector_words() -> tuple[tuple[str, str], ...]:
    return tuple((row["word"].casefold(), row["sector"]) for row in read_table(ORG_SECTORS_TABLE))


def sector_from_name(name: str) -> str | None:
    """Sector an unknown organisation's own name announces ("Vietnam Airlines" -> business)."""

    words = {word.strip(".,'’").casefold() for word in name.split()}
    for word, sector in _org_sector_words():
        if word in words:
            return sector
    return None


def speaker_body_heads() -> frozenset[str]:
    """Common nouns that speak as an organisation: "the board said"."""

    return frozenset(w.casefold() for w in _words_by_class().get("speaker_body", ()))


def not_speaker_heads() -> frozenset[str]:
    """Common nouns that "say" things but are texts, not actors: "the report said"."""

    return frozenset(w.casefold() for w in _words_by_class().get("not_speaker", ()))
