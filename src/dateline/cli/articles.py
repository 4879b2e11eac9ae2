"""Reading articles in: `extract` prints facts, `ingest` stores them."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from dateline.cli import main
from dateline.cli.common import Tally, db_option, fail, model_option, paths_argument
from dateline.errors import DatelineError
from dateline.readers.limits import DEFAULT_ARTICLE_CHARS

INTERRUPTED = 130
"""Exit status of a run stopped by Ctrl-C, as shells report SIGINT."""


def _workers_option(default_help: str) -> Any:
    return click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=None,
        help=f"Worker processes, each loading the model once. Default: {default_help}. "
        "Input that fits in one batch runs in this process.",
    )


dask_option = click.option(
    "--dask",
    "dask_address",
    default=None,
    metavar="SCHEDULER_ADDRESS|local",
    help="Run extraction on a Dask cluster: a scheduler address (tcp://host:8786) or "
    "'local' for a LocalCluster of --workers processes. See docs/cluster.md.",
)
batch_size_option = click.option(
    "--batch-size",
    default=32,
    show_default=True,
    type=click.IntRange(min=1),
    help="Articles per batch: the unit sent to a worker and written in one transaction.",
)


max_chars_option = click.option(
    "--max-chars",
    "max_chars",
    default=DEFAULT_ARTICLE_CHARS,
    show_default=True,
    type=click.IntRange(min=1),
    help="Longest article text read, in characters; a longer article (and a file or "
    "JSONL line too large to hold one) is reported and skipped.",
)


def _resolve_workers(workers: int | None) -> int:
    from dateline.scale import default_workers

    return workers if workers is not None else default_workers()


@main.command()
@paths_argument
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="table: readable text; jsonl: one object per article in the gold shape, with spans.",
)
@model_option
@_workers_option("all cores")
@dask_option
@batch_size_option
@max_chars_option
def extract(
    paths: tuple[str, ...],
    output_format: str,
    model: str | None,
    workers: int | None,
    dask_address: str | None,
    batch_size: int,
    max_chars: int,
) -> None:
    """Print the facts of each article in PATHS (files or folders); nothing is stored.

    PATHS may be .txt files (one dispatch each), .jsonl files (records with
    id, text, date, source, title, url; gold files keep their ids), web pages
    (.html, .htm, .html.gz), web archives (.warc, .warc.gz), folders (read
    recursively), http(s) URLs of pages or RSS/Atom feeds, or - for standard
    input. Output keeps the input order whatever the --workers.
    """

    from dateline.output import extraction_to_dict
    from dateline.readers import ReadLimits, read_paths
    from dateline.render import render_article
    from dateline.scale import ParallelExtractor, batched

    tally = Tally()
    done = 0
    try:
        with ParallelExtractor(
            _resolve_workers(workers), model=model, dask=dask_address
        ) as extractor:
            articles = read_paths(paths, ReadLimits(article_chars=max_chars))
            batches = batched(tally.articles(articles), batch_size)
            for outcomes in extractor.run(batches):
                for result in outcomes:
                    if isinstance(result, DatelineError):
                        tally.report(result)
                        continue
                    record = extraction_to_dict(result)
                    if output_format == "jsonl":
                        click.echo(json.dumps(record, ensure_ascii=False))
                    else:
                        click.echo(render_article(record) + "\n")
                    done += 1
    except DatelineError as exc:
        fail(str(exc))
    tally.finish(done, "Extracted")


@main.command()
@paths_argument
@db_option
@model_option
@_workers_option("all cores")
@dask_option
@batch_size_option
@click.option(
    "--resume",
    is_flag=True,
    help="Skip articles already stored with the same text, e.g. to continue an "
    "interrupted ingest. Without it every article is extracted again and replaces "
    "its stored version.",
)
@click.option(
    "--replace",
    is_flag=True,
    help="Let a record replace a stored article of the same id whose text differs "
    "(a corrected re-delivery). Without it such a record is an error and the stored "
    "article is kept, so two articles sharing an id never silently become one.",
)
@max_chars_option
def ingest(
    paths: tuple[str, ...],
    db_url: str,
    model: str | None,
    workers: int | None,
    dask_address: str | None,
    batch_size: int,
    resume: bool,
    replace: bool,
    max_chars: int,
) -> None:
    """Extract the articles in PATHS and store them, streaming in bounded batches.

    Articles are read, extracted (on --workers processes or a --dask cluster)
    and written batch by batch, so memory stays flat whatever the corpus
    size. Each batch is one transaction: an interrupted run (Ctrl-C, kill -9)
    keeps every batch written before it, and `--resume` continues from there
    with nothing stored twice and nothing lost.

    Re-ingesting an article stores it once (its facts are replaced by the new
    extraction). A record whose id is stored with a different text is an
    error unless --replace. A bad file or record is reported with its file and line and
    skipped; the rest is stored, and the exit status is 1 if anything failed.
    """

    from tqdm import tqdm

    from dateline.readers import ReadLimits, read_paths
    from dateline.scale import ParallelExtractor
    from dateline.scale.ingest import IngestCounts, ingest_articles
    from dateline.store import Store

    tally = Tally()
    counts = IngestCounts()
    progress = tqdm(desc="ingest", unit=" articles", file=sys.stderr, dynamic_ncols=True)

    def advance(done: int, so_far: IngestCounts) -> None:
        nonlocal counts
        counts = so_far
        if so_far.skipped:
            progress.set_postfix(skipped=so_far.skipped, refresh=False)
        progress.update(done)

    try:
        with (
            Store(db_url) as store,
            ParallelExtractor(
                _resolve_workers(workers), model=model, dask=dask_address
            ) as extractor,
        ):
            counts = ingest_articles(
                tally.articles(read_paths(paths, ReadLimits(article_chars=max_chars))),
                store,
                extractor,
                batch_size=batch_size,
                resume=resume,
                replace=replace,
                report=tally.report,
                advance=advance,
            )
    except KeyboardInterrupt:
        progress.close()
        click.echo(
            f"Interrupted after storing {counts.stored} article(s) in {db_url}. Every "
            "article written is complete; run the same command with --resume to continue.",
            err=True,
        )
        sys.exit(INTERRUPTED)
    except DatelineError as exc:
        progress.close()
        fail(str(exc))
    progress.close()
    skipped = f", {counts.skipped} already stored" if resume else ""
    copies = (
        f" {counts.copies} republished copy(ies) of stored articles were recorded as "
        "copies, not stored again (`dateline show ID` lists them)."
        if counts.copies
        else ""
    )
    click.echo(
        f"Stored {counts.stored} article(s) in {db_url}: "
        f"{counts.new} new, {counts.replaced} updated{skipped}.{copies}"
    )
    tally.finish(counts.stored, "Stored")


def _interval(_ctx: click.Context, _param: click.Parameter, value: str) -> float:
    from dateline.scale.watch import parse_every

    try:
        return parse_every(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@main.command()
@click.argument("urls", nargs=-1, required=True)
@click.option(
    "--every",
    default="15m",
    show_default=True,
    callback=_interval,
    help="Time between two passes: 30s, 15m, 2h, 1d.",
)
@click.option("--once", is_flag=True, help="Make one pass and exit (for cron).")
@db_option
@model_option
@max_chars_option
def watch(
    urls: tuple[str, ...],
    every: float,
    once: bool,
    db_url: str,
    model: str | None,
    max_chars: int,
) -> None:
    """Poll feeds and pages (URLS) and ingest what is new, pass after pass.

    Each pass asks every URL with the ETag and Last-Modified it sent before,
    reads only the feed items not seen yet (by GUID, else link), ingests them
    as `ingest --resume` does (republished copies recorded, not stored again)
    and prints one line. What was seen is kept in the store, so a restarted
    watch goes on where it stopped. Example:

    \b
      dateline watch https://tass.com/rss/v2.xml --every 15m --db news.db
    """

    import time
    from datetime import UTC, datetime

    from dateline.readers import ReadLimits
    from dateline.readers.web import Fetcher, is_url
    from dateline.scale import ParallelExtractor
    from dateline.scale.watch import watch_pass
    from dateline.store import Store

    bad = [url for url in urls if not is_url(url)]
    if bad:
        fail(f"{bad[0]!r} is not an http(s) URL; watch polls feeds and pages on the web.")
    limits = ReadLimits(article_chars=max_chars)
    tally = Tally()
    passes = 0
    try:
        with (
            Store(db_url) as store,
            ParallelExtractor(1, model=model) as extractor,
        ):
            fetcher = Fetcher(max_bytes=limits.page_bytes)
            try:
                while True:
                    passes += 1
                    done = watch_pass(
                        urls, store, extractor, fetcher, limits=limits, report=tally.report
                    )
                    stamp = datetime.now(UTC).isoformat(timespec="seconds")
                    click.echo(f"{stamp} pass {passes}: {done.line()}")
                    if once:
                        break
                    time.sleep(every)
            finally:
                fetcher.close()
    except KeyboardInterrupt:
        click.echo(f"Stopped after {passes} pass(es); run the same command to go on.", err=True)
        sys.exit(INTERRUPTED)
    except DatelineError as exc:
        fail(str(exc))
    if once and tally.failures:
        sys.exit(1)
