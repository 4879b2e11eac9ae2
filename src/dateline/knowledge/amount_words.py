"""What the amounts stage knows about words: currencies, scales, units, number words.

The tables live as TSV files in `dateline/data/` so a user can add a
currency or a unit without touching code; each is read once per process.
Rows keep their forms as written and in file order: the number parser keys
them by its own tokens (`stages/amounts/phrases.py`), and `amount_words.tsv`
gives the words that tell what a figure measures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from dateline.knowledge.cache import loaded_once
from dateline.knowledge.tables import grouped_words, read_table


@dataclass(frozen=True, slots=True)
class Currency:
    form: str
    """As written: a symbol ("$", "US$", "₸"), an ISO code ("RUB") or words ("US dollars")."""
    code: str
    """ISO 4217."""
    kind: str
    """ "symbol", "code" or "word"."""


@dataclass(frozen=True, slots=True)
class Scale:
    multiplier: Decimal
    needs_currency: bool


@dataclass(frozen=True, slots=True)
class Unit:
    unit: str
    multiplier: Decimal
    kind: str
    as_written: bool = False
    """Matched only in the case written, even in lower case: "400g" is grams, "5G" is not."""


@dataclass(frozen=True, slots=True)
class NumberWord:
    value: Decimal
    kind: str
    """"cardinal", "ordinal" or "fraction" (value is the denominator)."""


@dataclass(frozen=True, slots=True)
class RateDenominator:
    unit: str
    after_article: bool
    """May follow "a"/"an" ("$6 a month"), not only "per" or "/"."""


@loaded_once
def currencies() -> tuple[Currency, ...]:
    """Every currency form of `currencies.tsv`, in file order."""

    return tuple(
        Currency(row["form"], row["code"], row["kind"]) for row in read_table("currencies.tsv")
    )


@loaded_once
def scales() -> dict[str, Scale]:
    """Scale words and suffixes, keyed as written (`m` and `M` both listed)."""

    return {
        row["form"]: Scale(Decimal(row["multiplier"]), row["needs_currency"] == "1")
        for row in read_table("scales.tsv")
    }


@loaded_once
def units() -> tuple[tuple[str, Unit], ...]:
    """(form as written, unit) of every physical unit, in file order."""

    return tuple(
        (
            row["form"],
            Unit(
                row["unit"],
                Decimal(row["multiplier"]),
                row["kind"],
                as_written=row.get("as_written") == "1",
            ),
        )
        for row in read_table("units.tsv")
    )


@loaded_once
def approximators() -> tuple[tuple[str, str], ...]:
    """(phrase, bound) of the phrases that make a figure approximate.

    "more than" → "lower": the truth is above the written value, so "more
    than 50" and "almost 50" are not read as the same figure.
    """

    return tuple((row["phrase"], row["bound"]) for row in read_table("approximators.tsv"))


@loaded_once
def number_words() -> dict[str, list[NumberWord]]:
    """Number words; "third" is both an ordinal and a fraction."""

    table: dict[str, list[NumberWord]] = {}
    for row in read_table("number_words.tsv"):
        table.setdefault(row["word"], []).append(NumberWord(Decimal(row["value"]), row["kind"]))
    return table


@loaded_once
def rate_denominators() -> tuple[tuple[str, RateDenominator], ...]:
    """(form as written, what a rate is per): "barrel" in "$80 per barrel"."""

    return tuple(
        (row["form"], RateDenominator(row["unit"], row["after_article"] == "1"))
        for row in read_table("rate_denominators.tsv")
    )


@loaded_once
def measure_words() -> dict[str, frozenset[str]]:
    """Role → lemmas, from `data/amount_words.tsv`: the words that tell what a figure measures."""

    return grouped_words("amount_words.tsv", "role", "word")
