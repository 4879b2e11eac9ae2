"""Reading articles from JSON Lines: one JSON object per line.

A batch of thousands of records should not stop at one broken line, so each
bad line becomes an `InputError` naming the file and line, and reading goes
on with the next. Records use the fields ``id, text, date, source, title,
url``; annotated gold files carry ``meta: {date, source}`` instead, which
is used where the top-level field is missing.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from dateline.errors import InputError
from dateline.model import Article
from dateline.readers.encoding import (
    BINARY_REASON,
    decode_bytes,
    nul_reason,
    peek_head,
    sniff_encoding,
)
from dateline.readers.limits import DEFAULT_LIMITS, ReadLimits, open_regular_file, read_at_most
from dateline.readers.text import read_text


class _BadRecord(ValueError):
    """A record that parses as JSON but cannot become an article."""


class _BadJson(ValueError):
    """Text that Python's JSON decoder refuses, with the reason in words."""

    def __init__(self, reason: str, *, malformed: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.malformed = malformed


def parse_json(text: str) -> Any:
    """`json.loads`, with every way it refuses input turned into `_BadJson`.

    Besides malformed JSON, Python refuses integers over 4,300 digits
    (`sys.get_int_max_str_digits`) with a `ValueError` and nesting deeper
    than its recursion limit with a `RecursionError`; a record holding
    either must be one bad record, not the end of the batch.
    """

    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _BadJson(
            f"is not valid JSON ({exc.msg} at column {exc.colno})", malformed=True
        ) from None
    except RecursionError:
        raise _BadJson(
            "nests JSON arrays or objects too deeply to read (more than about 1,000 "
            "levels); an article record needs only a few"
        ) from None
    except ValueError as exc:
        if "integer string conversion" in str(exc):
            raise _BadJson(
                f"holds an integer of more than {sys.get_int_max_str_digits():,} digits, more "
                'than Python reads as a number; write it as a string ("123...")'
            ) from None
        raise _BadJson(f"cannot be read as JSON ({exc})") from None


def read_jsonl(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[Article | InputError]:
    """Each line of a JSON Lines file as an article, or the error that stops it."""

    try:
        handle = open_regular_file(path)
    except InputError as exc:
        yield exc
        return
    with handle:
        yield from read_jsonl_stream(handle, str(path), limits)


def read_jsonl_stream(
    handle: BinaryIO, where: str, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[Article | InputError]:
    """The records of JSON Lines read from `handle`, reported as coming from `where`.

    A binary file is one error, not one per chunk between newline bytes;
    a UTF-16 or UTF-32 file (found by `sniff_encoding`) is decoded whole.
    """

    encoding = sniff_encoding(peek_head(handle))
    if encoding is None:
        yield InputError(where, BINARY_REASON)
        return
    lines = (
        _utf8_lines(handle, where, limits)
        if encoding.codec == "utf-8"
        else _wide_lines(handle, where, limits)
    )
    records = 0
    for number, line in lines:
        if isinstance(line, InputError):
            records += 1
            yield line
            continue
        line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        records += 1
        yield _read_line(line, where, number, limits)
    if records == 0:
        yield InputError(where, "file is empty; add one JSON object per line or remove it")


def _utf8_lines(
    handle: BinaryIO, where: str, limits: ReadLimits
) -> Iterator[tuple[int, str | InputError]]:
    """Numbered lines as text; a line too long or not UTF-8 is its error instead.

    A byte-order mark opening any line is dropped, not only the file's
    first: files joined with `cat` carry one at each join.
    """

    for number, raw in enumerate(_bounded_lines(handle, limits.line_bytes), start=1):
        if raw is None:
            yield (
                number,
                InputError(where, limits.too_large(limits.line_bytes, "a record"), line=number),
            )
            continue
        raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield (
                number,
                InputError(
                    where,
                    f"is not valid UTF-8 (byte 0x{raw[exc.start : exc.start + 1].hex()} at column "
                    f"{exc.start + 1}); convert the file to UTF-8",
                    line=number,
                ),
            )


def _bounded_lines(handle: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of `handle`, None in place of one longer than `limit` bytes.

    A longer line is skipped in pieces, so a file without newlines costs
    `limit` bytes of memory, not its size.
    """

    while line := handle.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := handle.readline(2**20)) and not rest.endswith(b"\n"):
            pass
        yield None


def _wide_lines(
    handle: BinaryIO, where: str, limits: ReadLimits
) -> Iterator[tuple[int, str | InputError]]:
    """The numbered lines of a UTF-16 or UTF-32 file, decoded whole within the file limit."""

    data = handle.read(limits.json_file_bytes + 1)
    if len(data) > limits.json_file_bytes:
        yield 1, InputError(where, limits.too_large(limits.json_file_bytes, "a UTF-16 file"))
        return
    try:
        _, text = decode_bytes(data, where)
    except InputError as exc:
        yield 1, exc
        return
    yield from enumerate(text.split("\n"), start=1)


def read_json(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[Article | InputError]:
    """A ``.json`` file: one object or an array of objects, else JSON Lines.

    Exports from scrapers are often a single JSON array; a ``.json`` file
    that is not one document is read line by line instead.
    """

    where = str(path)
    try:
        data = read_at_most(path, limits.json_file_bytes)
    except InputError as exc:
        yield exc
        return
    if len(data) > limits.json_file_bytes:
        yield InputError(
            where,
            limits.too_large(limits.json_file_bytes, "a .json file")
            + "; JSON Lines (.jsonl) files are read record by record, without this limit",
        )
        return
    try:
        document = parse_json(decode_bytes(data, where)[1])
    except InputError as exc:
        yield exc
        return
    except _BadJson as exc:
        if exc.malformed:
            yield from read_jsonl(path, limits)
        else:
            yield InputError(where, exc.reason)
        return
    records = document if isinstance(document, list) else [document]
    if not records:
        yield InputError(where, "holds an empty list; add article records or remove it")
    for index, record in enumerate(records, start=1):
        try:
            yield article_from_record(record, origin=f"{where}#{index}", path=where, limits=limits)
        except _BadRecord as exc:
            yield InputError(where, f"record {index} {exc}")


def _read_line(line: str, path: str, number: int, limits: ReadLimits) -> Article | InputError:
    nul = line.find("\x00")
    if nul >= 0:
        return InputError(path, nul_reason(f"at column {nul + 1}"), line=number)
    try:
        record = parse_json(line)
    except _BadJson as exc:
        hint = "; each line must hold one complete JSON object" if exc.malformed else ""
        return InputError(path, exc.reason + hint, line=number)
    try:
        return article_from_record(
            record, origin=f"{path}:{number}", path=path, line=number, limits=limits
        )
    except _BadRecord as exc:
        return InputError(path, str(exc), line=number)


def article_from_record(
    record: Any,
    *,
    origin: str | None = None,
    path: str | None = None,
    line: int | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> Article:
    """An article from one decoded JSON record; ids given in the record are kept.

    `path` and `line` say where it was read, for `meta.path` and `meta.line`.
    """

    if not isinstance(record, dict):
        raise _BadRecord(
            f"holds a JSON {type(record).__name__}, not an object; "
            'write each article as {"id": ..., "text": ...}'
        )
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        if text is None:
            problem = "has no"
        elif isinstance(text, str):
            problem = "has an empty"
        else:
            problem = "has a non-string"
        raise _BadRecord(f'{problem} "text" field; every record needs the article text as a string')
    if len(text) > limits.article_chars:
        raise _BadRecord(limits.too_long(len(text)))
    meta = record.get("meta")
    if not isinstance(meta, dict):
        meta = {}
    record_id = record.get("id")
    if record_id is not None and not isinstance(record_id, str | int):
        raise _BadRecord('has a bad "id" field; use a string')
    fields = {
        "text": text,
        "id": str(record_id) if record_id not in (None, "") else None,
        "source": _optional_str(record, meta, "source"),
        "url": _optional_str(record, {}, "url"),
        "title": _optional_str(record, {}, "title"),
        "author": _optional_str(record, meta, "author"),
    }
    for name, value in fields.items():
        _check_storable(name, value)
    return read_text(
        text,
        id=fields["id"],
        source=fields["source"],
        url=fields["url"],
        published=_parse_date(_optional_str(record, meta, "date")),
        title=fields["title"],
        author=fields["author"],
        origin=origin,
        path=path,
        line=line,
    )


_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")
"""A NUL, or half of a UTF-16 surrogate pair: JSON's ``\\u0000`` and ``\\ud800``
escapes decode to them, and no UTF-8 text (spaCy's, SQLite's, PostgreSQL's)
can hold either."""


def _check_storable(name: str, value: str | None) -> None:
    """Refuse a field holding a character no store or parser can take."""

    found = _UNSTORABLE.search(value) if value else None
    if found is None:
        return
    where = f'in "{name}" (character {found.start() + 1})'
    if found.group() == "\x00":
        raise _BadRecord(
            f"has a NUL character (\\u0000) {where}, which no text holds and the store "
            "(PostgreSQL) cannot keep; remove the \\u0000 escape"
        )
    raise _BadRecord(
        f"has a lone surrogate \\u{ord(found.group()):04x} {where}: half of a "
        "UTF-16 pair, which is no character and cannot be stored; write the whole pair "
        "(e.g. \\ud83d\\ude00) or the character itself, or remove it"
    )


def _optional_str(record: dict[str, Any], meta: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        value = meta.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _BadRecord(f'has a bad "{key}" field ({value!r}); use a string or null')
    return value


def _parse_date(value: str | None) -> date | None:
    """``2024-12-26`` or an ISO timestamp (``2024-12-26T21:09:18Z``) as a date."""

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        raise _BadRecord(
            f'has a bad "date" ({value!r}); write it as YYYY-MM-DD, e.g. "2024-12-26"'
        ) from None
