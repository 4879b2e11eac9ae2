"""The main figures of a gold report per gold file, per source, and with each source left out.

One total over the dev gold hides what a rule does to each kind of text: a
change that lifts TASS wires and costs the Reuters-style outlets can still
raise the total. So the same figures are given for every gold file, every
source (the agency or outlet, pooled across files) and, leave-one-source-out,
for the gold without each source: a gain that vanishes when one source is left
out rests on that source alone. `dateline.evaluate.compare` reads two of these
and says, per source, which figures rose and which fell.

Figures are micro-averaged over the articles of a group (their counts are
added, then divided), exactly as the whole report's, so a group of one article
is scored as that article and the groups of a partition add up to the total.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dateline.evaluate.report import Accuracy, FieldScore, Report

Record = Mapping[str, Any]
Figures = dict[str, float | None]


@dataclass(frozen=True, slots=True)
class Figure:
    """One main figure: its name in tables, and how a report gives it."""

    name: str
    key: str
    """The report field (P/R/F1) or accuracy it reads, e.g. "actors" or "quotes.speaker"."""
    measure: str = "f1"
    """"f1", "precision" or "recall" of a field; "acc" for an accuracy."""

    def count(self, report: Report) -> FieldScore | Accuracy:
        if self.measure == "acc":
            return report.accuracies[self.key]
        return report.fields[self.key]

    def value(self, report: Report) -> float | None:
        counted = self.count(report)
        if isinstance(counted, Accuracy):
            return counted.value
        return {"f1": counted.f1, "precision": counted.precision, "recall": counted.recall}[
            self.measure
        ]

    def support(self, report: Report) -> int:
        """How many items the figure is over: judged pairs, or gold plus predicted items."""

        counted = self.count(report)
        if isinstance(counted, Accuracy):
            return counted.total
        return counted.tp + counted.fp + counted.fn


MAIN_FIGURES = (
    Figure("actors F1", "actors"),
    Figure("mention→actor", "actors.mentions", "acc"),
    Figure("country", "actors.country", "acc"),
    Figure("role", "actors.role", "acc"),
    Figure("quotes F1", "quotes"),
    Figure("speaker", "quotes.speaker", "acc"),
    Figure("quote+speaker F1", "quote+speaker"),
    Figure("amounts F1", "amounts"),
    Figure("value", "amounts.value", "acc"),
    Figure("unit", "amounts.unit", "acc"),
    Figure("measure", "amounts.measure", "acc"),
    Figure("period", "amounts.period", "acc"),
    Figure("events F1", "events"),
    Figure("events P", "events", "precision"),
    Figure("events R", "events", "recall"),
    Figure("event place", "events.place", "acc"),
    Figure("event date", "events.date", "acc"),
    Figure("places F1", "places"),
    Figure("place country", "places.country", "acc"),
    Figure("coordinates", "places.coordinates", "acc"),
)
"""The figures the accuracy issues are measured by, in table order: actors (F1,
mention → actor, country, role), quotes (F1, speaker, quote+speaker), amounts
(F1, value, unit, measure, period), events (F1, P, R, place, date), places."""

FIGURE_NAMES = tuple(figure.name for figure in MAIN_FIGURES)


def main_figures(report: Report) -> Figures:
    return {figure.name: figure.value(report) for figure in MAIN_FIGURES}


@dataclass(slots=True)
class Group:
    """A set of gold articles (a file, a source, or all but one source) and its figures."""

    name: str
    articles: list[str]
    figures: Figures
    support: dict[str, int]

    @classmethod
    def of(cls, name: str, report: Report) -> Group:
        return cls(
            name=name,
            articles=[article.id for article in report.articles],
            figures=main_figures(report),
            support={figure.name: figure.support(report) for figure in MAIN_FIGURES},
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "articles": self.articles,
            "figures": self.figures,
            "support": self.support,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Group:
        return cls(
            name=str(data["name"]),
            articles=[str(a) for a in data.get("articles") or []],
            figures={str(k): (None if v is None else float(v)) for k, v in data["figures"].items()},
            support={str(k): int(v) for k, v in (data.get("support") or {}).items()},
        )


@dataclass(slots=True)
class Breakdown:
    """Figures of the whole gold, of each file, of each source and without each source."""

    overall: Group
    files: list[Group] = field(default_factory=list)
    sources: list[Group] = field(default_factory=list)
    left_out: list[Group] = field(default_factory=list)
    """One group a source: every article but that source's (leave-one-source-out)."""

    def source(self, name: str) -> Group | None:
        return next((g for g in self.sources if g.name == name), None)

    def without(self, name: str) -> Group | None:
        return next((g for g in self.left_out if g.name == name), None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "figures": list(FIGURE_NAMES),
            "overall": self.overall.as_dict(),
            "files": [g.as_dict() for g in self.files],
            "sources": [g.as_dict() for g in self.sources],
            "left_out": [g.as_dict() for g in self.left_out],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Breakdown:
        def groups(key: str) -> list[Group]:
            return [Group.from_dict(g) for g in data.get(key) or []]

        return cls(
            overall=Group.from_dict(data["overall"]),
            files=groups("files"),
            sources=groups("sources"),
            left_out=groups("left_out"),
        )


def article_source(record: Record) -> str:
    """Who published an article: its `meta.source`, else `source`, else its id's prefix.

    "tass-1894079" with no source given is "tass"; an id without a prefix is
    its own source, so an article is never silently pooled with others.
    """

    meta = record.get("meta")
    for value in (meta.get("source") if isinstance(meta, Mapping) else None, record.get("source")):
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return str(record.get("id") or "unknown").split("-", 1)[0]


def _subset(report: Report, indices: Sequence[int], name: str) -> Report:
    return Report([report.articles[i] for i in indices], name=name)


def source_breakdown(files: Sequence[tuple[str, Sequence[Record]]], report: Report) -> Breakdown:
    """The breakdown of `report`, scored on the gold of `files` in that order.

    `files` pairs each gold file's name with its records; `report.articles`
    are those records' reports in the same order (what `score_articles`
    returns for their concatenation). Sources are pooled across files and
    compared without case ("TASS" and "tass" are one source).
    """

    by_file: dict[str, list[int]] = {name: [] for name, _ in files}
    by_source: dict[str, list[int]] = {}
    spelling: dict[str, str] = {}
    index = 0
    for name, records in files:
        for record in records:
            source = article_source(record)
            source = spelling.setdefault(source.casefold(), source)
            by_file[name].append(index)
            by_source.setdefault(source, []).append(index)
            index += 1
    if index != len(report.articles):
        raise ValueError(f"{index} gold records but {len(report.articles)} scored articles")
    everything = range(index)
    breakdown = Breakdown(overall=Group.of("all", report))
    breakdown.files = [Group.of(n, _subset(report, i, n)) for n, i in by_file.items()]
    for source, indices in by_source.items():
        breakdown.sources.append(Group.of(source, _subset(report, indices, source)))
        if len(by_source) > 1:
            kept = set(indices)
            rest = [i for i in everything if i not in kept]
            breakdown.left_out.append(Group.of(source, _subset(report, rest, f"without {source}")))
    return breakdown


def _cell(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f}"


def breakdown_tables(breakdown: Breakdown) -> list[tuple[str, list[str], list[list[str]]]]:
    """The breakdown's tables: (title, column names, rows), for text and Markdown alike."""

    columns = ["group", "articles", *FIGURE_NAMES]

    def rows(groups: Sequence[Group], label: Callable[[Group], str]) -> list[list[str]]:
        return [
            [label(g), str(len(g.articles)), *(_cell(g.figures.get(n)) for n in FIGURE_NAMES)]
            for g in groups
        ]

    tables = [
        ("per gold file", columns, rows([breakdown.overall, *breakdown.files], lambda g: g.name)),
        ("per source", columns, rows(breakdown.sources, lambda g: g.name)),
    ]
    if breakdown.left_out:
        tables.append(
            (
                "leave one source out (the gold without each source)",
                columns,
                rows(breakdown.left_out, lambda g: f"without {g.name}"),
            )
        )
    return tables


SHORT_NAMES = (
    "act",
    "ment",
    "ctry",
    "role",
    "quo",
    "spk",
    "q+s",
    "amt",
    "val",
    "unit",
    "meas",
    "per",
    "evt",
    "evP",
    "evR",
    "evPl",
    "evDt",
    "plc",
    "plCt",
    "crd",
)
"""Column heads of the terminal tables, one per `MAIN_FIGURES` entry (legend printed)."""


def format_breakdown(breakdown: Breakdown) -> str:
    """Plain-text tables for the terminal (`dateline evaluate`), with a legend."""

    legend = ", ".join(f"{s} = {n}" for s, n in zip(SHORT_NAMES, FIGURE_NAMES, strict=True))
    lines = [f"figures: {legend}", ""]
    for title, _, rows in breakdown_tables(breakdown):
        width = min(28, max(len(r[0]) for r in rows))
        lines.append(f"{title}:")
        lines.append(f"{'':<{width}} {'n':>4}" + "".join(f"{s:>6}" for s in SHORT_NAMES))
        for name, count, *cells in rows:
            lines.append(f"{name[:width]:<{width}} {count:>4}" + "".join(f"{c:>6}" for c in cells))
        lines.append("")
    return "\n".join(lines).rstrip()


def breakdown_markdown(breakdown: Breakdown) -> str:
    """Markdown tables for bench/ACCURACY.md."""

    out: list[str] = []
    for title, columns, rows in breakdown_tables(breakdown):
        out.append(f"### Dev gold {title}")
        out.append("")
        out.append("| " + " | ".join(columns) + " |")
        out.append("| --- | " + " | ".join("---:" for _ in columns[1:]) + " |")
        out.extend("| " + " | ".join(row) + " |" for row in rows)
        out.append("")
    return "\n".join(out).rstrip()
