"""dateline's public benchmarks: one module a corpus of `shared/corpus`, scored beside baselines.

Each module reads its corpus's own conversion, turns the gold into our
shape where the task fits (and then scores with `score_articles`) or scores
it with a small dedicated scorer where it does not, and exposes
`run(BenchmarkRun) -> BenchmarkResult`. They are registered under the
entry-point group `dateline.benchmarks` (see `pyproject.toml` beside this
package), which is how `dateline evaluate --benchmark NAME` and
`bench/make_accuracy.py` find them.

The corpora come from the `shared/` folder: `--shared PATH` (the run's
`shared`), else `$DATELINE_SHARED`, else `../shared` beside the working
directory, else beside this checkout (this package is installed editable
from a checkout, so the checkout is where its source lies).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.evaluate.benchmarks import BenchmarkResult, BenchmarkRun, Metrics
from dateline.evaluate.report import Report

SHARED_ENV = "DATELINE_SHARED"
CHECKOUT = Path(__file__).resolve().parent.parent.parent
"""The checkout this package's source lies in (bench/dateline_bench/ inside it)."""

__all__ = [
    "BenchmarkResult",
    "BenchmarkRun",
    "Metrics",
    "baseline",
    "corpus",
    "f1",
    "read_jsonl",
    "report_metrics",
    "shared_root",
]


def shared_root(explicit: Path | None = None) -> Path:
    """The `shared/` folder holding `corpus/` and `eval/`, or an `InputError` naming
    every place looked at."""

    if explicit is not None or os.environ.get(SHARED_ENV):
        chosen = explicit or Path(os.environ[SHARED_ENV])
        where = "--shared" if explicit is not None else f"${SHARED_ENV}"
        if not chosen.is_dir():
            raise InputError(str(chosen), f"the shared folder given by {where} does not exist")
        return chosen
    candidates = {
        "beside the working directory": Path.cwd().parent / "shared",
        "beside the checkout": CHECKOUT.parent / "shared",
    }
    for candidate in candidates.values():
        if candidate.is_dir():
            return candidate
    looked = "; ".join(f"{path} ({why})" for why, path in candidates.items())
    raise InputError(
        "shared/",
        f"no shared folder with the benchmark corpora: looked for {looked}. "
        f"Give it with --shared PATH or ${SHARED_ENV}.",
    )


def corpus(settings: BenchmarkRun, relative: str) -> Path:
    """A file of `shared/corpus`, e.g. `corpus(settings, "newsquant/newsquant.jsonl")`."""

    return shared_root(settings.shared) / "corpus" / relative


REPO_DEV_GOLD = CHECKOUT / "eval" / "dev"
"""The checkout's own dev gold (news_dev.jsonl, web_dev.jsonl), beside the shared files."""


def dev_gold(settings: BenchmarkRun) -> list[Path]:
    """The dev gold files: `shared/eval/dev`, then the checkout's own `eval/dev`."""

    shared = sorted((shared_root(settings.shared) / "eval" / "dev").glob("*.jsonl"))
    return shared + sorted(REPO_DEV_GOLD.glob("*.jsonl"))


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Records of a corpus conversion, at most `limit`."""

    if not path.exists():
        raise InputError(str(path), "benchmark corpus not found (give --shared PATH)")
    count = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            yield json.loads(line)
            count += 1
            if limit is not None and count >= limit:
                return


def report_metrics(report: Report, fields: Sequence[str] = (), accuracies: Any = ()) -> Metrics:
    """Chosen figures of a `Report`: F1 of `fields`, accuracy of `accuracies`."""

    metrics: Metrics = {}
    totals, accs = report.fields, report.accuracies
    for name in fields:
        metrics[f"{name} F1"] = totals[name].f1
    for name in accuracies:
        metrics[f"{name} acc"] = accs[name].value
    return metrics


def f1(tp: int, fp: int, fn: int) -> float | None:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None


OPTIONAL_BASELINES = {"textacy": "textacy==0.13.0", "quantulum3": "quantulum3==0.10.0"}
"""Baseline libraries that may be missing, with what installs each: textacy is a
dev extra; quantulum3 comes with this package but a user may have left it out."""


def baseline(result: BenchmarkResult, system: str, score: Callable[[], Metrics]) -> None:
    """`result.scores[system] = score()`, or a note where the baseline's library is missing.

    Every baseline goes through here: where its library (`OPTIONAL_BASELINES`)
    is not installed, the benchmark still scores dateline and the other
    systems, and says which baseline it left out and how to add it.
    """

    try:
        result.scores[system] = score()
    except ModuleNotFoundError as exc:
        library = (exc.name or "").split(".")[0]
        if library not in OPTIONAL_BASELINES:
            raise
        result.notes.append(
            f"{system} baseline skipped: {library} is not installed "
            f"(pip install '{OPTIONAL_BASELINES[library]}', or `make test` in the checkout)"
        )
