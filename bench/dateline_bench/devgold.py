"""The project's own dev gold: every field, dateline against the baselines, per file and source.

The dev gold is `shared/eval/dev/*.jsonl` (seed, TASS, the wires of other
agencies) and the checkout's `eval/dev/*.jsonl` (UK/US news, web news,
Wikinews, VOA). Beside the totals, the result carries the per-file,
per-source and leave-one-source-out breakdown of dateline's figures
(`details["breakdown"]`), which `bench/make_accuracy.py` prints and compares.
"""

from __future__ import annotations

from dateline.evaluate import read_gold_files, score_gold_files
from dateline.evaluate.report import ACCURACIES, FIELDS
from dateline.evaluate.scoring import score_articles
from dateline_bench import BenchmarkResult, BenchmarkRun, baseline, dev_gold, report_metrics
from dateline_bench.baselines import quantulum_amounts, spacy_ner_actors, textacy_quotes


def run(settings: BenchmarkRun) -> BenchmarkResult:
    paths = dev_gold(settings)
    files = read_gold_files(paths, settings.limit)
    gold = [record for _, records in files for record in records]
    result = BenchmarkResult("dev", "dev gold (" + ", ".join(name for name, _ in files) + ")")
    result.articles = len(gold)
    ours, breakdown = score_gold_files(files, model=settings.model)
    result.scores["dateline"] = report_metrics(ours, FIELDS, ACCURACIES)
    result.details["breakdown"] = breakdown.as_dict()
    result.scores["spaCy NER"] = report_metrics(
        score_articles(gold, spacy_ner_actors(gold, settings.model)),
        ["actors"],
        ["actors.mentions"],
    )
    baseline(
        result,
        "textacy",
        lambda: report_metrics(
            score_articles(gold, textacy_quotes(gold, settings.model)),
            ["quotes.direct", "quote+speaker"],
            ["quotes.speaker"],
        ),
    )
    baseline(
        result,
        "quantulum3",
        lambda: report_metrics(
            score_articles(gold, quantulum_amounts(gold)),
            ["amounts"],
            ["amounts.value", "amounts.unit"],
        ),
    )
    sources = len(breakdown.sources)
    result.notes.append(
        f"dev gold is tuned on; the figures that count are the benchmarks. {len(files)} files, "
        f"{sources} sources, also given per file, per source and leave-one-source-out"
    )
    return result
