"""Reading articles in: `extract` prints facts, `ingest` stores them."""

from __future__ import annotations

import json
import sys

import click

from dateline.cli import main
from dateline.cli.common import Tally, db_option, fail, model_option, paths_argument
from dateline.errors import DatelineError


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
def extract(paths: tuple[str, ...], output_format: str, model: str | None) -> None:
    """Print the facts of each article in PATHS (files or folders); nothing is stored.

    PATHS may be .txt files (one dispatch each), .jsonl files (records with
    id, text, date, source, title, url; gold files keep their ids) or folders,
    read recursively.
    """

    from dateline.output import extraction_to_dict
    from dateline.pipeline import extract_articles
    from dateline.readers import read_paths
    from dateline.render import render_article

    tally = Tally()
    done = 0
    try:
        for result in extract_articles(tally.articles(read_paths(paths)), model=model):
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
@click.option("--batch-size", default=32, show_default=True, help="Articles per spaCy batch.")
def ingest(paths: tuple[str, ...], db_url: str, model: str | None, batch_size: int) -> None:
    """Extract the articles in PATHS and store them, one transaction per article.

    Re-ingesting an article stores it once (its facts are replaced by the new
    extraction). A bad file or record is reported with its file and line and
    skipped; the rest is stored, and the exit status is 1 if anything failed.
    """

    from tqdm import tqdm

    from dateline.pipeline import extract_articles
    from dateline.readers import read_paths
    from dateline.store import Store

    tally = Tally()
    new = replaced = 0
    try:
        with Store.open(db_url) as store:
            results = extract_articles(
                tally.articles(read_paths(paths)), model=model, batch_size=batch_size
            )
            progress = tqdm(results, desc="ingest", unit=" articles", file=sys.stderr)
            for result in progress:
                if isinstance(result, DatelineError):
                    tally.report(result)
                    continue
                try:
                    if store.save(result):
                        new += 1
                    else:
                        replaced += 1
                except DatelineError as exc:
                    tally.report(exc)
    except DatelineError as exc:
        fail(str(exc))
    click.echo(f"Stored {new + replaced} article(s) in {db_url}: {new} new, {replaced} updated.")
    tally.finish(new + replaced, "Stored")
