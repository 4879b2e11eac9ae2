"""Writing rows out, one at a time: TSV lines, CSV, JSON lines and Parquet.

Every writer consumes an iterator and keeps at most one batch of rows, so
an export's memory does not grow with the store. Values are written as the
tools analysts use read them back: ISO 8601 dates and UTC timestamps,
`true`/`false`, empty cells for NULL in CSV, lists and objects as JSON.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from itertools import islice
from typing import IO, Any

from dateline.errors import ExportError
from dateline.store.tables import Column

PARQUET_BATCH = 2000
"""Rows per Parquet row group written at a time."""


def _utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; the store always writes UTC."""

    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def json_value(value: Any) -> Any:
    """A stored value as JSON writes it: dates in ISO 8601, timestamps in UTC."""

    if isinstance(value, datetime):
        return _utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def csv_cell(value: Any, kind: str) -> str:
    """A stored value as a CSV cell: NULL empty, booleans true/false, JSON compact."""

    if value is None:
        return ""
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if kind == "bool":
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(json_value(value))


def write_tsv(lines: Iterable[list[str]], out: IO[str], advance: Callable[[int], None]) -> int:
    """GDELT's form: tab-separated cells, one record a line, no header."""

    written = 0
    for cells in lines:
        out.write("\t".join(cells) + "\n")
        written += 1
        advance(1)
    return written


def write_jsonl(
    records: Iterable[dict[str, Any]], out: IO[str], advance: Callable[[int], None]
) -> int:
    written = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, default=json_value) + "\n")
        written += 1
        advance(1)
    return written


def write_csv(
    columns: list[Column],
    rows: Iterable[dict[str, Any]],
    out: IO[str],
    advance: Callable[[int], None],
) -> int:
    """A header of column names, then one line per row (RFC 4180 quoting)."""

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in columns])
    written = 0
    for row in rows:
        writer.writerow([csv_cell(row[c.name], c.kind) for c in columns])
        written += 1
        advance(1)
    return written


def write_table_jsonl(
    columns: list[Column],
    rows: Iterable[dict[str, Any]],
    out: IO[str],
    advance: Callable[[int], None],
) -> int:
    ordered = ({c.name: json_value(row[c.name]) for c in columns} for row in rows)
    return write_jsonl(ordered, out, advance)


def _arrow_type(kind: str) -> Any:
    import pyarrow as pa

    return {
        "string": pa.string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "timestamp": pa.timestamp("us", tz="UTC"),
        "json": pa.string(),
    }[kind]


def _arrow_value(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if kind == "timestamp":
        return _utc(value)
    return value


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def write_parquet(
    columns: list[Column],
    rows: Iterable[dict[str, Any]],
    out: IO[bytes],
    advance: Callable[[int], None],
) -> int:
    """A Parquet file with one typed column per stored column (JSON as text),
    written a row group at a time."""

    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:
        raise ExportError(
            "Parquet needs pyarrow, an optional part of dateline: pip install "
            "'dateline[parquet]' (or export --format csv or jsonl)."
        ) from exc
    schema = pa.schema([pa.field(c.name, _arrow_type(c.kind)) for c in columns])
    written = 0
    with pq.ParquetWriter(out, schema) as writer:
        for chunk in _chunks(rows, PARQUET_BATCH):
            arrays = [
                pa.array([_arrow_value(row[c.name], c.kind) for row in chunk], type=field.type)
                for c, field in zip(columns, schema, strict=True)
            ]
            writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=schema))
            written += len(chunk)
            advance(len(chunk))
    return written
