"""parse_dateline on wire headers taken from real dispatches.

Each case is the opening of a real article (Kazinform example, TASS sample,
Reuters-21578, PolNeAR, CoNLL, news-cluster and WikiEvents texts), cut after
the first words of the body.
"""

from __future__ import annotations

import calendar
import string
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.readers import parse_dateline, read_text
from dateline.readers.dateline import proper_case

EXAMPLE = Path(__file__).parents[2] / "examples" / "kazinform-2022-07-04-smailov-mishustin.txt"

TASS_IGORA = (
    "There is always something new at certain sections of the front, the head of state "
    "emphasized\n\nIGORA /Leningrad Region/, December 26. /TASS/. Russian President Vladimir "
    "Putin has told the media that he receives information about the frontline situation "
    "round the clock."
)
TASS_MOSCOW = (
    'Sergey Lavrov stressed the need to "address problems in eastern Syria, a significant part '
    'of which has been illegally occupied by the US"\n\nMOSCOW, December 26. /TASS/. The US and '
    "Israeli actions in Syria are likely to result in the disintegration of the country."
)


@dataclass(frozen=True)
class Case:
    text: str
    header: str
    place: str
    body: str
    agency: str | None = None
    region: str | None = None
    day: date | None = None
    published: date | None = None


CASES = {
    "kazinform-own-line-marker": Case(
        "date 2022-07-04\nYEKATERINBURG. KAZINFORM - On the sidelines of the 12th International "
        "Industrial Exhibition INNOPROM held in Yekaterinburg",
        "date 2022-07-04\nYEKATERINBURG. KAZINFORM -",
        "Yekaterinburg",
        "On the sidelines",
        agency="Kazinform",
        day=date(2022, 7, 4),
    ),
    "kazinform-en-dash-no-marker": Case(
        "YEKATERINBURG. KAZINFORM – On the sidelines of the 12th International Industrial "
        "Exhibition INNOPROM",
        "YEKATERINBURG. KAZINFORM –",
        "Yekaterinburg",
        "On the sidelines",
        agency="Kazinform",
    ),
    "tass-region-after-lead": Case(
        TASS_IGORA,
        "IGORA /Leningrad Region/, December 26. /TASS/.",
        "Igora",
        "Russian President Vladimir Putin",
        agency="TASS",
        region="Leningrad Region",
        day=date(2024, 12, 26),
        published=date(2024, 12, 26),
    ),
    "tass-lower-case-region": Case(
        "Pumping also continues through the Sudzha station, where military activities are "
        "ongoing\n\nIGORA /Leningrad region/, December 26. /TASS/. Russia is still maintaining "
        "the transit of at least 14 million cubic meters of gas through Ukraine",
        "IGORA /Leningrad region/, December 26. /TASS/.",
        "Igora",
        "Russia is still maintaining",
        agency="TASS",
        region="Leningrad Region",
        day=date(2024, 12, 26),
        published=date(2024, 12, 26),
    ),
    "tass-moscow-after-quote-lead": Case(
        TASS_MOSCOW,
        "MOSCOW, December 26. /TASS/.",
        "Moscow",
        "The US and Israeli actions",
        agency="TASS",
        day=None,
    ),
    "reuters21578-state-abbreviation": Case(
        "PORTLAND, Ore., Feb 26 - Red Lion Inns Limited Partnership\nsaid it filed a "
        "registration statement",
        "PORTLAND, Ore., Feb 26 -",
        "Portland",
        "Red Lion Inns",
        region="Ore.",
        day=date(1987, 2, 26),
        published=date(1987, 2, 26),
    ),
    "reuters21578-two-word-city": Case(
        "NEW YORK, Feb 26 - Moody's Investors Service Inc said it\nlowered the debt and "
        "preferred stock ratings",
        "NEW YORK, Feb 26 -",
        "New York",
        "Moody's Investors",
        day=date(1987, 2, 26),
        published=date(1987, 3, 1),
    ),
    "reuters21578-dotted-region": Case(
        "ROCHESTER, N.Y., Feb 26 - Champion Products Inc said its\nboard of directors approved "
        "a two-for-one stock split",
        "ROCHESTER, N.Y., Feb 26 -",
        "Rochester",
        "Champion Products",
        region="N.Y.",
    ),
    "reuters21578-upper-case-month": Case(
        "WASHINGTON, FEB 26 - The U.S. Agriculture Department\nreported the farmer-owned reserve",
        "WASHINGTON, FEB 26 -",
        "Washington",
        "The U.S. Agriculture",
        day=date(1987, 2, 26),
        published=date(1987, 2, 26),
    ),
    "ap-after-title": Case(
        "O’Malley campaign to shift staff, resources to Iowa.\n\nDALLAS (AP) — Democratic "
        "presidential candidate Martin O’Malley is shifting staff and resources to Iowa",
        "DALLAS (AP) —",
        "Dallas",
        "Democratic presidential",
        agency="AP",
    ),
    "upi-abbreviated-month": Case(
        "Hillary Clinton calls on U.S. to lead, step up fight against Islamic State.\n\nNEW YORK, "
        "Nov. 19 (UPI) — Former Secretary of State and Democratic presidential frontrunner",
        "NEW YORK, Nov. 19 (UPI) —",
        "New York",
        "Former Secretary",
        agency="UPI",
        day=date(2015, 11, 19),
        published=date(2015, 11, 19),
    ),
    "afp-title-case-city": Case(
        "Mexican anchor crosses swords with Donald Trump.\n\nMexico City (AFP) – It featured "
        "drama and tension fit for a telenovela",
        "Mexico City (AFP) –",
        "Mexico City",
        "It featured drama",
        agency="AFP",
    ),
    "reuters-region-and-date": Case(
        "By Malcolm Foster\nERIMO, Japan, Oct 19 (Reuters) - Ever since North Korea lobbed two "
        "missiles far above this windswept fishing town",
        "ERIMO, Japan, Oct 19 (Reuters) -",
        "Erimo",
        "Ever since North Korea",
        agency="Reuters",
        region="Japan",
        day=date(2017, 10, 19),
        published=date(2017, 10, 20),
    ),
    "xinhua-double-dash-third-line": Case(
        "China opposes DPRK's missile launch: FM spokesperson\nXinhua | Updated: 2017-09-15 "
        "17:52\nBEIJING -- China on Friday said it opposes ballistic missile launches",
        "BEIJING --",
        "Beijing",
        "China on Friday",
    ),
    "voa-dash-then-line-break": Case(
        "British Security Services Questioned About Surveillance Priorities\nLONDON —\xa0\nFor "
        "the second time in a month Britain’s security services are facing awkward questions",
        "LONDON —",
        "London",
        "For the second time",
    ),
    "conll-iso-date-line": Case(
        "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .\nNadim Ladki\nAL-AIN , "
        "United Arab Emirates 1996-12-06\nJapan began the defence of their Asian Cup title",
        "AL-AIN , United Arab Emirates 1996-12-06",
        "Al-Ain",
        "Japan began",
        region="United Arab Emirates",
        day=date(1996, 12, 6),
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_header_parts_and_offsets(case: Case) -> None:
    header, day = parse_dateline(case.text, case.published)

    assert header is not None
    assert case.text[header.span.start : header.span.end] == case.header
    assert header.place == case.place
    assert header.agency == case.agency
    assert header.region == case.region
    assert case.text[header.body_start :].startswith(case.body)
    assert proper_case(case.text[header.place_span.start : header.place_span.end]) == case.place
    if case.day is not None:
        assert day == case.day


def test_kazinform_example_with_inline_marker() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text.startswith(" date 2022-07-04 YEKATERINBURG.")

    header, day = parse_dateline(text, None)

    assert header is not None
    assert text[header.span.start : header.span.end] == "date 2022-07-04 YEKATERINBURG. KAZINFORM -"
    assert text[header.place_span.start : header.place_span.end] == "YEKATERINBURG"
    assert (header.place, header.agency) == ("Yekaterinburg", "Kazinform")
    assert text[header.body_start :].startswith("On the sidelines of the 12th")
    assert day == date(2022, 7, 4)


def test_read_text_takes_date_and_source_from_the_header() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")

    article = read_text(text)

    assert article.text == text
    assert article.published == date(2022, 7, 4)
    assert article.source == "Kazinform"
    assert article.dateline_place == "Yekaterinburg"
    assert article.id.startswith("sha256-")


def test_read_text_explicit_values_win() -> None:
    article = read_text(
        TASS_IGORA, id="tass-1894079", source="tass.com", published=date(2024, 12, 27)
    )

    assert (article.id, article.source) == ("tass-1894079", "tass.com")
    assert article.published == date(2024, 12, 27)
    assert article.dateline is not None and article.dateline.region == "Leningrad Region"


def test_tass_lead_stays_in_the_text_before_the_header() -> None:
    header, _ = parse_dateline(TASS_IGORA, date(2024, 12, 26))

    assert header is not None
    lead = TASS_IGORA[: header.span.start]
    assert lead.startswith("There is always something new")
    assert lead.endswith("\n\n")


def test_header_date_without_year_needs_publication_year() -> None:
    _, day = parse_dateline(TASS_IGORA, None)
    assert day is None


def test_december_header_published_in_january_is_last_year() -> None:
    _, day = parse_dateline(TASS_IGORA, date(2025, 1, 2))
    assert day == date(2024, 12, 26)


NOT_HEADERS = {
    "bbc-no-dateline": (
        "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the "
        "three months to December, from $639m year-earlier."
    ),
    "tass-body-sentence": (
        "The US and Israeli actions in Syria are likely to result in the disintegration of the "
        "country and violate the principle of indivisible security."
    ),
    "ap-photo-caption": (
        "FILE - In this May 18, 2017 file photo, actress Uma Thurman poses for photographers "
        "during the photo call for the Un Certain Regard jury"
    ),
    "sports-headline": (
        "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .\nWest Indian "
        "all-rounder Phil Simmons took four for 38 on Friday"
    ),
    "breitbart-slug": (
        "EXCLUSIVE – Roger Stone: Don’t Trust the Voting Machines.\n\nThere is serious concern "
        "about voter fraud and the manipulation of voting machines"
    ),
    "agency-acronym": (
        "NNA - The Sarantáporo formally withdrew from a landmark nuclear missile pact with Girov "
        "on Thursday"
    ),
    "parenthesis-not-agency": (
        "Jabhat Al-Nusra (Syrian Al-Qaeda group) – backed by Jaysh Al-Muhajireen Wal-Ansar – "
        "attacked the hilltop"
    ),
    "header-beyond-third-line": (
        "Title line\nSecond line\nThird line\nMOSCOW, December 26. /TASS/. Too far down."
    ),
}


@pytest.mark.parametrize("text", NOT_HEADERS.values(), ids=NOT_HEADERS.keys())
def test_ordinary_openings_are_not_headers(text: str) -> None:
    header, day = parse_dateline(text, date(2024, 12, 26))
    assert header is None
    assert day is None


def test_marker_without_header_still_gives_the_date() -> None:
    header, day = parse_dateline("date 2022-07-04\nThe meeting took place in Yekaterinburg.", None)
    assert header is None
    assert day == date(2022, 7, 4)


def test_impossible_header_date_keeps_the_header() -> None:
    header, day = parse_dateline("HANOI, February 30. /TASS/. Flights resumed.", date(2024, 3, 1))
    assert header is not None and header.place == "Hanoi"
    assert day is None


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("NUR-SULTAN", "Nur-Sultan"),
        ("RIO DE JANEIRO", "Rio de Janeiro"),
        ("DAR ES SALAAM", "Dar es Salaam"),
        ("ST. LOUIS", "St. Louis"),
        ("N'DJAMENA", "N'Djamena"),
        ("N.Y.", "N.Y."),
        ("Leningrad region", "Leningrad Region"),
        ("Mexico City", "Mexico City"),
    ],
)
def test_proper_case(written: str, expected: str) -> None:
    assert proper_case(written) == expected


@given(st.text(max_size=300))
def test_never_raises_and_spans_stay_in_bounds(text: str) -> None:
    header, _ = parse_dateline(text, date(2024, 12, 26))
    if header is not None:
        assert 0 <= header.span.start <= header.place_span.start
        assert header.place_span.end <= header.span.end <= header.body_start < len(text)


# Calendar words are never taken for a place ("MAY, June 3" is no header).
_CALENDAR = {
    name.lower()
    for name in [*calendar.month_name, *calendar.month_abbr, *calendar.day_name, *calendar.day_abbr]
} | {"sept", "tues", "thur", "thurs", "today", "yesterday"}
_CITY_WORD = st.text(string.ascii_uppercase, min_size=3, max_size=10).filter(
    lambda word: word.lower() not in _CALENDAR
)


@given(
    city=st.lists(_CITY_WORD, min_size=1, max_size=3).map(" ".join),
    published=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    lead=st.sampled_from(["", "A one-line lead of the dispatch\n\n"]),
)
def test_generated_tass_headers_round_trip(city: str, published: date, lead: str) -> None:
    header_text = f"{city}, {calendar.month_name[published.month]} {published.day}. /TASS/."
    text = f"{lead}{header_text} Officials said talks went well."

    header, day = parse_dateline(text, published)

    assert header is not None
    assert header.place == proper_case(city)
    assert text[header.place_span.start : header.place_span.end] == city
    assert text[header.span.start : header.span.end] == header_text
    assert text[header.body_start :] == "Officials said talks went well."
    assert header.agency == "TASS"
    assert day == published
