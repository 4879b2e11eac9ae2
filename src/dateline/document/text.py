"""Per-document values kept on the spaCy `Doc` itself.

Helpers deep in a stage hold a `Token`, not the `ParsedDoc`; what they look
up once per article (the joined text, the speech cues) is kept in the
document's `user_data`, so every token of the document reaches the same
answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc

T = TypeVar("T")

DOC_TEXT_KEY = "dateline.doc_text"


def kept_on_doc(doc: Doc, key: str, build: Callable[[Doc], T]) -> T:
    """`build(doc)`, computed on the first call for this document and kept."""

    if key not in doc.user_data:
        doc.user_data[key] = build(doc)
    value: T = doc.user_data[key]
    return value


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per document.

    spaCy rebuilds `Doc.text` from every token on each access, which made a
    stage that read it per speech verb cost more than the parse.
    """

    return kept_on_doc(doc, DOC_TEXT_KEY, lambda d: d.text)
