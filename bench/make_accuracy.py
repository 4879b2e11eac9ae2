"""Run every benchmark and write bench/ACCURACY.md (what `make eval` does).

One table, dateline against the baselines (and the published figures where a
benchmark has them), one row a benchmark and figure, stamped with the date
and commit so a number can always be traced back to the code that produced
it; then the dev gold per file, per source and with each source left out.
`--limit N` is the CI smoke version.

    python bench/make_accuracy.py [--limit 5] [--output bench/ACCURACY.md] [--shared PATH]
        [--json report.json] [--baseline old.json]

`--json` also writes the figures (the dev gold's per-source breakdown, every
benchmark's scores) as JSON; `--baseline` compares this run with such a file
from an earlier run (or with `dateline evaluate --report`'s JSON): per source,
which figures rose and which fell, a figure that rose in total but fell on a
source flagged, and each figure with each source left out.

The benchmarks are those installed under the `dateline.benchmarks` entry
points: the `dateline-bench` package beside this script (`make eval`
installs it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline.evaluate.benchmarks import BenchmarkResult, BenchmarkRun, run_benchmarks
from dateline.evaluate.breakdown import Breakdown, breakdown_markdown
from dateline.evaluate.compare import (
    baseline_label,
    compare_payloads,
    format_comparison,
    read_payload,
)

SYSTEMS = ("dateline", "spaCy NER", "textacy", "quantulum3", "trafilatura")

HOW_TO_COMPARE = """\
How to compare a change with a baseline (leave-one-source-out check):

- `make eval EVAL_JSON=new.json BASELINE=old.json` (or `python bench/make_accuracy.py
  --json new.json --baseline old.json`) reruns everything and compares: per main figure,
  the total before and after, the sources where it rose and where it fell, and each
  figure on the dev gold without each source. A figure that rose in total but fell on
  some source is flagged HELPS ONE SOURCE, COSTS ANOTHER; one whose gain vanishes when
  a source is left out rests on that source alone. Neither is a general rule.
- The dev gold alone, quicker: `dateline evaluate ../shared/eval/dev/*.jsonl
  eval/dev/*.jsonl --report new.json --baseline old.json`; two saved reports without
  scoring: `dateline evaluate --compare old.json new.json`.
- A baseline of main: check out main, `make eval EVAL_JSON=main.json`."""


def current_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parent,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent,
    ).stdout.strip()
    return out.stdout.strip() + (" (with uncommitted changes)" if dirty else "")


def _cell(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f}"


def _published(result: BenchmarkResult) -> list[Mapping[str, Any]]:
    return list(result.details.get("published") or [])


def _published_cell(result: BenchmarkResult, metric: str) -> str:
    """Each published system's figure for `metric`: "83.2 CofeNet; 13.9 CoreNLP"."""

    found = [
        f"{_cell(entry['figures'][metric])} {entry['system']}"
        for entry in _published(result)
        if entry.get("figures", {}).get(metric) is not None
    ]
    return "; ".join(found)


def _dev_breakdown(results: Sequence[BenchmarkResult]) -> Breakdown | None:
    for result in results:
        found = result.details.get("breakdown")
        if found is not None:
            return Breakdown.from_dict(found)
    return None


def accuracy_markdown(
    results: list[BenchmarkResult],
    limit: int | None,
    seconds: float,
    comparison: str | None = None,
) -> str:
    columns = [*SYSTEMS, "published"]
    lines = [
        "# Accuracy",
        "",
        f"- Date: {dt.date.today().isoformat()}",
        f"- Commit: {current_commit()}",
        f"- Articles per benchmark: {'all' if limit is None else f'at most {limit} (smoke run)'}",
        f"- Run time: {seconds / 60:.1f} min",
        "",
        "Percentages; empty where a system does not cover the figure. Produced by "
        "`bench/make_accuracy.py` (`make eval`); scoring rules in "
        "`../shared/eval/GOLD_FORMAT.md` and each module of `bench/dateline_bench`. "
        "The published column holds other systems' figures as their authors report "
        "them (reference rows, see 'Published figures'); they were not rerun here.",
        "",
        "The dev gold is also given per gold file, per source and with each source left "
        "out (below the notes).",
        "",
        HOW_TO_COMPARE,
        "",
        "| benchmark | n | figure | " + " | ".join(columns) + " |",
        "| --- | ---: | --- | " + " | ".join("---:" for _ in columns) + " |",
    ]
    for result in results:
        if result.error:
            empty = " | ".join("" for _ in columns)
            lines.append(f"| {result.name} | 0 | FAILED, see notes | {empty} |")
        for metric in result.metrics():
            cells = [_cell(result.scores.get(system, {}).get(metric)) for system in SYSTEMS]
            cells.append(_published_cell(result, metric))
            lines.append(
                f"| {result.name} | {result.articles} | {metric} | " + " | ".join(cells) + " |"
            )
    lines.extend(_published_section(results))
    lines.append("")
    lines.append("## Notes")
    lines.append("")
    for result in results:
        if result.error:
            lines.append(f"- {result.name}: FAILED: {result.error}")
        for note in result.notes:
            lines.append(f"- {result.name}: {note}")
        lines.append(f"- {result.name}: {result.description}, {result.seconds:.0f} s")
    breakdown = _dev_breakdown(results)
    if breakdown is not None:
        lines.extend(["", "## Dev gold per file and per source", ""])
        lines.append(
            "dateline's main figures on each gold file, each source (the agency or outlet, "
            "pooled across files) and the dev gold without each source; micro-averaged "
            "like the totals. A source of one article moves by whole items: read the "
            "leave-one-source-out rows for what a change does in general."
        )
        lines.append("")
        lines.append(breakdown_markdown(breakdown))
    if comparison:
        lines.extend(["", "## Compared with the baseline", "", comparison])
    return "\n".join(lines) + "\n"


def _published_section(results: Sequence[BenchmarkResult]) -> list[str]:
    entries = [(result, entry) for result in results for entry in _published(result)]
    if not entries:
        return []
    lines = ["", "## Published figures (reference rows)", ""]
    lines.append("| benchmark | system | figure | published | dateline | source |")
    lines.append("| --- | --- | --- | ---: | ---: | --- |")
    for result, entry in entries:
        for metric, value in entry["figures"].items():
            ours = _cell(result.scores.get("dateline", {}).get(metric))
            lines.append(
                f"| {result.name} | {entry['system']} | {metric} | {_cell(value)} | {ours} | "
                f"{entry['citation']} |"
            )
    notes = [
        f"- {result.name}, {entry['system']}: {entry['note']}"
        for result, entry in entries
        if entry.get("note")
    ]
    if notes:
        lines.append("")
        lines.extend(notes)
    return lines


def report_payload(results: Sequence[BenchmarkResult], limit: int | None) -> dict[str, Any]:
    """What `--json` writes: the run's stamp, every benchmark, and the dev breakdown."""

    breakdown = _dev_breakdown(results)
    return {
        "date": dt.date.today().isoformat(),
        "commit": current_commit(),
        "limit": limit,
        "breakdown": breakdown.as_dict() if breakdown is not None else None,
        "benchmarks": [r.as_dict() for r in results],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles per benchmark")
    parser.add_argument("--benchmark", default="all", help="one benchmark name, or all")
    parser.add_argument("--output", default=str(Path(__file__).with_name("ACCURACY.md")))
    parser.add_argument("--json", default=None, help="also write the figures here (JSON)")
    parser.add_argument(
        "--baseline", default=None, help="compare with an earlier --json (or evaluate --report)"
    )
    parser.add_argument("--shared", type=Path, default=None, help="the shared/ folder")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: dateline's)")
    args = parser.parse_args(argv)
    try:
        old = read_payload(args.baseline) if args.baseline else None  # a bad one fails at once
    except DatelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    settings = BenchmarkRun(limit=args.limit, model=args.model, shared=args.shared)
    results = run_benchmarks(args.benchmark, settings, keep_going=True)
    payload = report_payload(results, args.limit)
    comparison = None
    if old is not None:
        comparison = compare_payloads(old, payload, baseline_label(old, args.baseline))
        payload["comparison"] = comparison.as_dict()
    markdown = accuracy_markdown(
        results,
        args.limit,
        time.perf_counter() - started,
        format_comparison(comparison, markdown=True) if comparison else None,
    )
    Path(args.output).write_text(markdown, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(
            json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    print(markdown)
    if comparison is not None:
        print(format_comparison(comparison))
    failed = [r.name for r in results if r.error]
    if failed:
        print(f"benchmarks that failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
