"""Accuracy you can see: score dateline on gold articles and public benchmarks.

`score_articles` (pure, model-free) compares gold-shaped dicts;
`evaluate_gold_file` runs a prediction function over a gold JSONL file and
scores it; `score_gold_files` scores several and breaks the report down per
file and per source (`breakdown`), which `compare` sets against a baseline;
`run_evaluate` is what `dateline evaluate` calls. The public
benchmarks are dev tooling found through `dateline.evaluate.benchmarks`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.evaluate.breakdown import Breakdown, format_breakdown, source_breakdown
from dateline.evaluate.compare import (
    baseline_label,
    compare_payloads,
    format_comparison,
    read_payload,
)
from dateline.evaluate.report import Report, format_report
from dateline.evaluate.scoring import score_articles

Record = dict[str, Any]
Predict = Callable[[list[Record]], list[Record]]

__all__ = [
    "Predict",
    "Report",
    "dateline_predict",
    "evaluate_gold_file",
    "format_report",
    "read_gold",
    "read_gold_files",
    "run_compare",
    "run_evaluate",
    "score_articles",
    "score_gold_files",
]


def read_gold(path: str | Path, limit: int | None = None) -> list[Record]:
    """Gold articles from a JSON Lines file; bad lines name their line number."""

    records: list[Record] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot open gold file ({exc.strerror})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"not JSON: {exc.msg}", line=number) from exc
        if not isinstance(record, dict) or "text" not in record:
            raise InputError(str(path), "expected an object with `text`", line=number)
        record.setdefault("id", f"{Path(path).stem}-{number}")
        records.append(record)
        if limit is not None and len(records) >= limit:
            break
    return records


def dateline_predict(records: Iterable[Record], model: str | None = None) -> list[Record]:
    """Dateline's gold-shaped output for records (imported late: it loads spaCy).

    Quotes carry `source`, the words naming whoever spoke even where no actor
    did ("the letter"), which benchmarks may judge in place of a speaker.
    """

    from dateline.pipeline import extract_records

    return list(extract_records(records, model=model))


def evaluate_gold_file(
    path: str | Path,
    predict: Predict | None = None,
    *,
    limit: int | None = None,
    model: str | None = None,
) -> Report:
    """Score `predict` (default: dateline with `model`) on the articles of one gold file.

    The prediction function receives the gold records themselves; it must
    only look at `id`, `text` and `meta`, which is what the pipeline does.
    """

    return evaluate_gold_files([path], predict, limit=limit, model=model)


def read_gold_files(
    paths: Sequence[str | Path], limit: int | None = None
) -> list[tuple[str, list[Record]]]:
    """Each gold file's name (its file name, or its path where two share one) and records."""

    names = [Path(p).name for p in paths]
    return [
        (name if names.count(name) == 1 else str(path), read_gold(path, limit))
        for name, path in zip(names, paths, strict=True)
    ]


def evaluate_gold_files(
    paths: Sequence[str | Path],
    predict: Predict | None = None,
    *,
    limit: int | None = None,
    model: str | None = None,
) -> Report:
    """One report over several gold files (limit applies to each file)."""

    return score_gold_files(read_gold_files(paths, limit), predict, model=model)[0]


def score_gold_files(
    files: Sequence[tuple[str, list[Record]]],
    predict: Predict | None = None,
    *,
    model: str | None = None,
) -> tuple[Report, Breakdown]:
    """Score the gold of `files` in one run and break the report down by file and source."""

    gold = [record for _, records in files for record in records]
    predicted = predict(gold) if predict else dateline_predict(gold, model)
    report = score_articles(gold, predicted, name=", ".join(name for name, _ in files))
    return report, source_breakdown(files, report)


def run_evaluate(
    gold_paths: list[str],
    report_path: str | None = None,
    benchmark: str | None = None,
    limit: int | None = None,
    *,
    model: str | None = None,
    shared: Path | None = None,
    baseline_path: str | None = None,
) -> str:
    """Score gold files and/or a named benchmark; return the text to print.

    `benchmark` is the name of an installed benchmark or "all"; `limit`
    caps the articles per file or benchmark (the CI smoke run); `model` is
    the spaCy pipeline; `shared` the folder the benchmark corpora are in.
    With `report_path`, the full JSON (every finding, the per-source
    breakdown) is written there; with `baseline_path`, an earlier such
    report, the figures are compared with it per source.
    """

    texts: list[str] = []
    payload: dict[str, Any] = {}
    old = read_payload(baseline_path) if baseline_path else None  # a bad one fails before scoring
    if gold_paths:
        report, breakdown = score_gold_files(read_gold_files(gold_paths, limit), model=model)
        texts.append(format_report(report))
        texts.append(format_breakdown(breakdown))
        payload["gold"] = report.as_dict()
        payload["breakdown"] = breakdown.as_dict()
    if benchmark:
        from dateline.evaluate.benchmarks import BenchmarkRun, run_benchmarks

        settings = BenchmarkRun(limit=limit, model=model, shared=shared)
        results = run_benchmarks(benchmark, settings)
        for result in results:
            texts.append(result.format())
            if "breakdown" in result.details:  # the dev gold, per file and per source
                texts.append(format_breakdown(Breakdown.from_dict(result.details["breakdown"])))
        payload["benchmarks"] = [result.as_dict() for result in results]
    if not texts:
        raise InputError("dateline evaluate", "give a gold JSONL file or --benchmark NAME")
    if old is not None and baseline_path:
        comparison = compare_payloads(old, payload, baseline_label(old, baseline_path))
        texts.append(format_comparison(comparison))
        payload["comparison"] = comparison.as_dict()
    if report_path:
        Path(report_path).write_text(
            json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    return "\n\n".join(texts)


def run_compare(baseline_path: str, new_path: str) -> str:
    """Compare two saved reports without scoring anything (`dateline evaluate --compare`)."""

    old, new = read_payload(baseline_path), read_payload(new_path)
    return format_comparison(compare_payloads(old, new, baseline_label(old, baseline_path)))
