"""Actors across articles: `dateline actor NAME`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from dateline.cli import main
from dateline.cli.common import db_option, fail, reading_store

if TYPE_CHECKING:
    from dateline.store import ActorProfile, ActorRow

MAX_PROFILES = 5
"""A vague NAME matching more actors than this lists them instead of printing each."""


def _identity(actor: ActorRow) -> str:
    details = ", ".join(str(v) for v in (actor.kind, actor.country, actor.sector) if v)
    return f"{actor.name} ({details})"


def render_profile(profile: ActorProfile) -> str:
    """A profile as text: identity, roles over time, then article by article."""

    lines = [_identity(profile), f"  named in {profile.articles} article(s)"]
    if profile.roles:
        lines.append("  roles:")
        for role in profile.roles:
            first, last = role.first_seen or "undated", role.last_seen or "undated"
            seen = first if first == last else f"{first} .. {last}"
            lines.append(f"    {role.role:<30} {seen}  ({role.articles} article(s))")
    for article in profile.appearances:
        when = article.published or "undated"
        lines.append(f"  {when}  {article.article_id}  {article.title or ''}".rstrip())
        if article.roles:
            lines.append(f"      as: {', '.join(article.roles)}")
        if article.mentions:
            lines.append(f"      named: {' | '.join(article.mentions)}")
        for quote in article.quotes:
            lines.append(f"      [{quote.kind}] {quote.text}")
    return "\n".join(lines)


@main.command()
@click.argument("name")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the profiles as JSON.")
def actor(name: str, db_url: str, as_json: bool) -> None:
    """Every article, role and quote of the actor called NAME.

    NAME ignores case and accents; a part of the name is enough
    ("mishustin", "Smailov"), and so is a phrase the articles used for the
    actor ("the Kremlin"). Roles are listed with the first and last
    publication date they were seen, so changes of office show.

    \b
    Examples:
      dateline actor Mishustin --db news.db
      dateline actor "Vladimir Putin" --json
    """

    with reading_store(db_url) as store:
        matches = store.actors.find(name)
        if not matches:
            fail(
                f"no actor named {name!r} in {db_url}; try part of the name, "
                "or `dateline summary` to see who is stored."
            )
        if len(matches) > MAX_PROFILES:
            listed = "\n".join(f"  {_identity(m)}: {m.articles} article(s)" for m in matches[:20])
            fail(f"{len(matches)} actors match {name!r}; give more of the name:\n{listed}")
        profiles = [store.actors.profile(m.actor_id) for m in matches]
    found = [p for p in profiles if p is not None]
    if as_json:
        click.echo(json.dumps([p.as_dict() for p in found], ensure_ascii=False, indent=2))
        return
    click.echo("\n\n".join(render_profile(p) for p in found))
