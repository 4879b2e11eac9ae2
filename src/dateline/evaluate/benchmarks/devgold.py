"""The project's own dev gold: every field, dateline against the baselines."""

from __future__ import annotations

from dateline.evaluate import dateline_predict, read_gold
from dateline.evaluate.baselines import quantulum_amounts, spacy_ner_actors, textacy_quotes
from dateline.evaluate.benchmarks import BenchmarkResult, dev_gold_root, report_metrics
from dateline.evaluate.report import ACCURACIES, FIELDS
from dateline.evaluate.scoring import score_articles


def run(limit: int | None = None) -> BenchmarkResult:
    paths = sorted(dev_gold_root().glob("*.jsonl"))
    gold = [record for path in paths for record in read_gold(path, limit)]
    result = BenchmarkResult("dev", "dev gold (" + ", ".join(p.name for p in paths) + ")")
    result.articles = len(gold)
    ours = score_articles(gold, dateline_predict(gold))
    result.scores["dateline"] = report_metrics(ours, FIELDS, ACCURACIES)
    result.scores["spaCy NER"] = report_metrics(
        score_articles(gold, spacy_ner_actors(gold)), ["actors"], ["actors.mentions"]
    )
    result.scores["textacy"] = report_metrics(
        score_articles(gold, textacy_quotes(gold)),
        ["quotes.direct", "quote+speaker"],
        ["quotes.speaker"],
    )
    result.scores["quantulum3"] = report_metrics(
        score_articles(gold, quantulum_amounts(gold)),
        ["amounts"],
        ["amounts.value", "amounts.unit"],
    )
    result.notes.append("dev gold is tuned on; the figures that count are the benchmarks")
    return result
