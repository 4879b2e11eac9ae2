"""Events and dyads: `dateline events`, `dateline dyad A B`."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING

import click

from dateline.cli import main
from dateline.cli.common import db_option, fail, reading_store
from dateline.knowledge.event_types import plover_type_names

if TYPE_CHECKING:
    from dateline.store import EventRow


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        fail(f"{option} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2022-01-01.")


def render_event(event: EventRow) -> str:
    """Two lines: date, type, who → whom, place; then the evidence and article."""

    who = ", ".join(event.sources) or "?"
    whom = ", ".join(event.targets) or "-"
    place = f" in {event.place}" if event.place else ""
    intensity = f" ({event.intensity:+.1f})" if event.intensity is not None else ""
    return (
        f"{event.date or 'undated':<12} {event.type:<9}{intensity} {who} -> {whom}{place}\n"
        f"{'':<12} {event.evidence!r} in {event.article_id}"
    )


event_type_option = click.option(
    "--type",
    "kind",
    type=click.Choice(plover_type_names(), case_sensitive=False),
    default=None,
    help="Keep one PLOVER type (CONSULT, ACCUSE, ASSAULT, ...).",
)
event_actor_option = click.option(
    "--actor",
    default=None,
    metavar="NAME|ISO3",
    help="Keep events with this actor on either side: a name (Mishustin) or a "
    "country code (KAZ: the country, its government and its people).",
)


@main.command()
@event_type_option
@event_actor_option
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="Keep events on or after.")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="Keep events on or before.")
@click.option("--json", "as_json", is_flag=True, help="Print the events as JSON.")
@db_option
def events(
    kind: str | None,
    actor: str | None,
    since: str | None,
    until: str | None,
    as_json: bool,
    db_url: str,
) -> None:
    """Stored PLOVER events, oldest first, with sides, place, date and evidence.

    An event's date is the one its article states, else the article's
    publication date; the intensity runs from +10 (cooperation) to -10
    (conflict).

    \b
    Examples:
      dateline events --type CONSULT --actor KAZ --since 2022-01-01
      dateline events --actor "Sergey Lavrov" --type ACCUSE --json
    """

    first_day, last_day = _day(since, "--since"), _day(until, "--until")
    with reading_store(db_url) as store:
        found = store.events.page(
            type=kind.upper() if kind else None, actor=actor, since=first_day, until=last_day
        ).items
    if not found:
        fail(
            f"no stored events match in {db_url}; drop --type, --actor or --since, "
            "or ingest more articles."
        )
    if as_json:
        click.echo(json.dumps([e.as_dict() for e in found], ensure_ascii=False, indent=2))
        return
    click.echo("\n".join(render_event(e) for e in found))


@main.command()
@click.argument("first", metavar="A")
@click.argument("second", metavar="B")
@click.option("--json", "as_json", is_flag=True, help="Print the months as JSON.")
@db_option
def dyad(first: str, second: str, as_json: bool, db_url: str) -> None:
    """Events between A and B per month: how many, and their mean intensity.

    A and B are country codes (KAZ RUS) or actor names; either may be the
    source. Intensity runs from +10 (cooperation) to -10 (conflict), so a
    falling mean is a pair drifting apart.

    \b
    Examples:
      dateline dyad KAZ RUS
      dateline dyad "Sergey Lavrov" USA --json
    """

    with reading_store(db_url) as store:
        months = store.events.dyad(first, second)
    if not months:
        fail(f"no stored events between {first} and {second} in {db_url}.")
    if as_json:
        click.echo(json.dumps([m.as_dict() for m in months], ensure_ascii=False, indent=2))
        return
    click.echo(f"{'month':<9} {'events':>6} {'mean intensity':>15}  types")
    for month in months:
        mean = month.mean_intensity
        shown = f"{mean:+.2f}" if mean is not None else "-"
        types = ", ".join(f"{k} {v}" for k, v in month.types.items())
        click.echo(f"{month.month:<9} {month.events:>6} {shown:>15}  {types}")
