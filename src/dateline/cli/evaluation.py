"""Accuracy against gold annotations and public benchmarks."""

from __future__ import annotations

import click

from dateline.cli import main
from dateline.cli.common import fail, model_option
from dateline.errors import DatelineError
from dateline.evaluate.benchmarks import BENCHMARKS


@main.command()
@click.argument("gold", nargs=-1, type=click.Path(path_type=str))
@click.option("--report", "report_path", help="Also write the full report as JSON here.")
@click.option(
    "--benchmark",
    type=click.Choice([*BENCHMARKS, "all"]),
    help="Score a public benchmark from shared/corpus instead, with its baselines side by side.",
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
        fail("give GOLD.jsonl files to score, or --benchmark NAME (or 'all').")
    if model:
        os.environ["DATELINE_MODEL"] = model
    try:
        click.echo(run_evaluate(list(gold), report_path, benchmark, limit))
    except DatelineError as exc:
        fail(str(exc))
