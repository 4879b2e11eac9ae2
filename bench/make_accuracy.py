"""Run every benchmark and write bench/ACCURACY.md (what `make eval` does).

One table, dateline against the baselines, one row a benchmark and figure,
stamped with the date and commit so a number can always be traced back to
the code that produced it. `--limit N` is the CI smoke version.

    python bench/make_accuracy.py [--limit 5] [--output bench/ACCURACY.md] [--shared PATH]

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
from pathlib import Path

from dateline.evaluate.benchmarks import BenchmarkResult, BenchmarkRun, run_benchmarks

SYSTEMS = ("dateline", "spaCy NER", "textacy", "quantulum3", "trafilatura")


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


def accuracy_markdown(results: list[BenchmarkResult], limit: int | None, seconds: float) -> str:
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
        "`../shared/eval/GOLD_FORMAT.md` and each module of `bench/dateline_bench`.",
        "",
        "| benchmark | n | figure | " + " | ".join(SYSTEMS) + " |",
        "| --- | ---: | --- | " + " | ".join("---:" for _ in SYSTEMS) + " |",
    ]
    for result in results:
        if result.error:
            empty = " | ".join("" for _ in SYSTEMS)
            lines.append(f"| {result.name} | 0 | FAILED, see notes | {empty} |")
        for metric in result.metrics():
            cells = [_cell(result.scores.get(system, {}).get(metric)) for system in SYSTEMS]
            lines.append(
                f"| {result.name} | {result.articles} | {metric} | " + " | ".join(cells) + " |"
            )
    lines.append("")
    lines.append("## Notes")
    lines.append("")
    for result in results:
        if result.error:
            lines.append(f"- {result.name}: FAILED: {result.error}")
        for note in result.notes:
            lines.append(f"- {result.name}: {note}")
        lines.append(f"- {result.name}: {result.description}, {result.seconds:.0f} s")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles per benchmark")
    parser.add_argument("--benchmark", default="all", help="one benchmark name, or all")
    parser.add_argument("--output", default=str(Path(__file__).with_name("ACCURACY.md")))
    parser.add_argument("--json", default=None, help="also write the raw figures here")
    parser.add_argument("--shared", type=Path, default=None, help="the shared/ folder")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: dateline's)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    settings = BenchmarkRun(limit=args.limit, model=args.model, shared=args.shared)
    results = run_benchmarks(args.benchmark, settings, keep_going=True)
    markdown = accuracy_markdown(results, args.limit, time.perf_counter() - started)
    Path(args.output).write_text(markdown, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(
            json.dumps([r.as_dict() for r in results], indent=2) + "\n", encoding="utf-8"
        )
    print(markdown)
    failed = [r.name for r in results if r.error]
    if failed:
        print(f"benchmarks that failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
