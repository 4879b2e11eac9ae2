"""PolNeAR in the CofeNet protocol: exact spans of source and content, every annotated copy.

Sentences are from PolNeAR test articles (politico, Washington Post backs
Clinton), as CofeNet's split holds them.
"""

from __future__ import annotations

from typing import Any

from dateline_bench import polnear_spans
from dateline_bench.polnear_spans import CONTENT_F1, CONTENT_FOLDED_F1, SOURCE_F1

WIKILEAKS = (
    "In its Tweet announcing that Assange's internet connection had been severed, WikiLeaks "
    "said that it had “activated the appropriate contingency plans.”"
)
CONTENT = "that it had “activated the appropriate contingency plans.”"
BACKS = "Washington Post backs Hillary Clinton for president"


def span(text: str, phrase: str) -> dict[str, int]:
    start = text.index(phrase)
    return {"start": start, "end": start + len(phrase)}


def record(record_id: str, text: str, **annotators: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": record_id, "text": text, "annotations_by_annotator": annotators}


def relation(text: str, source: str, content: str) -> dict[str, Any]:
    return {"source": [span(text, source)], "cue": [], "content": [span(text, content)]}


def test_every_annotated_copy_is_scored() -> None:
    copies = polnear_spans.annotated_copies(
        [
            record(
                "politico",
                WIKILEAKS,
                ef2d=[relation(WIKILEAKS, "WikiLeaks", CONTENT)],
                b6d8=[relation(WIKILEAKS, "WikiLeaks", CONTENT)],
            ),
            record(
                "wash-post", BACKS, ef2d=[relation(BACKS, "Washington Post", "Hillary Clinton")]
            ),
        ]
    )
    assert [c.article for c in copies] == ["politico", "politico", "wash-post"]
    predicted = [
        {
            "id": "politico",
            "quotes": [
                {"span": span(WIKILEAKS, CONTENT), "source_span": span(WIKILEAKS, "WikiLeaks")}
            ],
        }
    ]
    scores = polnear_spans.score(copies, predicted)
    # 2 of 3 gold sources and contents found exactly, nothing invented: F1 = 4 / 5.
    assert scores[SOURCE_F1] == scores[CONTENT_F1] == 0.8


def test_strict_spans_keep_polnears_boundaries_and_folded_ones_do_not() -> None:
    """A reported clause read without PolNeAR's leading "that" and closing mark
    misses strictly and matches once boundaries are folded; the quoted words
    alone are another span either way."""

    copies = polnear_spans.annotated_copies(
        [record("politico", WIKILEAKS, ef2d=[relation(WIKILEAKS, "WikiLeaks", CONTENT)])]
    )
    clause = "it had “activated the appropriate contingency plans."
    predicted = [{"id": "politico", "quotes": [{"span": span(WIKILEAKS, clause)}]}]
    scores = polnear_spans.score(copies, predicted)
    assert scores[CONTENT_F1] == 0.0
    assert scores[CONTENT_FOLDED_F1] == 1.0
    assert scores[SOURCE_F1] == 0.0  # the source was not given
    quoted = "activated the appropriate contingency plans."
    predicted = [{"id": "politico", "quotes": [{"span": span(WIKILEAKS, quoted)}]}]
    assert polnear_spans.score(copies, predicted)[CONTENT_FOLDED_F1] == 0.0
    start, end = polnear_spans.folded(WIKILEAKS, *span(WIKILEAKS, CONTENT).values(), content=True)
    assert WIKILEAKS[start:end] == "it had “activated the appropriate contingency plans"


def test_a_span_one_word_off_is_wrong() -> None:
    copies = polnear_spans.annotated_copies(
        [
            record(
                "wash-post",
                BACKS,
                ef2d=[relation(BACKS, "Washington Post", "Hillary Clinton for president")],
            )
        ]
    )
    predicted = [{"id": "wash-post", "quotes": [{"span": span(BACKS, "Hillary Clinton")}]}]
    assert polnear_spans.score(copies, predicted)[CONTENT_FOLDED_F1] == 0.0


def test_published_rows_name_their_source() -> None:
    systems = {entry["system"]: entry for entry in polnear_spans.PUBLISHED}
    assert systems["CofeNet"]["figures"] == {SOURCE_F1: 0.832, CONTENT_F1: 0.729}
    assert systems["CoreNLP"]["figures"] == {SOURCE_F1: 0.139, CONTENT_F1: 0.175}
    assert all("COLING 2022" in entry["citation"] for entry in systems.values())
