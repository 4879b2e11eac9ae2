"""PolNeAR (political news attribution relations): quote spans and speakers.

Gold: every attribution's CONTENT span becomes a quote, `direct` when it
opens with (or sits right after) a quotation mark, else `indirect`. Scored
on the test split (84 articles; train/dev are for tuning), first annotator
of each article. Speaker accuracy is judged on matched quotes whose gold
SOURCE is a name or noun phrase: correct when the predicted speaker's name
or mentions share a content word with it. Quotes whose source is a pronoun
("he said") are left out of speaker accuracy, since PolNeAR does not resolve
them. Note PolNeAR also annotates cognition and attitude ("believes",
"mocked"), which dateline does not report as quotes, so recall is bounded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dateline.evaluate import dateline_predict
from dateline.evaluate.baselines import textacy_quotes
from dateline.evaluate.benchmarks import BenchmarkResult, corpus_root, read_jsonl
from dateline.evaluate.matching import greedy_match, word_set
from dateline.evaluate.scoring import quote_match_score, score_articles

SPLIT = "test"
_QUOTE_MARKS = frozenset("\"“”«»„‘’'")
_PRONOUNS = frozenset(
    [
        "i",
        "we",
        "you",
        "he",
        "she",
        "it",
        "they",
        "me",
        "us",
        "him",
        "her",
        "them",
        "this",
        "that",
        "who",
        "which",
        "one",
        "someone",
    ]
)
_FUNCTION_WORDS = _PRONOUNS | frozenset(
    ["the", "a", "an", "of", "and", "in", "on", "for", "to", "at", "by", "with", "'s"]
)


def _joined(parts: Sequence[dict[str, Any]]) -> str:
    return " ".join(str(p.get("text", "")) for p in parts)


def _is_direct(text: str, content: Sequence[dict[str, Any]]) -> bool:
    if not content:
        return False
    start = int(content[0]["start"])
    opening = text[start : start + 1]
    before = text[max(0, start - 2) : start]
    return opening in _QUOTE_MARKS or any(c in _QUOTE_MARKS for c in before)


def to_gold(record: dict[str, Any]) -> dict[str, Any]:
    """One PolNeAR article as a gold article with quotes (and their sources)."""

    annotations = record.get("annotations_by_annotator") or {}
    first = sorted(annotations)[0] if annotations else None
    text = str(record["text"])
    quotes = []
    for relation in annotations.get(first, []) if first else []:
        content = relation.get("content") or []
        if not content:
            continue
        quotes.append(
            {
                "kind": "direct" if _is_direct(text, content) else "indirect",
                "text": _joined(content),
                "speaker": None,
                "source_text": _joined(relation.get("source") or []),
            }
        )
    return {
        "id": record["id"],
        "text": text,
        "meta": {"date": record.get("date")},
        "quotes": quotes,
    }


def _speaker_words(predicted: dict[str, Any], speaker_id: Any) -> frozenset[str]:
    for actor in predicted.get("actors") or []:
        if actor.get("id") == speaker_id:
            words: set[str] = set(word_set(actor.get("name")))
            for mention in actor.get("mentions") or []:
                words |= word_set(mention)
            return frozenset(words - _FUNCTION_WORDS)
    return frozenset()


def speaker_accuracy(
    gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]
) -> tuple[int, int]:
    """Correct and counted speakers over matched quotes with a named source."""

    by_id = {p.get("id"): p for p in predicted}
    correct = total = 0
    for article in gold:
        found = by_id.get(article["id"], {})
        pred_quotes = found.get("quotes") or []
        for pair in greedy_match(article["quotes"], pred_quotes, quote_match_score):
            quote = article["quotes"][pair.gold_index]
            source = word_set(quote["source_text"]) - _FUNCTION_WORDS
            if not source:
                continue
            total += 1
            speaker = pred_quotes[pair.predicted_index].get("speaker")
            correct += bool(source & _speaker_words(found, speaker))
    return correct, total


def run(limit: int | None = None) -> BenchmarkResult:
    records = [
        r
        for r in read_jsonl(corpus_root() / "polnear" / "polnear.jsonl")
        if r.get("compartment") == SPLIT
    ]
    gold = [to_gold(r) for r in (records if limit is None else records[:limit])]
    inputs = [{"id": g["id"], "text": g["text"], "meta": g["meta"]} for g in gold]
    result = BenchmarkResult("polnear", f"PolNeAR {SPLIT} split, quote attribution")
    result.articles = len(gold)
    systems = {"dateline": dateline_predict(inputs), "textacy": textacy_quotes(inputs)}
    for system, predicted in systems.items():
        quotes_only = [{"id": p.get("id"), "quotes": p.get("quotes") or []} for p in predicted]
        report = score_articles(gold, quotes_only)
        correct, total = speaker_accuracy(gold, predicted)
        fields = report.fields
        result.scores[system] = {
            "direct quote F1": fields["quotes.direct"].f1,
            "direct quote P": fields["quotes.direct"].precision,
            "indirect quote F1": fields["quotes.indirect"].f1,
            "indirect quote P": fields["quotes.indirect"].precision,
            "speaker acc": correct / total if total else None,
        }
    result.notes.append(
        "gold includes cognition/attitude attributions; speaker judged on named sources only"
    )
    return result
