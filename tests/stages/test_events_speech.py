"""The events stage takes who speaks from the quotes it is given (`Extraction.quotes`).

TASS, 2024-12-26 (tass-politics-sample, tass-1894093): "..., Ukraine is
punishing Europe, ..., he said." The quote stage resolves "he" to Vladimir
Putin; the events stage no longer reads the speech verb's subject again
(where "he" names no actor) but takes the quote's speaker.
"""

from __future__ import annotations

import json

import pytest
from spacy.language import Language
from tests.conftest import SHARED

from dateline.parsing import parse_article
from dateline.pipeline import run_stages
from dateline.readers import article_from_record
from dateline.stages.events.sides import MentionIndex
from dateline.stages.events.speech import Speakers

TASS = SHARED / "corpus" / "tass-politics-sample" / "tass_politics_20.jsonl"
SENTENCE = "By ending the transit, Ukraine is punishing Europe"


def _tass_article(article_id: str) -> dict[str, object]:
    if not TASS.exists():
        pytest.skip(f"{TASS} not found: the shared corpus sits beside the repo")
    for line in TASS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == article_id:
            return dict(record)
    raise AssertionError(f"{article_id} is not in {TASS}")


def test_a_pronoun_speaker_comes_from_the_quote_it_cues(nlp: Language) -> None:
    parsed = parse_article(article_from_record(_tass_article("tass-1894093")), nlp)
    found = run_stages(parsed, disable={"events"})
    at = parsed.text.index(SENTENCE)
    said = next(
        t for t in parsed.doc if t.idx > at and t.lower_ == "said" and t.nbor(-1).lower_ == "he"
    )
    (quote,) = [q for q in found.quotes if q.cue is not None and q.cue.start == said.idx]
    putin = found.actor(quote.speaker)
    assert putin is not None and putin.name == "Vladimir Putin"
    speakers = Speakers(found.quotes, found.actors, MentionIndex(found.actors))
    pronoun = said.nbor(-1)
    assert not quote.span.start <= pronoun.idx < quote.span.end  # outside the quote itself
    assert speakers.speaker_of(pronoun) is putin
