"""What the scorer found, in a shape people and programs can both read.

Counts are kept rather than ratios so article reports add up to corpus totals
(micro-averaging) and so a reader sees "3 of 4", not a bare 0.75. Every miss,
false alarm and wrong attribute is kept with its text: the point of the
report is that anyone sees at once *what* went wrong, not only how much.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

FIELDS = (
    "actors",
    "quotes",
    "quotes.direct",
    "quotes.indirect",
    "quote+speaker",
    "amounts",
    "events",
    "places",
)
"""Matched fields with precision, recall and F1, in report order."""

ACCURACIES = (
    "actors.mentions",
    "actors.country",
    "actors.role",
    "quotes.speaker",
    "amounts.value",
    "amounts.unit",
    "amounts.measure",
    "amounts.period",
    "events.place",
    "events.date",
    "places.country",
    "places.coordinates",
)
"""Attribute accuracies measured on matched pairs, in report order."""


@dataclass(slots=True)
class FieldScore:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean; None when there was nothing to find or predict."""

        if not (self.tp + self.fp + self.fn):
            return None
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator

    def add(self, other: FieldScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(slots=True)
class Accuracy:
    """Correct out of counted; `value` is None when nothing was counted."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def count(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total

    def as_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing that went wrong, with the text a reader needs to see it.

    `kind` is "miss" (gold item not found), "false_alarm" (prediction
    matching no gold item) or "wrong" (matched, but an attribute differs;
    `attribute` names it and `detail` gives gold vs predicted).
    """

    article: str
    field: str
    kind: str
    text: str
    attribute: str | None = None
    detail: str | None = None

    def line(self) -> str:
        where = f"{self.field}.{self.attribute}" if self.attribute else self.field
        extra = f"  ({self.detail})" if self.detail else ""
        return f"[{self.article}] {where}: {self.text!r}{extra}"


@dataclass(slots=True)
class ArticleReport:
    """Scores of one article, plus what it missed and what it invented."""

    id: str
    fields: dict[str, FieldScore] = field(
        default_factory=lambda: {name: FieldScore() for name in FIELDS}
    )
    accuracies: dict[str, Accuracy] = field(
        default_factory=lambda: {name: Accuracy() for name in ACCURACIES}
    )
    findings: list[Finding] = field(default_factory=list)

    @property
    def misses(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "miss"]

    @property
    def false_alarms(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "false_alarm"]

    @property
    def wrong(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "wrong"]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "fields": {k: v.as_dict() for k, v in self.fields.items()},
            "accuracies": {k: v.as_dict() for k, v in self.accuracies.items()},
            "findings": [asdict(f) for f in self.findings],
        }


@dataclass(slots=True)
class Report:
    """A scored set of articles; totals are micro-averaged over articles."""

    articles: list[ArticleReport] = field(default_factory=list)
    name: str = "gold"

    @property
    def fields(self) -> dict[str, FieldScore]:
        totals = {name: FieldScore() for name in FIELDS}
        for article in self.articles:
            for name, score in article.fields.items():
                totals.setdefault(name, FieldScore()).add(score)
        return totals

    @property
    def accuracies(self) -> dict[str, Accuracy]:
        totals = {name: Accuracy() for name in ACCURACIES}
        for article in self.articles:
            for name, acc in article.accuracies.items():
                totals.setdefault(name, Accuracy()).add(acc)
        return totals

    @property
    def findings(self) -> list[Finding]:
        return [f for article in self.articles for f in article.findings]

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "articles_scored": len(self.articles),
            "fields": {k: v.as_dict() for k, v in self.fields.items()},
            "accuracies": {k: v.as_dict() for k, v in self.accuracies.items()},
            "articles": [a.as_dict() for a in self.articles],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=indent)


def _pct(value: float | None) -> str:
    return "  -  " if value is None else f"{100 * value:5.1f}"


def format_report(report: Report, *, max_findings: int | None = 200) -> str:
    """Readable text: totals, a per-article F1 table, then every finding.

    Findings are capped at `max_findings` lines (None: all); the JSON
    report always keeps them all.
    """

    lines = [f"== {report.name}: {len(report.articles)} articles =="]
    lines.append(f"{'field':<18}{'P':>6}{'R':>6}{'F1':>6}   tp   fp   fn")
    for name, score in report.fields.items():
        lines.append(
            f"{name:<18}{_pct(score.precision):>6}{_pct(score.recall):>6}{_pct(score.f1):>6}"
            f" {score.tp:4d} {score.fp:4d} {score.fn:4d}"
        )
    lines.append("")
    lines.append(f"{'accuracy':<22}{'%':>6}   correct/total")
    for name, acc in report.accuracies.items():
        lines.append(f"{name:<22}{_pct(acc.value):>6}   {acc.correct}/{acc.total}")

    if len(report.articles) > 1:
        short = ("actors", "quotes", "quote+speaker", "amounts", "events", "places")
        lines.append("")
        lines.append("per article (F1)")
        lines.append(f"{'article':<40}" + "".join(f"{n[:8]:>9}" for n in short))
        for article in report.articles:
            cells = "".join(f"{_pct(article.fields[n].f1):>9}" for n in short)
            lines.append(f"{article.id[:39]:<40}{cells}")

    findings = report.findings
    if findings:
        lines.append("")
        for kind, title in (
            ("miss", "misses"),
            ("false_alarm", "false alarms"),
            ("wrong", "wrong attributes"),
        ):
            chosen = [f for f in findings if f.kind == kind]
            if not chosen:
                continue
            lines.append(f"{title} ({len(chosen)})")
            shown = chosen if max_findings is None else chosen[:max_findings]
            lines.extend("  " + f.line() for f in shown)
            if len(shown) < len(chosen):
                lines.append(f"  ... {len(chosen) - len(shown)} more in the JSON report")
    return "\n".join(lines)
