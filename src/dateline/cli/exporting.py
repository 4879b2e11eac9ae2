"""The store as files for other tools: `dateline export`."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import click

from dateline.cli import main
from dateline.cli.common import db_option, fail, reading_store
from dateline.cli.events import _day, event_actor_option, event_type_option
from dateline.errors import DatelineError
from dateline.export import EVENT_FORMATS, FORMATS, Selection, check, expected, export
from dateline.store.tables import TABLES


@contextmanager
def _output(target: str) -> Iterator[IO[bytes]]:
    """Standard output for "-", else PATH written whole or not at all.

    The rows go to a temporary file beside PATH that replaces it only when
    the export finished, so a failed or interrupted export never leaves a
    truncated file that looks complete (nor clobbers an earlier good one).
    """

    if target == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    path = Path(target)
    partial = path.with_name(f".{path.name}.partial")
    try:
        handle = partial.open("wb")
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror}; check that its folder exists and is writable.")
    try:
        with handle:
            yield handle
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


@main.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    required=True,
    help="gdelt-events / gdelt-mentions: the GDELT 2.0 event / mentions table (TSV, no "
    "header); plover: PLOVER JSON lines; csv, jsonl, parquet: the --table given.",
)
@click.option(
    "--table",
    type=click.Choice(list(TABLES)),
    default=None,
    help="The stored table the csv, jsonl and parquet formats write.",
)
@click.option(
    "--since",
    default=None,
    metavar="YYYY-MM-DD",
    help="Events on or after this day (event formats), rows of articles published on or "
    "after it (tables).",
)
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="Likewise, on or before.")
@event_type_option
@event_actor_option
@click.option(
    "--output",
    "-o",
    required=True,
    metavar="PATH|-",
    help="File to write (replaced only once the export is complete), or - for standard output.",
)
@db_option
def export_command(
    fmt: str,
    table: str | None,
    since: str | None,
    until: str | None,
    kind: str | None,
    actor: str | None,
    output: str,
    db_url: str,
) -> None:
    """Write stored events or tables as files other tools read, streaming.

    Rows are read in batches and written as they come, so memory stays flat
    on a store of any size; a progress bar on standard error counts events
    (event formats) or rows. GDELT columns dateline cannot fill (tone,
    administrative divisions, ...) are left empty; see the README's Export
    section for what a GDELT user gets.

    \b
    Examples:
      dateline export --format gdelt-events --output events.tsv
      dateline export --format gdelt-mentions --since 2024-01-01 --output mentions.tsv
      dateline export --format plover --type CONSULT --actor KAZ --output consult.jsonl
      dateline export --format csv --table quotes --output quotes.csv
      dateline export --format parquet --table events --output events.parquet
      dateline export --format jsonl --table actors --output - | head
    """

    from tqdm import tqdm

    selection = Selection(
        table=table,
        since=_day(since, "--since"),
        until=_day(until, "--until"),
        type=kind.upper() if kind else None,
        actor=actor,
    )
    unit = " events" if fmt in EVENT_FORMATS else " rows"
    try:
        check(fmt, selection)
        with reading_store(db_url) as store:
            total = expected(store, fmt, selection)
            with (
                tqdm(
                    total=total, desc="export", unit=unit, file=sys.stderr, dynamic_ncols=True
                ) as progress,
                _output(output) as out,
            ):
                written = export(store, fmt, out, selection, progress.update)
    except DatelineError as exc:
        fail(str(exc))
    if output != "-":
        what = "lines" if fmt.startswith("gdelt") else "records" if fmt == "plover" else "rows"
        click.echo(f"Wrote {written} {what} to {output}.", err=True)
