"""Public benchmarks, found where they are installed and run by name.

The benchmarks read corpora from `shared/` beside a checkout, so they are
dev tooling, not part of the library: the `dateline-bench` package in the
checkout's `bench/` folder (installed by `make run`, `make test` and `make
eval`) registers each one under the entry-point group `dateline.benchmarks`
as a function `run(BenchmarkRun) -> BenchmarkResult`. This module holds that
contract and finds what is installed, so `dateline evaluate --benchmark
NAME` works wherever the package is, and says how to get it where it is not.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from dateline.errors import InputError

ENTRY_POINT_GROUP = "dateline.benchmarks"

Metrics = dict[str, float | None]


@dataclass(frozen=True, slots=True)
class BenchmarkRun:
    """What every benchmark is run with."""

    limit: int | None = None
    """Articles at most (the CI smoke run); None for all."""
    model: str | None = None
    """The spaCy pipeline, for dateline and the spaCy-based baselines; None: dateline's default."""
    shared: Path | None = None
    """The `shared/` folder with the corpora; None: the benchmark package looks for it."""


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
    details: dict[str, Any] = field(default_factory=dict)
    """More than the side-by-side figures, as JSON: the dev benchmark's per-source
    `breakdown` (`dateline.evaluate.breakdown`), a benchmark's published figures."""

    def metrics(self) -> list[str]:
        seen: dict[str, None] = {}
        for values in self.scores.values():
            for metric in values:
                seen.setdefault(metric, None)
        return list(seen)

    def format(self) -> str:
        systems = list(self.scores)
        width = max([28, *(len(metric) + 2 for metric in self.metrics())])
        lines = [f"== {self.name}: {self.description} ({self.articles} articles) =="]
        lines.append(f"{'metric':<{width}}" + "".join(f"{s[:16]:>18}" for s in systems))
        for metric in self.metrics():
            cells = "".join(f"{_pct(self.scores[s].get(metric)):>18}" for s in systems)
            lines.append(f"{metric:<{width}}{cells}")
        for entry in self.details.get("published") or []:
            figures = ", ".join(f"{m} {_pct(v)}" for m, v in entry["figures"].items())
            lines.append(f"published, {entry['system']} ({entry['citation']}): {figures}")
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
            "details": self.details,
        }


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


Benchmark = Callable[[BenchmarkRun], BenchmarkResult]

NOT_INSTALLED = (
    "no benchmarks are installed. They come with a dateline checkout (the dateline-bench "
    "package in bench/) and read the corpora in ../shared beside it: in a checkout, run "
    "`make eval` (or `pip install -e bench`). Scoring your own gold needs none: "
    "`dateline evaluate GOLD.jsonl`."
)


def installed_benchmarks() -> dict[str, Callable[[], Benchmark]]:
    """Each installed benchmark's name, with what loads its `run` function.

    Loading is left to the caller: importing one benchmark's module (and
    its baseline libraries) then cannot break or slow the others, nor the
    CLI's start.
    """

    return {entry.name: entry.load for entry in entry_points(group=ENTRY_POINT_GROUP)}


def run_benchmarks(
    name: str, settings: BenchmarkRun | None = None, *, keep_going: bool = False
) -> list[BenchmarkResult]:
    """Run one installed benchmark by name, or every one with "all", in registration order.

    With `keep_going`, a benchmark that raises becomes a result carrying
    the error (and no scores) and the others still run, so one broken
    corpus cannot cost the whole accuracy report.
    """

    found = installed_benchmarks()
    if not found:
        raise InputError("--benchmark", NOT_INSTALLED)
    names = list(found) if name == "all" else [name]
    unknown = [chosen for chosen in names if chosen not in found]
    if unknown:
        raise InputError(
            "--benchmark",
            f"unknown benchmark {unknown[0]!r}; choose from {', '.join(found)} or all",
        )
    results = []
    for chosen in names:
        started = time.perf_counter()
        try:
            result = found[chosen]()(settings or BenchmarkRun())
        except Exception as exc:  # any failure of one corpus, reported instead of raised
            if not keep_going:
                raise
            result = BenchmarkResult(chosen, "did not run")
            result.error = f"{type(exc).__name__}: {exc}"
        result.seconds = time.perf_counter() - started
        results.append(result)
    return results
