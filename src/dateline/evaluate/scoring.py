"""Score predicted articles against gold ones, following GOLD_FORMAT.md.

The scorer is pure: it reads two lists of gold-shaped dicts and needs no
model, so it is fast, testable alone and usable on the output of any system
(the baselines are scored by exactly the same code). Predicted dicts may
carry extra keys (spans, confidence); they are ignored.

Rules beyond the table in GOLD_FORMAT.md, decided here:

- Optional gold items take part in matching, so a prediction that matches one
  is not a false alarm; the pair is then neither hit nor miss and its
  attributes are not scored.
- An attribute accuracy (country, role, value, ...) counts a matched pair
  when gold or prediction gives a value; when both leave it null there is
  nothing to judge, so trivially empty fields cannot inflate the figure.
- Roles, units and periods are compared through the scorer's own fold
  tables (`dateline.evaluate.folds`), as GOLD_FORMAT.md says: names of one
  office, spellings of one unit and a whole year written as a range agree.
- Actors match by equal folded `name` or a shared folded mention; among
  several candidates the one with the larger mention overlap wins.
- Speakers and event participants are compared through the actor matching:
  predicted actor id -> predicted actor -> gold actor it matched. A
  predicted id whose actor matched nothing is simply wrong.
- Event sides match when they share an actor or are both empty. For
  symmetric types (`symmetric` in `data/plover_types.tsv`) the sides are pooled and the pools
  must share at least two actors (or all of them when gold has fewer), so
  "A met B" may be written either way round but "A met C" does not match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from dateline.evaluate.folds import fold_period, fold_role, fold_unit
from dateline.evaluate.matching import (
    Pair,
    fold_text,
    greedy_match,
    haversine_km,
    jaccard,
    text_overlap,
    token_overlap,
)
from dateline.evaluate.report import (
    ArticleReport,
    Finding,
    Report,
)
from dateline.knowledge.event_types import plover_types

Item = Mapping[str, Any]

QUOTE_OVERLAP = 0.6
MEASURE_OVERLAP = 0.5
VALUE_TOLERANCE = 0.01
COORDINATE_TOLERANCE_KM = 25.0


def is_symmetric(kind: str) -> bool:
    """Whether the two sides of a PLOVER type play the same part.

    A meeting or talks (CONSULT), joint work (COOPERATE) and an agreement both
    parties sign (AGREE) read the same from either side; the type table says
    which. Every other type has a doer and a receiver (AID, ACCUSE,
    SANCTION, ...), so its sides are kept, as they are for a type the table
    does not know.
    """

    known = plover_types().get(kind)
    return known is not None and known.symmetric


def _items(article: Item, key: str) -> list[Item]:
    value = article.get(key) or []
    return [item for item in value if isinstance(item, Mapping)]


def _optional(item: Item) -> bool:
    return bool(item.get("optional"))


def _short(text: str | None, limit: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _ArticleScorer:
    """Scores one gold article against its prediction, field by field."""

    def __init__(self, gold: Item, predicted: Item) -> None:
        self.gold = gold
        self.predicted = predicted
        self.report = ArticleReport(id=str(gold.get("id", "")))
        self.actor_map: dict[str, str] = {}

    # -- bookkeeping shared by every field ------------------------------------

    def _tally(
        self,
        fields: Callable[[Item], Sequence[str]],
        gold: Sequence[Item],
        predicted: Sequence[Item],
        pairs: Iterable[Pair[Item, Item]],
        describe: Callable[[Item], tuple[str, str | None]],
    ) -> list[tuple[Item, Item]]:
        """Count hits, misses and false alarms; return the scored pairs.

        `fields(item)` names the report fields an item counts in (a direct
        quote counts in "quotes" and "quotes.direct"). Pairs whose gold item
        is optional are dropped: neither hit nor false alarm.
        """

        scored: list[tuple[Item, Item]] = []
        matched_gold: set[int] = set()
        matched_pred: set[int] = set()
        for pair in pairs:
            matched_gold.add(pair.gold_index)
            matched_pred.add(pair.predicted_index)
            g = gold[pair.gold_index]
            if _optional(g):
                continue
            for name in fields(g):
                self.report.fields[name].tp += 1
            scored.append((g, predicted[pair.predicted_index]))
        for index, g in enumerate(gold):
            if index in matched_gold or _optional(g):
                continue
            names = fields(g)
            for name in names:
                self.report.fields[name].fn += 1
            text, detail = describe(g)
            self._find(names[-1], "miss", text, detail=detail)
        for index, p in enumerate(predicted):
            if index in matched_pred:
                continue
            names = fields(p)
            for name in names:
                self.report.fields[name].fp += 1
            text, detail = describe(p)
            self._find(names[-1], "false_alarm", text, detail=detail)
        return scored

    def _find(
        self,
        field: str,
        kind: str,
        text: str,
        *,
        attribute: str | None = None,
        detail: str | None = None,
    ) -> None:
        self.report.findings.append(
            Finding(self.report.id, field, kind, text, attribute=attribute, detail=detail)
        )

    def _judge(
        self,
        field: str,
        attribute: str,
        text: str,
        gold_value: Any,
        predicted_value: Any,
        same: Callable[[Any, Any], bool],
    ) -> bool | None:
        """Count one attribute of a matched pair; None when neither side has it."""

        if gold_value is None and predicted_value is None:
            return None
        ok = gold_value is not None and predicted_value is not None
        ok = ok and same(gold_value, predicted_value)
        self.report.accuracies[f"{field}.{attribute}"].count(ok)
        if not ok:
            self._find(
                field,
                "wrong",
                text,
                attribute=attribute,
                detail=f"gold {gold_value!r}, predicted {predicted_value!r}",
            )
        return ok

    # -- actors ---------------------------------------------------------------

    @staticmethod
    def _mention_set(actor: Item) -> set[str]:
        return {fold_text(m) for m in actor.get("mentions") or [] if isinstance(m, str)} - {""}

    def _actor_score(self, gold: Item, predicted: Item) -> float:
        gold_mentions, pred_mentions = self._mention_set(gold), self._mention_set(predicted)
        overlap = jaccard(gold_mentions, pred_mentions)
        name = fold_text(gold.get("name"))
        if name and name == fold_text(predicted.get("name")):
            return 1.0 + overlap
        return overlap

    def score_actors(self) -> None:
        gold, predicted = _items(self.gold, "actors"), _items(self.predicted, "actors")
        pairs = greedy_match(gold, predicted, self._actor_score)
        for pair in pairs:
            pred_id = predicted[pair.predicted_index].get("id")
            gold_id = gold[pair.gold_index].get("id")
            if pred_id is not None and gold_id is not None:
                self.actor_map[str(pred_id)] = str(gold_id)

        def describe(actor: Item) -> tuple[str, str | None]:
            mentions = ", ".join(repr(m) for m in actor.get("mentions") or [])
            return str(actor.get("name", "")), f"mentions: {mentions}" if mentions else None

        scored = self._tally(lambda _: ("actors",), gold, predicted, pairs, describe)
        mentions = self.report.accuracies["actors.mentions"]
        for g in gold:
            if not _optional(g) and not any(g is s for s, _ in scored):
                mentions.total += len(self._mention_set(g))
        for g, p in scored:
            name = str(g.get("name", ""))
            gold_mentions, pred_mentions = self._mention_set(g), self._mention_set(p)
            mentions.total += len(gold_mentions)
            mentions.correct += len(gold_mentions & pred_mentions)
            unlinked = sorted(gold_mentions - pred_mentions)
            if unlinked:
                self._find(
                    "actors",
                    "wrong",
                    name,
                    attribute="mentions",
                    detail="not linked: " + ", ".join(repr(m) for m in unlinked),
                )
            self._judge(
                "actors",
                "country",
                name,
                g.get("country"),
                p.get("country"),
                lambda a, b: str(a).upper() == str(b).upper(),
            )
            self._judge(
                "actors",
                "role",
                name,
                g.get("role"),
                p.get("role"),
                lambda a, b: fold_role(a) == fold_role(b),
            )

    def _gold_actor(self, predicted_id: Any) -> str | None:
        """The gold id a predicted actor id stands for (a sentinel if none)."""

        if predicted_id is None:
            return None
        return self.actor_map.get(str(predicted_id), f"<unmatched {predicted_id}>")

    # -- quotes ---------------------------------------------------------------

    @staticmethod
    def _quote_fields(quote: Item) -> tuple[str, ...]:
        kind = quote.get("kind")
        if kind in ("direct", "indirect"):
            return ("quotes", f"quotes.{kind}")
        return ("quotes",)

    def score_quotes(self) -> None:
        gold, predicted = _items(self.gold, "quotes"), _items(self.predicted, "quotes")
        pairs = greedy_match(gold, predicted, quote_match_score)

        def describe(quote: Item) -> tuple[str, str | None]:
            return _short(quote.get("text")), f"{quote.get('kind')}, speaker {quote.get('speaker')}"

        scored = self._tally(self._quote_fields, gold, predicted, pairs, describe)
        speaker_hits = 0
        for g, p in scored:
            gold_speaker = g.get("speaker")
            pred_speaker = self._gold_actor(p.get("speaker"))
            ok = self._judge(
                "quotes",
                "speaker",
                _short(g.get("text"), 80),
                gold_speaker,
                pred_speaker,
                lambda a, b: str(a) == str(b),
            )
            if ok is None or ok:
                speaker_hits += 1
        required_gold = sum(1 for g in gold if not _optional(g))
        counted_pred = len(predicted) - sum(1 for pair in pairs if _optional(gold[pair.gold_index]))
        combined = self.report.fields["quote+speaker"]
        combined.tp += speaker_hits
        combined.fp += counted_pred - speaker_hits
        combined.fn += required_gold - speaker_hits

    # -- amounts --------------------------------------------------------------

    @staticmethod
    def _amount_score(gold: Item, predicted: Item) -> float:
        overlap = _amount_text_overlap(gold.get("text"), predicted.get("text"))
        if overlap <= 0:
            return 0.0
        # Small tie-breakers: the same "5%" may occur twice with different measures.
        bonus = 0.01 * token_overlap(gold.get("measure"), predicted.get("measure"))
        if _close_value(gold.get("value"), predicted.get("value")):
            bonus += 0.001
        return overlap + bonus

    def score_amounts(self) -> None:
        gold, predicted = _items(self.gold, "amounts"), _items(self.predicted, "amounts")
        pairs = greedy_match(gold, predicted, self._amount_score)

        def describe(amount: Item) -> tuple[str, str | None]:
            return str(amount.get("text", "")), (
                f"{amount.get('value')} {amount.get('unit')} of {amount.get('measure')!r}"
            )

        for g, p in self._tally(lambda _: ("amounts",), gold, predicted, pairs, describe):
            text = str(g.get("text", ""))
            self._judge("amounts", "value", text, g.get("value"), p.get("value"), _close_value)
            self._judge(
                "amounts",
                "unit",
                text,
                g.get("unit"),
                p.get("unit"),
                lambda a, b: fold_unit(a) == fold_unit(b),
            )
            self._judge(
                "amounts",
                "measure",
                text,
                g.get("measure"),
                p.get("measure"),
                lambda a, b: token_overlap(a, b) >= MEASURE_OVERLAP,
            )
            self._judge(
                "amounts",
                "period",
                text,
                g.get("period"),
                p.get("period"),
                lambda a, b: fold_period(a) == fold_period(b),
            )

    # -- events ---------------------------------------------------------------

    def _event_score(self, gold: Item, predicted: Item) -> float:
        kind = str(gold.get("type", "")).upper()
        if kind != str(predicted.get("type", "")).upper():
            return 0.0
        gold_sources = {str(a) for a in gold.get("actors") or []}
        gold_targets = {str(a) for a in gold.get("targets") or []}
        pred_sources = {str(self._gold_actor(a)) for a in predicted.get("actors") or []}
        pred_targets = {str(self._gold_actor(a)) for a in predicted.get("targets") or []}
        if is_symmetric(kind):
            gold_all, pred_all = gold_sources | gold_targets, pred_sources | pred_targets
            if not gold_all and not pred_all:
                return 1.0
            if len(gold_all & pred_all) < min(2, len(gold_all)) or not gold_all & pred_all:
                return 0.0
            return jaccard(gold_all, pred_all)
        sides = [(gold_sources, pred_sources), (gold_targets, pred_targets)]
        score = 0.0
        for gold_side, pred_side in sides:
            if not gold_side and not pred_side:
                score += 0.5
            elif gold_side & pred_side:
                score += 0.5 * jaccard(gold_side, pred_side)
            else:
                return 0.0
        return score

    def score_events(self) -> None:
        gold, predicted = _items(self.gold, "events"), _items(self.predicted, "events")
        pairs = greedy_match(gold, predicted, self._event_score)

        def describe(event: Item) -> tuple[str, str | None]:
            sides = f"{event.get('actors') or []} -> {event.get('targets') or []}"
            return f"{event.get('type')}: {_short(event.get('evidence'), 100)}", sides

        for g, p in self._tally(lambda _: ("events",), gold, predicted, pairs, describe):
            text = f"{g.get('type')}: {_short(g.get('evidence'), 80)}"
            self._judge(
                "events",
                "place",
                text,
                g.get("place"),
                p.get("place"),
                lambda a, b: fold_text(a) == fold_text(b),
            )
            self._judge(
                "events",
                "date",
                text,
                g.get("date"),
                p.get("date"),
                lambda a, b: str(a).strip() == str(b).strip(),
            )

    # -- places ---------------------------------------------------------------

    @staticmethod
    def _place_score(gold: Item, predicted: Item) -> float:
        name = fold_text(gold.get("name"))
        return 1.0 if name and name == fold_text(predicted.get("name")) else 0.0

    def score_places(self) -> None:
        gold, predicted = _items(self.gold, "places"), _items(self.predicted, "places")
        pairs = greedy_match(gold, predicted, self._place_score)

        def describe(place: Item) -> tuple[str, str | None]:
            return str(place.get("name", "")), f"country {place.get('country')}"

        for g, p in self._tally(lambda _: ("places",), gold, predicted, pairs, describe):
            name = str(g.get("name", ""))
            self._judge(
                "places",
                "country",
                name,
                g.get("country"),
                p.get("country"),
                lambda a, b: str(a).upper() == str(b).upper(),
            )
            self._judge(
                "places",
                "coordinates",
                name,
                _coordinates(g),
                _coordinates(p),
                lambda a, b: haversine_km(a[0], a[1], b[0], b[1]) <= COORDINATE_TOLERANCE_KM,
            )

    def run(self) -> ArticleReport:
        # Actors first: quotes and events are judged through the actor matching.
        self.score_actors()
        self.score_quotes()
        self.score_amounts()
        self.score_events()
        self.score_places()
        return self.report


def quote_match_score(gold: Item, predicted: Item) -> float:
    """Token overlap of two quotes of the same kind; 0 below `QUOTE_OVERLAP`.

    An article may print a quotation twice (a pull quote, a recap), so where
    gold and prediction both give character offsets a match at the same place
    outranks an equally worded one elsewhere; whether a pair matches at all
    still rests on the words alone.
    """

    if gold.get("kind") != predicted.get("kind"):
        return 0.0
    overlap = token_overlap(gold.get("text"), predicted.get("text"))
    if overlap < QUOTE_OVERLAP:
        return 0.0
    return overlap + (1.0 if _same_place(gold, predicted) else 0.0)


def _same_place(gold: Item, predicted: Item) -> bool:
    span = predicted.get("span") or {}
    if "start" not in gold or "start" not in span:
        return False
    return int(gold["start"]) < int(span["end"]) and int(span["start"]) < int(gold["end"])


def _amount_text_overlap(gold: Any, predicted: Any) -> float:
    """Text overlap that never lets "5%" sit inside "15%"."""

    a, b = fold_text(gold), fold_text(predicted)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if re.search(rf"(?<![\w.,]){re.escape(shorter)}(?![\w])", longer):
        return len(shorter) / len(longer)
    if shorter in longer:
        return 0.0
    return text_overlap(a, b)


def _close_value(gold: Any, predicted: Any) -> bool:
    try:
        g, p = float(gold), float(predicted)
    except (TypeError, ValueError):
        return False
    if g == 0:
        return p == 0
    return abs(p - g) <= VALUE_TOLERANCE * abs(g)


def _coordinates(place: Item) -> tuple[float, float] | None:
    lat, lon = place.get("lat"), place.get("lon")
    if lat is None or lon is None:
        return None
    try:
        return float(lat), float(lon)
    except (TypeError, ValueError):
        return None


def score_article(gold: Item, predicted: Item) -> ArticleReport:
    """Score one article; `predicted` may be empty (everything missed)."""

    return _ArticleScorer(gold, predicted).run()


def score_articles(
    gold: Sequence[Item], predicted: Sequence[Item], *, name: str = "gold"
) -> Report:
    """Score predictions against gold articles, pairing them by `id`.

    A gold article without a prediction scores as an empty prediction
    (every item missed); predictions for ids not in gold are ignored.
    """

    by_id = {str(p.get("id")): p for p in predicted}
    report = Report(name=name)
    for article in gold:
        report.articles.append(score_article(article, by_id.get(str(article.get("id")), {})))
    return report
