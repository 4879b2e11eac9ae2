"""Reading articles from JSON Lines: one JSON object per line.

A batch of thousands of records should not stop at one broken line, so each
bad line becomes an `InputError` naming the file and line, and reading goes
on with the next. Records use the fields ``id, text, date, source, title,
url``; annotated gold files carry ``meta: {date, source}`` instead, which
is used where the top-level field is missing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.model import Article
from dateline.readers.text import read_text


class _BadRecord(ValueError):
    """A record that parses as JSON but cannot become an article."""


def read_jsonl(path: Path) -> Iterator[Article | InputError]:
    """Each line of a JSON Lines file as an article, or the error that stops it."""

    where = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(where, f"cannot be read ({exc.strerror or exc}); check the path")
        return
    records = 0
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            records += 1
            yield _read_line(raw, where, number)
    if records == 0:
        yield InputError(where, "file is empty; add one JSON object per line or remove it")


def read_json(path: Path) -> Iterator[Article | InputError]:
    """A ``.json`` file: one object or an array of objects, else JSON Lines.

    Exports from scrapers are often a single JSON array; a ``.json`` file
    that is not one document is read line by line instead.
    """

    where = str(path)
    try:
        document = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        yield InputError(where, f"cannot be read ({exc.strerror or exc}); check the path")
        return
    except (UnicodeDecodeError, json.JSONDecodeError):
        yield from read_jsonl(path)
        return
    records = document if isinstance(document, list) else [document]
    if not records:
        yield InputError(where, "holds an empty list; add article records or remove it")
    for index, record in enumerate(records, start=1):
        try:
            yield article_from_record(record, origin=f"{where}#{index}")
        except _BadRecord as exc:
            yield InputError(where, f"record {index} {exc}")


def _read_line(raw: bytes, path: str, number: int) -> Article | InputError:
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        return InputError(
            path,
            f"is not valid UTF-8 (byte 0x{raw[exc.start : exc.start + 1].hex()} at column "
            f"{exc.start + 1}); convert the file to UTF-8",
            line=number,
        )
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(
            path,
            f"is not valid JSON ({exc.msg} at column {exc.colno}); "
            "each line must hold one complete JSON object",
            line=number,
        )
    try:
        return article_from_record(record, origin=f"{path}:{number}")
    except _BadRecord as exc:
        return InputError(path, str(exc), line=number)


def article_from_record(record: Any, *, origin: str | None = None) -> Article:
    """An article from one decoded JSON record; ids given in the record are kept."""

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
    meta = record.get("meta")
    if not isinstance(meta, dict):
        meta = {}
    record_id = record.get("id")
    if record_id is not None and not isinstance(record_id, str | int):
        raise _BadRecord('has a bad "id" field; use a string')
    return read_text(
        text,
        id=str(record_id) if record_id not in (None, "") else None,
        source=_optional_str(record, meta, "source"),
        url=_optional_str(record, {}, "url"),
        published=_parse_date(_optional_str(record, meta, "date")),
        title=_optional_str(record, {}, "title"),
        origin=origin,
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
