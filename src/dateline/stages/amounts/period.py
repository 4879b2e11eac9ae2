"""The time a figure refers to, as ISO 8601, from the dates in its sentence.

Wire copy gives the period next to the figure and leaves the year to the
reader: "This year ... $9.2bn ... in January-May" in a July 2022 dispatch is
"2022-01/2022-05". The sentence's DATE entities are read into a year and a
month range; a missing year is taken from "this year"/"last year" or, for a
bare month range, the publication year. "since the end of last year" runs to
the publication month. Days and durations are not periods of a figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.document.dates import MONTHS

QUARTERS = {
    "first": (1, 3),
    "second": (4, 6),
    "third": (7, 9),
    "fourth": (10, 12),
    "q1": (1, 3),
    "q2": (4, 6),
    "q3": (7, 9),
    "q4": (10, 12),
}
HALVES = {"first": (1, 6), "second": (7, 12)}

CLAUSE_HEADS = frozenset({"VERB", "AUX"})
NON_FINITE_TAGS = frozenset({"VBG", "VBN", "VB"})
BASE_WORDS = frozenset({"than", "versus", "vs", "vs."})
"""Words before a date that make it the base of a comparison ("compared to" by its lemma)."""
BASE_LOOKBACK = 3
PERIOD_NOUNS = frozenset({"period", "year"})
"""Nouns that, with "the" and nothing else, name the period the article has stated."""
PERIOD_SHIFTS = frozenset({"previous", "last", "next", "preceding", "following", "coming", "past"})

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?")
_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")


@dataclass(frozen=True, slots=True)
class DateReading:
    """What one DATE entity says about a period."""

    year: int | None = None
    months: tuple[int, int] | None = None
    since: tuple[int, int] | None = None
    """(year, month) a "since ..." period starts at; it runs to publication."""
    has_day: bool = False


def read_date(text: str, published: date | None) -> DateReading | None:
    """Read a DATE entity's text; None where it names no period."""

    lowered = text.lower()
    this_year = published.year if published else None
    year: int | None = None
    if match := _YEAR.search(lowered):
        year = int(match.group(1))
    elif "last year" in lowered or "previous year" in lowered:
        year = this_year - 1 if this_year else None
    elif "this year" in lowered or "current year" in lowered or "so far" in lowered:
        year = this_year
    months_found = [MONTHS[m.group(1)] for m in _MONTH.finditer(lowered)]
    months: tuple[int, int] | None = None
    if len(months_found) >= 2:
        months = (months_found[0], months_found[-1])
    elif len(months_found) == 1:
        months = (months_found[0], months_found[0])
    for word, bounds in QUARTERS.items():
        if f"{word} quarter" in lowered or (
            word.startswith("q") and re.search(rf"\b{word}\b", lowered)
        ):
            months = bounds
    if published is not None and ("quarter" in lowered and months is None):
        quarter = _relative_quarter(lowered, published)
        if quarter is not None:
            year, months = quarter
    for word, bounds in HALVES.items():
        if f"{word} half" in lowered:
            months = bounds
    if "end of" in lowered and months is None and year is not None:
        months = (12, 12)
    has_day = bool(months_found) and bool(_DAY.search(_MONTH.sub(" ", _YEAR.sub(" ", lowered))))
    if year is None and months is None:
        return None
    if lowered.startswith("since") and year is not None:
        return DateReading(since=(year, months[0] if months else 1))
    return DateReading(year=year, months=months, has_day=has_day)


def _relative_quarter(lowered: str, published: date) -> tuple[int, tuple[int, int]] | None:
    """ "last quarter" in a July dispatch is April-June; "this quarter" July-September."""

    current = (published.month - 1) // 3
    if "last quarter" in lowered or "previous quarter" in lowered:
        year, index = (published.year, current - 1) if current else (published.year - 1, 3)
    elif "this quarter" in lowered or "current quarter" in lowered:
        year, index = published.year, current
    else:
        return None
    return year, (index * 3 + 1, index * 3 + 3)


def find_period(
    sentence: SpacySpan,
    amount_start: int,
    published: date | None,
    entities: Sequence[SpacySpan] | None = None,
    figure: Token | None = None,
) -> str | None:
    """The period of a figure at `amount_start`, from the dates in `sentence`.

    `entities` are the sentence's entities where the caller has them
    (`ParsedDoc.entities_in`); `sentence.ents` rebuilds every entity of the
    document. With `figure`, the amount's root token, only dates of the
    figure's own clause or of a clause above it count (`dates_the_clause_of`).
    """

    readings: list[tuple[int, DateReading]] = []
    dates = [e for e in (sentence.ents if entities is None else entities) if e.label_ == "DATE"]
    restating = [e for e in dates if is_base_date(e) and _restates(e, amount_start)]
    if figure is not None:
        dates = [e for e in dates if dates_the_clause_of(e, figure)]
    # a figure in brackets after a base date is that date's level; others skip base dates
    for entity in restating or dates:
        if entity not in restating and is_base_date(entity):
            continue
        reading = read_date(_with_preposition(entity), published)
        if reading is not None and not reading.has_day:
            readings.append((abs(entity.start_char - amount_start), reading))
    if not readings:
        return None
    readings.sort(key=lambda pair: pair[0])
    for _, reading in readings:
        if reading.since is not None and published is not None:
            since_year, since_month = reading.since
            return f"{since_year:04d}-{since_month:02d}/{published.year:04d}-{published.month:02d}"
    year = next((r.year for _, r in readings if r.year is not None), None)
    months = next((r.months for _, r in readings if r.months is not None), None)
    if months is not None:
        year = year if year is not None else (published.year if published else None)
        if year is None:
            return None
        first, last = months
        if first == last:
            return f"{year:04d}-{first:02d}"
        return f"{year:04d}-{first:02d}/{year:04d}-{last:02d}"
    return f"{year:04d}" if year is not None else None


def dates_the_clause_of(entity: SpacySpan, figure: Token) -> bool:
    """Whether a date can be the period of a figure: it dates the figure's clause or one above.

    "In 2021, trade turnover reached $24.2bn rising by almost a third": 2021
    dates "reached" and so "rising" under it. A date in another clause dates
    another event: "the release of 21 of the more than 200 Chibok schoolgirls
    who were kidnapped ... in April 2014" (WaPo), "more than 200 schoolgirls
    abducted by Boko Haram in 2014": the kidnapping's year, not the count's.
    """

    date_clause = clause_of(entity.root)
    if date_clause.head.i == figure.i and date_clause.tag_ in NON_FINITE_TAGS:
        return True  # "hit $9.2bn increasing by 5% in January-May": the figure's own participle
    clause: Token | None = clause_of(figure)
    while clause is not None:
        if clause.i == date_clause.i:
            return True
        clause = clause_of(clause.head) if clause.head.i != clause.i else None
    return False


def clause_of(token: Token) -> Token:
    """The verb heading the clause a token is in (the sentence root at the top).

    A participle continuing its head's clause without a subject of its own is
    part of that clause: "the figure hit $9.2bn increasing by 5% in
    January-May" (Kazinform) dates the level and the rise alike.
    """

    while token.head.i != token.i and (
        token.pos_ not in CLAUSE_HEADS or _continues_its_head(token)
    ):
        token = token.head
    return token


def _continues_its_head(verb: Token) -> bool:
    return (
        verb.dep_ in ("advcl", "xcomp")
        and verb.tag_ in NON_FINITE_TAGS
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def leans_on_stated_period(
    sentence: SpacySpan, entities: Sequence[SpacySpan] | None = None
) -> bool:
    """Whether an undated figure's sentence points at a period stated before.

    "exports to Türkiye for the period amounted to $4 billion" (Trend), "in
    Belarus it is 5.4-5.5% based on the results of the year" (TASS): "the
    period", "the year" with nothing to say which are the period the article
    has stated. A comparison with a base date ("71.8 percent higher than in the
    previous year", Trend) says the same: the figure is of the current period.
    """

    dates = [e for e in (sentence.ents if entities is None else entities) if e.label_ == "DATE"]
    if any(is_base_date(e) for e in dates):
        return True
    for token in sentence:
        if token.lemma_.lower() not in PERIOD_NOUNS:
            continue
        words = {c.lower_ for c in token.children}
        if words & {"the", "this", "that"} and not words & PERIOD_SHIFTS:
            return not any(c.like_num for c in token.children)  # not "the year 2023"
    return False


def is_base_date(entity: SpacySpan) -> bool:
    """A date a figure is compared with, not the figure's own period.

    "in 2023 amounted to $6 billion, marking a 5.3 percent decrease compared
    to 2022" (Trend), "grew by 3.2% compared to 2016" (Kabar), "16.4 percent
    less than from January through December 2022": the change and the level
    are of 2023 and 2017; the compared date is the base.
    """

    doc = entity.doc
    before = doc[max(0, entity.start - BASE_LOOKBACK) : entity.start]
    return any(t.lower_ in BASE_WORDS or t.lemma_.lower() == "compare" for t in before)


def restates_base_date(entities: Sequence[SpacySpan], amount_start: int) -> bool:
    """Whether the figure at `amount_start` is in brackets right after a base date."""

    return any(
        e.label_ == "DATE" and is_base_date(e) and _restates(e, amount_start) for e in entities
    )


def _restates(entity: SpacySpan, amount_start: int) -> bool:
    """ "compared to 2022 ($6.3 billion)": the figure in brackets is the base date's level."""

    between = entity.doc.text[entity.end_char : amount_start]
    return between.strip() == "("


def _with_preposition(entity: SpacySpan) -> str:
    """ "since" sits outside the DATE entity; bring it in so the reading sees it."""

    before = entity.doc[entity.start - 1] if entity.start > 0 else None
    if before is not None and before.lower_ == "since":
        return f"since {entity.text}"
    return entity.text
