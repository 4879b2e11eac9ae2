"""Finding the text that stands between quotation marks.

Works on the raw article text, before any parsing, because spaCy's tokens
do not know which mark opens and which closes. News uses many conventions:
“English”, "straight", «Russian», „German“, ‚single‘, ‘British’, ‹guillemets›.
A quote may hold other quotes (the inner marks stay part of its text), and a
quote that runs over several paragraphs leaves its closing mark off at each
paragraph end and opens again at the start of the next one:

    «First paragraph of the quote.
    «Second paragraph,» he said.

is one quote running from "First" to "paragraph,".

Some archives (the New York Times as LexisNexis stores it) write each
double quotation mark as two apostrophes: ''Like this,'' he said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.model import Span

# Opening mark -> the marks that may close it.
CLOSERS: dict[str, str] = {
    "“": "”",
    "«": "»",
    "„": "“”",
    "‚": "‘’",
    "‘": "’",
    "‹": "›",
    '"': '"',
    "'": "'",
}
# Every character that opens or closes a quotation, in any convention.
QUOTE_CHARS = frozenset("\"“”«»„‘’'‹›‚")
_OPENING_MARK = re.compile("[" + "".join(re.escape(mark) for mark in CLOSERS) + "]")
# Closers of the other style, tried when a quote never closes in its own:
# edited copy mixes them (`"Oz has a bully pulpit,” said David Gorski`) or
# turns one the wrong way (`“... here,“ said Jim Clyburn`).
MIXED_CLOSERS: dict[str, str] = {"“": '"“', '"': "”"}
# Marks that are both apostrophes and closing single quotes.
APOSTROPHES = "'’"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\n(?=[ \t]{2,}\S)")
_WORD = re.compile(r"\w+(?:[’'\-.]\w+)*")
# Two apostrophes standing for one double mark; with a third, a single quote
# nested inside it.
_DOUBLED_APOSTROPHES = re.compile(r"(?<!')'{2,3}(?!')")


@dataclass(frozen=True, slots=True)
class QuotedText:
    """The inside of one pair of quotation marks (or a multi-paragraph run).

    `start`/`end` bound the text between the marks, trimmed of white space;
    `open_at` is the offset of the opening mark and `close_at` the offset
    just after the closing mark (the paragraph end when it never closes).
    """

    start: int
    end: int
    open_at: int
    close_at: int
    closed: bool = True
    paragraphs: int = 1

    @property
    def span(self) -> Span:
        """The quoted words, without the marks."""

        return Span(self.start, self.end)

    @property
    def marks(self) -> Span:
        """From the opening mark to just after the closing one."""

        return Span(self.open_at, self.close_at)

    def words(self, text: str) -> list[str]:
        return _WORD.findall(text[self.start : self.end])

    def unmarked(self, text: str) -> str:
        """The quoted words without inner closing marks or trailing spaces, so
        their last character is the speaker's punctuation."""

        return text[self.start : self.end].rstrip("”»“\"'’›‘ ")


def paragraph_bounds(text: str) -> list[Span]:
    """Each paragraph: blocks split by blank or indented lines."""

    bounds: list[Span] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[start : match.start()].strip():
            bounds.append(Span(start, match.start()))
        start = match.end()
    if text[start:].strip():
        bounds.append(Span(start, len(text)))
    return bounds


def _is_opening(text: str, i: int) -> bool:
    """A mark opens a quote when it starts a word: after space, start or bracket."""

    mark = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        # `“ … if the primary were held`: words left out at the start.
        return mark in "“«" and text[i + 1 : i + 5].lstrip(" ").startswith(("…", "..."))
    if mark in "“«„‚‹":
        return True
    if mark in APOSTROPHES or mark == "‘":
        # ‘ is a closer in German quotes; ' and ’ open only at a word start.
        return (before.isspace() or before in "([{—–-:") and (after.isalnum() or after in "…")
    return before.isspace() or before in "([{—–-:/" or i == 0


def _closing_strength(text: str, i: int) -> int:
    """0: not a closing mark here; 1: could be (`Russians’ rights`); 2: surely."""

    mark = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() and mark in APOSTROPHES + '"':
        return 0
    if mark in APOSTROPHES:
        if after.isalnum():
            return 0  # Putin’s, don’t
        if before in "sS" and after == " " and text[i + 2 : i + 3].islower():
            return 1  # the leaders’ summit, or the end of a quote ending in s
    if after.isalnum():
        return 1
    return 2


def _find_closer(text: str, opener: int, limit: int, closers: str | None = None) -> int | None:
    """Offset of the mark closing the quote opened at `opener`, before `limit`.

    Same-family marks nested inside («a «b» c») are counted so the outer quote
    keeps them; a sure closer beats a doubtful one further left.
    """

    mark = text[opener]
    closers = closers or CLOSERS[mark]
    symmetric = mark in closers
    depth = 0
    weak: int | None = None
    i = opener + 1
    while i < limit:
        char = text[i]
        if not symmetric and char == mark and _is_opening(text, i):
            # `society. “I think`: a paragraph break lost in the text, the
            # quote goes on; only a mid-sentence mark opens a nested quote.
            if not (depth == 0 and text[:i].rstrip()[-1:] in ".!?"):
                depth += 1
        elif char in closers:
            strength = _closing_strength(text, i)
            if strength and depth:
                depth -= 1
            elif strength == 2:
                return i
            elif strength == 1 and weak is None:
                weak = i
        i += 1
    return weak


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quoted_texts(text: str) -> list[QuotedText]:
    """Every top-level quotation in `text`, in order, nested ones left inside.

    An unclosed quote continues into the next paragraph when that paragraph
    opens with the same mark; otherwise it ends at its paragraph's end and is
    marked `closed=False`.
    """

    found: list[QuotedText] = []
    text = _doubled_apostrophes_as_marks(text)
    paragraphs = paragraph_bounds(text)
    p = 0
    i = 0
    while p < len(paragraphs):
        para_start, para_end = paragraphs[p].start, paragraphs[p].end
        i = max(i, para_start)
        if i >= para_end:
            p += 1
            continue
        if text[i] not in CLOSERS:  # leap to the next mark rather than step letter by letter
            mark = _OPENING_MARK.search(text, i, para_end)
            i = mark.start() if mark is not None else para_end
            continue
        if not _is_opening(text, i):
            i += 1
            continue
        opener = i
        close = _find_closer(text, opener, para_end)
        runs = 1
        while close is None and p + 1 < len(paragraphs):
            next_start, next_end = paragraphs[p + 1].start, paragraphs[p + 1].end
            lead = (
                next_start
                + len(text[next_start:next_end])
                - len(text[next_start:next_end].lstrip())
            )
            if text[lead : lead + 1] != text[opener]:
                break
            p += 1
            runs += 1
            para_end = next_end
            close = _find_closer(text, lead, para_end)
        if close is None and runs == 1 and text[opener] in MIXED_CLOSERS:
            close = _find_closer(text, opener, para_end, MIXED_CLOSERS[text[opener]])
        if close is None:
            start, end = _trimmed(text, opener + 1, para_end)
            found.append(QuotedText(start, end, opener, para_end, False, runs))
            i = para_end
            continue
        start, end = _trimmed(text, opener + 1, close)
        if end > start:
            found.append(QuotedText(start, end, opener, close + 1, True, runs))
        i = close + 1
    return found


def _doubled_apostrophes_as_marks(text: str) -> str:
    """The text with each `''` written as one `"` beside a blank, so that
    offsets are unchanged and the straight-quote rules apply.

    `''` opening (`''Yes`) or closing (`no,''`) is one double mark; `'''` is
    that mark with a single quote inside it, opened after it at a word start
    (`'''Look`) and closed before it elsewhere (`streams?'''`).
    """

    if "''" not in text:
        return text

    def as_mark(match: re.Match[str]) -> str:
        start = match.start()
        opens = start == 0 or text[start - 1].isspace()
        if len(match.group()) == 2:
            return ' "' if opens else '" '
        return " \"'" if opens else "'\" "

    return _DOUBLED_APOSTROPHES.sub(as_mark, text)
