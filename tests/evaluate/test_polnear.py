"""PolNeAR scoring: gold conversion, the speaker rule and quote+speaker F1.

Sentences are from PolNeAR train articles (shared/corpus/polnear).
"""

from __future__ import annotations

from typing import Any

from dateline_bench import polnear

SPLIT_QUOTE = (
    "“We have to decide what is conservative and what isn’t conservative,” Paul said. "
    "“Add the child care credit to Marco’s plan and you get something.”"
)


def piece(text: str, phrase: str) -> dict[str, Any]:
    start = text.index(phrase)
    return {"start": start, "end": start + len(phrase), "text": phrase}


def record(text: str, *relations: dict[str, Any]) -> dict[str, Any]:
    return {"id": "x", "text": text, "annotations_by_annotator": {"a1": list(relations)}}


def test_split_quotation_becomes_one_gold_quote_a_piece() -> None:
    first = "“We have to decide what is conservative and what isn’t conservative,”"
    second = "“Add the child care credit to Marco’s plan and you get something.”"
    gold = polnear.to_gold(
        record(
            SPLIT_QUOTE,
            {
                "source": [piece(SPLIT_QUOTE, "Paul")],
                "cue": [piece(SPLIT_QUOTE, "said")],
                "content": [piece(SPLIT_QUOTE, first), piece(SPLIT_QUOTE, second)],
            },
        )
    )
    assert [(q["kind"], q["text"], q["source_text"]) for q in gold["quotes"]] == [
        ("direct", first, "Paul"),
        ("direct", second, "Paul"),
    ]


def test_quotation_cut_at_a_sentence_break_stays_one_quote() -> None:
    text = (
        "“He’s everything we’ve wanted in a candidate. He unites the party in a way that no "
        "other candidate can,” Viguerie adds."
    )
    first = "“He’s everything we’ve wanted in a candidate."
    second = "He unites the party in a way that no other candidate can,”"
    gold = polnear.to_gold(
        record(
            text,
            {
                "source": [piece(text, "Viguerie")],
                "cue": [piece(text, "adds")],
                "content": [piece(text, first), piece(text, second)],
            },
        )
    )
    assert [(q["kind"], q["text"]) for q in gold["quotes"]] == [("direct", f"{first} {second}")]


def test_reported_content_in_pieces_stays_one_quote() -> None:
    text = "President Obama and other Democrats want the Syrian refugees to bring to the US."
    gold = polnear.to_gold(
        record(
            text,
            {
                "source": [piece(text, "President Obama and other Democrats")],
                "cue": [piece(text, "want")],
                "content": [piece(text, "the Syrian refugees"), piece(text, "to bring to the US")],
            },
        )
    )
    assert len(gold["quotes"]) == 1
    assert gold["quotes"][0]["kind"] == "indirect"
    assert gold["quotes"][0]["speech"] is False


def test_speech_cues_are_verbs_of_communication() -> None:
    for cue in ("said", "told reporters", "According to", "tweeted:", ":", "said in a statement"):
        assert polnear.is_speech_cue(cue), cue
    for cue in ("believes", "completely glosses over", "want", "are specifically focused on"):
        assert not polnear.is_speech_cue(cue), cue


def test_name_heads_take_the_head_of_each_apposition() -> None:
    assert polnear.name_head("Sen. Ted Cruz of Texas") == "cruz"
    assert polnear.name_head("a spokesman for Clinton") == "spokesman"
    assert polnear.name_head("Trump’s campaign") == "campaign"
    assert polnear.name_head("he") is None
    assert polnear.name_heads("another friend, Mariam Emara") == {"friend", "emara"}
    assert polnear.name_heads("Josh Earnest, the White House press secretary") == {
        "earnest",
        "secretary",
    }


def _article(speaker_name: str, *mentions: str) -> dict[str, Any]:
    return {
        "id": "x",
        "actors": [{"id": "s", "name": speaker_name, "mentions": list(mentions)}],
        "quotes": [],
    }


def test_speaker_verdict_is_strict_about_the_head() -> None:
    quote = {"source_text": "a Clinton aide"}
    # Sharing the word "Clinton" is not naming the aide.
    assert polnear.speaker_verdict(quote, _article("Hillary Clinton"), "s") is False
    assert polnear.speaker_verdict({"source_text": "Mr. Trump"}, _article("Donald Trump"), "s")
    # A mention the article itself uses counts: "the senator" is Sanders.
    senator = _article("Bernie Sanders", "Sen. Bernie Sanders", "the senator")
    assert polnear.speaker_verdict({"source_text": "the senator"}, senator, "s")
    # No source in the gold: only "nobody" is right. A pronoun source is not judged.
    assert polnear.speaker_verdict({"source_text": ""}, senator, None) is True
    assert polnear.speaker_verdict({"source_text": ""}, senator, "s") is False
    assert polnear.speaker_verdict({"source_text": "he"}, senator, "s") is None


LETTER = (
    "“Mr. Trump recently refused to say whether he would have created Japanese internment "
    "camps during World War II,” the letter says."
)


def test_speaker_verdict_judges_source_words_where_no_actor_speaks() -> None:
    letter = {"source_text": "the letter"}
    trump = _article("Donald Trump", "Mr. Trump")
    # The right head in the words: right, though no actor said it.
    assert polnear.speaker_verdict(letter, trump, None, "the letter") is True
    assert polnear.speaker_verdict(letter, trump, None, "The letter from 17 senators") is True
    # The wrong head, or no words at all: wrong.
    assert polnear.speaker_verdict(letter, trump, None, "Mr. Trump") is False
    assert polnear.speaker_verdict(letter, trump, None, None) is False
    # A speaker actor is judged instead of the words.
    assert polnear.speaker_verdict(letter, trump, "s", "the letter") is False
    assert polnear.speaker_verdict({"source_text": "Trump"}, trump, "s", "the letter") is True
    # No source in the gold: words naming one are wrong, a bare pronoun names nobody.
    assert polnear.speaker_verdict({"source_text": ""}, trump, None, "the letter") is False
    assert polnear.speaker_verdict({"source_text": ""}, trump, None, "it") is True
    # A pronoun gold source stays unjudged, whatever the words.
    assert polnear.speaker_verdict({"source_text": "it"}, trump, None, "the letter") is None


def test_source_words_earn_quote_speaker_hits() -> None:
    gold = polnear.to_gold(
        record(
            LETTER,
            {
                "source": [piece(LETTER, "the letter")],
                "cue": [piece(LETTER, "says")],
                "content": [piece(LETTER, LETTER[: LETTER.index(" the letter")])],
            },
        )
    )
    quote = {
        "kind": "direct",
        "text": LETTER[1 : LETTER.index(",”") + 1],
        "speaker": None,
        "source": "the letter",
    }
    predicted = {"id": "x", "actors": [], "quotes": [quote]}
    counts = polnear.quote_counts([gold], [predicted], "direct", with_speaker=True)
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)
    assert polnear.speaker_accuracy([gold], [predicted]) == (1, 1)
    # A system that gives no source words (textacy's baseline) is judged as before.
    bare = {"id": "x", "actors": [], "quotes": [{**quote, "source": None}]}
    assert polnear.speaker_accuracy([gold], [bare]) == (0, 1)


def test_quote_speaker_counts_need_the_right_speaker() -> None:
    text = SPLIT_QUOTE
    gold = polnear.to_gold(
        record(
            text,
            {
                "source": [piece(text, "Paul")],
                "cue": [piece(text, "said")],
                "content": [
                    piece(
                        text,
                        "“We have to decide what is conservative and what isn’t conservative,”",
                    ),
                    piece(
                        text, "“Add the child care credit to Marco’s plan and you get something.”"
                    ),
                ],
            },
        )
    )
    predicted = {
        "id": "x",
        "actors": [{"id": "rp", "name": "Rand Paul", "mentions": ["Paul"]}],
        "quotes": [
            {
                "kind": "direct",
                "text": "We have to decide what is conservative and what isn’t conservative,",
                "speaker": "rp",
            },
            {
                "kind": "direct",
                "text": "Add the child care credit to Marco’s plan and you get something.",
                "speaker": None,
            },
            {"kind": "direct", "text": "a welfare transfer payment", "speaker": None},
        ],
    }
    counts = polnear.quote_counts([gold], [predicted], "direct", with_speaker=True)
    assert (counts.tp, counts.fp, counts.fn) == (1, 2, 1)
    plain = polnear.quote_counts([gold], [predicted], "direct")
    assert (plain.tp, plain.fp, plain.fn) == (2, 1, 0)
    assert polnear.speaker_accuracy([gold], [predicted]) == (1, 2)


def test_quoted_words_inside_reported_speech_are_not_scored() -> None:
    text = (
        "Trump said during this week’s GOP debate that he is in favor of bringing back "
        "waterboarding and “a hell of a lot worse.”"
    )
    content = piece(
        text, "he is in favor of bringing back waterboarding and “a hell of a lot worse.”"
    )
    gold = polnear.to_gold(
        record(
            text,
            {"source": [piece(text, "Trump")], "cue": [piece(text, "said")], "content": [content]},
        )
    )
    inside = text.index("a hell")
    outside = text.index("Trump said")
    predicted = {
        "id": "x",
        "actors": [],
        "quotes": [
            {
                "kind": "direct",
                "text": "a hell of a lot worse.",
                "span": {"start": inside, "end": inside + 22},
            },
            {
                "kind": "direct",
                "text": "Trump said during",
                "span": {"start": outside, "end": outside + 17},
            },
        ],
    }
    counts = polnear.quote_counts([gold], [predicted], "direct")
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 0)


def test_a_quotation_printed_twice_matches_at_its_own_place() -> None:
    said = "“I worry that we may see a resurgence of Democrats singing the virtues of budgets”"
    text = f"{said}\n\n{said}, said Dean Baker, co-director of the Center for Economic Research."
    pull, body = text.index(said), text.rindex(said)
    gold = polnear.to_gold(
        record(
            text,
            {"source": [], "cue": [], "content": [piece(text, said)]},
            {
                "source": [piece(text, "Dean Baker")],
                "cue": [piece(text, "said")],
                "content": [{"start": body, "end": body + len(said), "text": said}],
            },
        )
    )
    words = said.strip("“”")
    predicted = {
        "id": "x",
        "actors": [{"id": "db", "name": "Dean Baker", "mentions": ["Dean Baker"]}],
        "quotes": [
            {  # the pull quote read a word too far: it overlaps the body's gold less
                "kind": "direct",
                "text": f"{words} again",
                "speaker": None,
                "span": {"start": pull + 1, "end": pull + 1 + len(words)},
            },
            {
                "kind": "direct",
                "text": words,
                "speaker": "db",
                "span": {"start": body + 1, "end": body + 1 + len(words)},
            },
        ],
    }
    pairs = polnear._pairs(gold, predicted)
    assert sorted((p.gold_index, p.predicted_index) for p in pairs) == [(0, 0), (1, 1)]
