"""The editable knowledge the number parser reads: currencies, scales, units.

The tables live as TSV files in `dateline/data/` so a user can add a currency
or a unit without touching code; each is read once per process. Multi-word
forms ("US dollars", "cubic meters") are kept as tuples of lexer tokens so
the parser compares them token by token with the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from dateline.knowledge.tables import read_table
from dateline.stages.amounts.lexer import lex


@dataclass(frozen=True, slots=True)
class Scale:
    multiplier: Decimal
    needs_currency: bool


@dataclass(frozen=True, slots=True)
class Unit:
    unit: str
    multiplier: Decimal
    kind: str


@dataclass(frozen=True, slots=True)
class NumberWord:
    value: Decimal
    kind: str
    """"cardinal", "ordinal" or "fraction" (value is the denominator)."""


@cache
def currency_marks() -> dict[tuple[str, ...], str]:
    """Symbols and codes (`$`, `US$`, `₸`, `RUB`) → ISO 4217 code.

    Matched exactly as written, before or after the number, so the lira's
    code "TRY" is never the verb "try".
    """

    return {
        phrase_key(row["form"], keep_case=True): row["code"]
        for row in read_table("currencies.tsv")
        if row["kind"] in ("symbol", "code")
    }


@cache
def currency_words() -> dict[tuple[str, ...], str]:
    """Lower-cased word sequences (`("us", "dollars")`) → ISO code."""

    return {
        phrase_key(row["form"]): row["code"]
        for row in read_table("currencies.tsv")
        if row["kind"] == "word"
    }


@cache
def scales() -> dict[str, Scale]:
    """Scale words and suffixes, keyed as written (`m` and `M` both listed)."""

    return {
        row["form"]: Scale(Decimal(row["multiplier"]), row["needs_currency"] == "1")
        for row in read_table("scales.tsv")
    }


@cache
def units() -> dict[tuple[str, ...], Unit]:
    """Physical units keyed by their token sequence.

    Lower-case forms match any case; forms with capitals (`MW`, `kWh`) only
    as written, so "MW" is not read in "mw" of some other word.
    """

    return {
        phrase_key(row["form"], keep_case=row["form"] != row["form"].lower()): Unit(
            row["unit"], Decimal(row["multiplier"]), row["kind"]
        )
        for row in read_table("units.tsv")
    }


@cache
def approximators() -> dict[tuple[str, ...], str]:
    """Phrases that make a figure approximate → the bound they set.

    `("more", "than")` → "lower": the truth is above the written value, so
    "more than 50" and "almost 50" are not read as the same figure.
    """

    return {phrase_key(row["phrase"]): row["bound"] for row in read_table("approximators.tsv")}


@cache
def number_words() -> dict[str, list[NumberWord]]:
    """Number words; "third" is both an ordinal and a fraction."""

    table: dict[str, list[NumberWord]] = {}
    for row in read_table("number_words.tsv"):
        table.setdefault(row["word"], []).append(NumberWord(Decimal(row["value"]), row["kind"]))
    return table


def phrase_key(form: str, *, keep_case: bool = False) -> tuple[str, ...]:
    """The token sequence the lexer produces for a table entry."""

    return tuple(t.text if keep_case else t.text.lower() for t in lex(form))


@dataclass(frozen=True, slots=True)
class RateDenominator:
    unit: str
    after_article: bool
    """May follow "a"/"an" ("$6 a month"), not only "per" or "/"."""


@cache
def rate_denominators() -> dict[tuple[str, ...], RateDenominator]:
    """What a rate is per ("barrel" in "$80 per barrel"), keyed like `units()`."""

    return {
        phrase_key(row["form"], keep_case=row["form"] != row["form"].lower()): RateDenominator(
            row["unit"], row["after_article"] == "1"
        )
        for row in read_table("rate_denominators.tsv")
    }
