"""Building articles from raw text, and reading plain text files.

The text an article is built from is kept exactly as received: every fact
later points at character offsets in it, so trimming a space or normalising
a quote mark would move all the evidence. Only the byte-order mark of a file
is dropped, as it is an encoding detail and not text (`readers.encoding`).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from dateline.errors import InputError
from dateline.model import Article, article_id_for
from dateline.readers.dateline import parse_dateline
from dateline.readers.encoding import decode_text
from dateline.readers.limits import DEFAULT_LIMITS, ReadLimits, open_regular_file


def read_text(
    text: str,
    *,
    id: str | None = None,
    source: str | None = None,
    url: str | None = None,
    published: date | None = None,
    title: str | None = None,
    origin: str | None = None,
    path: str | None = None,
    line: int | None = None,
    author: str | None = None,
    site: str | None = None,
    captured: datetime | None = None,
) -> Article:
    """An `Article` from raw text, with its wire header parsed.

    Values given explicitly win over what the header says: `published` over
    the ``date YYYY-MM-DD`` marker, `source` over the header's agency. An
    article without an id gets one hashed from its text, so reading the same
    dispatch twice gives the same id.
    """

    header, header_date = parse_dateline(text, published)
    return Article(
        id=id or article_id_for(text),
        text=text,
        source=source or (header.agency if header else None),
        url=url,
        published=published or header_date,
        title=title,
        dateline=header,
        origin=origin,
        path=path,
        line=line,
        author=author,
        site=site,
        captured=captured,
    )


def read_text_file(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> Article | InputError:
    """One plain text file as one article, or the error that stops it."""

    try:
        with open_regular_file(path) as handle:
            return read_text_stream(handle, str(path), limits, path=str(path))
    except InputError as exc:
        return exc


def read_text_stream(
    handle: BinaryIO, where: str, limits: ReadLimits = DEFAULT_LIMITS, *, path: str | None = None
) -> Article | InputError:
    """The whole of `handle` as one article, read within the limit of a text file."""

    try:
        data = handle.read(limits.text_file_bytes + 1)
    except OSError as exc:
        return InputError(where, f"cannot be read ({exc.strerror or exc}); check the path")
    if len(data) > limits.text_file_bytes:
        return InputError(where, limits.too_large(limits.text_file_bytes, "a text file"))
    try:
        text = decode_text(data, where)
    except InputError as exc:
        return exc
    if not text.strip():
        return InputError(where, "file is empty; put the article text in it or remove it")
    if len(text) > limits.article_chars:
        return InputError(where, limits.too_long(len(text)))
    return read_text(text, origin=where, path=path)
