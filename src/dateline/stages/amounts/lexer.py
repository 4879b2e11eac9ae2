"""Splitting a number expression into tokens that keep their offsets.

spaCy's tokenizer splits "$24.2bn" and "437.8mln" differently from article to
article, so the number parser has its own tiny lexer: runs of digits (with
thousands commas and a decimal point), runs of letters, and single other
characters. "24.2bn" is `24.2` + `bn`; "US$" is `US` + `$`; the tables of
currencies and units are lexed the same way and compared token by token.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Literal, NamedTuple

TokenKind = Literal["num", "word", "punct"]

_TOKEN = re.compile(
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9]|,[0-9])|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<punct>\S)"
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*(?:\n|[ \t])")
_KINDS: dict[str, TokenKind] = {"num": "num", "word": "word", "punct": "punct"}


class Token(NamedTuple):
    """One lexer token; a named tuple, as a whole article is lexed into them."""

    text: str
    kind: TokenKind
    start: int
    end: int
    glued: bool
    """True where no space separates it from the token before ("bn" in "24.2bn")."""
    lower: str
    """`text.lower()`, made once: the parser compares it with every table."""


def lex(
    text: str, start: int = 0, end: int | None = None, *, stop_at_newline: bool = False
) -> list[Token]:
    """Tokens of `text[start:end]`, with offsets into `text`.

    With `stop_at_newline` the tokens end at the first paragraph break (a
    blank line or an indented line): a number expression never runs on into
    the next paragraph. A plain line break is hard wrapping, as in Reuters
    copy ("fell to 130.9 billion\nroubles"), and is read as a space.
    """

    stop = len(text) if end is None else end
    if stop_at_newline:
        paragraph = _PARAGRAPH_BREAK.search(text, start, stop)
        if paragraph is not None:
            stop = paragraph.start()
    return list(_tokens(text, start, stop))


def _tokens(text: str, start: int, stop: int) -> Iterator[Token]:
    previous_end = start
    for match in _TOKEN.finditer(text, start, stop):
        kind = _KINDS.get(match.lastgroup or "")
        if kind is None:
            continue
        written = match.group()
        begin, finish = match.span()
        yield Token(written, kind, begin, finish, begin == previous_end, written.lower())
        previous_end = finish


class LexedText:
    """A whole text lexed once, cut into the windows `lex` would return.

    The amounts stage offers every token start of an article to the number
    parser; lexing a fresh window each time cost more than the parse. The
    regular expression never matches across white space, so the tokens of
    a window that ends at white space are the whole-text tokens up to there:
    only the few characters after the window's last space are lexed again.

    >>> LexedText("up 5 pct").window(3, 160)[0].text
    '5'
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = lex(text)
        self._ends = [token.end for token in self.tokens]
        self._index_at = {token.start: index for index, token in enumerate(self.tokens)}

    def token_at(self, start: int) -> Token | None:
        """The whole-text token beginning at `start`; None inside a token or in a space."""

        index = self._index_at.get(start)
        return None if index is None else self.tokens[index]

    def window(self, start: int, length: int) -> list[Token]:
        """Exactly `lex(text, start, start + length, stop_at_newline=True)`."""

        text = self.text
        index = self._index_at.get(start)
        if index is None:  # a start inside a whole-text token ("not" of "cannot")
            return lex(text, start, start + length, stop_at_newline=True)
        stop = min(len(text), start + length)
        paragraph = _PARAGRAPH_BREAK.search(text, start, stop)
        cut, tail = stop, []
        if paragraph is not None:
            cut = stop = paragraph.start()
        elif stop < len(text) and not text[stop].isspace():
            # The window ends inside a word: whole-text tokens serve up to its
            # last space, and the rest is lexed again, cut short as `lex` cuts it.
            cut = stop - 1
            while cut > start and not text[cut].isspace():
                cut -= 1
            tail = list(_tokens(text, cut, stop))
        found = self.tokens[index : bisect_right(self._ends, cut, lo=index)] + tail
        first = found[0] if found else None
        if first is not None and not first.glued:  # `lex` marks its first token glued
            found[0] = Token(first.text, first.kind, first.start, first.end, True, first.lower)
        return found
