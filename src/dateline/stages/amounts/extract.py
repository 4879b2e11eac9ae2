"""Amounts: the figures of an article, each with its evidence span.

Every token start is offered to the number parser (`match_number`, over
the article lexed once), which finds "$24.2bn" and "almost a third" whole
where spaCy's MONEY and CARDINAL entities cut them up or miss them;
spaCy's entities and tags then decide which numbers are not amounts: years
and days (DATE/TIME), numbers glued into names and codes ("COVID-19",
"Su-57") or written after one ("iPhone 4"), phone numbers, ordinals, which
rank rather than count ("the first time", "10th place"), and small word
numbers used as pronouns or references ("one of", "the two countries").

Each figure then gets what makes it usable in a series: its measure and the
actors it is about (`measure`, `parties`), whether it is a
change or a level (`change`), its period (`period`), and the
bound an approximator sets and a range's ends (`numbers`).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan

from dateline.document import ParsedDoc
from dateline.document.dates import MONTHS
from dateline.knowledge.settings import settings
from dateline.model import Actor, Amount, Span
from dateline.stages.amounts.change import change_direction, is_change
from dateline.stages.amounts.lexer import LexedText
from dateline.stages.amounts.measure import find_measure
from dateline.stages.amounts.numbers import NumberMatch, ParsedNumber, match_number
from dateline.stages.amounts.parties import parties_of
from dateline.stages.amounts.period import (
    find_period,
    leans_on_stated_period,
    restates_base_date,
)

DATE_LABELS = frozenset({"DATE", "TIME"})
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT", "LAW", "GPE", "LOC", "NORP"}
)
REFERRING_DETERMINERS = frozenset(
    {"the", "these", "those", "its", "their", "our", "his", "her", "both", "all"}
)
YEARS = range(1000, 2200)
MAX_DAY = 31


def extract_amounts(parsed: ParsedDoc, actors: Sequence[Actor] = ()) -> list[Amount]:
    """Every figure in the article, in text order, normalised and explained.

    `actors` are the article's actors, from which each measure's parties
    are taken; without them amounts have no parties.
    """

    found: list[tuple[Amount, SpacySpan]] = []
    covered_until = -1
    lexed = LexedText(parsed.text)
    for token in parsed.doc:
        if token.idx < covered_until or token.is_space:
            continue
        match = match_number(parsed.text, token.idx, lexed)
        if match is None:
            continue
        tokens = parsed.doc.char_span(match.start, match.end, alignment_mode="expand")
        if tokens is None or not is_amount(parsed, match, tokens):
            if match.number.is_range:  # "from Nov 4 to 7": its ends are no figures either
                covered_until = match.end
            continue
        covered_until = match.end
        amount = _build_amount(parsed, match, tokens, found)
        found.append((amount, tokens))
    amounts = [amount for amount, _ in found]
    share_between_repeats(amounts)
    for amount in amounts:
        amount.parties = parties_of(amount.measure_span, actors)
    return amounts


def share_between_repeats(amounts: list[Amount]) -> None:
    """A figure repeated in the article (lead, then quote) is one figure.

    The lead often states "More than 50 children have been killed" and the
    quote below adds "since the end of last year": each mention takes the
    period and measure the other states. Only distinctive figures are joined:
    not small counts, which repeat by chance.
    """

    for amount in amounts:
        for other in amounts:
            if other is amount or other.value != amount.value or other.unit != amount.unit:
                continue
            if amount.unit == "count" and (amount.value or 0) < settings().amounts.min_shared_count:
                continue
            if amount.period is None and other.period is not None:
                amount.period = other.period
            if amount.measure is None and other.measure is not None:
                amount.measure, amount.measure_span = other.measure, other.measure_span


def _build_amount(
    parsed: ParsedDoc,
    match: NumberMatch,
    tokens: SpacySpan,
    earlier: list[tuple[Amount, SpacySpan]],
) -> Amount:
    number = match.number
    amount = Amount(
        text=parsed.text[match.start : match.end],
        span=parsed.span(match.start, match.end),
        value=number.value,
        unit=number.unit,
        approximate=number.approximate,
        bound=number.bound,
        low=number.low,
        high=number.high,
    )
    measure = find_measure(parsed, tokens, earlier, unit=number.unit)
    if measure is not None:
        amount.measure = measure.text
        amount.measure_span = parsed.span(measure.start, measure.end)
    amount.change = (measure is not None and measure.change) or is_change(tokens)
    amount.direction = change_direction(tokens) if amount.change else None
    if not amount.change and number.sign and number.kind == "ratio":
        # "Dow +0.2% S&P 500 +0.3%", "Stoxx 50 -1.3%": a signed percentage is a move
        amount.change, amount.direction = True, "up" if number.sign > 0 else "down"
    sentence = tokens.sent
    entities = parsed.entities_in(sentence)
    amount.period = find_period(
        sentence, match.start, parsed.article.published, entities, figure=tokens.root
    )
    if amount.period is None and leans_on_stated_period(sentence, entities):
        amount.period = _stated_period(parsed, earlier)
    return amount


def _stated_period(parsed: ParsedDoc, earlier: Sequence[tuple[Amount, SpacySpan]]) -> str | None:
    """The period the article last stated for a figure: what "the period" refers to.

    A figure that restates a base ("compared to 2022 ($6.3 billion)") is of the
    base period, not of the one the article reports, so it is passed over.
    """

    for amount, tokens in reversed(earlier):
        sentence = tokens.sent
        if amount.period is not None and not restates_base_date(
            parsed.entities_in(sentence), amount.span.start
        ):
            return amount.period
    return None


def is_amount(parsed: ParsedDoc, match: NumberMatch, tokens: SpacySpan) -> bool:
    """Whether a parsed number is a figure the article reports, not a date, name or code."""

    number = match.number
    text = parsed.text
    if _in_dateline(parsed, match):
        return False
    if number.kind == "ordinal":
        return False  # a rank, not a quantity: "the first time", "the 22nd amendment", "10th place"
    if _glued_to_previous(text, match.start):
        return False
    in_date = any(t.ent_type_ in DATE_LABELS for t in tokens)
    could_be_date = number.words or number.value <= MAX_DAY or number.value in YEARS
    if number.kind in ("count", "ordinal") and in_date and could_be_date:
        return False  # "December 26", "2035", "the three months"
    if number.kind == "ratio" and number.words and in_date:
        return False  # "the first half of the year" is a period
    if number.bare and any(t.ent_type_ in NAME_LABELS for t in tokens):
        return False  # "EstLink 2", "Boeing 737": a number in a name
    if number.bare and number.value <= MAX_DAY and _next_to_month(parsed, tokens):
        return False  # "the 11 September 2001 attacks"
    if _days_of_a_month(number) and _next_to_month(parsed, tokens):
        return False  # "scheduled from Nov 4 to 7" (Bernama), "from September 13 to 17" (TASS)
    if number.bare and not number.words and _names_with(parsed, tokens):
        return False  # "iPhone 4", "QuickTime 7", "the S&P 500": the number is part of a name
    if _spans_years(number):
        return False  # "from 2009 to 2012", "between 2014 and 2017": a span of years is a period
    digits = text[match.start : match.end]
    if number.bare and not number.words:
        if number.value in YEARS and digits.isdigit():
            return False
        if digits.isdigit() and len(digits) > settings().amounts.longest_id_digits:
            return False
    if number.bare and number.words:
        if number.value == 1:
            return False  # "one of the priority areas", "One cannot expect"
        before = parsed.doc[tokens.start - 1] if tokens.start > 0 else None
        if before is not None and before.lower_ in REFERRING_DETERMINERS:
            return False  # "the two countries" names the countries, it does not count them
    if number.kind == "ratio" and number.words and not number.approximate:
        after = parsed.doc[tokens.end] if tokens.end < len(parsed.doc) else None
        if after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ"):
            return False  # "a third country" is an ordinal, not a fraction
    return True


def _days_of_a_month(number: ParsedNumber) -> bool:
    """A range of bare day numbers ("4 to 7"), which a month beside it makes dates."""

    return number.is_range and number.unit == "count" and (number.high or 0) <= MAX_DAY


def _spans_years(number: ParsedNumber) -> bool:
    low, high = number.low, number.high
    if not number.is_range or number.unit != "count" or low is None or high is None:
        return False
    return all(value.is_integer() and int(value) in YEARS for value in (low, high))


def _names_with(parsed: ParsedDoc, tokens: SpacySpan) -> bool:
    """A bare number right after a proper noun, counting nothing after it, is part of the name.

    "unveiled iPhone 4, along with QuickTime 7" (Wikinews), "The S&P 500 fell
    0.9%" (NewsQuant), and the counters of a photo run ("EPA 6 Clinton was
    investigated", The Sun) name things; "109 retail stores" counts them.
    """

    if tokens.start == 0:
        return False
    before = parsed.doc[tokens.start - 1]
    if before.pos_ != "PROPN" or not before.whitespace_ or before.is_sent_start:
        return False
    root = tokens.root
    counts = root.dep_ == "nummod" and root.head.pos_ == "NOUN" and root.head.i > root.i
    return not counts


def _next_to_month(parsed: ParsedDoc, tokens: SpacySpan) -> bool:
    neighbours = [tokens.start - 1, tokens.end]
    return any(
        0 <= i < len(parsed.doc) and parsed.doc[i].lower_.rstrip(".") in MONTHS for i in neighbours
    )


def _in_dateline(parsed: ParsedDoc, match: NumberMatch) -> bool:
    dateline = parsed.article.dateline
    if dateline is None:
        return False
    return Span(match.start, match.end).overlaps(dateline.span)


def _glued_to_previous(text: str, start: int) -> bool:
    """ "COVID-19", "Su-57", "G20": the number is part of a name."""

    if start == 0:
        return False
    before = text[start - 1]
    if before.isalnum():
        return True
    return before in "-/" and start >= 2 and text[start - 2].isalnum()


__all__ = ["ParsedNumber", "extract_amounts", "is_amount"]
