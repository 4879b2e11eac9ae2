"""A change against a baseline: per source, which figures rose and which fell.

Both sides are accuracy reports as JSON: what `dateline evaluate GOLD...
--report FILE` writes, or what `bench/make_accuracy.py --json FILE` (`make
eval`) writes. Each holds a `breakdown` (`dateline.evaluate.breakdown`) and
may hold `benchmarks`. The comparison says, for every main figure:

- the total before and after;
- each source where it rose and where it fell; a source where it fell while
  the total rose is flagged "helps one source, costs another": the rule is
  not general, whatever the total says;
- leave-one-source-out: the figure on the gold without each source, before
  and after. A total that rose while some left-out figure did not rise owes
  its gain to that one source.

Figures are compared at the precision they are printed (0.1 points), so
rounding never reads as a change.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.evaluate.breakdown import FIGURE_NAMES, Breakdown, Group

BENCHMARK_SYSTEM = "dateline"
"""The system whose benchmark figures are compared (the baselines do not change)."""


def _points(value: float | None) -> float | None:
    return None if value is None else round(100 * value, 1)


def _delta(before: float | None, after: float | None) -> float | None:
    a, b = _points(before), _points(after)
    return None if a is None or b is None else round(b - a, 1)


@dataclass(frozen=True, slots=True)
class Move:
    """One figure of one group (a source, or the gold without one) before and after."""

    group: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        return _delta(self.before, self.after)

    def text(self) -> str:
        delta = self.delta
        return f"{self.group} {delta:+.1f}" if delta is not None else self.group


@dataclass(slots=True)
class FigureChange:
    """How one main figure moved, in total and per source."""

    figure: str
    before: float | None
    after: float | None
    sources: list[Move] = field(default_factory=list)
    left_out: list[Move] = field(default_factory=list)

    @property
    def delta(self) -> float | None:
        return _delta(self.before, self.after)

    @property
    def rose_in(self) -> list[Move]:
        return sorted(
            (m for m in self.sources if (m.delta or 0) > 0), key=lambda m: -(m.delta or 0)
        )

    @property
    def fell_in(self) -> list[Move]:
        return sorted((m for m in self.sources if (m.delta or 0) < 0), key=lambda m: m.delta or 0)

    @property
    def costs_another(self) -> bool:
        """The total rose, yet the figure fell on some source."""

        return (self.delta or 0) > 0 and bool(self.fell_in)

    @property
    def rests_on(self) -> list[Move]:
        """Where the total rose: the sources without which it would not have risen."""

        if (self.delta or 0) <= 0:
            return []
        return [m for m in self.left_out if m.delta is not None and m.delta <= 0]

    def as_dict(self) -> dict[str, Any]:
        def moves(chosen: Sequence[Move]) -> list[dict[str, Any]]:
            return [
                {"group": m.group, "before": m.before, "after": m.after, "delta": m.delta}
                for m in chosen
            ]

        return {
            "figure": self.figure,
            "before": self.before,
            "after": self.after,
            "delta": self.delta,
            "rose_in": moves(self.rose_in),
            "fell_in": moves(self.fell_in),
            "costs_another": self.costs_another,
            "rests_on": moves(self.rests_on),
            "left_out": moves(self.left_out),
        }


@dataclass(frozen=True, slots=True)
class BenchmarkChange:
    benchmark: str
    metric: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        return _delta(self.before, self.after)


@dataclass(slots=True)
class Comparison:
    """Every figure's move from a baseline report to a new one."""

    baseline: str
    figures: list[FigureChange] = field(default_factory=list)
    benchmarks: list[BenchmarkChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def mixed(self) -> list[FigureChange]:
        """Figures that rose in total but fell on some source."""

        return [f for f in self.figures if f.costs_another]

    def as_dict(self) -> dict[str, Any]:
        return {
            "baseline": self.baseline,
            "figures": [f.as_dict() for f in self.figures],
            "benchmarks": [
                {
                    "benchmark": b.benchmark,
                    "metric": b.metric,
                    "before": b.before,
                    "after": b.after,
                    "delta": b.delta,
                }
                for b in self.benchmarks
            ],
            "notes": self.notes,
        }


def _moves(before: Sequence[Group], after: Sequence[Group], figure: str) -> list[Move]:
    old = {g.name: g for g in before}
    return [
        Move(g.name, old[g.name].figures.get(figure), g.figures.get(figure))
        for g in after
        if g.name in old
    ]


def compare_breakdowns(
    before: Breakdown, after: Breakdown, baseline: str = "baseline"
) -> Comparison:
    """Each main figure's move in total, per source and with each source left out."""

    comparison = Comparison(baseline)
    old_sources = {g.name: g for g in before.sources}
    new_sources = {g.name: g for g in after.sources}
    only_before = sorted(set(old_sources) - set(new_sources))
    only_after = sorted(set(new_sources) - set(old_sources))
    if only_before:
        comparison.notes.append(f"only in the baseline (not compared): {', '.join(only_before)}")
    if only_after:
        comparison.notes.append(f"new since the baseline (not compared): {', '.join(only_after)}")
    changed = [
        name
        for name in set(old_sources) & set(new_sources)
        if set(old_sources[name].articles) != set(new_sources[name].articles)
    ]
    if changed or only_before or only_after:
        comparison.notes.append(
            "the two reports score different gold"
            + (f" (other articles for {', '.join(sorted(changed))})" if changed else "")
            + ": totals and left-out figures are not like for like"
        )
    for figure in FIGURE_NAMES:
        comparison.figures.append(
            FigureChange(
                figure,
                before.overall.figures.get(figure),
                after.overall.figures.get(figure),
                sources=_moves(before.sources, after.sources, figure),
                left_out=_moves(before.left_out, after.left_out, figure),
            )
        )
    return comparison


def _benchmark_scores(payload: Mapping[str, Any]) -> dict[tuple[str, str], float | None]:
    scores: dict[tuple[str, str], float | None] = {}
    for result in payload.get("benchmarks") or []:
        for metric, value in (result.get("scores") or {}).get(BENCHMARK_SYSTEM, {}).items():
            scores[(str(result.get("name")), str(metric))] = value
    return scores


def payload_breakdown(payload: Mapping[str, Any]) -> Breakdown | None:
    """The dev breakdown of a report: its own, else the one the `dev` benchmark carries."""

    found = payload.get("breakdown")
    if found is None:
        for result in payload.get("benchmarks") or []:
            found = (result.get("details") or {}).get("breakdown")
            if found is not None:
                break
    return Breakdown.from_dict(found) if found is not None else None


def compare_payloads(
    before: Mapping[str, Any], after: Mapping[str, Any], baseline: str = "baseline"
) -> Comparison:
    """Compare two report payloads: the dev breakdown, then every benchmark figure of dateline."""

    old, new = payload_breakdown(before), payload_breakdown(after)
    if old is not None and new is not None:
        comparison = compare_breakdowns(old, new, baseline)
    else:
        comparison = Comparison(baseline)
        if old is not None or new is not None:
            side = "baseline" if old is None else "new report"
            comparison.notes.append(f"the {side} has no per-source breakdown of the dev gold")
    old_scores, new_scores = _benchmark_scores(before), _benchmark_scores(after)
    for key, value in new_scores.items():
        if key in old_scores:
            comparison.benchmarks.append(BenchmarkChange(*key, old_scores[key], value))
    return comparison


def read_payload(path: str | Path) -> dict[str, Any]:
    """A report written by `dateline evaluate --report` or `make_accuracy.py --json`."""

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(path), f"cannot open the report ({exc.strerror})") from exc
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"not JSON: {exc.msg}", line=exc.lineno) from exc
    if isinstance(data, list):  # make_accuracy.py --json before it carried the breakdown
        data = {"benchmarks": data}
    if not isinstance(data, dict) or not ({"breakdown", "benchmarks"} & set(data)):
        raise InputError(
            str(path),
            "not an accuracy report: expected what `dateline evaluate --report` or "
            "`bench/make_accuracy.py --json` writes",
        )
    return data


def baseline_label(payload: Mapping[str, Any], path: str | Path) -> str:
    commit = payload.get("commit")
    return f"{path} (commit {commit})" if commit else str(path)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _signed(value: float | None) -> str:
    return "" if value is None else f"{value:+.1f}"


def _list(moves: Sequence[Move], most: int = 6) -> str:
    shown = ", ".join(m.text() for m in moves[:most])
    return shown + (f", +{len(moves) - most} more" if len(moves) > most else "")


def format_comparison(comparison: Comparison, *, markdown: bool = False) -> str:
    """The comparison as text (for the terminal) or as Markdown tables."""

    if markdown:
        return _markdown(comparison)
    lines = [f"== compared with {comparison.baseline} =="]
    lines.append(f"{'figure':<18}{'before':>7}{'after':>7}{'delta':>7}   per source")
    for change in comparison.figures:
        lines.append(
            f"{change.figure:<18}{_pct(change.before):>7}{_pct(change.after):>7}"
            f"{_signed(change.delta):>7}   {_verdict(change)}"
        )
        if change.rose_in:
            lines.append(f"{'':<39}rose: {_list(change.rose_in)}")
        if change.fell_in:
            lines.append(f"{'':<39}fell: {_list(change.fell_in)}")
        if change.rests_on:
            lines.append(f"{'':<39}no gain without: {_list(change.rests_on)}")
    if comparison.benchmarks:
        lines.append("")
        lines.append(f"{'benchmark figure (dateline)':<52}{'before':>7}{'after':>7}{'delta':>7}")
        for bench in comparison.benchmarks:
            name = f"{bench.benchmark}: {bench.metric}"
            lines.append(
                f"{name[:51]:<52}{_pct(bench.before):>7}{_pct(bench.after):>7}"
                f"{_signed(bench.delta):>7}"
            )
    lines.extend(f"note: {note}" for note in comparison.notes)
    return "\n".join(lines)


def _verdict(change: FigureChange) -> str:
    if change.costs_another:
        return "HELPS ONE SOURCE, COSTS ANOTHER"
    if change.rests_on:
        return "gain rests on one source"
    if change.delta is None:
        return ""
    if change.delta > 0:
        return "rose"
    if change.delta < 0:
        return "fell"
    if change.fell_in and change.rose_in:
        return "total unchanged, sources moved both ways"
    return "unchanged" if not change.fell_in and not change.rose_in else "total unchanged"


def _markdown(comparison: Comparison) -> str:
    lines = [
        "| figure | before | after | delta | verdict | rose in | fell in | no gain without |",
        "| --- | ---: | ---: | ---: | --- | --- | --- | --- |",
    ]
    for change in comparison.figures:
        lines.append(
            f"| {change.figure} | {_pct(change.before)} | {_pct(change.after)} | "
            f"{_signed(change.delta)} | {_verdict(change)} | {_list(change.rose_in)} | "
            f"{_list(change.fell_in)} | {_list(change.rests_on)} |"
        )
    if comparison.benchmarks:
        lines.extend(
            [
                "",
                "| benchmark | figure | before | after | delta |",
                "| --- | --- | ---: | ---: | ---: |",
            ]
        )
        for bench in comparison.benchmarks:
            lines.append(
                f"| {bench.benchmark} | {bench.metric} | {_pct(bench.before)} | "
                f"{_pct(bench.after)} | {_signed(bench.delta)} |"
            )
    if comparison.notes:
        lines.append("")
        lines.extend(f"- {note}" for note in comparison.notes)
    return "\n".join(lines)
