"""Splitting a number expression into tokens that keep their offsets.

spaCy's tokenizer splits "$24.2bn" and "437.8mln" differently from article to
article, so the number parser has its own tiny lexer: runs of digits (with
thousands commas and a decimal point), runs of letters, and single other
characters. "24.2bn" is `24.2` + `bn`; "US$" is `US` + `$`; the tables of
currencies and units are lexed the same way and compared token by token.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

TokenKind = Literal["num", "word", "punct"]

_TOKEN = re.compile(
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9]|,[0-9])|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<punct>\S)"
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*(?:\n|[ \t])")
_KINDS: dict[str, TokenKind] = {"num": "num", "word": "word", "punct": "punct"}


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    kind: TokenKind
    start: int
    end: int
    glued: bool
    """True where no space separates it from the token before ("bn" in "24.2bn")."""

    @property
    def lower(self) -> str:
        return self.text.lower()


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
        yield Token(match.group(), kind, match.start(), match.end(), match.start() == previous_end)
        previous_end = match.end()
