"""CoNLL++ (corrected CoNLL-2003 test): entity span F1 for PER, ORG, LOC.

Exact character spans and type must agree. dateline's actor mention spans
give PER (person), ORG (organization) and LOC (country), its place spans
LOC. Only mentions that begin with a capital letter are kept: CoNLL marks
proper names, while dateline also links role nominals ("the Russian Prime
Minister") on purpose, which are not entities here. MISC is not scored.
The baseline is spaCy's NER (PERSON, ORG, GPE/LOC/FAC).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dateline.evaluate import dateline_predict
from dateline_bench import BenchmarkResult, BenchmarkRun, corpus, f1, read_jsonl
from dateline_bench.baselines import spacy_ner_actors

TYPES = ("PER", "ORG", "LOC")
_DATELINE_TYPES = {"person": "PER", "organization": "ORG", "country": "LOC"}
_SPACY_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}

Entity = tuple[int, int, str]


def dateline_entities(text: str, predicted: dict[str, Any]) -> set[Entity]:
    found: set[Entity] = set()
    for actor in predicted.get("actors") or []:
        kind = _DATELINE_TYPES.get(str(actor.get("kind")))
        for span in actor.get("spans") or []:
            if kind and text[span["start"] : span["start"] + 1].isupper():
                found.add((span["start"], span["end"], kind))
    for place in predicted.get("places") or []:
        for span in place.get("spans") or []:
            found.add((span["start"], span["end"], "LOC"))
    # A country named as both actor and place is one entity.
    return found


def spacy_entities(predicted: dict[str, Any]) -> set[Entity]:
    found: set[Entity] = set()
    for actor in predicted.get("actors") or []:
        kind = _SPACY_TYPES.get(str(actor.get("label")))
        for span in actor.get("spans") or []:
            if kind:
                found.add((span["start"], span["end"], kind))
    return found


def score(gold: Sequence[dict[str, Any]], predicted: Sequence[set[Entity]]) -> dict[str, Any]:
    counts = {t: [0, 0, 0] for t in TYPES}
    for record, found in zip(gold, predicted, strict=True):
        expected = {
            (e["start"], e["end"], e["type"]) for e in record["entities"] if e["type"] in TYPES
        }
        for kind in TYPES:
            g = {e for e in expected if e[2] == kind}
            p = {e for e in found if e[2] == kind}
            counts[kind][0] += len(g & p)
            counts[kind][1] += len(p - g)
            counts[kind][2] += len(g - p)
    metrics: dict[str, Any] = {}
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    metrics["entity F1 (PER+ORG+LOC)"] = f1(*total)
    for kind in TYPES:
        metrics[f"{kind} F1"] = f1(*counts[kind])
    return metrics


def run(settings: BenchmarkRun) -> BenchmarkResult:
    gold = list(read_jsonl(corpus(settings, "conllpp/conllpp_test.jsonl"), settings.limit))
    inputs = [{"id": g["id"], "text": g["text"], "meta": {"date": g.get("date")}} for g in gold]
    result = BenchmarkResult("conllpp", "CoNLL++ test, named entities")
    result.articles = len(gold)
    ours = {p.get("id"): p for p in dateline_predict(inputs, settings.model)}
    result.scores["dateline"] = score(
        gold, [dateline_entities(g["text"], ours.get(g["id"], {})) for g in gold]
    )
    spacy_found = spacy_ner_actors(inputs, settings.model)
    result.scores["spaCy NER"] = score(gold, [spacy_entities(p) for p in spacy_found])
    result.notes.append("tokenised text; exact spans; dateline counts capitalised mentions only")
    return result
