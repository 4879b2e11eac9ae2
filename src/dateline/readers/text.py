"""Building articles from raw text, and reading plain text files.

The text an article is built from is kept exactly as received: every fact
later points at character offsets in it, so trimming a space or normalising
a quote mark would move all the evidence. Only the byte-order mark of a file
is dropped, as it is an encoding detail and not text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dateline.errors import InputError
from dateline.model import Article, article_id_for
from dateline.readers.dateline import parse_dateline

# How much of a file to look at for NUL bytes before calling it binary;
# text in any ASCII-compatible encoding never holds one.
BINARY_PROBE_BYTES = 8192


def read_text(
    text: str,
    *,
    id: str | None = None,
    source: str | None = None,
    url: str | None = None,
    published: date | None = None,
    title: str | None = None,
    origin: str | None = None,
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
    )


def decode_text(data: bytes, path: str) -> str:
    """The bytes of a text file as a string, or an `InputError` saying why not.

    UTF-8 only (with or without a byte-order mark): guessing another codec
    would silently garble names, and a garbled name is a wrong fact.
    """

    if b"\x00" in data[:BINARY_PROBE_BYTES]:
        raise InputError(
            path, "looks like a binary file, not text; pass .txt or .jsonl files with article text"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            path,
            f"is not valid UTF-8 (byte 0x{bad} at byte offset {exc.start}); convert the file "
            f"to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8 {path}`",
            offset=exc.start,
        ) from exc


def read_text_file(path: Path) -> Article | InputError:
    """One plain text file as one article, or the error that stops it."""

    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputError(where, f"cannot be read ({exc.strerror or exc}); check the path")
    try:
        text = decode_text(data, where)
    except InputError as exc:
        return exc
    if not text.strip():
        return InputError(where, "file is empty; put the article text in it or remove it")
    return read_text(text, origin=where)
