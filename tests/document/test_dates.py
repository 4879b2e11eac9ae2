"""Relative dates in wire copy, resolved against the publication day."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from dateline.document.dates import MONTHS, WEEKDAYS, resolve_date, resolve_period

PUBLISHED = date(2024, 12, 26)  # a Thursday, as the TASS dev dispatches


def test_yesterday_and_today() -> None:
    assert resolve_date("yesterday", PUBLISHED) == date(2024, 12, 25)
    assert resolve_date("the day before yesterday", PUBLISHED) == date(2024, 12, 24)
    assert resolve_date("today", PUBLISHED) == PUBLISHED


def test_weekday_is_the_last_such_day_on_or_before_publication() -> None:
    assert resolve_date("on Monday", PUBLISHED) == date(2024, 12, 23)
    assert resolve_date("Thursday", PUBLISHED) == PUBLISHED


def test_month_day_takes_the_year_of_publication_or_the_one_before() -> None:
    assert resolve_date("on December 25", PUBLISHED) == date(2024, 12, 25)
    assert resolve_date("December 28", date(2025, 1, 3)) == date(2024, 12, 28)
    assert resolve_date("5 March 2021", PUBLISHED) == date(2021, 3, 5)


def test_what_names_no_day_is_none() -> None:
    assert resolve_date("this year", PUBLISHED) is None
    assert resolve_date("in January-May", PUBLISHED) is None
    assert resolve_date("yesterday", None) is None


@given(st.text(max_size=60), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
def test_never_raises(expression: str, published: date) -> None:
    resolved = resolve_date(expression, published)
    assert resolved is None or isinstance(resolved, date)


@given(st.dates(min_value=date(1990, 1, 8), max_value=date(2090, 1, 1)), st.sampled_from(WEEKDAYS))
def test_weekday_lands_within_the_week_before(published: date, weekday: str) -> None:
    resolved = resolve_date(f"on {weekday.title()}", published)
    assert resolved is not None
    assert published - timedelta(days=6) <= resolved <= published
    assert WEEKDAYS[resolved.weekday()] == weekday


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)))
def test_written_dates_round_trip(day: date) -> None:
    month = max((name for name, number in MONTHS.items() if number == day.month), key=len)
    assert resolve_date(f"{month.title()} {day.day}, {day.year}", day) == day
    assert resolve_date(day.isoformat(), None) == day


def test_periods_of_wire_copy() -> None:
    july = date(2022, 7, 4)
    assert resolve_period("January-May", july) == "2022-01/2022-05"
    assert resolve_period("earlier this month", july) == "2022-07"
    assert resolve_period("last week", july) == "2022-06-27/2022-07-03"
    assert resolve_period("last year", july) == "2021"
    assert resolve_period("since the end of last year", date(2024, 12, 26)) == "2023-12/2024-12"
    assert resolve_period("a long time", july) is None
    assert resolve_period("January-May", None) is None


def test_forms_the_rules_leave_to_dateparser() -> None:
    july = date(2022, 7, 4)  # a Monday
    assert resolve_date("two days ago", july) == date(2022, 7, 2)
    assert resolve_period("three weeks ago", july) == "2022-06-13/2022-06-19"
    assert resolve_period("in March", july) == "2022-03"
    assert resolve_period("since March", july) == "2022-03/2022-07"


def test_next_weekday_is_ahead_of_publication() -> None:
    assert resolve_date("next Friday", PUBLISHED) == date(2024, 12, 27)
    assert resolve_date("next Thursday", PUBLISHED) == date(2025, 1, 2)


def test_a_length_of_time_is_not_a_date() -> None:
    for duration in ("two years", "10 days", "more than three decades", "1990s"):
        assert resolve_date(duration, PUBLISHED) is None, duration
        assert resolve_period(duration, PUBLISHED) is None, duration


@given(
    st.integers(min_value=1, max_value=300),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)),
)
def test_days_ago_counts_back_from_publication(days: int, published: date) -> None:
    assert resolve_date(f"{days} days ago", published) == published - timedelta(days=days)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)), st.sampled_from(WEEKDAYS))
def test_next_weekday_lands_within_the_week_after(published: date, weekday: str) -> None:
    resolved = resolve_date(f"next {weekday.title()}", published)
    assert resolved is not None
    assert published < resolved <= published + timedelta(days=7)
    assert WEEKDAYS[resolved.weekday()] == weekday
