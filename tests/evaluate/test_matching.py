"""Text folding, overlap and greedy matching, on strings from the dev gold."""

from __future__ import annotations

import pytest

from dateline.evaluate.matching import (
    fold_text,
    greedy_match,
    haversine_km,
    jaccard,
    text_overlap,
    token_overlap,
)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (
            "\u201cOur cooperation has stood the test of time,\u201d",
            "our cooperation has stood the test of time",
        ),
        ("\u00abKazakh\u2013Russian\u00bb  ties", '"kazakh-russian" ties'),
        ("The Kazakh   government\n", "the kazakh government"),
        ("Lavrov\u2019s remark.", "lavrov's remark"),
    ],
)
def test_fold_text_ignores_case_quotes_dashes_space_and_edge_punctuation(
    left: str, right: str
) -> None:
    assert fold_text(left) == fold_text(right)


def test_fold_text_keeps_symbols_and_inner_punctuation() -> None:
    assert fold_text("$24.2bn,") == "$24.2bn"
    assert fold_text("5%") == "5%"
    assert fold_text("primeminister.kz") == "primeminister.kz"
    assert fold_text(None) == ""


def test_token_overlap_is_jaccard_of_word_sets() -> None:
    gold = "industrial cooperation is one of the priority areas of cooperation"
    assert token_overlap(gold, gold.upper()) == 1.0
    # 8 distinct gold words, 3 shared with a 3-word prediction.
    assert token_overlap(gold, "industrial cooperation areas") == pytest.approx(3 / 8)
    assert token_overlap("", "") == 0.0
    assert jaccard({"a"}, set()) == 0.0


def test_text_overlap_prefers_equal_then_containment() -> None:
    assert text_overlap("$9.2bn", "$9.2bn.") == 1.0
    assert text_overlap("a third", "almost a third") == pytest.approx(7 / 14)
    assert text_overlap("$9.2bn", "$24.2bn") == 0.0


def test_haversine_between_moscow_and_saint_petersburg() -> None:
    distance = haversine_km(55.7558, 37.6173, 59.9343, 30.3351)
    assert 625 < distance < 640
    assert haversine_km(56.8519, 60.6122, 56.8519, 60.6122) == 0.0


def test_greedy_match_is_one_to_one() -> None:
    gold = ["Smailov", "Smailov"]
    predicted = ["Smailov"]
    pairs = greedy_match(gold, predicted, lambda g, p: float(g == p))
    assert [(p.gold_index, p.predicted_index) for p in pairs] == [(0, 0)]


def test_greedy_match_takes_best_overlap_first() -> None:
    scores = {("g1", "a"): 0.7, ("g2", "a"): 0.9, ("g1", "b"): 0.65}
    pairs = greedy_match(["g1", "g2"], ["a", "b"], lambda g, p: scores.get((g, p), 0.0))
    assert {(p.gold_index, p.predicted_index) for p in pairs} == {(1, 0), (0, 1)}


def test_greedy_match_ignores_non_positive_scores() -> None:
    assert greedy_match(["x"], ["y"], lambda g, p: 0.0) == []
