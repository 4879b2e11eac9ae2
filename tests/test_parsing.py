"""The parse of a wire dispatch: the dateline header is blanked and ends the lead."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language
from tests.conftest import SHARED

from dateline import parsing
from dateline.errors import ExtractionFailed
from dateline.model import Article
from dateline.parsing import doc_text, parse_article, text_for_parsing
from dateline.pipeline import extract_articles
from dateline.readers import article_from_record, read_jsonl, read_text

TASS_SAMPLE = SHARED / "corpus" / "tass-politics-sample" / "tass_politics_20.jsonl"


def tass_article(article_id: str) -> Article:
    return next(a for a in read_jsonl(TASS_SAMPLE) if a.id == article_id)


def test_blanked_text_keeps_every_offset() -> None:
    article = tass_article("tass-1893797")
    blanked = text_for_parsing(article)
    assert len(blanked) == len(article.text)
    assert article.dateline is not None
    header = blanked[article.dateline.span.start : article.dateline.span.end]
    assert "TASS" not in header and header.strip() in {"", "."}


def test_lead_line_without_a_full_stop_is_a_sentence_of_its_own(nlp: Language) -> None:
    article = tass_article("tass-1893797")
    parsed = parse_article(article, nlp)
    texts = [s.text for s in parsed.sentences]
    assert texts[0].endswith("in a variety of areas, including economy")
    assert texts[1].startswith("Presidents of Belarus and Russia Alexander Lukashenko")
    assert texts[1].endswith("spokeswoman of the Belarusian leader.")
    assert not any("/TASS/" in text for text in texts), "no sentence holds the header"


def test_header_at_the_top_is_left_blank(nlp: Language) -> None:
    record = {
        "id": "reuters-like",
        "text": "MOSCOW, Dec 26 (Reuters) - Russia and Belarus signed a treaty on Thursday.",
        "date": "2024-12-26",
    }
    article = article_from_record(record)
    assert article.dateline is not None
    assert text_for_parsing(article)[: article.dateline.span.end].strip() == ""
    first = parse_article(article, nlp).sentences[0]
    assert first.text.startswith("Russia and Belarus signed")


def test_doc_text_is_the_text_spacy_joins(nlp: Language) -> None:
    parsed = parse_article(tass_article("tass-1893797"), nlp)
    assert doc_text(parsed.doc) == parsed.doc.text == text_for_parsing(parsed.article)
    assert doc_text(parsed.doc) is doc_text(parsed.doc), "joined once, then kept"


def test_entities_of_a_sentence_are_those_spacy_gives(nlp: Language) -> None:
    parsed = parse_article(tass_article("tass-1893797"), nlp)
    for sentence in parsed.doc.sents:
        expected = [(e.start, e.end, e.label_) for e in sentence.ents]
        found = [(e.start, e.end, e.label_) for e in parsed.entities_in(sentence)]
        assert found == expected
    assert any(parsed.entities_in(s) for s in parsed.doc.sents)


# -- failures and long texts (hostile-user report D1, D6) --------------------------------

TASS_PARAGRAPH = (
    "Russia is ready to continue to supply gas to Europe, according to the president, but "
    "Kiev announced that it will not renew the contract. Putin told reporters that the "
    "transit of gas through Ukraine would end on January 1."
)


def test_an_unparsable_text_fails_alone_and_its_batch_goes_on(nlp: Language) -> None:
    good = read_text("MOSCOW, December 26. /TASS/. " + TASS_PARAGRAPH, id="good-1")
    bad = read_text("MOSCOW, December 26. /TASS/. Putin said \ud800 hello.", id="surrogate")
    also_good = read_text("MINSK, June 21. /BelTA/. " + TASS_PARAGRAPH, id="good-2")
    results = list(extract_articles([good, bad, also_good], nlp, batch_size=8))
    assert [type(r).__name__ for r in results] == ["Extraction", "ExtractionFailed", "Extraction"]
    failure = results[1]
    assert isinstance(failure, ExtractionFailed) and failure.stage == "parse"
    assert "surrogate" in str(failure)


def test_a_text_over_the_model_limit_is_parsed_in_pieces(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shrunk limits stand in for spaCy's 1,000,000 characters, which take minutes."""

    monkeypatch.setattr(parsing, "LONG_TEXT_CHARS", 1_000)
    monkeypatch.setattr(nlp, "max_length", 2_000)
    text = "\n\n".join(f"{TASS_PARAGRAPH} Paragraph {n}." for n in range(40))
    assert len(text) > nlp.max_length
    doc = parsing.parse_text(text, nlp)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)
    assert {ent.text for ent in doc.ents} >= {"Putin", "Ukraine"}
    for sentence in doc.sents:  # no sentence runs across a cut
        assert "\n\n" not in sentence.text.strip()


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=400), st.integers(1, 60))
def test_long_text_pieces_rebuild_the_text_within_the_limit(text: str, limit: int) -> None:
    pieces = parsing.split_long_text(text, limit)
    assert "".join(pieces) == text
    assert all(len(piece) <= limit for piece in pieces)
    assert all(pieces[:-1])
