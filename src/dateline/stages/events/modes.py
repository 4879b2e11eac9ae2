"""How talks or an accord came about: by telephone, through a third side, among many.

A trigger's own word may say it ("telephone", "visit"); more often the
words around it do:

- remote ("phone"): a cue word modifies the event or stands in a phrase on
  it ("a telephone conversation", "discussed ... in a video conference",
  "talks in the videoconference format");
- third party: the talks were "held with the mediation of" someone, "under
  the auspices of" the UN, "mediated", "brokered" or "hosted by" an actor
  that is not one of the sides, or went "through" such an actor;
- multilateral: three or more parties take part, counting a person with
  their country ("Lavrov discussed it with Saudi Arabia, Iraq and Jordan"),
  or the event is a gathering ("summit", "conference") without exactly two
  parties named, or a word says so outright ("trilateral").

A ceasefire or release may be brokered too, but only mediation words tell
it there ("withdrew through eastern Syria" is a route, not a go-between).
The cue words live in `data/event_mode_cues.tsv`.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from dateline.knowledge.event_types import plover_types
from dateline.knowledge.event_words import Trigger, mode_cues
from dateline.model import Actor
from dateline.stages.events.sides import MentionIndex, phrase_tokens, subject_of

MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
PHRASE_DEPS = frozenset({"prep", "agent"})
BILATERAL = 2


def event_mode(
    trigger: Token,
    lexical: Trigger,
    sources: list[Actor],
    targets: list[Actor],
    index: MentionIndex,
) -> str | None:
    """The event's mode: "third-party", "phone", "multilateral", else the trigger's own."""

    sides = {a.id for a in [*sources, *targets]}
    decided_by = plover_types()[lexical.type].mode_from
    if decided_by == "mediation" and _has_third_party(trigger, sides, index, through=False):
        return "third-party"
    if decided_by != "context":
        return lexical.mode
    if _has_third_party(trigger, sides, index):
        return "third-party"
    if _is_remote(trigger):
        return "phone"
    if _is_multilateral(trigger, [*sources, *targets]):
        return "multilateral"
    return lexical.mode


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _clause_scope(trigger: Token) -> list[Token]:
    """The trigger's phrase, and for an event noun the clause that carries it.

    "led a team to the talks, held with the mediation of the church": the
    mediation hangs from the clause of "talks", not from the noun.
    """

    if trigger.pos_ == "VERB":
        return list(trigger.subtree)
    clause = trigger
    for _ in range(4):
        if clause.pos_ in {"VERB", "AUX"} or clause.head.i == clause.i:
            break
        clause = clause.head
    sentence = trigger.sent
    return [t for t in clause.subtree if sentence.start <= t.i < sentence.end]


def _has_third_party(
    trigger: Token, sides: set[str], index: MentionIndex, *, through: bool = True
) -> bool:
    """A mediation word, a mediating verb done by a non-side, or talks "through" a non-side.

    `through=False` leaves out the last, which for a withdrawal is a route
    ("withdrew through eastern Syria"), not a go-between.
    """

    cues = mode_cues()
    for token in _clause_scope(trigger):
        if _is_cue(token, cues.get("mediator", frozenset())):
            return True
        if _is_cue(token, cues.get("mediating", frozenset())) and token.pos_ == "VERB":
            doer = _doer(token)
            if doer is not None and not _names_a_side(doer, sides, index):
                return True
        if through and token.lower_ == "through" and token.dep_ == "prep":
            found = [a for c in token.children for a in index.actors_in(c)]
            if found and not any(a.id in sides for a in found):
                return True
    return False


def _doer(verb: Token) -> Token | None:
    """Who did `verb`: the "by" agent of a passive, else the subject."""

    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or verb.dep_ == "acl":
        return None
    return subject_of(verb)


def _names_a_side(doer: Token, sides: set[str], index: MentionIndex) -> bool:
    return any(a.id in sides for a in index.actors_at(phrase_tokens(doer)))


def _is_remote(trigger: Token) -> bool:
    """A remote cue is the trigger, modifies it, or stands in a phrase on it or its verb.

    "a telephone conversation", "spoke by phone", "discussed crises in a
    video conference", "talks were held by video link"; but "discussed a
    video of the attack" is about a video, not held by one.
    """

    remote = mode_cues().get("remote", frozenset())
    if _is_cue(trigger, remote):
        return True
    if any(c.dep_ in MODIFIER_DEPS and _is_cue(c, remote) for c in trigger.children):
        return True
    holders = [trigger]
    if trigger.pos_ != "VERB" and trigger.head.pos_ in {"VERB", "AUX"}:
        holders.append(trigger.head)
    for holder in holders:
        for token in holder.subtree:
            cue = _is_cue(token, remote) and token.dep_ in MODIFIER_DEPS | {"pobj"}
            if cue and _in_phrase_below(token, holder):
                return True
    return False


def _in_phrase_below(token: Token, holder: Token) -> bool:
    """`token` sits in a prepositional phrase somewhere between itself and `holder`."""

    current = token
    for _ in range(8):
        if current.i == holder.i or current.head.i == current.i:
            return False
        if current.dep_ in PHRASE_DEPS:
            return True
        current = current.head
    return False


def _is_cue(token: Token, cues: frozenset[str]) -> bool:
    return _lemma(token) in cues or token.lower_ in cues


def _is_multilateral(trigger: Token, parties: Iterable[Actor]) -> bool:
    cues = mode_cues()
    words = [trigger, *(c for c in trigger.children if c.dep_ in MODIFIER_DEPS)]
    if any(_is_cue(w, cues.get("many", frozenset())) for w in words):
        return True
    count = len(_parties(parties))
    gathering = any(_is_cue(w, cues.get("gathering", frozenset())) for w in words)
    return count > BILATERAL or (gathering and count != BILATERAL)


def _parties(actors: Iterable[Actor]) -> set[str]:
    """One key per party: a person or national body counts as their country."""

    return {actor.country or actor.id for actor in actors}
