"""From a character offset to the token there, by bisection.

Stages hold character offsets (a quotation's marks, a place's span) and
need the tokens around them. Walking the document from its first token for
every such question made a long article cost its length times its number
of quotes; the token starts are sorted, so one bisection answers.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.document.text import kept_on_doc

TOKEN_INDEX_KEY = "dateline.token_index"


class TokenIndex:
    """Token starts and ends of one document, for offset look-ups."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._starts = [token.idx for token in doc]
        self._ends = [token.idx + len(token) for token in doc]

    def index_at(self, char: int) -> int:
        """Index of the first token starting at or after `char` (`len(doc)` if none)."""

        return bisect_left(self._starts, char)

    def token_at(self, char: int) -> Token | None:
        """The token whose characters hold `char`, None in white space between tokens."""

        i = bisect_right(self._starts, char) - 1
        return self.doc[i] if i >= 0 and char < self._ends[i] else None

    def first_ending_after(self, char: int) -> int:
        """Index of the first token ending after `char` (`len(doc)` if none)."""

        return bisect_right(self._ends, char)

    def starting_in(self, start: int, end: int) -> SpacySpan:
        """The tokens that start at or after `start` and before `end`."""

        return self.doc[self.index_at(start) : max(self.index_at(start), self.index_at(end))]


def token_index(doc: Doc) -> TokenIndex:
    """The document's `TokenIndex`, built on first use and kept on the `Doc`."""

    return kept_on_doc(doc, TOKEN_INDEX_KEY, TokenIndex)
