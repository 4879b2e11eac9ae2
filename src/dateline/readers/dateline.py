"""Finding the wire header ("dateline") at the top of a dispatch.

Wire stories open with a header that says where and when the story was filed
and by whom: ``YEKATERINBURG. KAZINFORM - ``, ``HANOI, December 26. /TASS/. ``,
``PORTLAND, Ore., Feb 26 - ``, ``NEW YORK, Nov. 19 (UPI) — ``. The header is
not part of the story's first sentence, so later stages must see where it ends,
and its place is the best single guess at where the story happened.

Precision matters more than recall: a first sentence taken for a header would
lose its subject. A header is therefore only accepted when its shape says so:
an upper-case place, or a title-case place followed by a date or an agency
marker, and always a separator (a dash, ``/AGENCY/.`` or a line end after a
date) followed by the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.model import Dateline, Span


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MONTHS = {
    abbreviation: number
    for number, abbreviation in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_MONTH_NAMES = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_CALENDAR_WORDS = _word_set(
    "january february march april may june july august september october november"
    " december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday"
    " thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun today"
    " yesterday"
)

# Words that stay lower case inside a place name ("Rio de Janeiro",
# "Dar es Salaam", "King of Prussia"); spelling rules, not a gazetteer.
_PARTICLES = _word_set(
    "de da do dos das del della di du des la le les es el of on upon am an der den von van y sur al"
)

# Words of capitalised labels that wire copy puts where a bare "CITY - "
# header would stand: photo captions ("FILE - In this May 18 photo"), slugs
# ("BREAKING NEWS -", "PRESS DIGEST -") and a leading article ("A FIRE -").
_NOT_PLACE_WORDS = _word_set(
    "A AN FILE UPDATE REFILE CORRECTED CORRECTION EXCLUSIVE BREAKING NEWS URGENT FLASH"
    " BULLETIN ADVISORY ANALYSIS FACTBOX INSIGHT COLUMN OPINION EDITORIAL WRAPUP PRESS"
    " DIGEST RESEARCH ALERT PHOTO VIDEO"
)

# How far into the text a header may sit: TASS puts a one-line lead and a
# blank line before it, CoNLL-style texts a headline and a byline.
_HEADER_LINES = 3
_HEADER_WINDOW = 2000

# A header dated more than a few days after publication belongs to the
# previous year ("December 31" in a story published January 2).
_FUTURE_GRACE = timedelta(days=7)

_DATE_MARKER = re.compile(r"[ \t]*date:?[ \t]+(?P<iso>\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)

_LETTER = r"[^\W\d_]"
_SPACE = r"[ \t\u00a0]"
_WORD = rf"(?:{_LETTER}{{1,3}}\.|{_LETTER}+(?:['’\-]{_LETTER}+)*)"
_REGION_WORD = rf"(?:(?:{_LETTER}{{1,3}}\.)+|{_LETTER}+(?:['’\-]{_LETTER}+)*\.?)"

_HEADER = re.compile(
    rf"""
    (?P<place>{_WORD}(?:\ {_WORD}){{0,4}})
    (?:\ ?/(?P<slash_region>{_LETTER}[^/\n]{{1,40}})/)?
    (?:\ ?,\ (?P<region>{_REGION_WORD}(?:\ {_REGION_WORD}){{0,2}}))?
    (?:
        \ ?,?\ (?P<month>(?i:{_MONTH_NAMES}))\.?\ {{1,2}}(?P<day>\d{{1,2}})(?:,\ (?P<year>\d{{4}}))?
      | \ ?,\ (?P<day_first>\d{{1,2}})\ (?P<month_second>(?i:{_MONTH_NAMES}))\.?
        (?:\ (?P<year2>\d{{4}}))?
      | \ ?,?\ (?P<iso>\d{{4}}-\d{{2}}-\d{{2}})
    )?
    (?:
        \.?\ ?/(?P<slash_agency>{_LETTER}[\w\- ]{{0,30}}?)/\.?
      | \ ?\((?P<paren_agency>{_LETTER}[\w&.\- ]{{0,30}}?)\)
      | \.\ (?P<caps_agency>[A-Z][A-Z\-]+(?:\ [A-Z][A-Z\-]+)?)(?={_SPACE}*(?:--|[-–—]))
    )?
    (?P<separator>
        {_SPACE}*(?:--|[-–—])(?=\s)
      | {_SPACE}*—(?=[A-Z])
      | (?<=/\.)(?=\s)
      | (?<=\d)(?={_SPACE}*\r?\n)
    )
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class _DateMarker:
    start: int
    end: int
    day: date | None


def parse_dateline(text: str, published: date | None) -> tuple[Dateline | None, date | None]:
    """The wire header of `text` and the date it states, each None if absent.

    The date comes from a leading ``date YYYY-MM-DD`` marker, else from the
    header itself; a header date without a year ("December 26") takes the
    year of `published` and is None without it.

    >>> text = "HANOI, December 26. /TASS/. Thanks to ..."
    >>> header, day = parse_dateline(text, date(2024, 12, 26))
    >>> header.place, header.agency, day
    ('Hanoi', 'TASS', datetime.date(2024, 12, 26))
    """

    marker = _find_date_marker(text)
    search_from = marker.end if marker else 0
    for start in _line_starts(text, search_from):
        found = _match_header(text, start, published)
        if found is None:
            continue
        header, header_day = found
        if marker is not None and start == _skip_space(text, marker.end):
            header.span = Span(marker.start, header.span.end)
        return header, marker.day if marker else header_day
    return None, marker.day if marker else None


def _find_date_marker(text: str) -> _DateMarker | None:
    """A ``date YYYY-MM-DD`` marker before anything else in the text.

    The Kazinform feed prefixes it on its own line or inline before the
    header; an impossible date keeps the marker but gives no date.
    """

    start = _skip_space(text, 0)
    match = _DATE_MARKER.match(text, start)
    if match is None:
        return None
    try:
        day: date | None = date.fromisoformat(match["iso"])
    except ValueError:
        day = None
    return _DateMarker(start, match.end(), day)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _line_starts(text: str, position: int) -> list[int]:
    """The first character of each of the first few non-blank lines."""

    starts: list[int] = []
    limit = min(len(text), position + _HEADER_WINDOW)
    while position < limit and len(starts) < _HEADER_LINES:
        position = _skip_space(text, position)
        if position >= limit:
            break
        starts.append(position)
        newline = text.find("\n", position)
        if newline < 0:
            break
        position = newline + 1
    return starts


def _match_header(
    text: str, start: int, published: date | None
) -> tuple[Dateline, date | None] | None:
    match = _HEADER.match(text, start)
    if match is None:
        return None
    place = match["place"]
    region = match["slash_region"] or match["region"]
    agency = match["slash_agency"] or match["paren_agency"] or match["caps_agency"]
    dated = bool(match["month"] or match["month_second"] or match["iso"])
    upper = _is_upper(place)
    if not upper and not _is_title_case(place):
        return None
    if _has_calendar_word(place) or (region is not None and _has_calendar_word(region)):
        return None
    if not upper and not (dated or agency):
        return None
    body_start = _skip_space(text, match.end())
    if body_start >= len(text):
        return None
    if match["paren_agency"] and not _is_title_case(match["paren_agency"].strip()):
        return None
    if not (dated or agency) and not _is_bare_header(place, region is not None, text, body_start):
        return None
    header = Dateline(
        place=proper_case(place),
        span=Span(start, match.end("separator")),
        place_span=Span(match.start("place"), match.end("place")),
        agency=_agency_name(agency.strip()) if agency else None,
        region=proper_case(region.strip()) if region else None,
        body_start=body_start,
    )
    return header, _header_date(match, published)


def _is_upper(words: str) -> bool:
    letters = [c for c in words if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_title_case(words: str) -> bool:
    parts = words.split(" ")
    return parts[0][0].isupper() and all(
        part[0].isupper() or part.lower() in _PARTICLES for part in parts[1:]
    )


def _has_calendar_word(words: str) -> bool:
    return any(part.strip(".").lower() in _CALENDAR_WORDS for part in words.split())


def _is_bare_header(place: str, has_region: bool, text: str, body_start: int) -> bool:
    """Whether ``PLACE - body`` with no date or agency is a header after all.

    The weakest form, so it needs more: a place of real words (not an
    acronym such as an agency's "NNA" unless a region follows, not a caption
    or section label such as "FILE" or "PRESS DIGEST") and a body that opens
    with ordinary words, not more capitals ("CRICKET - LEICESTERSHIRE TAKE
    OVER" is a headline, "PARIS — A truck rammed" is a story).
    """

    if any(word in _NOT_PLACE_WORDS for word in place.upper().split()):
        return False
    if not has_region and sum(c.isalpha() for c in place) < 4:
        return False
    opening = text[body_start : body_start + 80].split()[:3]
    return any(c.islower() for word in opening for c in word)


def proper_case(name: str) -> str:
    """A name as a reader writes it: ``NUR-SULTAN`` is ``Nur-Sultan``.

    Words already in mixed case and abbreviations (``N.Y.``) stay as written;
    particles inside a name stay lower case (``Rio de Janeiro``).
    """

    words = name.split()
    cased = []
    for index, word in enumerate(words):
        if index > 0 and word.lower() in _PARTICLES:
            cased.append(word.lower())
        elif re.fullmatch(rf"(?:{_LETTER}\.)+", word) or not (word.isupper() or word.islower()):
            cased.append(word)
        else:
            cased.append(re.sub(rf"{_LETTER}+", lambda m: m.group().capitalize(), word))
    return " ".join(cased)


def _agency_name(agency: str) -> str:
    """``KAZINFORM`` is Kazinform; short capitals are acronyms (TASS, AP, UPI)."""

    if not agency.isupper():
        return agency
    return re.sub(
        rf"{_LETTER}+",
        lambda m: m.group() if len(m.group()) <= 4 else m.group().capitalize(),
        agency,
    )


def _header_date(match: re.Match[str], published: date | None) -> date | None:
    try:
        if match["iso"]:
            return date.fromisoformat(match["iso"])
        if not (match["month"] or match["month_second"]):
            return None
        month = _MONTHS[(match["month"] or match["month_second"]).lower()[:3]]
        day = int(match["day"] or match["day_first"])
        year = match["year"] or match["year2"]
        if year:
            return date(int(year), month, day)
        if published is None:
            return None
        resolved = date(published.year, month, day)
        if resolved > published + _FUTURE_GRACE:
            resolved = date(published.year - 1, month, day)
        return resolved
    except ValueError:
        return None
