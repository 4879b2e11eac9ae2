"""Public benchmarks, each scored for dateline and a baseline side by side.

One module a corpus under `shared/corpus` beside the checkout (override
with `$DATELINE_CORPUS`): it reads the corpus's own conversion, turns the gold
into our shape where the task fits (and then scores with `score_articles`)
or scores it with a small dedicated scorer where it does not. Every module
exposes `run(limit) -> BenchmarkResult`; `limit` caps the articles for the
CI smoke run.
"""

from __future__ import annotations

import importlib
import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.evaluate.report import Report

CORPUS_ENV = "DATELINE_CORPUS"
DEV_GOLD_ENV = "DATELINE_DEV_GOLD"

Metrics = dict[str, float | None]


def shared_root() -> Path:
    """The project's `shared/` folder: beside the working directory or the checkout."""

    checkout = Path(__file__).resolve().parents[4]
    for candidate in (
        Path.cwd().parent / "shared",
        Path.cwd() / "shared",
        checkout.parent / "shared",
    ):
        if candidate.is_dir():
            return candidate
    return checkout.parent / "shared"


def corpus_root() -> Path:
    return Path(os.environ.get(CORPUS_ENV) or shared_root() / "corpus")


def dev_gold_root() -> Path:
    return Path(os.environ.get(DEV_GOLD_ENV) or shared_root() / "eval" / "dev")


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Records of a corpus conversion, at most `limit`."""

    if not path.exists():
        raise InputError(str(path), f"benchmark corpus not found (set ${CORPUS_ENV})")
    count = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            yield json.loads(line)
            count += 1
            if limit is not None and count >= limit:
                return


@dataclass(slots=True)
class BenchmarkResult:
    """Figures of every system on one benchmark: `scores[system][metric]`."""

    name: str
    description: str
    articles: int = 0
    scores: dict[str, Metrics] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None
    """Why the benchmark did not run (`run_benchmarks(keep_going=True)`)."""

    def metrics(self) -> list[str]:
        seen: dict[str, None] = {}
        for values in self.scores.values():
            for metric in values:
                seen.setdefault(metric, None)
        return list(seen)

    def format(self) -> str:
        systems = list(self.scores)
        lines = [f"== {self.name}: {self.description} ({self.articles} articles) =="]
        lines.append(f"{'metric':<28}" + "".join(f"{s[:16]:>18}" for s in systems))
        for metric in self.metrics():
            cells = "".join(f"{_pct(self.scores[s].get(metric)):>18}" for s in systems)
            lines.append(f"{metric:<28}{cells}")
        lines.extend(f"note: {note}" for note in self.notes)
        if self.error:
            lines.append(f"ERROR: {self.error}")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "articles": self.articles,
            "scores": self.scores,
            "notes": self.notes,
            "seconds": round(self.seconds, 1),
            "error": self.error,
        }


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def report_metrics(report: Report, fields: Any = (), accuracies: Any = ()) -> Metrics:
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


Runner = Callable[[int | None], BenchmarkResult]

_MODULES = {
    "dev": "devgold",
    "polnear": "polnear",
    "newsquant": "newsquant",
    "plover-gsr": "plover_gsr",
    "event-location": "event_location",
    "conllpp": "conllpp",
    "newswcl50": "newswcl50",
    "meantime-en": "meantime",
}
"""Benchmark name -> module of this package exposing `run(limit)`."""

BENCHMARKS = tuple(_MODULES)
"""Names `--benchmark` accepts (or "all")."""


def runner(name: str) -> Runner:
    """The `run` function of one benchmark, imported only when it is needed.

    Late import keeps a broken or slow-to-import benchmark module from
    affecting the others (and the CLI start-up).
    """

    module = importlib.import_module(f"{__name__}.{_MODULES[name]}")
    run: Runner = module.run
    return run


def run_benchmarks(
    name: str, limit: int | None = None, *, keep_going: bool = False
) -> list[BenchmarkResult]:
    """Run one benchmark by name, or every one with "all".

    With `keep_going`, a benchmark that raises becomes a result carrying
    the error (and no scores) and the others still run, so one broken
    corpus cannot cost the whole accuracy report.
    """

    names = list(BENCHMARKS) if name == "all" else [name]
    unknown = [chosen for chosen in names if chosen not in _MODULES]
    if unknown:
        raise InputError(
            "--benchmark",
            f"unknown benchmark {unknown[0]!r}; choose from {', '.join(BENCHMARKS)} or all",
        )
    results = []
    for chosen in names:
        started = time.perf_counter()
        try:
            result = runner(chosen)(limit)
        except Exception as exc:  # any failure of one corpus, reported instead of raised
            if not keep_going:
                raise
            result = BenchmarkResult(chosen, "did not run")
            result.error = f"{type(exc).__name__}: {exc}"
        result.seconds = time.perf_counter() - started
        results.append(result)
    return results
