"""NewsWCL50: actor mention clustering on 50 US political news articles.

Gold chains of the kinds that name actors: ACTOR (one person or body,
"President Trump", "Mr. Trump", "the president"), COUNTRY (a country and
those who act for it: "United States", "White House", "American officials")
and GROUP ("Democrats", "the migrant caravan"). ACTOR-I chains are left out:
they bin unrelated individuals by country (Rex Tillerson with James Comey
under USA-I), which is a category, not one referent. NewsWCL50's chains
are broad by design (the corpus studies word choice), so absolute scores are
low for any system; the comparison with the baseline is the point. Scoring
and the mention-matching rule: `dateline.evaluate.clustering`.
"""

from __future__ import annotations

from typing import Any

from dateline_bench import BenchmarkResult, BenchmarkRun, corpus, read_jsonl
from dateline_bench.clusters import ClusterDoc, run_clustering

ACTOR_KINDS = frozenset({"ACTOR", "COUNTRY", "GROUP"})


def to_cluster_doc(record: dict[str, Any]) -> ClusterDoc:
    """One converted NewsWCL50 article with its actor mentions."""

    mentions = [
        (int(m["start"]), int(m["end"]), str(m["chain"]))
        for m in record.get("mentions") or []
        if m.get("kind") in ACTOR_KINDS
    ]
    return ClusterDoc(str(record["id"]), str(record["text"]), record.get("date"), mentions)


def run(settings: BenchmarkRun) -> BenchmarkResult:
    records = read_jsonl(corpus(settings, "newswcl50/newswcl50.jsonl"), settings.limit)
    documents = [to_cluster_doc(r) for r in records]
    result = BenchmarkResult("newswcl50", "NewsWCL50, actor mention clustering (B-cubed)")
    result.notes.append("gold chains ACTOR, COUNTRY, GROUP (ACTOR-I bins left out)")
    return run_clustering(result, documents, settings.model)
