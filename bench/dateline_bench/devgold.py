"""The project's own dev gold: every field, dateline against the baselines."""

from __future__ import annotations

from dateline.evaluate import dateline_predict, read_gold
from dateline.evaluate.report import ACCURACIES, FIELDS
from dateline.evaluate.scoring import score_articles
from dateline_bench import BenchmarkResult, BenchmarkRun, baseline, dev_gold, report_metrics
from dateline_bench.baselines import quantulum_amounts, spacy_ner_actors, textacy_quotes


def run(settings: BenchmarkRun) -> BenchmarkResult:
    paths = dev_gold(settings)
    gold = [record for path in paths for record in read_gold(path, settings.limit)]
    result = BenchmarkResult("dev", "dev gold (" + ", ".join(p.name for p in paths) + ")")
    result.articles = len(gold)
    ours = score_articles(gold, dateline_predict(gold, settings.model))
    result.scores["dateline"] = report_metrics(ours, FIELDS, ACCURACIES)
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
    result.scores["quantulum3"] = report_metrics(
        score_articles(gold, quantulum_amounts(gold)),
        ["amounts"],
        ["amounts.value", "amounts.unit"],
    )
    result.notes.append("dev gold is tuned on; the figures that count are the benchmarks")
    return result
