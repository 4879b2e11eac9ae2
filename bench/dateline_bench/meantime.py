"""MEANTIME (English Wikinews): actor mention clustering on business news.

Gold: entity mentions typed PER and ORG with their coreference chains
(pronouns and role nominals included: "we", "the airframer"). LOC is left
out because dateline reports cities and regions as places, not actors; PRO
and FIN are not actors. 14 of the 120 documents carry no mentions in the
processed corpus (see its SOURCE.md) and are skipped as unannotated.
Scoring and the mention-matching rule: `dateline.evaluate.clustering`.
"""

from __future__ import annotations

from typing import Any

from dateline_bench import BenchmarkResult, BenchmarkRun, corpus, read_jsonl
from dateline_bench.clusters import ClusterDoc, run_clustering

ACTOR_TYPES = frozenset({"PER", "ORG"})


def to_cluster_doc(record: dict[str, Any]) -> ClusterDoc:
    """One converted MEANTIME article with its PER and ORG mentions."""

    mentions = [
        (int(m["start"]), int(m["end"]), str(m["coref_chain"]))
        for m in record.get("mentions") or []
        if m.get("kind") == "entity" and m.get("type") in ACTOR_TYPES
    ]
    return ClusterDoc(str(record["id"]), str(record["text"]), record.get("date"), mentions)


def run(settings: BenchmarkRun) -> BenchmarkResult:
    limit = settings.limit
    annotated = (
        r
        for r in read_jsonl(corpus(settings, "meantime-en/meantime_en.jsonl"))
        if r.get("mentions")
    )
    documents = []
    for record in annotated:
        documents.append(to_cluster_doc(record))
        if limit is not None and len(documents) >= limit:
            break
    result = BenchmarkResult("meantime-en", "MEANTIME English, actor mention clustering (B-cubed)")
    result.notes.append("gold PER and ORG chains; 14 unannotated documents skipped")
    return run_clustering(result, documents, settings.model)
