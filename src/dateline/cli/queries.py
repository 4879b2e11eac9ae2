"""Reading the store back: one article, the articles, quotes, counts, summaries."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import click

from dateline.cli import main
from dateline.cli.common import db_option, fail, reading_store


def _published_option(flag: str, help: str) -> Any:
    return click.option(
        flag, type=click.DateTime(formats=["%Y-%m-%d"]), help=f"{help} (YYYY-MM-DD)."
    )


def _print_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


@main.command()
@click.argument("article_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the stored article as JSON.")
def show(article_id: str, db_url: str, as_json: bool) -> None:
    """Show one stored article with every fact and its spans.

    Each fact ends with `[start:end]`, the character offsets of its words in
    the article's text (with --json, every span also carries its words).
    """

    from dateline.render import render_article

    with reading_store(db_url) as store:
        found = store.articles.get(article_id)
    if found is None:
        fail(f"no article {article_id!r} in {db_url}; `dateline stats` lists what is stored.")
    article = found.as_dict()
    if as_json:
        click.echo(json.dumps(article, ensure_ascii=False, indent=2))
    else:
        click.echo(render_article(article, spans=True))


@main.command()
@click.option(
    "--speaker",
    help="Only quotes by speakers whose name contains this, or, where no actor speaks,"
    ' whose source words do ("letter" finds "the letter says").',
)
@click.option("--contains", help="Only quotes whose text contains these words.")
@_published_option("--since", "Only quotes from articles published on or after this date")
@click.option(
    "--search",
    metavar="WORDS",
    help="Full-text search: only quotes holding every one of these words in any form"
    ' ("sanction" finds "sanctions"), best match first; end a word with * for a prefix.',
)
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the quotes as JSON.")
@db_option
def quotes(
    speaker: str | None,
    contains: str | None,
    since: Any,
    search: str | None,
    limit: int,
    as_json: bool,
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
    if as_json:
        _print_json(found.as_dicts())
        return
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
        _print_json(counts.as_dict())
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
@click.option(
    "--json", "as_json", is_flag=True, help="Print the summaries as JSON (facts by name)."
)
def summary(article_ids: tuple[str, ...], db_url: str, last: int, as_json: bool) -> None:
    """A readable summary of the newest stored articles (or of ARTICLE_IDS)."""

    from dateline.render import render_article

    summaries = []
    with reading_store(db_url) as store:
        ids = list(article_ids) or store.articles.newest(last)
        if not ids:
            fail(f"{db_url} holds no articles yet; store some with `dateline ingest PATH`.")
        for article_id in ids:
            found = store.articles.get(article_id)
            if found is None:
                fail(f"no article {article_id!r} in {db_url}.")
            if as_json:
                summaries.append(found.summary())
            else:
                click.echo(render_article(found.as_dict()) + "\n")
    if as_json:
        _print_json(summaries)


@main.command("articles")
@_published_option("--since", "Only articles published on or after this date")
@_published_option("--until", "Only articles published on or before this date")
@click.option("--source", help="Only articles of this agency or source (case ignored): TASS.")
@click.option(
    "--search",
    metavar="WORDS",
    help='Only articles whose title or text holds every one of these words ("gas transit").',
)
@click.option("--actor", metavar="NAME|ID", help="Only articles naming this actor.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the articles as JSON.")
@db_option
def list_articles(
    since: Any,
    until: Any,
    source: str | None,
    search: str | None,
    actor: str | None,
    limit: int,
    as_json: bool,
    db_url: str,
) -> None:
    """List stored articles, newest first, with how many facts each holds.

    \b
    Examples:
      dateline articles --source TASS --since 2024-12-01
      dateline articles --search "trade turnover" --json
    """

    with reading_store(db_url) as store:
        found = store.articles.page(
            words=search,
            since=since.date() if since else None,
            until=until.date() if until else None,
            source=source,
            actor=actor,
            limit=limit,
        )
    if as_json:
        _print_json(found.as_dicts())
        return
    if not found.items:
        click.echo("No articles match.")
    for row in found.items:
        counts = f"{row.actors} actors, {row.quotes} quotes, {row.events} events"
        click.echo(
            f"{row.published or 'undated':<10}  {row.source or '-':<10}  {row.id}  ({counts})"
        )
        click.echo(f"    {row.title}")
    if len(found.items) < found.total:
        shown = len(found.items)
        click.echo(f"({shown} of {found.total} articles shown; raise --limit to see more.)")
