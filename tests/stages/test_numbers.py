"""The number parser on forms taken from real dispatches, plus property tests."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.knowledge.settings import settings
from dateline.stages.amounts.lexer import LexedText, lex
from dateline.stages.amounts.numbers import match_number, parse_number


@pytest.mark.parametrize(
    ("text", "value", "unit", "approximate"),
    [
        ("$24.2bn", 24.2e9, "USD", False),  # Kazinform, Smailov-Mishustin
        ("437.8mln", 437.8e6, "count", False),
        ("$437.8mln", 437.8e6, "USD", False),
        ("3 billion dollars", 3e9, "USD", False),
        ("1.5 trillion tenge", 1.5e12, "KZT", False),
        ("€40m", 40e6, "EUR", False),
        ("RUB 5 bln", 5e9, "RUB", False),
        ("£600m", 600e6, "GBP", False),  # BBC: "$1.13bn (£600m)"
        ("$1.13bn", 1.13e9, "USD", False),
        ("143m euros", 143e6, "EUR", False),  # BBC: "$186m (£98m; 143m euros)"
        ("almost a third", 0.33, "ratio", True),
        ("nearly 5%", 0.05, "ratio", True),
        ("nealy 5%", 0.05, "ratio", True),  # the typo in the Kazinform dispatch
        ("more than 60 per cent", 0.60, "ratio", True),  # NewsQuant
        ("half", 0.5, "ratio", False),
        ("two-thirds", 0.67, "ratio", False),
        ("13", 13, "count", False),
        ("nine", 9, "count", False),
        ("a dozen", 12, "count", False),
        ("12th", 12, "ordinal", False),
        ("twenty-five", 25, "count", False),
        ("1,234.5", 1234.5, "count", False),
        ("5.93 mln", 5.93e6, "count", False),
        ("650,000", 650_000, "count", False),  # TASS
        ("More than 50", 50, "count", True),  # TASS
        ("at least 14 million cubic meters", 14e6, "cubic meters", True),  # TASS
        ("1.2 bcm", 1.2e9, "cubic metres", False),
        ("500 MW", 500, "MW", False),
        ("HK$3bn", 3e9, "HKD", False),
        ("TRY 5", 5, "TRY", False),
        ("close to half a trillion dollars", 5e11, "USD", True),  # BBC, US deficit
        ("256GB", 256, "GB", False),  # NewsQuant
        ("$US113 trillion", 113e12, "USD", False),  # NewsQuant: global debt "about $US113 trillion"
        ("$A82,615,680", 82_615_680, "AUD", False),  # NewsQuant: Epstein's properties
        ("RM23.50", 23.5, "MYR", False),  # NewsQuant: "Heineken Malaysia rose 18 sen to RM23.50"
        ("RM3.06mil", 3.06e6, "MYR", False),  # NewsQuant: "almost S $1mil (RM3.06mil)"
        ("570 sq m", 570, "square metres", False),  # NewsQuant: office space
        ("3923sq m", 3923, "square metres", False),
        ("500mg", 500, "mg", False),  # NewsQuant: "Tylenol 500mg tablets"
        ("250ml", 250, "ml", False),  # NewsQuant: "250ml bottles of hand sanitiser"
        ("30Mbps", 30, "Mbps", False),  # NewsQuant: "a 30Mbps plan"
        ("7 nanometer", 7, "nm", False),  # NewsQuant: chips
        ("-1.3%", -0.013, "ratio", False),  # NewsQuant: "In Europe: Stoxx 50 -1.3% FTSE -0.6%"
        ("+0.2%", 0.002, "ratio", False),  # NewsQuant: "Dow +0.2% S&P 500 +0.3%"
        ("3 billion pounds", 3e9, "GBP", False),  # money unless "of" a thing follows
        ("minus-5 yards", -5, "yards", False),  # NewsQuant: "total offense ... was minus-5 yards"
        (
            "six and a half hours",
            6.5,
            "hours",
            False,
        ),  # BelTA: the talks "lasted six and a half hours"
        ("two and a half million", 2.5e6, "count", False),
        ("two-day", 2, "days", False),  # Interfax: "a two-day state visit"
        ("25-ton", 25, "tons", False),  # China Daily: "the 25-ton truck"
        ("170-gram", 170, "grams", False),  # The Washington Post: "the 170-gram bar"
        ("400g", 400, "grams", False),  # The Independent, The Guardian: "400g bars"
        ("more than a mile", 1, "miles", True),  # China Daily
        ("more than a decade", 10, "years", True),  # CNN: "more than a decade ago"
        ("65-year-old", 65, "years", False),  # CNN: an age is in years
        ("15 year-old", 15, "years", False),  # NewsQuant
        ("30 years old", 30, "years", False),  # NewsQuant
    ],
)
def test_reads_news_forms(text: str, value: float, unit: str, approximate: bool) -> None:
    parsed = parse_number(text)
    assert parsed is not None, text
    assert parsed.value == pytest.approx(value, rel=1e-9)
    assert parsed.unit == unit
    assert parsed.approximate is approximate


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "unit"),
    [
        ("3-4", 3.5, 3, 4, "count"),
        ("3-4 days", 3.5, 3, 4, "days"),  # TASS: "impossible to conclude it in 3-4 days"
        ("between 5% and 7%", 0.06, 0.05, 0.07, "ratio"),
        ("5-7%", 0.06, 0.05, 0.07, "ratio"),
        ("$3-4bn", 3.5e9, 3e9, 4e9, "USD"),
        ("3 to 4 million", 3.5e6, 3e6, 4e6, "count"),
        # NewsQuant: a whole low end keeps its own scale ("range from $800,000 to $1.3 million",
        # "ranging from $200 to $4 million"); a bare one shares the other's
        ("from $800,000 to $1.3 million", 1.05e6, 8e5, 1.3e6, "USD"),
        ("from $200 to $4 million", 2000100, 200, 4e6, "USD"),
        ("four to five thousand", 4500, 4000, 5000, "count"),  # NewsQuant
        ("four thousand to five thousand", 4500, 4000, 5000, "count"),
    ],
)
def test_ranges_take_the_midpoint(
    text: str, value: float, low: float, high: float, unit: str
) -> None:
    parsed = parse_number(text)
    assert parsed is not None
    assert parsed.is_range and parsed.approximate
    assert parsed.value == pytest.approx(value)
    assert (parsed.low, parsed.high) == (pytest.approx(low), pytest.approx(high))
    assert parsed.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "600m",
        "1990s",
        "5G",  # NewsQuant: a generation of networks, not grams
        "a decade",  # a way of speaking, unless an approximator makes it a figure
        "2-1",
        "try 5",
        "five six",
        "the",
        "",
        "$",
        "third parties",
        "10:30",
        "- 5",  # a dash between spaces is no sign
        "minus the fees",
    ],
)
def test_rejects_what_is_not_one_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("5.1 million pounds of thrust", "lb"),  # the example: a weight
        ("777,000 pounds of lead", "lb"),  # reuters21578
        ("275 pound-feet", "lb-ft"),  # NewsQuant: torque
        ("332 lb-ft", "lb-ft"),
        ("10 million pounds of funding", "GBP"),  # "of" money: sterling
    ],
)
def test_pounds_are_read_in_context(text: str, unit: str) -> None:
    found = match_number(text, 0)
    assert found is not None and found.number.unit == unit


def test_match_number_gives_offsets_in_the_article() -> None:
    text = "bilateral trade turnover reached a record figure of $24.2bn rising by almost a third."
    found = match_number(text, text.index("$"))
    assert found is not None
    assert text[found.start : found.end] == "$24.2bn"
    found = match_number(text, text.index("almost"))
    assert found is not None
    assert text[found.start : found.end] == "almost a third"


# properties -----------------------------------------------------------------

SCALES = {
    "bn": Decimal("1e9"),
    "billion": Decimal("1e9"),
    "mln": Decimal("1e6"),
    "million": Decimal("1e6"),
    "trillion": Decimal("1e12"),
    "tn": Decimal("1e12"),
    "thousand": Decimal("1e3"),
    "": Decimal(1),
}
PREFIX_CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "US$": "USD", "RUB ": "RUB", "₸": "KZT"}
SUFFIX_CURRENCIES = {
    " tenge": "KZT",
    " rubles": "RUB",
    " US dollars": "USD",
    " euros": "EUR",
    " yuan": "CNY",
}


@given(
    number=st.decimals(
        min_value=0, max_value=Decimal("999999"), places=3, allow_nan=False, allow_infinity=False
    ),
    scale=st.sampled_from(sorted(SCALES)),
    space=st.booleans(),
    currency=st.one_of(
        st.tuples(st.just("prefix"), st.sampled_from(sorted(PREFIX_CURRENCIES))),
        st.tuples(st.just("suffix"), st.sampled_from(sorted(SUFFIX_CURRENCIES))),
    ),
)
def test_formatted_money_parses_back(
    number: Decimal, scale: str, space: bool, currency: tuple[str, str]
) -> None:
    written = f"{number:f}"
    scaled = written + ((" " if space else "") + scale if scale else "")
    where, mark = currency
    text = mark + scaled if where == "prefix" else scaled + mark
    parsed = parse_number(text)
    assert parsed is not None, text
    expected = float(number * SCALES[scale])
    assert math.isclose(parsed.value, expected, rel_tol=1e-9, abs_tol=1e-9), text
    table = PREFIX_CURRENCIES if where == "prefix" else SUFFIX_CURRENCIES
    assert parsed.unit == table[mark]


@given(st.integers(min_value=1000, max_value=10**15))
def test_thousands_separators(value: int) -> None:
    parsed = parse_number(f"{value:,}")
    assert parsed is not None
    assert parsed.value == value


@given(st.text(max_size=60))
def test_never_raises(text: str) -> None:
    parse_number(text)
    for start in range(len(text)):
        match_number(text, start)


UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(value: int) -> str:
    """English words for 0-999, written the way news spells them."""

    hundreds, rest = divmod(value, 100)
    words = []
    if hundreds:
        words.append(f"{UNITS[hundreds]} hundred")
    if rest or not hundreds:
        tens, units = divmod(rest, 10)
        below = UNITS[rest] if rest < 20 else TENS[tens] + (f"-{UNITS[units]}" if units else "")
        words.append(("and " if hundreds else "") + below)
    return " ".join(words)


@given(st.integers(min_value=0, max_value=999))
def test_number_words_up_to_999(value: int) -> None:
    parsed = parse_number(spell(value))
    assert parsed is not None, spell(value)
    assert parsed.value == value
    assert parsed.unit == "count"


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("almost a third", "upper"),  # Kazinform: the truth is below a third
        ("nealy 5%", "upper"),  # a misspelt approximator keeps its direction
        ("up to 14 million cubic meters", "upper"),
        ("less than $5", "upper"),
        ("More than 50", "lower"),  # TASS
        ("over $76", "lower"),  # NewsQuant: "peaked at over $76 US a barrel"
        ("at least 14 million cubic meters", "lower"),
        ("about 19 per cent", "around"),  # NewsQuant
        ("$24.2bn", None),
    ],
)
def test_approximators_keep_their_direction(text: str, bound: str | None) -> None:
    parsed = parse_number(text)
    assert parsed is not None
    assert parsed.bound == bound
    assert parsed.approximate is (bound is not None)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("US $58.24 per barrel", 58.24, "USD per barrel"),  # NewsQuant
        ("$52 a barrel", 52, "USD per barrel"),  # NewsQuant
        ("325,000 barrels per day", 325_000, "barrels per day"),  # NewsQuant
        ("800,000 barrels a day", 800_000, "barrels per day"),  # NewsQuant
        ("$327 per remittance", None, None),  # not a rate denominator: stops at "$327"
        ("$300 per 1,000 cubic meters", 300, "USD per 1000 cubic metres"),
    ],
)
def test_rates_keep_what_they_are_per(text: str, value: float | None, unit: str | None) -> None:
    parsed = parse_number(text)
    if value is None:
        found = match_number(text, 0)
        assert found is not None and text[found.start : found.end] == "$327"
        return
    assert parsed is not None
    assert (parsed.value, parsed.unit) == (value, unit)


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["per barrel", "a day", "/share"]))
def test_a_rate_never_changes_the_value(number: int, rate: str) -> None:
    plain = parse_number(f"${number}")
    per = parse_number(f"${number} {rate}".replace(" /", "/"))
    assert plain is not None and per is not None
    assert per.value == plain.value and per.unit.startswith("USD per ")


# Lexing a whole article once (the amounts stage) must cut the same windows and
# find the same numbers as lexing afresh at each start.
REUTERS_TABLE = (
    "Shr 1.34 dlrs vs 1.09 dlrs\n    Net 5,910,000 vs 4,712,000\n    Revs 87.1 mln vs "
    "72.4 mln\n\n    NOTE: nearly a third of 1986 net, about 1,234,56 and 12,345.6789 "
    "in the year to April-June, up 3-4 pct, US$5.3bn."
)
"""A Reuters-21578 results table (hard-wrapped and indented) with news forms around it."""


def _starts(text: str) -> list[int]:
    return [i for i, char in enumerate(text) if not char.isspace()]


def test_one_lexing_gives_the_windows_of_lexing_at_each_start() -> None:
    lexed = LexedText(REUTERS_TABLE)
    for start in _starts(REUTERS_TABLE):
        for length in (4, 17, settings().amounts.max_expression_chars):
            fresh = lex(REUTERS_TABLE, start, start + length, stop_at_newline=True)
            assert lexed.window(start, length) == fresh, (start, length)
        found = match_number(REUTERS_TABLE, start, lexed)
        assert found == match_number(REUTERS_TABLE, start), start


@given(st.text(alphabet="0123456789,. \n\t$%-abcnr", max_size=120))
def test_one_lexing_finds_what_lexing_at_each_start_finds(text: str) -> None:
    lexed = LexedText(text)
    for start in _starts(text):
        assert lexed.window(start, 12) == lex(text, start, start + 12, stop_at_newline=True)
        assert match_number(text, start, lexed) == match_number(text, start)
