"""The parse of a wire dispatch: the dateline header is blanked and ends the lead."""

from __future__ import annotations

from spacy.language import Language
from tests.conftest import SHARED

from dateline.model import Article
from dateline.parsing import doc_text, parse_article, text_for_parsing
from dateline.readers import article_from_record, read_jsonl

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
