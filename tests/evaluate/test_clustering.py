"""Mention clustering scores (B-cubed, MUC) and the head-based mention matching.

Sentences are taken from the MEANTIME and NewsWCL50 corpora, with the
chains their annotators gave them.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.conftest import SHARED

from dateline.evaluate.clustering import GoldMention, score_document
from dateline_bench import meantime, newswcl50, read_jsonl
from dateline_bench.clusters import head_mentions

# MEANTIME corpus_airbus 100911, sentence 3 (tokenised as in the corpus).
CONTRACT = (
    "That contract was fought for between Boeing and Lockheed Martin , "
    "Lockheed ultimately winning the contest ."
)


def span_of(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def name(text: str, phrase: str, chain: str, nth: int = 0) -> GoldMention:
    """A gold mention that is a bare name: its head is its last word."""

    start, end = span_of(text, phrase, nth)
    head_start = text.rindex(" ", start, end) + 1 if " " in phrase else start
    return GoldMention(start, end, head_start, end, chain)


BOEING = name(CONTRACT, "Boeing", "boeing")
LOCKHEED_MARTIN = name(CONTRACT, "Lockheed Martin", "lockheed")
LOCKHEED = name(CONTRACT, "Lockheed", "lockheed", nth=1)
GOLD = [BOEING, LOCKHEED_MARTIN, LOCKHEED]


def spans(*mentions: GoldMention) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in mentions]


def test_perfect_clusters_score_one() -> None:
    score = score_document(GOLD, [spans(BOEING), spans(LOCKHEED_MARTIN, LOCKHEED)])
    assert score.b3_f1 == 1.0
    assert score.muc_f1 == 1.0
    assert score.mention_precision == score.mention_recall == 1.0


def test_no_prediction_scores_zero_recall() -> None:
    score = score_document(GOLD, [])
    assert score.b3_recall == 0.0
    assert score.b3_f1 == 0.0
    assert score.b3_precision is None
    assert score.muc_recall == 0.0


def test_unmerged_names_lose_recall_not_precision() -> None:
    # spaCy-style exact-string clusters: "Lockheed" is not joined to "Lockheed Martin".
    score = score_document(GOLD, [spans(BOEING), spans(LOCKHEED_MARTIN), spans(LOCKHEED)])
    assert score.b3_precision == 1.0
    assert score.b3_recall == pytest.approx((1 + 0.5 + 0.5) / 3)
    assert score.muc_recall == 0.0  # the one link of the Lockheed chain is missing


def test_one_big_cluster_loses_precision_not_recall() -> None:
    score = score_document(GOLD, [spans(BOEING, LOCKHEED_MARTIN, LOCKHEED)])
    assert score.b3_recall == 1.0
    assert score.b3_precision == pytest.approx(1 / 3 * (1 / 3) + 2 / 3 * (2 / 3))
    assert score.muc_recall == 1.0
    assert score.muc_precision == pytest.approx(1 / 2)


def test_textbook_b_cubed_and_muc() -> None:
    # Chains {a1 a2 a3} {b1 b2} answered by {a1 a2} {a3 b1 b2}: B3 and MUC are 11/15 and 2/3.
    text = "Airbus Airbus Airbus Boeing Boeing"
    a = [GoldMention(i * 7, i * 7 + 6, i * 7, i * 7 + 6, "airbus") for i in range(3)]
    b = [GoldMention(21 + i * 7, 27 + i * 7, 21 + i * 7, 27 + i * 7, "boeing") for i in range(2)]
    assert [text[m.start : m.end] for m in a + b] == ["Airbus"] * 3 + ["Boeing"] * 2
    score = score_document(a + b, [spans(a[0], a[1]), spans(a[2], b[0], b[1])])
    assert score.b3_precision == pytest.approx(11 / 15)
    assert score.b3_recall == pytest.approx(11 / 15)
    assert score.muc_precision == pytest.approx(2 / 3)
    assert score.muc_recall == pytest.approx(2 / 3)


def test_prediction_must_contain_the_gold_head() -> None:
    # NewsWCL50 0_L: "the C.I.A. director" belongs to the USA chain, headed by "director".
    text = "President Trump dispatched the C.I.A. director Mike Pompeo to North Korea"
    director = GoldMention(*span_of(text, "the C.I.A. director"), *span_of(text, "director"), "usa")
    trump = GoldMention(*span_of(text, "President Trump"), *span_of(text, "Trump"), "trump")
    score = score_document([director, trump], [[span_of(text, "C.I.A.")], [span_of(text, "Trump")]])
    assert score.matched_mentions == 1  # "Trump" finds "President Trump"; "C.I.A." finds nothing
    assert score.mention_precision == 0.5
    assert score.b3_precision == 1.0  # the unmatched prediction is not judged as a cluster
    assert score.b3_recall == 0.5


def test_one_prediction_matches_one_gold_mention() -> None:
    # MEANTIME nests "Airbus parent EADS" (head EADS) around "Airbus" (another chain).
    text = "Northrop Grumman and Airbus parent EADS defeat Boeing"
    nested = GoldMention(*span_of(text, "Airbus parent EADS"), *span_of(text, "EADS"), "eads")
    airbus = GoldMention(*span_of(text, "Airbus"), *span_of(text, "Airbus"), "airbus")
    whole = span_of(text, "Airbus parent EADS")
    score = score_document([nested, airbus], [[whole]])
    assert score.matched_mentions == 1
    assert score.b3_recall == 0.5


def test_head_mentions_uses_the_parse_and_keeps_one_mention_per_head(nlp: Language) -> None:
    text = CONTRACT
    doc = nlp(text)
    mentions = [
        (*span_of(text, "Lockheed Martin"), "lockheed"),
        (*span_of(text, "Boeing"), "boeing"),
        (*span_of(text, "Boeing"), "boeing-duplicate"),
    ]
    found = head_mentions(doc, mentions)
    assert [(text[m.start : m.end], text[m.head_start : m.head_end]) for m in found] == [
        ("Boeing", "Boeing"),
        ("Lockheed Martin", "Martin"),
    ]


def test_hyphenated_name_cut_by_the_tokeniser_is_one_head(nlp: Language) -> None:
    # NewsWCL50 2_L: the corpus text is tokenised, so "Moon Jae-in" arrives in three pieces.
    text = (
        "as part of the summit meeting planned between Mr. Kim and "
        "President Moon Jae - in of South Korea ."
    )
    mention = (*span_of(text, "President Moon Jae - in of South Korea"), "0_KOR_Moon_Jae_ACTOR")
    [gold] = head_mentions(nlp(text), [mention])
    assert text[gold.head_start : gold.head_end] == "Jae - in"
    assert score_document([gold], [[span_of(text, "Moon Jae")]]).matched_mentions == 1
    assert score_document([gold], [[span_of(text, "South Korea")]]).matched_mentions == 0


def test_corpus_conversions_keep_actor_chains_only() -> None:
    root = SHARED / "corpus"
    if not (root / "newswcl50").is_dir() or not (root / "meantime-en").is_dir():
        pytest.skip("shared corpus not available")
    wcl = newswcl50.to_cluster_doc(next(read_jsonl(root / "newswcl50" / "newswcl50.jsonl", 1)))
    assert wcl.mentions
    assert all(not chain.endswith("ACTOR-I") for _, _, chain in wcl.mentions)
    assert ("President Trump", "0_USA_Trump_ACTOR") in {
        (wcl.text[s:e], chain) for s, e, chain in wcl.mentions
    }
    record = next(read_jsonl(root / "meantime-en" / "meantime_en.jsonl", 1))
    types = {
        (m["start"], m["end"], m["coref_chain"]): m["type"]
        for m in record["mentions"]
        if m["kind"] == "entity"
    }
    kept = meantime.to_cluster_doc(record).mentions
    assert kept and all(types[m] in {"PER", "ORG"} for m in kept)
    assert "Boeing" in {record["text"][s:e] for s, e, _ in kept}
