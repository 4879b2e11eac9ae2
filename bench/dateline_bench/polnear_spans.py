"""PolNeAR in the CofeNet protocol: exact span F1 for source and content over all attributions.

CofeNet (Wang et al., "CofeNet: Context and Former-Label Enhanced Net for
Complicated Quotation Extraction", COLING 2022) reports quotation extraction
on PolNeAR as exact-match F1 of each component's spans: a predicted source
or content span is right when it has exactly the boundaries of a gold span.
Every attribution counts (speech, cognition and attitude alike, pronoun
sources too), and every annotator's copy of a doubly annotated article is
scored: their test split is PolNeAR's test compartment, 94 annotated copies
of its 84 articles. This module scores the same way, on characters instead
of tokens: gold spans are PolNeAR's source and content pieces, predicted
ones each quote's `span` (content) and `source_span` (source); spans are
sets per article and annotator, so a span predicted twice counts once.

Two conventions of PolNeAR decide many boundaries and are no error of
reading: content keeps its quotation marks and a leading "that" ("said that
it had “activated the appropriate contingency plans.”"), and source pieces
keep a trailing comma. The strict figures are the ones comparable with the
published numbers; the "boundaries folded" figures compare after dropping
white space, quotation marks and punctuation at both ends of every span, and a
leading "that" of a content, so the gap between the two shows how much of the
strict figure is convention.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from dateline_bench import f1

Record = dict[str, Any]
Spans = set[tuple[int, int]]

SOURCE_F1 = "source exact F1 (CofeNet protocol)"
CONTENT_F1 = "content exact F1 (CofeNet protocol)"
SOURCE_FOLDED_F1 = "source exact F1, boundaries folded"
CONTENT_FOLDED_F1 = "content exact F1, boundaries folded"

PUBLISHED = [
    {
        "system": "CofeNet",
        "citation": "Wang et al., CofeNet, COLING 2022, PolNeAR test (exact match)",
        "figures": {SOURCE_F1: 0.832, CONTENT_F1: 0.729},
        "note": "a BERT sequence labeller trained on PolNeAR train; token spans of the "
        "authors' own tokenisation; the same 84 test articles (94 annotated copies)",
    },
    {
        "system": "CoreNLP",
        "citation": "CoreNLP's quote annotator as reported by Wang et al., COLING 2022",
        "figures": {SOURCE_F1: 0.139, CONTENT_F1: 0.175},
        "note": "rule-based, like dateline; CofeNet's table",
    },
]
"""Published figures on PolNeAR test, printed as reference rows (not rerun here)."""

_MARKS = frozenset("\"“”«»„‘’'`")
_EDGE_PUNCTUATION = frozenset(",.:;!?")
_COMPLEMENTISER = "that "


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without white space at its ends."""

    piece = text[start:end]
    if not piece.strip():
        return start, start
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


def folded(text: str, start: int, end: int, *, content: bool) -> tuple[int, int]:
    """A span without white space, quotation marks and punctuation at its ends
    (and, for a content, without a leading "that ")."""

    start, end = _trimmed(text, start, end)
    while start < end:
        if content and text[start:end].lower().startswith(_COMPLEMENTISER):
            start, end = _trimmed(text, start + len(_COMPLEMENTISER), end)
        elif text[start] in _MARKS or text[start] in _EDGE_PUNCTUATION:
            start, end = _trimmed(text, start + 1, end)
        elif text[end - 1] in _MARKS or text[end - 1] in _EDGE_PUNCTUATION:
            start, end = _trimmed(text, start, end - 1)
        else:
            break
    return start, end


@dataclass(frozen=True, slots=True)
class AnnotatedCopy:
    """One annotator's attributions of one article: its source and content spans."""

    article: str
    text: str
    sources: list[tuple[int, int]]
    contents: list[tuple[int, int]]


def annotated_copies(records: Iterable[Record]) -> list[AnnotatedCopy]:
    """Every annotator's copy of every article, as CofeNet's test split holds them."""

    copies = []
    for record in records:
        text = str(record["text"])
        annotations = record.get("annotations_by_annotator") or {}
        for annotator in sorted(annotations):
            sources: list[tuple[int, int]] = []
            contents: list[tuple[int, int]] = []
            for relation in annotations[annotator]:
                for key, spans in (("source", sources), ("content", contents)):
                    for piece in relation.get(key) or []:
                        spans.append((int(piece["start"]), int(piece["end"])))
            copies.append(AnnotatedCopy(str(record["id"]), text, sources, contents))
    return copies


def _spans(text: str, spans: Iterable[tuple[int, int]], fold: bool, content: bool) -> Spans:
    found = {
        folded(text, s, e, content=content) if fold else _trimmed(text, s, e) for s, e in spans
    }
    return {(s, e) for s, e in found if e > s}


def _predicted(article: Record, key: str) -> list[tuple[int, int]]:
    spans = []
    for quote in article.get("quotes") or []:
        span = quote.get(key) or {}
        if "start" in span and "end" in span:
            spans.append((int(span["start"]), int(span["end"])))
    return spans


def score(copies: Sequence[AnnotatedCopy], predicted: Sequence[Record]) -> dict[str, float | None]:
    """Exact span F1 of source and content, strict and with boundaries folded."""

    by_id = {str(p.get("id")): p for p in predicted}
    counts = {
        name: [0, 0, 0] for name in (SOURCE_F1, CONTENT_F1, SOURCE_FOLDED_F1, CONTENT_FOLDED_F1)
    }
    for copy in copies:
        article = by_id.get(copy.article, {})
        for name, gold, key, fold, content in (
            (SOURCE_F1, copy.sources, "source_span", False, False),
            (CONTENT_F1, copy.contents, "span", False, True),
            (SOURCE_FOLDED_F1, copy.sources, "source_span", True, False),
            (CONTENT_FOLDED_F1, copy.contents, "span", True, True),
        ):
            wanted = _spans(copy.text, gold, fold, content)
            found = _spans(copy.text, _predicted(article, key), fold, content)
            tally = counts[name]
            tally[0] += len(wanted & found)
            tally[1] += len(found - wanted)
            tally[2] += len(wanted - found)
    return {name: f1(*tally) for name, tally in counts.items()}
