"""Text folding, token overlap and one-to-one matching for the scorer.

Gold annotators and the extractor write the same phrase in slightly different
ways: curly or straight quotes, an en dash or a hyphen, a trailing comma kept
inside a quotation or not. Scoring compares *folded* text so those choices
never count as errors, and pairs gold with predicted items greedily, best
overlap first, each item used at most once, so one prediction can never earn
two hits.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

G = TypeVar("G")
P = TypeVar("P")

_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": "'",
        "\u203a": "'",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "`": "'",
        "\u00b4": "'",
    }
)
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+(?:[.,'-]\w+)*")


_KEPT_AT_EDGES = frozenset("%\u2030\u2031")
"""Punctuation that is part of an amount ("5%"), so never trimmed."""


def _is_edge_punctuation(char: str) -> bool:
    if char in _KEPT_AT_EDGES:
        return False
    category = unicodedata.category(char)
    return category.startswith("P") or char.isspace()


def fold_text(text: str | None) -> str:
    """The comparable form of a surface string.

    Folds case, quotation marks (all styles become `"` or `'`), dashes
    (become `-`) and runs of white space, then drops punctuation at both
    ends, so `“Our cooperation has stood the test of time,”` and
    `our cooperation has stood the test of time` compare equal.
    Currency signs and `%` belong to amounts and are kept.
    """

    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    folded = _DASHES.sub("-", folded)
    folded = _SPACE.sub(" ", folded).strip()
    start, end = 0, len(folded)
    while start < end and _is_edge_punctuation(folded[start]):
        start += 1
    while end > start and _is_edge_punctuation(folded[end - 1]):
        end -= 1
    return folded[start:end]


def word_set(text: str | None) -> frozenset[str]:
    """Distinct words of the folded text; numbers keep inner `.`/`,` ("24.2")."""

    return frozenset(_WORD.findall(fold_text(text)))


def jaccard(left: Iterable[str], right: Iterable[str]) -> float:
    """Jaccard index of two sets; two empty sets share nothing (0.0)."""

    a, b = set(left), set(right)
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def token_overlap(left: str | None, right: str | None) -> float:
    """Jaccard index of the word sets of two strings."""

    return jaccard(word_set(left), word_set(right))


def text_overlap(left: str | None, right: str | None) -> float:
    """How well two short expressions ("$24.2bn", "24.2bn") cover each other.

    1.0 when the folded texts are equal; the length ratio when one contains
    the other (a prediction that took "almost a third" for "a third" still
    overlaps); otherwise their token Jaccard index, which is 0 for unrelated
    text.
    """

    a, b = fold_text(left), fold_text(right)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if a in b or b in a:
        return min(len(a), len(b)) / max(len(a), len(b))
    return token_overlap(a, b)


EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""

    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True, slots=True)
class Pair(Generic[G, P]):
    """A gold item and the prediction it was matched with."""

    gold_index: int
    predicted_index: int
    score: float


def greedy_match(
    gold: Sequence[G],
    predicted: Sequence[P],
    score: Callable[[G, P], float],
) -> list[Pair[G, P]]:
    """Pair items one-to-one, best score first.

    `score` returns a positive number for a pair that counts as a match and
    0 (or less) for one that does not. Ties are broken by document order
    (lower gold index, then lower predicted index), so the result does not
    depend on dictionary or set ordering. Each gold and each predicted item
    appears in at most one pair.
    """

    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            value = score(g, p)
            if value > 0:
                candidates.append((value, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[Pair[G, P]] = []
    for value, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append(Pair(gi, pi, value))
    pairs.sort(key=lambda p: p.gold_index)
    return pairs
