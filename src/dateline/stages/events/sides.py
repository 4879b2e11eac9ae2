"""Who did what to whom: the source and target actors of a trigger.

Dependency patterns, in the order a wire sentence uses them:

- active verb: subject → source, object → target ("Israel shelled Gaza");
  a verb in an infinitive or coordinated chain borrows the subject of the
  verb it hangs from ("the enemy continues to hit children");
- passive verb: the "by" agent → source, the subject → target ("was
  occupied by the US");
- prepositions: "with" and "between" name partners, "on", "against",
  "to", "at", "into" targets ("sanctions on Iran", "talks with Russia");
- event nouns: the possessor or a nationality adjective is the source
  ("Kiev's provocations", "Ukrainian strikes").

A nationality adjective reaches an actor through the countries knowledge
base: the country itself where the article names it as an actor, else an
organisation of that country (its government, its army).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from dateline.knowledge.countries import country_by_adjective, country_by_name
from dateline.model import Actor

PARTNER_PREPOSITIONS = frozenset({"between", "with", "among"})
TARGET_PREPOSITIONS = frozenset({"on", "against", "to", "at", "into", "upon", "over"})
SOURCE_DEPS = frozenset({"nsubj", "poss"})
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "conj", "pcomp", "advcl", "acomp"})


class MentionIndex:
    """Which actor a character offset belongs to, and actors by country.

    The event stage asks about the same phrases for every trigger and every
    speech verb above it, so mentions are indexed by token once per document
    and each phrase's answer is kept.
    """

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.actors = list(actors)
        self._spans = sorted(
            ((span, actor) for actor in self.actors for span in actor.mentions),
            key=lambda p: p[0],
        )
        self._indexed_doc: Doc | None = None
        self._spans_of_token: dict[int, list[int]] = {}
        self._actors_in: dict[int, list[Actor]] = {}
        self._country_actors: dict[str, Actor | None] = {}

    def _mention_numbers(self, token: Token) -> list[int]:
        """Indexes into `_spans` of the mentions overlapping `token`."""

        if token.doc is not self._indexed_doc:
            self._index_tokens(token.doc)
        return self._spans_of_token.get(token.i, [])

    def _index_tokens(self, doc: Doc) -> None:
        starts = [t.idx for t in doc]
        ends = [t.idx + len(t) for t in doc]
        self._indexed_doc, self._spans_of_token, self._actors_in = doc, {}, {}
        for number, (span, _) in enumerate(self._spans):
            first, stop = bisect_right(ends, span.start), bisect_left(starts, span.end)
            for i in range(first, stop):  # tokens with idx < span.end and end > span.start
                self._spans_of_token.setdefault(i, []).append(number)

    def actors_at(self, tokens: Iterable[Token]) -> list[Actor]:
        """Actors mentioned inside `tokens`, in text order, people first."""

        numbers: set[int] = set()
        for token in tokens:
            numbers.update(self._mention_numbers(token))
        found: list[Actor] = []
        for number in sorted(numbers):
            actor = self._spans[number][1]
            if actor not in found:
                found.append(actor)
        people = [a for a in found if a.kind == "person"]
        return people or found

    def actor_of_country(self, iso3: str) -> Actor | None:
        """The article's actor that stands for a country: itself, else its government."""

        if iso3 not in self._country_actors:
            by_kind = sorted(
                (a for a in self.actors if a.country == iso3 and a.kind != "person"),
                key=lambda a: (a.kind != "country", a.sector not in {"government", "military"}),
            )
            self._country_actors[iso3] = by_kind[0] if by_kind else None
        return self._country_actors[iso3]

    def actors_in(self, token: Token) -> list[Actor]:
        """Actors named by the phrase headed by `token`, clauses inside it left out.

        Nationality words among the phrase's modifiers ("the US and Israeli
        actions", "Ukrainian strikes") stand for their country's actor.
        """

        if token.doc is not self._indexed_doc:
            self._index_tokens(token.doc)
        if token.i not in self._actors_in:
            self._actors_in[token.i] = self._phrase_actors(token)
        return list(self._actors_in[token.i])

    def _phrase_actors(self, token: Token) -> list[Actor]:
        found = self.actors_at(phrase_tokens(token))
        for word in _modifiers(token):
            country = country_by_adjective(word.text) or (
                country_by_name(word.text) if word.ent_type_ in {"GPE", "NORP"} else None
            )
            actor = self.actor_of_country(country.iso3) if country is not None else None
            if actor is not None and actor not in found:
                found.append(actor)
        people = [a for a in found if a.kind == "person"]
        return people or found


CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "appos", "parataxis"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "conj"})


def phrase_tokens(token: Token) -> list[Token]:
    """`token`'s subtree without the clauses and place phrases inside it ("actions in Syria")."""

    skipped: set[int] = set()
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            continue  # "the Turkish defence minister, Hulusi Akar,": the name is the phrase's
        if child.dep_ in CLAUSE_DEPS or (child.dep_ == "prep" and child.lower_ != "of"):
            skipped.update(t.i for t in child.subtree)
    return [t for t in token.subtree if t.i not in skipped]


def _modifiers(token: Token) -> list[Token]:
    """The head word and its adjective, compound and coordinated modifiers."""

    found = [token]
    stack = [c for c in token.children if c.dep_ in MODIFIER_DEPS]
    while stack:
        word = stack.pop()
        found.append(word)
        stack.extend(c for c in word.children if c.dep_ in MODIFIER_DEPS)
    return found


def _own_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def subject_of(verb: Token) -> Token | None:
    """The subject of `verb`, borrowed along infinitive and coordination links."""

    current = verb
    for _ in range(4):
        subject = _own_subject(current)
        if subject is not None:
            return subject
        if current.dep_ not in SHARED_SUBJECT_DEPS or current.head.i == current.i:
            return None
        current = current.head
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or (
        verb.tag_ == "VBN" and (verb.dep_ == "acl")
    )


def _prepositional(
    holder: Token, index: MentionIndex
) -> tuple[list[Actor], list[Actor], list[Actor]]:
    """(partners, targets, agents) from the prepositions hanging off `holder`."""

    partners: list[Actor] = []
    targets: list[Actor] = []
    agents: list[Actor] = []
    for child in holder.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                agents += index.actors_in(pobj)
        elif child.dep_ in {"prep", "dative"}:
            word = child.lower_
            objects = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
            found = [a for obj in objects for a in index.actors_in(obj)]
            if word in PARTNER_PREPOSITIONS:
                partners += found
            elif word in TARGET_PREPOSITIONS or child.dep_ == "dative":
                targets += found
    return partners, targets, agents


def _unique(actors: Iterable[Actor]) -> list[Actor]:
    return list({a.id: a for a in actors}.values())


def event_sides(trigger: Token, index: MentionIndex) -> tuple[list[Actor], list[Actor]]:
    """(source side, target side) of one trigger from the parse."""

    sources: list[Actor] = []
    targets: list[Actor] = []
    partners: list[Actor] = []
    verb = trigger if trigger.pos_ == "VERB" else None
    if verb is None and trigger.dep_ in {"dobj", "nsubjpass", "attr", "nsubj"}:
        verb = trigger.head if trigger.head.pos_ in {"VERB", "AUX"} else None
    if trigger.pos_ == "VERB":
        subject = subject_of(trigger)
        side = index.actors_in(subject) if subject is not None else []
        if _is_passive(trigger):
            targets += side
        else:
            sources += side
        for child in trigger.children:
            if child.dep_ == "dobj":
                targets += index.actors_in(child)
        if trigger.dep_ == "relcl" and _is_passive(trigger):
            targets += index.actors_in(trigger.head)
    else:
        for child in trigger.children:
            if child.dep_ == "poss" or (child.dep_ in {"amod", "compound"} and child.i < trigger.i):
                sources += index.actors_in(child)
        if not sources and verb is not None and trigger.dep_ in {"dobj", "attr"}:
            subject = subject_of(verb)
            sources += index.actors_in(subject) if subject is not None else []
    for holder in [trigger] + ([verb] if verb is not None and verb is not trigger else []):
        found_partners, found_targets, agents = _prepositional(holder, index)
        partners += found_partners
        targets += found_targets
        sources += agents
    if partners:
        if sources:
            targets += partners
        else:  # "a meeting between A and B": both sides in one phrase
            sources, targets = partners[:1], targets + partners[1:]
    sources = _unique(sources)
    source_ids = {a.id for a in sources}
    targets = [a for a in _unique(targets) if a.id not in source_ids]
    if not targets and len(sources) > 1 and not any(a.kind == "country" for a in sources[1:]):
        sources, targets = sources[:1], sources[1:]
    return sources, targets
