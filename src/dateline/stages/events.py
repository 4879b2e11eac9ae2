"""Events: who did what to whom, where and when, as PLOVER types.

This version finds meetings, talks, visits and calls (PLOVER CONSULT) from a
trigger lexicon shipped as data (`data/event_triggers.tsv`) and the
dependency parse: the subject and the "between"/"with" phrases give the
sides. Plans, hypotheticals and denials ("will meet", "did not meet") are
not events. Sentences that return to an event already found ("During the
meeting, ...") add nothing new, so one real meeting is one event.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from spacy.tokens import Token

from dateline.model import Actor, Event, Place, Span
from dateline.parsing import ParsedDoc
from dateline.stages.dates import resolve_date

SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
UNREAL_AUXILIARIES = frozenset(
    {"will", "shall", "would", "may", "might", "could", "should", "must", "'ll", "wo", "ca"}
)
PLANNING_VERBS = frozenset(
    {"plan", "intend", "expect", "hope", "want", "propose", "agree", "prepare", "seek", "schedule"}
)
UNREAL_MODIFIERS = frozenset({"upcoming", "planned", "next", "future", "possible", "potential"})
PARTNER_PREPOSITIONS = frozenset({"between", "with", "among"})
PLACE_PREPOSITIONS = frozenset({"in", "at"})
PHONE_WORDS = frozenset({"phone", "telephone"})


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    mode: str | None


@cache
def trigger_lexicon() -> dict[tuple[str, str], Trigger]:
    """(lemma, coarse POS) → trigger, from the editable TSV."""

    source = resources.files("dateline.data").joinpath("event_triggers.tsv")
    with source.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        triggers = {}
        for row in rows:
            trigger = Trigger(row["lemma"], row["pos"], row["type"], row["mode"] or None)
            triggers[(trigger.lemma, trigger.pos)] = trigger
        return triggers


def _trigger_of(token: Token) -> Trigger | None:
    pos = "VERB" if token.pos_ == "VERB" else "NOUN" if token.pos_ in {"NOUN", "PROPN"} else None
    if pos is None:
        return None
    lexicon = trigger_lexicon()
    return lexicon.get((token.lemma_.lower(), pos)) or lexicon.get((token.lower_, pos))


def _governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(6):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.head is current:
            return None
        current = current.head
    return None


def is_factual(token: Token) -> bool:
    """False for plans, hypotheticals and denials around a trigger."""

    if any(child.lower_ in UNREAL_MODIFIERS for child in token.children):
        return False
    verb = _governing_verb(token)
    while verb is not None:
        for child in verb.children:
            if child.dep_ == "neg" or child.lower_ in {"never"}:
                return False
            if child.dep_ == "aux" and child.lower_ in UNREAL_AUXILIARIES:
                return False
            if child.dep_ == "aux" and child.lower_ == "to" and verb.dep_ == "xcomp":
                break
        if verb.lemma_.lower() in PLANNING_VERBS and verb is not token:
            return False
        if verb.dep_ in {"xcomp", "ccomp"} and verb.head is not verb:
            head = verb.head
            if head.lemma_.lower() in PLANNING_VERBS or any(
                c.dep_ == "aux" and c.lower_ in UNREAL_AUXILIARIES for c in head.children
            ):
                return False
        if verb.dep_ == "xcomp" and verb.head is not verb:
            verb = verb.head
            continue
        break
    return True


class _MentionIndex:
    """Which actor a character offset belongs to."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self._spans = sorted(
            ((span, actor) for actor in actors for span in actor.mentions), key=lambda p: p[0]
        )

    def actors_in(self, tokens: Iterable[Token]) -> list[Actor]:
        """Actors mentioned inside `tokens`, in text order, people first."""

        positions = [(t.idx, t.idx + len(t)) for t in tokens]
        found: list[Actor] = []
        for span, actor in self._spans:
            if actor not in found and any(s < span.end and span.start < e for s, e in positions):
                found.append(actor)
        people = [a for a in found if a.kind == "person"]
        return people or found


def _subtree_without(token: Token, exclude: Token | None) -> list[Token]:
    if exclude is None:
        return list(token.subtree)
    skipped = set(t.i for t in exclude.subtree)
    return [t for t in token.subtree if t.i not in skipped]


def _sides(trigger: Token, index: _MentionIndex) -> tuple[list[Actor], list[Actor]]:
    """(source side, target side) of one trigger from the parse."""

    sources: list[Actor] = []
    targets: list[Actor] = []
    verb = trigger if trigger.pos_ == "VERB" else None
    if verb is None and trigger.dep_ in {"dobj", "nsubjpass", "attr"}:
        verb = trigger.head  # "held talks", "talks were held"
    holders = [trigger] + ([verb] if verb is not None and verb is not trigger else [])
    for holder in holders:
        for child in holder.children:
            if child.dep_ in {"nsubj", "poss"} and not sources:
                sources = index.actors_in(child.subtree)
            elif child.dep_ == "dobj" and child is not trigger and holder is trigger:
                targets += index.actors_in(child.subtree)
            elif child.dep_ == "prep" and child.lower_ in PARTNER_PREPOSITIONS:
                partners = index.actors_in(child.subtree)
                if child.lower_ == "with":
                    targets += partners
                else:  # "a meeting between A and B": both sides in one phrase
                    sources, targets = sources or partners[:1], targets + partners[1:]
    source_ids = {a.id for a in sources}
    targets = [a for a in {a.id: a for a in targets}.values() if a.id not in source_ids]
    if not targets and len(sources) > 1:
        sources, targets = sources[:1], sources[1:]
    return sources, targets


def _evidence(trigger: Token, parsed: ParsedDoc) -> Span:
    tokens = list(trigger.subtree)
    head = trigger.head
    if trigger.pos_ != "VERB" and head.pos_ == "VERB" and head.i > trigger.i:
        tokens.extend(t for t in head.subtree if t.i > trigger.i and t.i <= head.i + 1)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    return parsed.span(start, end)


def _event_place(sentence: Span, parsed: ParsedDoc, places: list[Place]) -> str | None:
    """A city the sentence puts the event in, else the dateline city."""

    for place in places:
        if place.kind == "country":
            continue
        for span in place.spans:
            if sentence.start <= span.start < sentence.end:
                before = parsed.text[max(sentence.start, span.start - 4) : span.start].lower()
                if before.split() and before.split()[-1] in PLACE_PREPOSITIONS:
                    return place.name
    return parsed.article.dateline_place


def _event_date(trigger: Token, published: date | None) -> str | None:
    for ent in trigger.sent.ents:
        if ent.label_ == "DATE" and (day := resolve_date(ent.text, published)) is not None:
            return day.isoformat()
    return published.isoformat() if published else None


def _mode(trigger: Token, lexical: Trigger) -> str | None:
    if any(t.lower_ in PHONE_WORDS for t in trigger.subtree) or trigger.lower_ in PHONE_WORDS:
        return "phone"
    return lexical.mode


def _candidates(parsed: ParsedDoc, actors: list[Actor], places: list[Place]) -> Iterator[Event]:
    index = _MentionIndex(actors)
    for token in parsed.doc:
        lexical = _trigger_of(token)
        if lexical is None or not is_factual(token):
            continue
        sources, targets = _sides(token, index)
        sentence = parsed.span_of(token.sent)
        yield Event(
            type=lexical.type,
            evidence=_evidence(token, parsed),
            actors=[a.id for a in sources],
            targets=[a.id for a in targets],
            place=_event_place(sentence, parsed, places),
            date=_event_date(token, parsed.article.published),
            mode=_mode(token, lexical),
            confidence=0.8 if sources and targets else 0.5,
        )


def _same_event(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    if a.type in SYMMETRIC_TYPES:
        return set(a.actors) | set(a.targets) == set(b.actors) | set(b.targets)
    return (a.actors, a.targets) == (b.actors, b.targets)


def extract_events(parsed: ParsedDoc, actors: list[Actor], places: list[Place]) -> list[Event]:
    """One event per real event: later mentions of the same one merge into it."""

    events: list[Event] = []
    for candidate in _candidates(parsed, actors, places):
        has_sides = bool(candidate.actors or candidate.targets)
        earlier = next((e for e in events if _same_event(e, candidate)), None)
        if earlier is None and not has_sides:
            # "During the meeting, ..." refers back; with no earlier event and
            # no participants there is nothing to report.
            earlier = next((e for e in events if e.type == candidate.type), None)
            if earlier is None:
                continue
        if earlier is not None:
            earlier.confidence = min(1.0, earlier.confidence + 0.1)
            continue
        events.append(candidate)
    return events
