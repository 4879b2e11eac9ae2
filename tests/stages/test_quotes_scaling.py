"""The speaker resolver's cost grows with the article, not with its square.

Issue 22: a 990,000-character article took 11.5 minutes because every
pronoun scanned every mention, and for each mention every quotation. The
resolver now asks its mentions by bisection; this test counts how many
mentions its look-ups read one by one (`SpeakerResolver.examined`) on real
BBC articles joined into one long text, at two lengths. No clock is read.
"""

from __future__ import annotations

import json

import pytest
from spacy.language import Language
from tests.conftest import SHARED

from dateline.parsing import parse_article
from dateline.readers import read_text
from dateline.stages.actors import extract_actors
from dateline.stages.quotes import extract as quotes_extract
from dateline.stages.quotes.speakers import SpeakerResolver

BBC = SHARED / "corpus" / "bbc-fulltext" / "bbc_fulltext.jsonl"


def _bbc_texts(count: int) -> list[str]:
    if not BBC.exists():
        pytest.skip(f"{BBC} not found: the shared corpus sits beside the repo")
    texts: list[str] = []
    with BBC.open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line).get("text")
            if isinstance(text, str) and text.strip():
                texts.append(text.strip())
            if len(texts) == count:
                break
    return texts


def _resolve(nlp: Language, text: str, monkeypatch: pytest.MonkeyPatch) -> SpeakerResolver:
    """Run the quotes stage on one article and return the resolver it used."""

    made: list[SpeakerResolver] = []

    class Recorded(SpeakerResolver):
        def __post_init__(self) -> None:
            super().__post_init__()
            made.append(self)

    monkeypatch.setattr(quotes_extract, "SpeakerResolver", Recorded)
    parsed = parse_article(read_text(text, id=f"bbc-joined-{len(text)}"), nlp)
    quotes = quotes_extract.extract_quotes(parsed, extract_actors(parsed))
    (resolver,) = made
    assert len(quotes) >= 20  # enough speech for the count to mean something
    return resolver


def test_mentions_read_grow_linearly_with_the_article(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _bbc_texts(16)
    short, long = "\n\n".join(texts[:4]), "\n\n".join(texts)
    small = _resolve(nlp, short, monkeypatch)
    large = _resolve(nlp, long, monkeypatch)
    growth = len(long) / len(short)
    assert len(large.history) > 2 * len(small.history)
    # Scanning every mention for every quote made this grow with growth ** 2.
    assert large.examined <= 2 * growth * max(small.examined, len(small.history))
    # Each quote reads a few mentions near it, never all of them.
    assert large.examined < len(large.history) * len(large._mentions) / 20
