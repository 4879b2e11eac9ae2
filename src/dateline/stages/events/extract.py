"""Events: who did what to whom, where and when, as the 16 PLOVER types.

Triggers (verbs and event nouns) come from `data/event_triggers.tsv`; the
sides from dependency patterns (`sides`); plans, hypotheticals and
denials are dropped (`factuality`). Statements count too: a speaker
who reports another side's attack accuses it, one who says another side
"should" act requests it (`speech`). Every event carries its CAMEO
root and a Goldstein-style intensity (`data/plover_types.tsv`) so a dyad can
be charted over time.

One real event is one event: a later mention with the same type and sides,
or with no sides at all ("During the meeting, ..."), is merged into the
first and kept as a supporting span. The date is the first one the event's
sentences state, else the publication date for a past-tense dispatch event;
the place is the one the sentence puts it in ("in Yekaterinburg"), the town
an attack takes ("captured the town of Huddur") or a visit goes to ("visit
to Moscow"), else the dateline place for the types a reporter files from
where they happen. A mention that names no side and stands far from the
event it refers back to lends it no place or date. The mode (`modes`)
comes from the words around the trigger; triggers whose type depends on
their object ("deploy" troops, not booms) check it (`objects`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.document import ParsedDoc
from dateline.document.dates import resolve_date, resolve_period
from dateline.knowledge.event_types import plover_types
from dateline.knowledge.event_words import Trigger
from dateline.knowledge.settings import settings
from dateline.model import Actor, Event, Place, Quote, Span
from dateline.stages.events.factuality import is_factual
from dateline.stages.events.modes import event_mode
from dateline.stages.events.objects import acts_on_fitting_object, object_heads
from dateline.stages.events.sides import MentionIndex, event_sides, subject_of
from dateline.stages.events.speech import (
    Speakers,
    is_first_person,
    obliged_side,
    wrongdoer,
)
from dateline.stages.events.triggers import trigger_of

PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside"})
EDGE_WORDS = frozenset({"edge", "edges", "outskirts", "fringes", "border"})
PAST_TAGS = frozenset({"VBD", "VBN"})
NAMED_DOER_TYPES = frozenset({"NORP", "GPE", "ORG", "PERSON"})


@dataclass(slots=True)
class _Found:
    """An event with what merging needs to know about its sentence."""

    event: Event
    stated_date: str | None
    past: bool
    speech: bool = False
    sentences: list[int] = field(default_factory=list)
    named_doer: bool = False
    """A verb trigger whose doer is a noun phrase the actors stage did not
    resolve ("Sudanese rebels shelled Juba"): an event of its own, not a
    reference back to an earlier one."""
    stands_alone: bool = False
    """A physical act stated as done ("five civilians were killed", "protesters
    marched"): a real event even with neither side named."""


def sentence_date(
    sentence: SpacySpan,
    published: date | None,
    trigger: Token | None = None,
    entities: list[SpacySpan] | None = None,
) -> str | None:
    """The day, else the month, week or year, a sentence's date expressions name.

    With a `trigger`, only expressions that date its clause count: those
    attached to the trigger, to a word inside its phrase ("the talks, held
    on Monday") or to a clause above it ("said on Monday that ..."). A
    date that belongs to a side clause ("children began arriving 18 months
    ago, but ... as Kurdish forces launched attacks") would date the wrong
    event. `entities` are the sentence's entities where the caller has them
    at hand (`ParsedDoc.entities_in`): spaCy's `Span.ents` reads every
    entity of the document.
    """

    for ent in sentence.ents if entities is None else entities:
        if ent.label_ != "DATE" or (trigger is not None and not _dates_clause(ent, trigger)):
            continue
        expression = ent.text
        if ent.start > 0 and ent.doc[ent.start - 1].lower_ == "since":
            expression = "since " + expression
        elif (day := resolve_date(expression, published)) is not None:
            return day.isoformat()
        if (period := resolve_period(expression, published)) is not None:
            return period
    return None


def _dates_clause(ent: SpacySpan, trigger: Token) -> bool:
    """The date expression hangs on `trigger`, on its phrase or on a clause above it."""

    head = ent.root.head  # outside the expression, or the root itself
    if head.pos_ == "ADP":  # "on Monday": the preposition's head is what it dates
        head = head.head
    if head.i == trigger.i or trigger.is_ancestor(head):
        return True
    return head.is_ancestor(trigger)


def _is_past(trigger: Token) -> bool:
    """The trigger, or a verb above it, is in a past or perfect tense."""

    for word in [trigger, *trigger.ancestors]:
        if word.tag_ == "VBD":
            return True
        if word.tag_ == "VBN" and any(
            c.dep_ in {"aux", "auxpass"} and c.lemma_ in {"have", "be"} for c in word.children
        ):
            return True
    return False


def _evidence(trigger: Token, parsed: ParsedDoc) -> Span:
    """The trigger's clause: its subtree, and for a noun the verb that carries it."""

    tokens = list(trigger.subtree)
    head = trigger.head
    if trigger.pos_ != "VERB" and head.pos_ in {"VERB", "AUX"}:
        tokens.extend(t for t in head.subtree if t.i <= max(head.i, trigger.i) + 1)
        tokens.extend(t for t in head.children if t.dep_ in {"nsubj", "nsubjpass"})
        tokens.extend(t for c in head.children if c.dep_ in {"nsubj"} for t in c.subtree)
    sentence = trigger.sent
    tokens = [t for t in tokens if sentence.start <= t.i < sentence.end and not t.is_space]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    return parsed.span(start, end)


def _after_place_preposition(parsed: ParsedDoc, sentence: Span, start: int) -> bool:
    words = parsed.text[max(sentence.start, start - 12) : start].lower().split()
    if words and words[-1] == "the":
        words = words[:-1]
    return (bool(words) and words[-1] in PLACE_PREPOSITIONS) or _in_place_phrase(parsed, start)


def _in_place_phrase(parsed: ParsedDoc, start: int) -> bool:
    """The place heads or ends a phrase after "in", "at", "near" by the parse.

    "on the edge of Damascus", "in the city of Manbij", "in the Belarus
    capital Minsk": the name hangs from the preposition's object through
    "of", an apposition or a compound.
    """

    token = parsed.token_at(start)
    for _ in range(6):
        if token is None:
            return False
        if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS:
            return True
        if token.dep_ == "pobj" and token.head.lower_ == "on":  # "on the edge of Damascus"
            return token.lower_ in EDGE_WORDS
        if token.dep_ in {"compound", "appos", "nmod"} or (
            token.dep_ == "pobj" and token.head.lower_ == "of"
        ):
            token = token.head.head if token.dep_ == "pobj" else token.head
        else:
            return False
    return False


def _object_span(trigger: Token) -> tuple[int, int] | None:
    """Characters of a verb's direct object: "discussed crises in Libya", "attacked Idlib"."""

    if trigger.pos_ != "VERB":
        return None
    target = next((c for c in trigger.children if c.dep_ == "dobj"), None)
    if target is None:
        return None
    tokens = list(target.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _explicit_place(
    trigger: Token,
    parsed: ParsedDoc,
    places: list[Place],
    *,
    countries: bool = True,
    topic: tuple[int, int] | None = None,
    target: tuple[int, int] | None = None,
) -> str | None:
    """The place the sentence puts the event in ("in Yekaterinburg"), as written.

    Among the places after "in", "at", "near" in the trigger's sentence, one
    inside the trigger's own clause wins over one elsewhere, a town or region
    over a country ("in Yekaterinburg, Russia"), and then the nearer one.
    A statement is not placed by the countries it talks about ("actions in
    Syria"), so `countries=False` leaves them out; nor are talks placed by
    their `topic` ("discussed crises in Libya"); an attack is placed by its
    `target` ("attack the rebel-held province of Idlib") as if by "in".
    """

    sentence = parsed.span_of(trigger.sent)
    clause = governing_clause(trigger)
    clause_start = min(t.idx for t in clause.subtree)
    clause_end = max(t.idx + len(t) for t in clause.subtree)
    ranked: list[tuple[tuple[bool, bool, int], str]] = []
    for place in places:
        if place.kind == "country" and not countries:
            continue
        for span in place.spans:
            if not sentence.start <= span.start < sentence.end:
                continue
            if topic is not None and topic[0] <= span.start < topic[1]:
                continue
            # "killed a US adviser": a country in the object is a nationality
            aimed_at = (
                target is not None
                and target[0] <= span.start < target[1]
                and place.kind != "country"
            )
            if not aimed_at and not _after_place_preposition(parsed, sentence, span.start):
                continue
            outside = not clause_start <= span.start < clause_end
            rank = (outside, place.kind == "country", abs(span.start - trigger.idx))
            ranked.append((rank, parsed.text[span.start : span.end]))
    return min(ranked)[1] if ranked else None


def governing_clause(trigger: Token) -> Token:
    """The verb whose clause holds the trigger (the trigger itself for a verb)."""

    current = trigger
    for _ in range(6):
        if current.pos_ in {"VERB", "AUX"} or current.head.i == current.i:
            return current
        current = current.head
    return current


def _is_generic(trigger: Token) -> bool:
    """A plural event noun without sides speaks of a habit, not of one event.

    "high dynamics of meetings between the heads of the two states" is no
    mention of the meeting the dispatch reports; "talks" is plural by form only.
    """

    return trigger.tag_ == "NNS" and trigger.lower_ not in {"talks", "negotiations"}


def _has_named_doer(trigger: Token) -> bool:
    """The verb's doer is written as a noun phrase, not a pronoun or left out."""

    if trigger.pos_ != "VERB":
        return False
    agent = next((c for c in trigger.children if c.dep_ == "agent"), None)
    doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if doer is None and not any(c.dep_ in {"auxpass", "nsubjpass"} for c in trigger.children):
        doer = subject_of(trigger)
    if doer is None or doer.pos_ not in {"NOUN", "PROPN"}:
        return False
    # "Sudanese rebels", "Demonstrators in Baghdad": a doer with a name or
    # a nationality in it is a political actor; "the figure hit $9bn" is not.
    return doer.pos_ == "PROPN" or any(t.ent_type_ in NAMED_DOER_TYPES for t in doer.subtree)


def _describes_event_noun(trigger: Token, lexical: Trigger) -> bool:
    """A verb that only describes an event noun's event ("peace talks hosted by France").

    The noun is the event; the verb tells its mode, not an event of its own.
    """

    if trigger.pos_ != "VERB" or trigger.dep_ not in {"acl", "relcl"}:
        return False
    noun = trigger_of(trigger.head)
    return noun is not None and noun.type == lexical.type and noun.pos == "NOUN"


def _is_country(name: str, places: list[Place]) -> bool:
    return any(p.kind == "country" and p.name == name for p in places)


def _visit_destination(trigger: Token, parsed: ParsedDoc, places: list[Place]) -> Place | None:
    """The place a visit goes to: "Fico's visit to Moscow", "visited Russia"."""

    if trigger.lemma_.lower() != "visit":
        return None
    heads = [c for c in trigger.children if c.dep_ == "dobj"]
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            heads.extend(c for c in prep.children if c.dep_ == "pobj")
    for head in heads:
        start = min(t.idx for t in head.subtree)
        end = max(t.idx + len(t) for t in head.subtree)
        for place in places:
            if any(start <= span.start and span.end <= end for span in place.spans):
                return place
    return None


def _confidence(sources: list[Actor], targets: list[Actor]) -> float:
    """How sure an event is, by how many of its sides the text names."""

    tuned = settings().events
    if sources and targets:
        return tuned.both_sides_confidence
    return tuned.one_side_confidence if sources or targets else tuned.no_side_confidence


class _Finder:
    """Walks one parsed article and yields candidate events in text order."""

    def __init__(
        self, parsed: ParsedDoc, actors: list[Actor], places: list[Place], quotes: list[Quote]
    ) -> None:
        self.parsed = parsed
        self.places = places
        self.index = MentionIndex(actors)
        self.speakers = Speakers(quotes, actors, self.index)
        self.published = parsed.article.published

    def _event(
        self,
        kind: str,
        trigger: Token,
        sources: list[Actor],
        targets: list[Actor],
        *,
        mode: str | None = None,
        speech: bool = False,
    ) -> _Found:
        sentence = self.parsed.span_of(trigger.sent)
        types = plover_types()
        place = _explicit_place(
            trigger,
            self.parsed,
            self.places,
            countries=not speech,
            topic=_object_span(trigger) if types[kind].object == "topic" else None,
            target=_object_span(trigger) if types[kind].object == "place" else None,
        )
        destination = None if speech else _visit_destination(trigger, self.parsed, self.places)
        if destination is not None and (
            place is None or destination.kind != "country" or _is_country(place, self.places)
        ):
            place = destination.name
        if place is None and types[kind].local and not speech:
            place = self.parsed.article.dateline_place
        event = Event(
            type=kind,
            evidence=_evidence(trigger, self.parsed),
            actors=[a.id for a in sources],
            targets=[a.id for a in targets if a.id not in {s.id for s in sources}],
            place=place,
            mode=mode,
            cameo=types[kind].cameo,
            intensity=types[kind].intensity,
            confidence=_confidence(sources, targets),
        )
        return _Found(
            event=event,
            stated_date=sentence_date(
                trigger.sent,
                self.published,
                trigger,
                self.parsed.entities_in(trigger.sent),
            ),
            past=speech or _is_past(trigger),
            speech=speech,
            sentences=[sentence.sentence],
        )

    def _sides(
        self, trigger: Token, lexical: Trigger | None, speaker: Actor | None
    ) -> tuple[list[Actor], list[Actor]]:
        sources, targets = event_sides(trigger, self.index)
        if speaker is not None and speaker not in sources:
            subject = subject_of(trigger) if trigger.pos_ == "VERB" else None
            # "we condemn" in a minister's quote; "We discuss this topic with
            # Saudi Arabia, Iraq, ..." makes the partners the other side.
            if is_first_person(subject) and subject is not None and subject.dep_ == "nsubjpass":
                targets = [*targets, speaker]  # "Why are we bombed by planes?"
            elif is_first_person(subject):
                targets = [a for a in [*sources, *targets] if a.id != speaker.id]
                sources = [speaker]
        # "American air power was deployed": the object's country is the doer.
        if lexical is not None and plover_types()[lexical.type].object == "own" and not sources:
            owners = [a for head in object_heads(trigger) for a in self.index.actors_in(head)]
            if owners:
                sources = owners
                targets = [a for a in targets if a not in owners]
        return sources, targets

    def candidates(self) -> Iterator[_Found]:
        for token in self.parsed.doc:
            if token.is_space or self.parsed.sentence_index(token.idx) < 0:
                continue
            speaker = self.speakers.speaker_of(token)
            lexical = trigger_of(token)
            if lexical is not None and (
                _describes_event_noun(token, lexical)
                or not acts_on_fitting_object(token, lexical, self.index)
            ):
                lexical = None
            # Only triggers and blamed words need it; most tokens are neither.
            factual = lexical is not None and is_factual(token)
            if lexical is not None and factual:
                sources, targets = self._sides(token, lexical, speaker)
                if not (sources or targets) and _is_generic(token):
                    continue
                mode = event_mode(token, lexical, sources, targets, self.index)
                found = self._event(lexical.type, token, sources, targets, mode=mode)
                found.named_doer = _has_named_doer(token)
                found.stands_alone = lexical.alone and found.past
                yield found
                accuses = plover_types()[lexical.type].accusable
                if accuses and speaker is not None and sources:
                    accused = [a for a in sources if a.id != speaker.id]
                    if accused:
                        yield self._event("ACCUSE", token, [speaker], accused, speech=True)
            if speaker is None:
                continue
            blamed = [a for a in wrongdoer(token, self.index) if a != speaker]
            if blamed and (factual if lexical is not None else is_factual(token)):
                yield self._event("ACCUSE", token, [speaker], blamed, speech=True)
            if obliged := [a for a in obliged_side(token, self.index) if a != speaker]:
                yield self._event("REQUEST", token, [speaker], obliged, speech=True)


def _same_event(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    if plover_types()[a.type].symmetric:
        return set(a.actors) | set(a.targets) == set(b.actors) | set(b.targets)
    return (set(a.actors), set(a.targets)) == (set(b.actors), set(b.targets))


def _merge(found: list[_Found]) -> list[_Found]:
    """One event per real event; sideless mentions refer back to an earlier one."""

    kept: list[_Found] = []
    # Within a sentence, sided mentions go first: "50 children were killed in
    # Ukrainian strikes" is one attack, by the side "strikes" names.
    ordered = sorted(found, key=lambda f: (f.sentences[0], not (f.event.actors or f.event.targets)))
    for candidate in ordered:
        event = candidate.event
        has_sides = bool(event.actors or event.targets)
        earlier = next((k for k in kept if _same_event(k.event, event)), None)
        if earlier is None and not has_sides:
            earlier = next((k for k in reversed(kept) if k.event.type == event.type), None)
            if earlier is None and not (candidate.named_doer or candidate.stands_alone):
                continue  # "During the meeting, ..." with nothing before it
        if earlier is None:
            kept.append(candidate)
            continue
        if event.evidence.overlaps(earlier.event.evidence) or any(
            event.evidence.overlaps(s) for s in earlier.event.supporting
        ):
            continue
        earlier.event.supporting.append(event.evidence)
        earlier.event.confidence = min(
            1.0, earlier.event.confidence + settings().events.repeated_mention_bonus
        )
        if has_sides or _near(candidate, earlier):
            earlier.stated_date = earlier.stated_date or candidate.stated_date
            earlier.event.place = earlier.event.place or event.place
            earlier.sentences.extend(candidate.sentences)
    return kept


def _near(candidate: _Found, earlier: _Found) -> bool:
    farthest = settings().events.refer_back_sentences
    return any(abs(a - b) <= farthest for a in candidate.sentences for b in earlier.sentences)


def _dated(found: _Found, published: date | None) -> Event:
    event = found.event
    if found.stated_date is not None:
        event.date = found.stated_date
    elif found.past and published is not None:
        event.date = published.isoformat()
    return event


def extract_events(
    parsed: ParsedDoc,
    actors: list[Actor],
    places: list[Place],
    quotes: list[Quote] | None = None,
) -> list[Event]:
    """The article's PLOVER events, one per real event, with sides, place and date.

    `quotes` (from the quote stage) tell who speaks where, so that a
    speaker's accusations and requests become events of their own.
    """

    finder = _Finder(parsed, actors, places, quotes or [])
    merged = _merge(list(finder.candidates()))
    return [_dated(found, parsed.article.published) for found in merged]
