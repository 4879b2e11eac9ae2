"""Resolving the date expressions of a sentence against the publication date.

Wire copy dates events relative to the dispatch: "yesterday", "on Monday",
"on December 25", "January-May". The forms wire copy uses most are read by
the rules here, which know the dispatch conventions ("on Monday" in a
Monday dispatch is that day; "earlier this month" is a month, not a day);
what they do not know ("two days ago", "in March", "next Friday") goes to
dateparser. Anything neither can resolve returns None, so callers fall back
to the publication date rather than inventing a day.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

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
        if re.search(rf"\bnext {weekday}\b", lowered):
            return published + timedelta(days=(offset - published.weekday()) % 7 or 7)
        if re.search(rf"\b{weekday}\b", lowered):
            back = (published.weekday() - offset) % 7
            return published - timedelta(days=back)
    if (match := _MONTH_DAY.search(expression)) is not None:
        found = _month_day(match.group(1), match.group(2), match.group(3), published)
        if found is not None:
            return found
    if (match := _DAY_MONTH.search(expression)) is not None:
        found = _month_day(match.group(2), match.group(1), match.group(3), published)
        if found is not None:
            return found
    parsed = _parsed_by_dateparser(expression, published)
    if parsed is not None and parsed[0] == "day":
        return parsed[1]
    return None


# A bare length of time ("two years", "10 days") is a duration, not a date,
# though dateparser reads it as that long ago.
_DURATION = re.compile(
    r"^\s*(?:about |nearly |almost |some |over |more than )?[\w-]+\s+"
    r"(?:days?|weeks?|months?|years?|decades?|centuries|century)\s*$",
    re.IGNORECASE,
)
_RELATIVE_OR_CALENDAR = re.compile(
    r"\b(?:ago|last|next|this|coming|previous|past|earlier|later|"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + "|"
    + "|".join(WEEKDAYS)
    + r")\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)
def _dateparser(published: date) -> DateDataParser:
    """A parser relative to noon of `published`: one per publication day, kept for reuse."""

    base = datetime(published.year, published.month, published.day, 12)
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "RETURN_TIME_AS_PERIOD": True,
        },
    )


@lru_cache(maxsize=4096)
def _parsed_by_dateparser(expression: str, published: date) -> tuple[str, date] | None:
    """dateparser's reading of `expression` as (granularity, date), or None.

    Only expressions that name a calendar word or a relative marker are
    offered: dateparser reads almost anything as some date ("two years" as
    two years ago), and a wrong date is worse than none. Cached because
    wire copy repeats its expressions ("last year") across articles.
    """

    if _DURATION.match(expression) or not _RELATIVE_OR_CALENDAR.search(expression):
        return None
    data = _dateparser(published).get_date_data(expression)
    if data.date_obj is None or data.period not in {"day", "week", "month", "year"}:
        return None
    return data.period, data.date_obj.date()


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
        elif month_match := re.fullmatch(
            r"\s*(?:in |since |from )?([A-Za-z]{3,9})(?:\s+(\d{4}))?\s*", lowered
        ):
            month = MONTHS.get(month_match.group(1))
            if month is None:
                return None
            year = int(month_match.group(2)) if month_match.group(2) else published.year
            if not month_match.group(2) and month > published.month:
                year -= 1
            start = f"{year:04d}-{month:02d}"
        elif (parsed := _parsed_by_dateparser(expression, published)) is not None:
            start = _period_of(*parsed)
            if start is None:
                return None
        else:
            return None
    if re.search(r"\bsince\b", lowered) and "/" not in start:
        return f"{start}/{_month(published)}"
    return start


def _period_of(granularity: str, day: date) -> str | None:
    """The ISO 8601 week, month or year around `day`; None for a single day."""

    if granularity == "week":
        monday = day - timedelta(days=day.weekday())
        return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
    if granularity == "month":
        return _month(day)
    if granularity == "year":
        return str(day.year)
    return None
