"""`dateline export`: the store as files other tools read, streamed.

    from dateline.export import export
    with Store("news.db", readonly=True) as store, open("events.tsv", "wb") as out:
        export(store, "gdelt-events", out, since=date(2024, 1, 1))

Formats:

- `gdelt-events`, `gdelt-mentions`: the GDELT 2.0 event and mentions
  tables (`dateline.export.gdelt`), tab-separated, no header.
- `plover`: one PLOVER JSON record per event (`dateline.export.plover`).
- `csv`, `jsonl`, `parquet`: any stored table (`--table`, `store.tables`),
  a header row / one object per row / typed columns.

Rows are read in batches from one read transaction and written as they
come, so memory stays flat however big the store; `advance(n)` is told
of every `n` events or rows done, for a progress bar.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from dateline.errors import ExportError
from dateline.export import writers

if TYPE_CHECKING:
    from dateline.store import Store
    from dateline.store.event_records import EventRecord

EVENT_FORMATS = ("gdelt-events", "gdelt-mentions", "plover")
TABLE_FORMATS = ("csv", "jsonl", "parquet")
FORMATS = EVENT_FORMATS + TABLE_FORMATS


@dataclass(frozen=True, slots=True)
class Selection:
    """What to export: a table (for the table formats) and the filters."""

    table: str | None = None
    since: date | None = None
    until: date | None = None
    type: str | None = None
    actor: str | None = None

    def filters(self) -> dict[str, Any]:
        """The filters as the store's readers take them."""

        return {"since": self.since, "until": self.until, "type": self.type, "actor": self.actor}


def check(fmt: str, selection: Selection) -> None:
    """Refuse a format and selection that do not go together, before anything is written."""

    if fmt not in FORMATS:
        raise ExportError(f"no export format {fmt!r}; choose one of: {', '.join(FORMATS)}.")
    if fmt in EVENT_FORMATS and selection.table not in (None, "events"):
        raise ExportError(
            f"--format {fmt} writes events; --table {selection.table} goes with "
            f"--format {' or '.join(TABLE_FORMATS)}."
        )
    if fmt in TABLE_FORMATS and selection.table is None:
        raise ExportError(
            f"--format {fmt} writes one stored table: add --table, e.g. --table events."
        )


def expected(store: Store, fmt: str, selection: Selection) -> int | None:
    """How many events or rows the export will go through, for a progress bar;
    None where a date filter on events makes it unknown until read."""

    check(fmt, selection)
    if fmt in EVENT_FORMATS:
        if selection.since or selection.until:
            return None
        return store.events.count(type=selection.type, actor=selection.actor)
    assert selection.table is not None
    return store.tables.count(selection.table, **selection.filters())


def _unseen(done: int) -> None:
    """Progress nobody watches."""


def export(
    store: Store,
    fmt: str,
    out: IO[bytes],
    selection: Selection | None = None,
    advance: Callable[[int], None] = _unseen,
) -> int:
    """Write the selection in format `fmt` to the binary stream `out`.

    Returns how many lines, records or rows were written (a GDELT mentions
    file has a line per sentence of each event).
    """

    selection = selection or Selection()
    check(fmt, selection)
    if fmt == "parquet":
        assert selection.table is not None
        columns = store.tables.columns(selection.table)
        return writers.write_parquet(columns, _table_rows(store, selection), out, advance)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        if fmt in EVENT_FORMATS:
            return _write_events(store, fmt, selection, text, advance)
        assert selection.table is not None
        columns = store.tables.columns(selection.table)
        write = writers.write_csv if fmt == "csv" else writers.write_table_jsonl
        return write(columns, _table_rows(store, selection), text, advance)
    finally:
        text.flush()
        text.detach()


def _table_rows(store: Store, selection: Selection) -> Iterator[dict[str, object]]:
    assert selection.table is not None
    return store.tables.rows(selection.table, **selection.filters())


def _counted(
    records: Iterable[EventRecord], advance: Callable[[int], None]
) -> Iterator[EventRecord]:
    for record in records:
        yield record
        advance(1)


def _write_events(
    store: Store, fmt: str, selection: Selection, out: IO[str], advance: Callable[[int], None]
) -> int:
    from dateline.export.gdelt import event_row, mention_rows
    from dateline.export.plover import plover_record

    records = _counted(store.events.records(**selection.filters()), advance)
    # The bar counts events, advanced by `records`, whatever the lines per event.
    if fmt == "gdelt-events":
        return writers.write_tsv((event_row(r) for r in records), out, _unseen)
    if fmt == "gdelt-mentions":
        return writers.write_tsv((line for r in records for line in mention_rows(r)), out, _unseen)
    return writers.write_jsonl((plover_record(r) for r in records), out, _unseen)
