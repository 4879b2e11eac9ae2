"""Reading the store back: one article, quotes, counts, summaries."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import click

from dateline.cli import main
from dateline.cli.common import db_option, fail, reading_store


@main.command()
@click.argument("article_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the stored article as JSON.")
def show(article_id: str, db_url: str, as_json: bool) -> None:
    """Show one stored article with every fact."""

    from dateline.render import render_article

    with reading_store(db_url) as store:
        found = store.articles.get(article_id)
    if found is None:
        fail(f"no article {article_id!r} in {db_url}; `dateline stats` lists what is stored.")
    article = found.as_dict()
    if as_json:
        click.echo(json.dumps(article, ensure_ascii=False, indent=2))
    else:
        click.echo(render_article(article))


@main.command()
@click.option(
    "--speaker",
    help="Only quotes by speakers whose name contains this, or, where no actor speaks,"
    ' whose source words do ("letter" finds "the letter says").',
)
@click.option("--contains", help="Only quotes whose text contains these words.")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only quotes from articles published on or after this date (YYYY-MM-DD).",
)
@click.option(
    "--search",
    metavar="WORDS",
    help="Full-text search: only quotes holding every one of these words in any form"
    ' ("sanction" finds "sanctions"), best match first; end a word with * for a prefix.',
)
@click.option("--limit", type=int, default=50, show_default=True)
@db_option
def quotes(
    speaker: str | None,
    contains: str | None,
    since: Any,
    search: str | None,
    limit: int,
    db_url: str,
) -> None:
    """List stored quotes with speaker and source article."""

    from dateline.errors import StoreError
    from dateline.render import speaker_label
    from dateline.store import Page, QuoteRow

    since_day: date | None = since.date() if since else None
    found: Page[QuoteRow]
    with reading_store(db_url) as store:
        if search is None:
            found = store.quotes.page(
                speaker=speaker, contains=contains, since=since_day, limit=limit
            )
        else:
            try:
                found = store.quotes.search(
                    search, speaker=speaker, contains=contains, since=since_day, limit=limit
                )
            except StoreError as exc:
                fail(str(exc))
    if not found.items:
        click.echo("No quotes match.")
    for row in found.items:
        who = speaker_label(row.speaker, row.source)
        click.echo(f"{row.published or '':<10}  {who}  [{row.kind}]  {row.article_id}")
        click.echo(f"    {row.text}")
    if len(found.items) < found.total:
        shown = len(found.items)
        click.echo(f"({shown} of {found.total} quotes shown; raise --limit to see more.)")


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
def stats(db_url: str, as_json: bool) -> None:
    """Count what is stored: articles, facts, republished copies, articles per source."""

    with reading_store(db_url) as store:
        counts = store.stats()
    if as_json:
        click.echo(json.dumps(counts.as_dict(), ensure_ascii=False))
        return
    for key, value in counts.as_dict().items():
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

    with reading_store(db_url) as store:
        ids = list(article_ids) or store.articles.newest(last)
        if not ids:
            fail(f"{db_url} holds no articles yet; store some with `dateline ingest PATH`.")
        for article_id in ids:
            found = store.articles.get(article_id)
            if found is None:
                fail(f"no article {article_id!r} in {db_url}.")
            click.echo(render_article(found.as_dict()) + "\n")
