"""Resolving the date expressions of a sentence against the publication date.

Wire copy dates events relative to the dispatch: "yesterday", "on Monday",
"on December 25". This first version handles those forms; anything it cannot
resolve returns None, so callers fall back to the publication date rather
than inventing a day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b")
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?(?:,?\s+(\d{4}))?\b"
)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_day(month_word: str, day: str, year: str | None, published: date) -> date | None:
    month = MONTHS.get(month_word.lower())
    if month is None:
        return None
    found = _safe_date(int(year) if year else published.year, month, int(day))
    if found is not None and year is None and found > published + timedelta(days=7):
        # "December 28" in a January dispatch is last December.
        found = _safe_date(published.year - 1, month, int(day))
    return found


def resolve_date(expression: str, published: date | None) -> date | None:
    """The calendar day `expression` names, or None where it names none.

    >>> resolve_date("yesterday", date(2024, 12, 26))
    datetime.date(2024, 12, 25)
    """

    lowered = expression.lower()
    if (match := _ISO.search(expression)) is not None:
        return _safe_date(*(int(g) for g in match.groups()))
    if published is None:
        return None
    if "day before yesterday" in lowered:
        return published - timedelta(days=2)
    if "yesterday" in lowered:
        return published - timedelta(days=1)
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening)\b", lowered):
        return published
    for offset, weekday in enumerate(WEEKDAYS):
        if re.search(rf"\b{weekday}\b", lowered):
            back = (published.weekday() - offset) % 7
            return published - timedelta(days=back)
    if (match := _MONTH_DAY.search(expression)) is not None:
        found = _month_day(match.group(1), match.group(2), match.group(3), published)
        if found is not None:
            return found
    if (match := _DAY_MONTH.search(expression)) is not None:
        return _month_day(match.group(2), match.group(1), match.group(3), published)
    return None
