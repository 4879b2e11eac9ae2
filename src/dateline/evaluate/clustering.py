"""Mention clustering scores: align predicted mentions to gold, then B-cubed and MUC.

A system's clusters (every span of one dateline `Actor`, or every spaCy
entity with the same text) are compared with a corpus's gold coreference
chains, one document at a time. Pure code: no model, so it is testable alone.

Mention matching rule. Gold mentions are full noun phrases ("JSA Research
defence analyst Paul Nesbit", "the C.I.A. director") while extractors mark
names ("Paul Nesbit", "C.I.A."). A predicted mention matches a gold mention
when the predicted span covers (overlaps) the gold mention's *head word* (its
syntactic root, computed by the caller); pairs are made one-to-one, the
largest character overlap first (`greedy_match`). So "Mr. Trump" is found
by "Trump", while "C.I.A." does not stand for "the C.I.A. director" (head
"director").

Unmatched mentions. Every gold mention counts in recall; an unmatched one
earns nothing. Precision is judged on the predicted mentions that matched a
gold mention: the gold covers only some types (MEANTIME's PER/ORG, the
NewsWCL50 codebook concepts), so a predicted mention outside it is not
known to be wrong. Mention detection precision and recall are reported
beside the cluster scores so those left-out predictions stay visible.

B-cubed (Bagga & Baldwin 1998) is the primary figure: per mention, the
share of its cluster that the other side put with it. MUC (Vilain et al.
1995) counts the links needed to join the clusters, and ignores singletons.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dateline.evaluate.matching import greedy_match

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One gold mention: its span, its head token's span and its chain."""

    start: int
    end: int
    head_start: int
    head_end: int
    chain: str


def head_match_score(gold: GoldMention, predicted: Span) -> float:
    """Character-overlap Jaccard if `predicted` takes in the gold head, else 0.

    The head is one word, but a hyphenated one may be cut ("Moon Jae" for
    "Moon Jae-in"), so overlapping the head is enough.
    """

    start, end = predicted
    if not (start < gold.head_end and gold.head_start < end):
        return 0.0
    shared = min(end, gold.end) - max(start, gold.start)
    union = max(end, gold.end) - min(start, gold.start)
    return shared / union if shared > 0 else 0.0


def align_mentions(
    gold: Sequence[GoldMention], clusters: Iterable[Iterable[Span]]
) -> tuple[dict[int, int], int]:
    """Which predicted cluster each gold mention (by index) was found in.

    Returns the map gold index -> predicted cluster index for matched gold
    mentions, and the number of predicted mentions (matched or not).
    """

    spans: list[Span] = []
    owner: list[int] = []
    for cluster_index, cluster in enumerate(clusters):
        for span in dict.fromkeys(cluster):  # one span listed twice is one mention
            spans.append(span)
            owner.append(cluster_index)
    pairs = greedy_match(gold, spans, head_match_score)
    return {pair.gold_index: owner[pair.predicted_index] for pair in pairs}, len(spans)


@dataclass(slots=True)
class ClusterScore:
    """Sums behind B-cubed, MUC and mention detection, added over documents."""

    gold_mentions: int = 0
    predicted_mentions: int = 0
    matched_mentions: int = 0
    b3_recall_sum: float = 0.0
    b3_precision_sum: float = 0.0
    muc_recall_num: int = 0
    muc_recall_den: int = 0
    muc_precision_num: int = 0
    muc_precision_den: int = 0

    def add(self, other: ClusterScore) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def b3_recall(self) -> float | None:
        return self.b3_recall_sum / self.gold_mentions if self.gold_mentions else None

    @property
    def b3_precision(self) -> float | None:
        return self.b3_precision_sum / self.matched_mentions if self.matched_mentions else None

    @property
    def b3_f1(self) -> float | None:
        return _harmonic(self.b3_precision, self.b3_recall, self.gold_mentions)

    @property
    def muc_recall(self) -> float | None:
        return self.muc_recall_num / self.muc_recall_den if self.muc_recall_den else None

    @property
    def muc_precision(self) -> float | None:
        return self.muc_precision_num / self.muc_precision_den if self.muc_precision_den else None

    @property
    def muc_f1(self) -> float | None:
        return _harmonic(self.muc_precision, self.muc_recall, self.muc_recall_den)

    @property
    def mention_recall(self) -> float | None:
        return self.matched_mentions / self.gold_mentions if self.gold_mentions else None

    @property
    def mention_precision(self) -> float | None:
        if not self.predicted_mentions:
            return None
        return self.matched_mentions / self.predicted_mentions

    def metrics(self) -> dict[str, float | None]:
        """The figures a benchmark reports, B-cubed first."""

        return {
            "B3 F1": self.b3_f1,
            "B3 P": self.b3_precision,
            "B3 R": self.b3_recall,
            "MUC F1": self.muc_f1,
            "mention P": self.mention_precision,
            "mention R": self.mention_recall,
        }


def _harmonic(precision: float | None, recall: float | None, gold: int) -> float | None:
    """F1; 0 when there was gold but nothing (right) was predicted."""

    if not gold:
        return None
    p, r = precision or 0.0, recall or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _partitions(members: Iterable[int], label: Mapping[int, int]) -> int:
    """How many pieces the other side cuts a cluster into; unlabelled ones are alone."""

    labelled: set[int] = set()
    alone = 0
    for member in members:
        if member in label:
            labelled.add(label[member])
        else:
            alone += 1
    return len(labelled) + alone


def score_document(gold: Sequence[GoldMention], clusters: Iterable[Iterable[Span]]) -> ClusterScore:
    """B-cubed, MUC and mention figures of one document's predicted clusters."""

    found, predicted_mentions = align_mentions(gold, clusters)
    gold_of: dict[str, list[int]] = {}
    for index, mention in enumerate(gold):
        gold_of.setdefault(mention.chain, []).append(index)
    gold_chain = {index: mention.chain for index, mention in enumerate(gold)}
    chain_label = {chain: n for n, chain in enumerate(gold_of)}
    gold_label = {index: chain_label[gold_chain[index]] for index in gold_chain}
    predicted_of: dict[int, list[int]] = {}
    for index, cluster in found.items():
        predicted_of.setdefault(cluster, []).append(index)

    score = ClusterScore(
        gold_mentions=len(gold),
        predicted_mentions=predicted_mentions,
        matched_mentions=len(found),
    )
    for index in range(len(gold)):
        key = gold_of[gold_chain[index]]
        if index not in found:
            continue
        response = predicted_of[found[index]]
        shared = sum(1 for other in response if gold_chain[other] == gold_chain[index])
        score.b3_recall_sum += shared / len(key)
        score.b3_precision_sum += shared / len(response)
    for members in gold_of.values():
        score.muc_recall_num += len(members) - _partitions(members, found)
        score.muc_recall_den += len(members) - 1
    for members in predicted_of.values():
        score.muc_precision_num += len(members) - _partitions(members, gold_label)
        score.muc_precision_den += len(members) - 1
    return score
