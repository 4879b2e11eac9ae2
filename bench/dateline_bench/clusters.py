"""Shared runner of the actor mention clustering benchmarks (NewsWCL50, MEANTIME).

Each corpus module turns its gold into `ClusterDoc`s (text plus actor
mentions with their chain); this module finds every gold mention's head
token with the spaCy parse, collects the clusters of each system and scores
them with `dateline.evaluate.clustering` (B-cubed primary, MUC secondary):

- dateline: every `Actor` is one cluster of its mention spans;
- spaCy NER: PERSON / ORG / GPE / NORP entities, equal strings one cluster
  (`baselines.spacy_ner_actors`, the same baseline as on the dev gold).

Chains are scored within each document (both corpora also link across
documents, which per-article extraction does not attempt); the sums are
added over documents (micro-average).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from dateline.evaluate import dateline_predict
from dateline.evaluate.clustering import ClusterScore, GoldMention, Span, score_document
from dateline.parsing import load_model
from dateline_bench import BenchmarkResult
from dateline_bench.baselines import spacy_ner_actors


@dataclass(slots=True)
class ClusterDoc:
    """One gold document: text, date and its actor mentions `(start, end, chain)`."""

    id: str
    text: str
    date: str | None = None
    mentions: list[tuple[int, int, str]] = field(default_factory=list)


_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def _head(span: TokenSpan) -> Span:
    """Character span of a gold mention's head word.

    The syntactic root, or, when the parser rooted the phrase on a particle
    or a quotation mark, the last noun or name before the first preposition.
    The corpora's text is tokenised, so a hyphenated word arrives in pieces
    ("Moon Jae - in", "Kim Jong - un"); the pieces around a lone "-" are
    one word again.
    """

    head = span.root
    if head.pos_ not in _NOMINAL:
        for token in span:
            if token.pos_ == "ADP" and token.i > span.start:
                break
            if token.pos_ in _NOMINAL:
                head = token
    first = last = head.i
    while first - 2 >= span.start and span.doc[first - 1].text == "-":
        first -= 2
    while last + 2 < span.end and span.doc[last + 1].text == "-":
        last += 2
    start_token, end_token = span.doc[first], span.doc[last]
    return start_token.idx, end_token.idx + len(end_token.text)


def head_mentions(doc: Doc, mentions: Sequence[tuple[int, int, str]]) -> list[GoldMention]:
    """Gold mentions with their head token, one mention per head.

    Annotators sometimes mark one phrase twice (nested variants of the same
    name in one chain, or "North and South Korea" in two country chains);
    two gold mentions with one head could never both be found, so the
    shortest is kept.
    """

    kept: dict[Span, GoldMention] = {}
    for start, end, chain in sorted(mentions, key=lambda m: (m[1] - m[0], m[0])):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        key = _head(span)
        kept.setdefault(key, GoldMention(start, end, key[0], key[1], chain))
    return sorted(kept.values(), key=lambda m: (m.start, m.end))


def actor_clusters(predicted: dict[str, Any]) -> list[list[Span]]:
    """Each predicted actor's spans as one cluster."""

    clusters = []
    for actor in predicted.get("actors") or []:
        spans = [(int(s["start"]), int(s["end"])) for s in actor.get("spans") or []]
        if spans:
            clusters.append(spans)
    return clusters


def score_system(
    gold: Sequence[list[GoldMention]], predicted: Sequence[dict[str, Any]]
) -> ClusterScore:
    total = ClusterScore()
    for mentions, found in zip(gold, predicted, strict=True):
        total.add(score_document(mentions, actor_clusters(found)))
    return total


def run_clustering(
    result: BenchmarkResult, documents: Sequence[ClusterDoc], model: str | None = None
) -> BenchmarkResult:
    """Score dateline and the spaCy NER baseline on `documents` into `result`."""

    nlp = load_model(model)
    docs = nlp.pipe((d.text for d in documents), batch_size=16)
    gold = [head_mentions(doc, d.mentions) for doc, d in zip(docs, documents, strict=True)]
    inputs = [{"id": d.id, "text": d.text, "meta": {"date": d.date}} for d in documents]
    ours = {str(p.get("id")): p for p in dateline_predict(inputs, model)}
    systems = {
        "dateline": [ours.get(d.id, {}) for d in documents],
        "spaCy NER": spacy_ner_actors(inputs, model),
    }
    result.articles = len(documents)
    for system, predicted in systems.items():
        result.scores[system] = score_system(gold, predicted).metrics()
    result.notes.append(
        f"{sum(len(g) for g in gold)} gold mentions; within-document chains; B-cubed primary, "
        "MUC secondary; a prediction matches a gold mention when it covers its head word "
        "(one-to-one); precision over matched predictions (see dateline.evaluate.clustering)"
    )
    return result
