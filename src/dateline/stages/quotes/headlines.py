"""Attributions without a speech verb: headlines and sign-offs.

Headlines and vox-pop lists attribute words with punctuation alone:
"Pence: Flowers Won't Be at Debate" names the speaker before a colon,
"We will achieve justice — Putin" and `“...” ― Sonya Herridge` after a
dash. Such a line is speech only when the name is an actor the article
knows (a person or an organisation): "Poll: Voters Abandon Party" or a
photo credit is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from dateline.document import ParsedDoc
from dateline.knowledge.settings import settings

# "Name: words" at the start of a line; the name is up to five capitalised words.
_NAME = r"(?:[A-Z][\w.'’-]*)(?:[ \t]+(?:[A-Z][\w.'’-]*|of|de|van|von|al|bin)){0,4}"
_COLON_LINE = re.compile(
    rf"^[ \t\"“”«]*(?P<name>{_NAME})[ \t]*:[ \t]+(?P<content>\S.*?)[ \t]*$", re.M
)
# "words — Name" at the end of a line, the dash of a sign-off.
_DASH_LINE = re.compile(
    rf"^(?P<content>\S.*?\S)[ \t\xa0]*[―—–][ \t\xa0]*(?P<name>{_NAME})[ \t\xa0.]*$", re.M
)
_DASHES = "―—–"
_CONTENT_TRIM = " \t\xa0.,;:"


@dataclass(frozen=True, slots=True)
class LineAttribution:
    """Content span (characters), the cue token (colon or dash) and the name's head."""

    start: int
    end: int
    cue: Token
    name_head: Token


def line_attributions(parsed: ParsedDoc) -> list[LineAttribution]:
    """Every line of the form "Name: words" or "words — Name", in text order."""

    found: list[LineAttribution] = []
    doc, text = parsed.doc, parsed.text
    for pattern in (_COLON_LINE, _DASH_LINE):
        for match in pattern.finditer(text):
            content = _trimmed(text, *match.span("content"))
            least = settings().quotes.min_headline_content_words
            if content is None or len(text[content[0] : content[1]].split()) < least:
                continue
            name = doc.char_span(*match.span("name"), alignment_mode="contract")
            colon = pattern is _COLON_LINE
            cue_at = match.end("name") if colon else match.end("content")
            cue = _token_after(parsed, cue_at, ":" if colon else _DASHES)
            if name is None or not len(name) or cue is None:
                continue
            head = next((t for t in reversed(name) if t.is_alpha), None)
            if head is not None:
                found.append(LineAttribution(content[0], content[1], cue, head))
    return sorted(found, key=lambda a: a.start)


def _token_after(parsed: ParsedDoc, char: int, marks: str) -> Token | None:
    """The token holding the colon or dash at or after `char` (a dash may
    share its token with a closing quotation mark: `”―`)."""

    following = parsed.doc[parsed.tokens.first_ending_after(char) :]
    return next((t for t in following if any(m in t.text for m in marks)), None)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _CONTENT_TRIM:
        start += 1
    while end > start and text[end - 1] in _CONTENT_TRIM:
        end -= 1
    return (start, end) if end > start else None
