"""Dedicated benchmark scorers on records taken from the corpora."""

from __future__ import annotations

from dateline_bench import conllpp, newsquant, polnear

NEWSQUANT = {
    "id": "newsquant-0008",
    "text": "The S P/TSX Renewable Energy and Clean Technology Index was up about 19 per cent "
    "for the year ending Oct. 31.",
    "quantities": [
        {
            "change": "~",
            "value": "19.0",
            "unit": "percent",
            "normalized_unit": "percentage",
            "referred_concepts": "S P/TSX Renewable Energy Clean Technology Index",
        }
    ],
}


def test_newsquant_compares_percentages_as_ratios() -> None:
    right = {
        "id": "newsquant-0008",
        "amounts": [
            {
                "text": "about 19 per cent",
                "value": 0.19,
                "unit": "ratio",
                "measure": "the S P/TSX Renewable Energy and Clean Technology Index",
            },
        ],
    }
    wrong = {"id": "newsquant-0008", "amounts": [{"text": "31", "value": 31, "unit": "count"}]}
    good = newsquant.score([NEWSQUANT], [right])
    assert good["value F1"] == 1.0
    assert good["unit acc"] == 1.0
    assert good["measure acc"] == 1.0
    bad = newsquant.score([NEWSQUANT], [wrong])
    assert bad["value F1"] == 0.0


def test_conllpp_needs_exact_span_and_type() -> None:
    text = "Japan began the defence of their Asian Cup title"
    gold = [{"text": text, "entities": [{"start": 0, "end": 5, "type": "LOC", "text": "Japan"}]}]
    assert conllpp.score(gold, [{(0, 5, "LOC")}])["LOC F1"] == 1.0
    assert conllpp.score(gold, [{(0, 5, "ORG")}])["LOC F1"] == 0.0
    predicted = {"actors": [{"kind": "country", "spans": [{"start": 0, "end": 5}]}]}
    assert conllpp.dateline_entities(text, predicted) == {(0, 5, "LOC")}


def test_polnear_marks_direct_quotes_by_their_quotation_marks() -> None:
    text = 'Trump said "the system is rigged" and added that he would win.'
    record = {
        "id": "x",
        "text": text,
        "annotations_by_annotator": {
            "a1": [
                {
                    "source": [{"text": "Trump"}],
                    "content": [{"start": 11, "end": 33, "text": '"the system is rigged"'}],
                },
                {
                    "source": [{"text": "he"}],
                    "content": [{"start": 49, "end": 61, "text": "he would win"}],
                },
            ]
        },
    }
    gold = polnear.to_gold(record)
    assert [q["kind"] for q in gold["quotes"]] == ["direct", "indirect"]
    predicted = [
        {
            "id": "x",
            "actors": [{"id": "t", "name": "Donald Trump"}],
            "quotes": [
                {"kind": "direct", "text": "the system is rigged", "speaker": "t"},
                {"kind": "indirect", "text": "he would win", "speaker": "t"},
            ],
        }
    ]
    # The pronoun source "he" is not judged, so one speaker counted.
    assert polnear.speaker_accuracy([gold], predicted) == (1, 1)
