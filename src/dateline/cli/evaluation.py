"""Accuracy against gold annotations and public benchmarks."""

from __future__ import annotations

from pathlib import Path

import click

from dateline.cli import main
from dateline.cli.common import fail, model_option
from dateline.errors import DatelineError


@main.command()
@click.argument("gold", nargs=-1, type=click.Path(path_type=str))
@click.option("--report", "report_path", help="Also write the full report as JSON here.")
@click.option(
    "--benchmark",
    metavar="NAME|all",
    help="Score a public benchmark instead (e.g. newsquant; an unknown NAME lists those "
    "installed), with its baselines side by side; 'all' runs every one. The benchmarks "
    "come with a dateline checkout (bench/, installed by `make run`) and read the corpora "
    "in ../shared.",
)
@click.option(
    "--shared",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="DATELINE_SHARED",
    help="The shared/ folder holding the benchmark corpora. Default: ../shared beside the "
    "working directory, else beside the checkout. Env: DATELINE_SHARED.",
)
@click.option("--limit", type=int, help="Score only the first N articles (smoke runs).")
@click.option(
    "--baseline",
    "baseline_path",
    metavar="OLD.json",
    help="Compare with an earlier --report (or `make eval`'s JSON): per source, which "
    "figures rose and which fell, flagging a figure that rose in total but fell on some "
    "source, and each figure with each source left out.",
)
@click.option(
    "--compare",
    "compare_paths",
    nargs=2,
    metavar="OLD.json NEW.json",
    help="Compare two saved reports without scoring anything.",
)
@model_option
def evaluate(
    gold: tuple[str, ...],
    report_path: str | None,
    benchmark: str | None,
    shared: Path | None,
    limit: int | None,
    baseline_path: str | None,
    compare_paths: tuple[str, str] | None,
    model: str | None,
) -> None:
    """Score extraction against gold annotations (GOLD.jsonl files).

    Prints precision, recall and F1 per field (actors, quotes, amounts, events,
    places), attribute accuracies (mentions, speaker, country, role, value,
    unit, measure, period, event place and date, coordinates), a per-article
    table and every miss and false alarm with its text, then the main figures
    per gold file, per source and with each source left out. The scoring rules
    are those of shared/eval/GOLD_FORMAT.md.

    \b
    Examples:
      dateline evaluate ../shared/eval/dev/tass_dev.jsonl --report tass.json
      dateline evaluate ../shared/eval/dev/*.jsonl eval/dev/*.jsonl --report new.json \\
          --baseline main.json
      dateline evaluate --compare old.json new.json
      dateline evaluate --benchmark newsquant --limit 50
    """

    from dateline.evaluate import run_compare, run_evaluate

    if compare_paths and (gold or benchmark or baseline_path):
        fail("--compare takes two saved reports; score with GOLD files and --baseline instead.")
    if not gold and not benchmark and not compare_paths:
        fail("give GOLD.jsonl files to score, or --benchmark NAME (or 'all').")
    try:
        if compare_paths:
            click.echo(run_compare(*compare_paths))
            return
        click.echo(
            run_evaluate(
                list(gold),
                report_path,
                benchmark,
                limit,
                model=model,
                shared=shared,
                baseline_path=baseline_path,
            )
        )
    except DatelineError as exc:
        fail(str(exc))
