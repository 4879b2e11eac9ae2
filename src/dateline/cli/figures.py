"""Figures over time: `dateline figures --measure ... --between ...`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from dateline.cli import main
from dateline.cli.common import db_option, fail, reading_store

if TYPE_CHECKING:
    from dateline.store import FigureRow

SCALES = ((1e12, "trn"), (1e9, "bn"), (1e6, "mln"))
BOUND_MARKS = {"upper": "<=", "lower": ">=", "around": "~"}


def format_value(value: float, unit: str | None) -> str:
    """ "24.2bn USD", "33%", "13": how a reader writes the figure back."""

    if unit == "ratio":
        return f"{value * 100:.4g}%"
    for size, suffix in SCALES:
        if abs(value) >= size:
            number = f"{value / size:.4g}{suffix}"
            break
    else:
        number = f"{value:,.4g}" if abs(value) >= 1e4 else f"{value:g}"
    return number if unit in (None, "count") else f"{number} {unit}"


def render_figure(figure: FigureRow) -> str:
    """One line per figure: period, value, what it measures, the article."""

    period = figure.period or "-"
    value = BOUND_MARKS.get(figure.bound or "", "") + format_value(figure.value, figure.unit)
    if figure.low is not None and figure.high is not None:  # a range reads as both ends
        low = format_value(figure.low, "ratio" if figure.unit == "ratio" else None)
        value = f"{low}-{format_value(figure.high, figure.unit)}"
    if figure.change:
        value = f"change {value}"
    published = figure.published or "undated"
    return (
        f"{period:<18} {value:<22} {figure.measure}\n"
        f"{'':<18} {figure.text!r} in {figure.article_id} ({published})"
    )


@main.command()
@click.option(
    "--measure",
    required=True,
    help='Words of the measure, in any order ("trade turnover", "gas exports").',
)
@click.option(
    "--between",
    nargs=2,
    default=None,
    metavar="PARTY PARTY",
    help="Keep figures about both parties (actor names, e.g. Kazakhstan Russia).",
)
@click.option(
    "--party",
    "parties",
    multiple=True,
    metavar="NAME",
    help="Keep figures about this actor; repeat for more.",
)
@click.option("--unit", default=None, help="Keep one unit: an ISO code (USD), ratio, count, ...")
@click.option("--levels", is_flag=True, help="Leave out changes (growth rates, 'up 5%').")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@db_option
def figures(
    measure: str,
    between: tuple[str, str] | None,
    parties: tuple[str, ...],
    unit: str | None,
    levels: bool,
    as_json: bool,
    db_url: str,
) -> None:
    """Stored values of one measure over time, oldest first.

    Each figure is listed with the period it refers to, its value, the
    measure as the article worded it and the article it came from. The
    measure matches by words in any order; the parties match the actors the
    figure is about, or names in the measure's own words.

    \b
    Examples:
      dateline figures --measure "trade turnover" --between Kazakhstan Russia
      dateline figures --measure "trade turnover" --between Kazakhstan Russia --unit USD
      dateline figures --measure "gas exports" --party Gazprom --json --db news.db
    """

    wanted = [*(between or ()), *parties]
    with reading_store(db_url) as store:
        found = store.figures.page(
            measure=measure, parties=wanted, unit=unit, levels_only=levels
        ).items
    if not found:
        about = f" about {' and '.join(wanted)}" if wanted else ""
        fail(
            f"no figures of {measure!r}{about} in {db_url}; try fewer words, "
            "drop --unit or --between, or ingest more articles."
        )
    if as_json:
        click.echo(json.dumps([f.as_dict() for f in found], ensure_ascii=False, indent=2))
        return
    click.echo("\n".join(render_figure(f) for f in found))
