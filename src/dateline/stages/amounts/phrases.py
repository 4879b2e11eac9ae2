"""The amount tables keyed as the number parser reads them: by lexer tokens.

The rows come from `knowledge.amount_words`. Multi-word forms ("US
dollars", "cubic meters") become tuples of lexer tokens, so the parser
compares them token by token with the text; each index is built once per
process.
"""

from __future__ import annotations

from dateline.knowledge.amount_words import (
    RateDenominator,
    Unit,
    approximators,
    currencies,
    rate_denominators,
    units,
)
from dateline.knowledge.cache import loaded_once
from dateline.stages.amounts.lexer import lex


@loaded_once
def currency_marks() -> dict[tuple[str, ...], str]:
    """Symbols and codes (`$`, `US$`, `₸`, `RUB`) → ISO 4217 code.

    Matched exactly as written, before or after the number, so the lira's
    code "TRY" is never the verb "try".
    """

    return {
        phrase_key(currency.form, keep_case=True): currency.code
        for currency in currencies()
        if currency.kind in ("symbol", "code")
    }


@loaded_once
def currency_words() -> dict[tuple[str, ...], str]:
    """Lower-cased word sequences (`("us", "dollars")`) → ISO code."""

    return {
        phrase_key(currency.form): currency.code
        for currency in currencies()
        if currency.kind == "word"
    }


@loaded_once
def unit_phrases() -> dict[tuple[str, ...], Unit]:
    """Physical units keyed by their token sequence.

    Lower-case forms match any case; forms with capitals (`MW`, `kWh`) only
    as written, so "MW" is not read in "mw" of some other word, and so do
    forms the table marks `as_written` ("g": "400g" is grams, "5G" is not).
    """

    return {
        phrase_key(form, keep_case=unit.as_written or form != form.lower()): unit
        for form, unit in units()
    }


@loaded_once
def approximator_phrases() -> dict[tuple[str, ...], str]:
    """Phrases that make a figure approximate → the bound they set.

    `("more", "than")` → "lower": the truth is above the written value, so
    "more than 50" and "almost 50" are not read as the same figure.
    """

    return {phrase_key(phrase): bound for phrase, bound in approximators()}


@loaded_once
def rate_denominator_phrases() -> dict[tuple[str, ...], RateDenominator]:
    """What a rate is per ("barrel" in "$80 per barrel"), keyed like `unit_phrases()`."""

    return {
        phrase_key(form, keep_case=form != form.lower()): denominator
        for form, denominator in rate_denominators()
    }


def phrase_key(form: str, *, keep_case: bool = False) -> tuple[str, ...]:
    """The token sequence the lexer produces for a table entry."""

    return tuple(t.text if keep_case else t.text.lower() for t in lex(form))
