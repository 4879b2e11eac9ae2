"""NewsQuant in CQE's terms: value, value+unit, value+change and value+concept F1.

CQE (Almasian, Kazakova, Göldner and Gertz, "CQE: A Comprehensive Quantity
Extractor", EMNLP 2023) reports its extractor on NewsQuant as F1 of a value
and each attribute together: a gold quantity is a hit for "value+unit" when
some predicted quantity has its value *and* its unit, for "value+change" its
value and its change (=, ~, <, >, up, down), for "value+concept (partial)"
its value and at least one word of its referred concept. Precision divides
the hits by every predicted quantity, recall by every gold quantity. This
module scores the same way, so dateline's rows compare with the published ones:

- values match as CQE matches them, `numpy.isclose` (relative 1e-5): a
  range ("252.0-287.0") matches a predicted range with both ends equal
  (dateline's `low`/`high`); quantulum3 gives no ranges, so, as CQE does for
  it, a gold range counts as its midpoint. Percentages are ratios on our
  side ("19" percent is 0.19), as in the rest of this benchmark;
- one predicted quantity serves one gold quantity; among predictions of the
  same value the one with more attributes right is taken (CQE's loop takes
  the one with the right unit);
- units compare through the benchmark's own unit rule, passed in
  (`newsquant.unit_key`, the same for every system; CQE compares its
  normalised unit names, which only CQE writes);
- a prediction's change is "up"/"down" for a change that says which way, a
  bound's "~", ">" or "<", else "="; the concept is the words of its
  `measure`, and a gold concept "-" (none) is matched by no measure, as CQE's
  own "-" matches it;
- quantulum3 has no change or concept, and CQE reports only its value and
  value+unit; so do we.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from dateline.evaluate.matching import greedy_match, word_set
from dateline_bench import f1

Record = dict[str, Any]
Value = float | tuple[float, float]

VALUE_F1 = "value F1 (CQE terms)"
UNIT_F1 = "value+unit F1 (CQE terms)"
CHANGE_F1 = "value+change F1 (CQE terms)"
CONCEPT_F1 = "value+concept F1, partial (CQE terms)"

PUBLISHED = [
    {
        "system": "CQE",
        "citation": "Almasian et al., CQE, EMNLP 2023, NewsQuant",
        "figures": {VALUE_F1: 0.912, UNIT_F1: 0.842, CHANGE_F1: 0.880, CONCEPT_F1: 0.655},
        "note": "the paper's table; the authors' evaluation repository "
        "(CQE_Evaluation, data/evaluation_output/NewsQuant.csv) lists a later run at "
        "92.0 / 85.6 / 88.1 / 76.1, and quantulum3 at 73.0 value F1, 47.2 value+unit",
    }
]
"""Published figures on NewsQuant, printed as reference rows (not rerun here)."""

_RANGE = re.compile(r"^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$")
_NO_CONCEPT = frozenset({"-"})
BOUND_CHANGES = {"around": "~", "lower": ">", "upper": "<"}


def gold_value(quantity: Record, *, ranges_averaged: bool = False) -> Value | None:
    """The gold value as CQE reads it: a number, or a range's two ends (or midpoint)."""

    written = str(quantity.get("value") or "").strip()
    scale = 0.01 if quantity.get("normalized_unit") == "percentage" else 1.0
    found = _RANGE.match(written)
    if found:
        low, high = float(found[1]) * scale, float(found[2]) * scale
        return (low + high) / 2 if ranges_averaged else (low, high)
    try:
        return float(written) * scale
    except ValueError:
        return None


def predicted_value(amount: Record) -> Value | None:
    low, high = amount.get("low"), amount.get("high")
    if low is not None and high is not None:
        return float(low), float(high)
    value = amount.get("value")
    return None if value is None else float(value)


def _close(gold: float, predicted: float) -> bool:
    return abs(gold - predicted) <= 1e-8 + 1e-5 * abs(predicted)  # numpy.isclose's default


def same_value(gold: Value | None, predicted: Value | None) -> bool:
    if gold is None or predicted is None:
        return False
    if isinstance(gold, tuple) or isinstance(predicted, tuple):
        if not (isinstance(gold, tuple) and isinstance(predicted, tuple)):
            return False
        return _close(gold[0], predicted[0]) and _close(gold[1], predicted[1])
    return _close(gold, predicted)


def predicted_change(amount: Record) -> str:
    """The prediction in NewsQuant's change column: "up", "down", "~", ">", "<" or "="."""

    if amount.get("change"):
        return str(amount.get("direction") or "change")
    return BOUND_CHANGES.get(str(amount.get("bound")), "=")


def concept_partial(quantity: Record, amount: Record) -> bool:
    """At least one word of the gold concept in the measure; no concept matches no measure."""

    concept = word_set(str(quantity.get("referred_concepts") or "").replace(",", " "))
    measure = word_set(amount.get("measure"))
    if not concept or concept <= _NO_CONCEPT:
        return not measure
    return bool(concept & measure)


def _change(quantity: Record, amount: Record) -> bool:
    return str(quantity.get("change") or "=") == predicted_change(amount)


Judge = Callable[[Record, Record], bool]
"""Whether a predicted amount has a gold quantity's attribute: (quantity, amount) -> bool."""


def _pairing(gold: tuple[Record, Value | None], amount: Record, judges: Sequence[Judge]) -> float:
    """1 for the same value; among equal values, the one with more attributes right."""

    quantity, value = gold
    if not same_value(value, predicted_value(amount)):
        return 0.0
    return 1.0 + 0.001 * sum(judge(quantity, amount) for judge in judges)


def score(
    gold: Sequence[Record],
    predicted: Sequence[Record],
    same_unit: Judge,
    *,
    ranges_averaged: bool = False,
    attributes: Sequence[str] = (UNIT_F1, CHANGE_F1, CONCEPT_F1),
) -> dict[str, float | None]:
    """F1 of value and of value with each attribute, CQE's way (see the module).

    `same_unit(quantity, amount)` is the benchmark's unit rule.
    """

    judging: dict[str, Judge] = {
        UNIT_F1: same_unit,
        CHANGE_F1: _change,
        CONCEPT_F1: concept_partial,
    }
    judges = [judging[name] for name in attributes]
    by_id = {p.get("id"): p for p in predicted}
    hits = {name: 0 for name in (VALUE_F1, *attributes)}
    gold_count = predicted_count = 0
    for record in gold:
        quantities = record.get("quantities") or []
        amounts = by_id.get(record["id"], {}).get("amounts") or []
        gold_count += len(quantities)
        predicted_count += len(amounts)
        read = [(q, gold_value(q, ranges_averaged=ranges_averaged)) for q in quantities]
        pairs = greedy_match(read, amounts, lambda g, p: _pairing(g, p, judges))
        for pair in pairs:
            quantity, amount = quantities[pair.gold_index], amounts[pair.predicted_index]
            hits[VALUE_F1] += 1
            for name, judge in zip(attributes, judges, strict=True):
                hits[name] += judge(quantity, amount)
    return {
        name: f1(count, predicted_count - count, gold_count - count) for name, count in hits.items()
    }
