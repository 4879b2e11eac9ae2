"""Near-copy detection on real wires republished with edits: precision and recall.

Originals are real articles of 60 words or more (BBC and Reuters-21578, taken
in turn). Each is republished the ways republishers edit a wire, one edit a
copy, deterministically: the first line replaced (a new lead or headline), a
credit line added at the end, the last paragraph cut, a dozen words replaced
here and there, the text re-wrapped with other white space. All originals
and copies go through dateline's copy index in one stream, as at ingest
(`scale.copies.PendingCopies`, the same fingerprints the store keeps).

- recall: copies linked to their own original;
- precision: of the copies linked anywhere, those linked to their own original
  (linked to another article is a false copy);
- "originals taken for copies": originals linked to an earlier original. The
  corpora hold real duplicates (BBC's republished stories, Reuters' repeats),
  so these are listed in the notes rather than counted as errors.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from itertools import islice
from typing import Any

from dateline_bench import BenchmarkResult, BenchmarkRun, Metrics, corpus

CORPORA = ("bbc-fulltext/bbc_fulltext.jsonl", "reuters21578/reuters21578.jsonl")
ORIGINALS = 300
MIN_WORDS = 60
SEED = 19


def edits(text: str, rng: random.Random) -> dict[str, str]:
    """The edited copies of one text, by the edit that made each."""

    paragraphs = [p for p in text.split("\n") if p.strip()]
    words = text.split()
    cut = "\n".join(paragraphs[:-1]) if len(paragraphs) > 2 else text[: len(text) * 4 // 5]
    return {
        "first line changed": "Republished by The Daily Example\n" + "\n".join(paragraphs[1:]),
        "credit added": text + "\n\n(Reporting by the Example desk; editing by A. Editor)",
        "last paragraph cut": cut,
        "2% of words replaced": _replace_words(words, len(words) // 50, rng),
        "10% of words replaced": _replace_words(words, len(words) // 10, rng),
        "re-wrapped": "\n".join(" ".join(words[i : i + 9]) for i in range(0, len(words), 9)),
    }


def _replace_words(words: list[str], count: int, rng: random.Random) -> str:
    replaced = list(words)
    for index in rng.sample(range(len(words)), k=max(1, count)):
        replaced[index] = rng.choice(["said", "the", "new", "officials", "on", "reported"])
    return " ".join(replaced)


def originals(settings: BenchmarkRun, count: int) -> Iterator[dict[str, Any]]:
    streams = [_records(settings, path) for path in CORPORA]
    yielded = 0
    while yielded < count and streams:
        for stream in list(streams):
            record = next(stream, None)
            if record is None:
                streams.remove(stream)
                continue
            yield record
            yielded += 1


def _records(settings: BenchmarkRun, path: str) -> Iterator[dict[str, Any]]:
    with corpus(settings, path).open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text = record.get("text")
            if isinstance(text, str) and len(text.split()) >= MIN_WORDS:
                yield record


def run(settings: BenchmarkRun) -> BenchmarkResult:
    from dateline.model import Article
    from dateline.scale.copies import PendingCopies
    from dateline.store.copies import fingerprint

    result = BenchmarkResult(
        "copies",
        "near copies of real BBC and Reuters wires republished with edits: found and linked "
        "to their own original",
    )
    rng = random.Random(SEED)
    count = min(settings.limit * 2, ORIGINALS) if settings.limit else ORIGINALS
    index = PendingCopies()
    found_right: dict[str, int] = {}
    made: dict[str, int] = {}
    wrong = 0
    duplicates: list[str] = []
    for record in islice(originals(settings, count), count):
        original = Article(id=str(record["id"]), text=record["text"])
        own = fingerprint(original.text)
        match = index.find(original, own)
        if match is not None:
            duplicates.append(f"{original.id} ~ {match.original} ({match.similarity:.2f})")
        index.add(original, own)
        for edit, text in edits(original.text, rng).items():
            copy = Article(id=f"{original.id}/{edit}", text=text)
            made[edit] = made.get(edit, 0) + 1
            linked = index.find(copy, fingerprint(text))
            if linked is None:
                continue
            if linked.original == original.id:
                found_right[edit] = found_right.get(edit, 0) + 1
            else:
                wrong += 1
    right = sum(found_right.values())
    scores: Metrics = {
        "recall": right / sum(made.values()) if made else None,
        "precision": right / (right + wrong) if right + wrong else None,
    }
    for edit, total in made.items():
        scores[f"recall, {edit}"] = found_right.get(edit, 0) / total
    result.articles = count
    result.scores["dateline"] = scores
    result.notes.append(
        f"copies: {count} originals, {sum(made.values())} edited copies; "
        f"{wrong} linked to another article; {len(duplicates)} original(s) taken for copies "
        f"of an earlier original (real duplicates in the corpora): {', '.join(duplicates[:8])}"
    )
    return result
