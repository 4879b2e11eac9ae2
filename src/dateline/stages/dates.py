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


_MONTH_RANGE = re.compile(r"\b([A-Za-z]{3,9})\.?\s*(?:-|–|—|to|through|until)\s*([A-Za-z]{3,9})\b")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _months_back(published: date, count: int) -> str:
    index = published.year * 12 + published.month - 1 - count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _period_start(lowered: str, published: date) -> str | None:
    """The month, week or year a relative expression names, ISO 8601."""

    year = published.year
    if "end of last year" in lowered:
        return f"{year - 1}-12"
    if "beginning of" in lowered or "start of" in lowered:
        if "this year" in lowered:
            return f"{year}-01"
        if "last year" in lowered:
            return f"{year - 1}-01"
    if re.search(r"\b(earlier|late[r]?|early) this month\b|\bthis month\b", lowered):
        return _month(published)
    if re.search(r"\blast month\b|\bprevious month\b", lowered):
        return _months_back(published, 1)
    if re.search(r"\b(last|past|previous) week\b", lowered):
        monday = published - timedelta(days=published.weekday() + 7)
        return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
    if re.search(r"\b(this|earlier this) week\b", lowered):
        monday = published - timedelta(days=published.weekday())
        return f"{monday.isoformat()}/{published.isoformat()}"
    if re.search(r"\blast year\b|\bprevious year\b", lowered):
        return str(year - 1)
    if re.search(r"\bthis year\b", lowered):
        return str(year)
    return None


def resolve_period(expression: str, published: date | None) -> str | None:
    """The ISO 8601 month, year or interval a vaguer expression names, or None.

    "January-May" in a July dispatch is "2022-01/2022-05"; "earlier this
    month" the month of publication; "last week" the seven days from the
    Monday before last; "since the end of last year" runs from then to the
    month of publication. A single calendar day is `resolve_date`'s job.

    >>> resolve_period("January-May", date(2022, 7, 4))
    '2022-01/2022-05'
    """

    lowered = expression.lower()
    if published is None:
        return None
    if (match := _MONTH_RANGE.search(expression)) is not None:
        first, last = MONTHS.get(match.group(1).lower()), MONTHS.get(match.group(2).lower())
        if first is not None and last is not None:
            year = int(found.group(1)) if (found := _YEAR.search(expression)) else published.year
            if year == published.year and first > published.month:
                year -= 1
            end_year = year if last >= first else year + 1
            return f"{year:04d}-{first:02d}/{end_year:04d}-{last:02d}"
    start = _period_start(lowered, published)
    if start is None:
        if (year_match := _YEAR.fullmatch(expression.strip())) is not None:
            start = year_match.group(1)
        elif month_match := re.fullmatch(r"\s*([A-Za-z]{3,9})(?:\s+(\d{4}))?\s*", lowered):
            month = MONTHS.get(month_match.group(1))
            if month is None:
                return None
            year = int(month_match.group(2)) if month_match.group(2) else published.year
            if not month_match.group(2) and month > published.month:
                year -= 1
            start = f"{year:04d}-{month:02d}"
        else:
            return None
    if re.search(r"\bsince\b", lowered) and "/" not in start:
        return f"{start}/{_month(published)}"
    return start
