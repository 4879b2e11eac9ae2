"""The amounts stage on real dispatches: the dev gold and corpus sentences."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from dateline.model import Amount, Article
from dateline.parsing import parse_article
from dateline.readers.jsonl import article_from_record
from dateline.stages.actors import extract_actors
from dateline.stages.amounts import extract_amounts

DEV_GOLD = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev"


def gold(name: str, article_id: str) -> dict[str, Any]:
    path = DEV_GOLD / name
    if not path.exists():
        pytest.skip(f"{path} not found: the shared evaluation data sits beside the repo")
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == article_id:
            return record
    raise LookupError(article_id)


def amounts_of(nlp: Language, record: dict[str, Any]) -> list[Amount]:
    return extract_amounts(parse_article(article_from_record(record), nlp))


def amounts_in(nlp: Language, text: str, published: date | None = None) -> list[Amount]:
    return extract_amounts(parse_article(Article(id="t", text=text, published=published), nlp))


def by_text(amounts: list[Amount], text: str) -> Amount:
    found = [a for a in amounts if text in a.text]
    assert found, f"{text!r} not among {[a.text for a in amounts]}"
    return found[0]


def test_seed_article_gold_amounts(nlp: Language) -> None:
    record = gold("seed.jsonl", "kazinform-2022-07-04-smailov-mishustin")
    amounts = amounts_of(nlp, record)
    for expected in record["amounts"]:
        if expected.get("optional"):
            continue
        amount = by_text(amounts, expected["text"])
        assert amount.value == pytest.approx(expected["value"], rel=0.01)
        assert amount.unit == expected["unit"]
        assert amount.approximate is expected.get("approximate", False)
        assert amount.period == expected.get("period")
        assert record["text"][amount.span.start : amount.span.end] == amount.text
    texts = [a.text for a in amounts]
    assert "2021" not in texts and "two" not in texts  # a year; "the two states"
    assert "12th" not in texts  # "the 12th International Industrial Exhibition" ranks it


def test_seed_article_measures(nlp: Language) -> None:
    amounts = amounts_of(nlp, gold("seed.jsonl", "kazinform-2022-07-04-smailov-mishustin"))
    turnover = "bilateral trade turnover between Kazakhstan and Russia"
    assert by_text(amounts, "$24.2bn").measure == turnover
    assert by_text(amounts, "almost a third").measure == f"growth of {turnover}"
    assert by_text(amounts, "$9.2bn").measure == turnover  # "the figure hit $9.2bn"
    assert by_text(amounts, "5%").measure == f"growth of {turnover}"
    assert by_text(amounts, "$437.8mln").measure == "value of 13 major cooperation projects"
    assert by_text(amounts, "$3bn").measure == "value of nine new cooperation projects"


def test_tass_figures_and_their_periods(nlp: Language) -> None:
    amounts = amounts_of(nlp, gold("tass_dev.jsonl", "tass-1893787"))
    killed = by_text(amounts, "More than 50")
    assert (killed.value, killed.unit, killed.approximate) == (50, "count", True)
    # the lead takes its period from the quote: "just since the end of last year"
    assert killed.period == "2023-12/2024-12"
    wounded = by_text(amounts, "more than 200")
    assert wounded.measure == "children wounded in Ukrainian strikes"


def test_a_count_is_of_its_noun_as_the_clause_describes_it(nlp: Language) -> None:
    # TASS (tass_more), China Daily and Daily Mirror (web_dev, news_dev), The New York Times
    def measures(text: str) -> list[tuple[str, str | None]]:
        return [(a.text, a.measure) for a in amounts_in(nlp, text)]

    assert measures(
        "Over 10,000 people and 360 pieces of equipment are currently involved in the "
        "emergency response efforts."
    ) == [
        ("Over 10,000", "people involved in the emergency response efforts"),
        ("360", "pieces of equipment involved in the emergency response efforts"),
    ]
    assert measures("Forty-two people were in critical condition, according to Nice-Matin.") == [
        ("Forty-two", "people in critical condition")
    ]
    assert measures(
        "The surprise announcement by the FBI on October 28 came after three debates in which "
        "Republican Donald Trump was widely criticised for his performance."
    ) == [
        (
            "three",
            "debates in which Republican Donald Trump was widely criticised for his performance",
        )
    ]
    assert measures(
        "After the end of the formal NATO combat mission in 2015, roughly 1,000 German service "
        "members have remained at a multinational military base near Mazar-i-Sharif."
    ) == [
        (
            "roughly 1,000",
            "German service members remained at a multinational military base near Mazar-i-Sharif",
        )
    ]


def test_a_measure_leaves_its_date_to_the_period(nlp: Language) -> None:
    # TASS (tass_more) and Trend (wires_dev): "in 2024" is when, not what
    growth = amounts_in(
        nlp, "Russia's economic growth in 2024 will be about 4%, Putin said.", date(2024, 12, 26)
    )
    four = by_text(growth, "4%")
    assert (four.measure, four.period) == ("Russia economic growth", "2024")
    turnover = amounts_in(
        nlp,
        "Azerbaijan's foreign trade turnover in 2022 increased by 55.36 percent to $18.7 billion.",
        date(2023, 4, 14),
    )
    rise = by_text(turnover, "55.36 percent")
    assert (rise.measure, rise.period) == ("growth of Azerbaijan foreign trade turnover", "2022")


def test_it_carries_the_measure_before(nlp: Language) -> None:
    # TASS (tass_more): "it" is the volume of trade the clause before names
    trade = amounts_in(
        nlp,
        "The Russian leader noted that the volume of trade between Moscow and Yerevan had "
        "doubled compared to 2023, and by the end of the current year it would amount to more "
        "than $ 10 billion.",
        date(2024, 12, 26),
    )
    assert by_text(trade, "10 billion").measure == "volume of trade between Moscow and Yerevan"


def test_tass_quantities_and_pronouns(nlp: Language) -> None:
    gas = amounts_of(nlp, gold("tass_dev.jsonl", "tass-1894067"))
    transit = by_text(gas, "14 million cubic meters")
    assert (transit.value, transit.unit, transit.approximate) == (14e6, "cubic meters", True)
    assert transit.measure == "transit of gas"
    syria = amounts_of(nlp, gold("tass_dev.jsonl", "tass-1893783"))
    assert syria == []  # "One cannot expect" is a pronoun, not a count


def test_tass_anaphoric_figure(nlp: Language) -> None:
    amounts = amounts_of(nlp, gold("tass_dev.jsonl", "tass-1893799"))
    assert [a.text for a in amounts] == ["650,000"]  # not "COVID-19", not "the two countries"
    assert amounts[0].measure == "flow of Russian tourists to Vietnam"


def test_bbc_money_in_two_currencies(nlp: Language) -> None:
    # bbc-fulltext, bbc-business-001
    text = (
        "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the "
        "three months to December, from $639m year-earlier."
    )
    amounts = amounts_in(nlp, text)
    assert [(a.text, a.unit) for a in amounts] == [
        ("76%", "ratio"),
        ("$1.13bn", "USD"),
        ("£600m", "GBP"),
        ("three months", "months"),  # a duration is a figure too
        ("$639m", "USD"),
    ]
    assert amounts[0].measure == "growth of Quarterly profits at US media giant TimeWarner"
    assert amounts[1].measure == "Quarterly profits at US media giant TimeWarner"


def test_newsquant_sentences(nlp: Language) -> None:
    # NewsQuant newsquant-0162 and -0243
    exports = amounts_in(nlp, "Meanwhile, exports to China dropped 7% to $2.3 billion.")
    assert [(a.value, a.unit, a.measure) for a in exports] == [
        (pytest.approx(0.07), "ratio", "decline of exports to China"),
        (2.3e9, "USD", "exports to China"),
    ]
    dax = amounts_in(
        nlp,
        "In Europe Germany's DAX fell 0.4 per cent to 13176 "
        "while the CAC40 in France was down 0.1 per cent.",
    )
    assert [a.text for a in dax][:2] == ["0.4 per cent", "13176"]


def test_month_range_takes_the_year_from_this_year(nlp: Language) -> None:
    text = "This year the figure hit $9.2bn increasing by 5% in January-May."
    amounts = amounts_in(nlp, text, published=date(2022, 7, 4))
    assert {a.period for a in amounts} == {"2022-01/2022-05"}
    last_year = amounts_in(nlp, "Exports rose to $5bn last year.", published=date(2022, 7, 4))
    assert last_year[0].period == "2021"


def test_durations_are_figures(nlp: Language) -> None:
    # Yonhap (wires_dev) and China Daily (web_dev): the gold counts a length of time
    # as a figure, while the dates beside it stay dates
    yonhap = amounts_in(
        nlp,
        "South Korea said Friday it has put 15 North Korean individuals and 16 institutions "
        "on its blacklist in its first unilateral sanctions in nearly five years.",
        published=date(2022, 10, 14),
    )
    years = by_text(yonhap, "five years")
    assert (years.text, years.value, years.unit, years.bound) == (
        "nearly five years",
        5,
        "years",
        "upper",
    )
    nice = amounts_in(
        nlp,
        "It also came less than two weeks before the scheduled end of a national state of "
        "emergency on July 26.",
        published=date(2016, 7, 15),
    )
    assert [(a.text, a.value, a.unit) for a in nice] == [("less than two weeks", 2, "weeks")]


def test_ago_measures_the_time_since_what_happened(nlp: Language) -> None:
    # China Daily (web_dev) and CNN (web_dev)
    nice = amounts_in(
        nlp,
        "Almost exactly eight months ago Islamic State militants killed 130 people in Paris on "
        "Nov. 13, the bloodiest in a number of attacks in France and Belgium.",
    )
    assert by_text(nice, "eight months").measure == (
        "time since Islamic State militants killed 130 people in Paris"
    )
    cnn = amounts_in(
        nlp,
        '"Mr. Weinstein acknowledges making an awkward pass 25 years ago at Ms. Thurman in '
        'England after misreading her signals."',
    )
    assert by_text(cnn, "25 years").measure == (
        "time since Mr. Weinstein making awkward pass at Ms. Thurman in England"
    )


def test_units_written_as_adjectives_or_glued(nlp: Language) -> None:
    # Interfax and BelTA (wires_dev), China Daily (web_dev), The Independent (news_dev)
    visit = amounts_in(nlp, "The Uzbek president arrived in Bishkek for a two-day state visit.")
    assert [(a.text, a.value, a.unit) for a in visit] == [("two-day", 2, "days")]
    talks = amounts_in(
        nlp,
        "The meeting between Belarusian President Aleksandr Lukashenko and U.S. Special Envoy "
        "for Ukraine Keith Kellogg lasted six and a half hours.",
    )
    assert [(a.text, a.value, a.unit) for a in talks] == [("six and a half hours", 6.5, "hours")]
    truck = amounts_in(
        nlp,
        "Police shot and killed the driver, who drove the 25-ton, unmarked truck for "
        "2 kilometers along the famed Promenade des Anglais seafront.",
    )
    assert [(a.text, a.unit) for a in truck] == [("25-ton", "tons"), ("2 kilometers", "km")]
    bars = amounts_in(
        nlp, "It has reduced 400g bars to 360g and 170g bars to 150g in order to maintain prices."
    )
    assert [(a.text, a.value, a.unit) for a in bars] == [
        ("400g", 400, "grams"),
        ("360g", 360, "grams"),
        ("170g", 170, "grams"),
        ("150g", 150, "grams"),
    ]


TREND_TURNOVER = (
    "To note, trade turnover between Kazakhstan and Türkiye in 2023 amounted to $6 billion, "
    "marking a 5.3 percent decrease compared to 2022 ($6.3 billion)."
)
"""Trend, trend-2024-05-20-tokayev-kurtulmus (wires_dev)."""


def test_a_base_date_is_not_the_figures_period(nlp: Language) -> None:
    # Trend and Kabar (wires_dev): "compared to 2022" is the base of the change
    trend = amounts_in(nlp, TREND_TURNOVER, date(2024, 5, 20))
    assert [(a.text, a.period) for a in trend] == [
        ("$6 billion", "2023"),
        ("5.3 percent", "2023"),
        ("$6.3 billion", "2022"),  # in brackets after the base date: the base's level
    ]
    kabar = amounts_in(
        nlp,
        "He said that the overall trade turnover between China and Kyrgyzstan in 2017 amounted "
        "to $ 1.5 billion and grew by 3.2% compared to 2016.",
        date(2018, 3, 16),
    )
    assert [(a.text, a.period) for a in kabar] == [("$ 1.5 billion", "2017"), ("3.2%", "2017")]


def test_a_bracketed_figure_restates_the_one_before(nlp: Language) -> None:
    # Trend (wires_dev): the base year's level; NewsQuant and BBC: a conversion
    trend = amounts_in(nlp, TREND_TURNOVER, date(2024, 5, 20))
    assert by_text(trend, "$6.3 billion").measure == "trade turnover between Kazakhstan and Türkiye"
    fine = amounts_in(
        nlp,
        "The crime would be punishable by three years in prison and a fine of 10.5 million "
        "Australian dollars ($7.5 million) or 10 percent of the platforms annual turnover.",
    )
    assert by_text(fine, "$7.5 million").measure == "fine"
    bbc = amounts_in(
        nlp,
        "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the "
        "three months to December, from $639m year-earlier.",
    )
    assert by_text(bbc, "£600m").measure == by_text(bbc, "$1.13bn").measure


def test_the_period_is_the_one_the_article_stated(nlp: Language) -> None:
    # Trend (wires_dev) "for the period", TASS (tass_more) "the results of the year"
    trend = amounts_in(
        nlp,
        TREND_TURNOVER
        + "\n\nIn the structure of trade turnover, exports to Türkiye for the period amounted to "
        "$4 billion, which is 16.4 percent less than from January through December 2022 "
        "($4.7 billion).",
        date(2024, 5, 20),
    )
    assert [(a.text, a.period) for a in trend][3:] == [
        ("$4 billion", "2023"),
        ("16.4 percent", "2023"),
        ("$4.7 billion", "2022-01/2022-12"),
    ]
    tass = amounts_in(
        nlp,
        "Russia's economic growth in 2024 will be about 4%, President Vladimir Putin told "
        'reporters.\n\n"In the Eurozone, you know, they have a 1% [economic] growth, and in '
        "Belarus it is 5.4-5.5% based on the results of the year.",
        date(2024, 12, 26),
    )
    assert [(a.text, a.period) for a in tass] == [
        ("about 4%", "2024"),
        ("1%", "2024"),
        ("5.4-5.5%", "2024"),
    ]


def test_a_date_of_another_clause_is_not_the_figures_period(nlp: Language) -> None:
    # The Washington Post and China Daily (web_dev): the kidnapping's date, the header's date
    release = amounts_in(
        nlp,
        "The Nigerian government announced Thursday that it had secured the release of 21 of "
        "the more than 200 Chibok schoolgirls who were kidnapped by Boko Haram militants in "
        "April 2014.",
        date(2016, 10, 13),
    )
    assert [(a.text, a.period) for a in release] == [("21", None), ("more than 200", None)]
    nice = amounts_in(
        nlp,
        "Scores killed as truck rams crowd in France Updated: 2016-07-15 13:14 By Agencies(China "
        "Daily USA)\nNearly 80 people were killed on Thursday on Nice's Promenade des Anglais, "
        "mowed down by a truck driven through a crowd by an armed driver for more than a mile as "
        "the victims watched fireworks on France's national day.",
        date(2016, 7, 15),
    )
    assert by_text(nice, "more than a mile").period is None
    # a date of the clause above still counts: Kazinform's "In 2021, ... reached ... rising by"
    seed = amounts_in(
        nlp,
        "In 2021, bilateral trade turnover between Kazakhstan and Russia reached a record figure "
        "of $24.2bn rising by almost a third.",
        date(2022, 7, 4),
    )
    assert [a.period for a in seed] == ["2021", "2021"]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # Wikinews (web_dev): product names
        ("Yesterday, company CEO Steve Jobs unveiled iPhone 4, along with QuickTime 7.", []),
        # The Sun (news_dev): the counters of a photo run
        (
            "found 600,000 emails from Clinton Getty Images 6 Victorious Trump met President "
            "Obama for the first time on Thursday",
            ["600,000"],
        ),
        # NewsQuant: a rank is no quantity ("the 22nd amendment", "in 10th place")
        ("Swansea finished the season in 10th place under Potter.", []),
        # New York Post (news_dev) and NewsQuant: a span of years is a period, not a range
        ("Clinton used a private email server while secretary of state from 2009 to 2012.", []),
        (
            "In Royal Oak, sampling between 2014 and 2017 came back at 4 ppb and 2 ppb.",
            ["4 ppb", "2 ppb"],
        ),
        # Bernama (wires_dev): days of a month are dates, whole and in parts
        ("Anwar's working visit to China, scheduled from Nov 4 to 7, includes talks.", []),
        # NewsQuant: a year does not join the figure after it
        (
            "VR headset sales rose 60% in 2018 to 3.9 million headsets.",
            ["60%", "3.9 million"],
        ),
        # NewsQuant: an index, beside a count of a common noun
        ("The S&P 500 fell 0.9%, while Apple has 109 retail stores.", ["0.9%", "109"]),
    ],
)
def test_a_number_after_a_name_is_part_of_it(nlp: Language, text: str, figures: list[str]) -> None:
    assert [a.text for a in amounts_in(nlp, text)] == figures


def test_days_and_names_are_not_amounts(nlp: Language) -> None:
    # bbc-business-004; TASS tass-1894057
    attacks = amounts_in(
        nlp,
        "Since the 11 September 2001 attacks in the United States, BA has cut 13,000 jobs "
        "as part of a major cost-cutting drive.",
    )
    assert [a.text for a in attacks] == ["13,000"]
    cable = amounts_in(nlp, "On December 25, the EstLink 2 energy cable was damaged.")
    assert cable == []


def test_seed_article_changes_bounds_and_parties(nlp: Language) -> None:
    record = gold("seed.jsonl", "kazinform-2022-07-04-smailov-mishustin")
    parsed = parse_article(article_from_record(record), nlp)
    amounts = extract_amounts(parsed, extract_actors(parsed))
    level = by_text(amounts, "$24.2bn")
    assert (level.change, level.bound, level.parties) == (False, None, ["kazakhstan", "russia"])
    growth = by_text(amounts, "almost a third")
    assert (growth.change, growth.bound) == (True, "upper")  # "rising by almost a third"
    assert growth.parties == ["kazakhstan", "russia"]
    carried = by_text(amounts, "$9.2bn")  # "the figure hit $9.2bn": the measure carries over
    assert carried.parties == ["kazakhstan", "russia"] and not carried.change
    assert by_text(amounts, "13").parties == []  # "the two countries" names nobody


def test_tass_lower_bound(nlp: Language) -> None:
    amounts = amounts_of(nlp, gold("tass_dev.jsonl", "tass-1893787"))
    killed = by_text(amounts, "More than 50")
    assert (killed.bound, killed.change) == ("lower", False)


def test_reuters_hard_wrapped_money_and_a_drop(nlp: Language) -> None:
    # reuters21578-15386: lines wrapped at 65 characters inside a paragraph
    text = (
        "    Statistics published by the monthly journal Foreign Trade\n"
        "showed Soviet trade turnover for 1986 fell to 130.9 billion\n"
        "roubles from 142.1 billion the previous year, a drop of 7.8\n"
        "pct.\n"
    )
    amounts = amounts_in(nlp, text)
    turnover = by_text(amounts, "130.9 billion")
    assert (turnover.text, turnover.unit, turnover.change) == (
        "130.9 billion\nroubles",
        "RUB",
        False,
    )
    drop = by_text(amounts, "7.8")
    assert (drop.value, drop.unit, drop.change) == (pytest.approx(0.078), "ratio", True)
    assert drop.direction == "down"


def test_changes_say_which_way(nlp: Language) -> None:
    # bbc-business-001 and seed wording: a rise by a verb, a fall by an adverb
    text = (
        "TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn. "
        "Its shares were down 3% on Friday."
    )
    amounts = amounts_in(nlp, text, date(2005, 1, 20))
    assert by_text(amounts, "2%").direction == "up"
    assert by_text(amounts, "3%").direction == "down"
    assert by_text(amounts, "$11.1bn").direction is None


def test_pounds_of_a_thing_weigh(nlp: Language) -> None:
    # reuters21578: two dispatches where "pounds of" is a weight, not sterling
    mint = amounts_in(
        nlp,
        "The new contract, effective in June, calls for shipping\n23,200,000 pounds of blanks "
        "to the mint in Philadelphia.",
    )
    assert [(a.value, a.unit) for a in mint] == [(23_200_000, "lb")]
    plant = amounts_in(
        nlp,
        "The facility, China American's third PTA plant,\nwill have a capacity of 550 mln pounds "
        "of PTA annually.",
    )
    assert [(a.value, a.unit) for a in plant] == [(550e6, "lb")]


def test_a_signed_percentage_is_a_move(nlp: Language) -> None:
    # NewsQuant market tables, two outlets: the sign says which way
    europe = amounts_in(nlp, "In Europe: Stoxx 50 -1.3% FTSE -0.6% CAC -1.7% DAX -1.6%.")
    assert [(a.text, a.value, a.direction) for a in europe if a.unit == "ratio"] == [
        ("-1.3%", pytest.approx(-0.013), "down"),
        ("-0.6%", pytest.approx(-0.006), "down"),
        ("-1.7%", pytest.approx(-0.017), "down"),
        ("-1.6%", pytest.approx(-0.016), "down"),
    ]
    wall_street = amounts_in(nlp, "On Wall St at 1.56pm: Dow +0.2% S&P 500 +0.3% Nasdaq +0.8%.")
    assert [(a.text, a.change, a.direction) for a in wall_street] == [
        ("+0.2%", True, "up"),
        ("+0.3%", True, "up"),
        ("+0.8%", True, "up"),
    ]


def test_rates_ranges_and_periods_of_quarters(nlp: Language) -> None:
    # NewsQuant sentences (oil prices and output); bbc-business (steel prices)
    wcs = amounts_in(
        nlp,
        "The WCS-WTI discount peaked at more than $52 a barrel in October.",
        published=date(2018, 12, 21),
    )
    assert [(a.value, a.unit, a.bound, a.period) for a in wcs] == [
        (52, "USD per barrel", "lower", "2018-10")
    ]
    opec = amounts_in(
        nlp,
        "The 11 members bound by the deal committed to an overall cut of 800,000 barrels a day.",
    )
    cut = by_text(opec, "800,000")
    assert (cut.unit, cut.change) == ("barrels per day", True)
    steel = amounts_in(
        nlp, "Analysts had expected Japan's Nippon to agree to a price rise of between 40% and 50%."
    )
    rise = by_text(steel, "between 40% and 50%")
    assert (rise.low, rise.high, rise.value, rise.change) == (0.4, 0.5, 0.45, True)
    half = amounts_in(
        nlp,
        "Oil output fell to 1.2 million barrels a day in the first half of the year.",
        published=date(2022, 7, 4),
    )
    assert [(a.text, a.period) for a in half] == [("1.2 million barrels a day", "2022-01/2022-06")]
    quarter = amounts_in(nlp, "Exports rose 5% last quarter.", published=date(2022, 7, 4))
    assert (quarter[0].period, quarter[0].change) == ("2022-04/2022-06", True)
