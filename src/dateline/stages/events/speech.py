"""Statements as events: what a speaker's words do to another side.

Much of a wire story is speech. When a minister says another side shelled a
town, the shelling is reported, and the saying is an accusation (ACCUSE)
from the speaker to the doer. When the minister says another side "should"
or "must" do something, the saying is a request (REQUEST). The speaker comes
from the quote stage (direct and reported quotes with their speaker) or,
for reported speech the quote stage left alone, from a speech verb above
the clause in the parse.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.model import Actor, Quote
from dateline.stages.events.factuality import NEGATIONS
from dateline.stages.events.lexicon import coarse_pos, speech_cues
from dateline.stages.events.sides import MentionIndex, subject_of
from dateline.stages.quotes.cues import cue_subject, match_cue

ACCUSABLE_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION"})
"""Reported acts of another side that make the statement an accusation."""
FIRST_PERSON = frozenset({"i", "we", "me", "us", "our", "my"})


class Speakers:
    """Who is speaking at a given token: a quote's speaker or a speech verb's subject."""

    def __init__(self, quotes: list[Quote], actors: list[Actor], index: MentionIndex) -> None:
        by_id = {a.id: a for a in actors}
        self._quoted = [
            (q.span.start, q.span.end, by_id[q.speaker])
            for q in quotes
            if q.speaker is not None and q.speaker in by_id
        ]
        self._index = index

    def speaker_of(self, token: Token) -> Actor | None:
        for start, end, actor in self._quoted:
            if start <= token.idx < end:
                return actor
        current = token
        for _ in range(8):
            if current.head is current:
                break
            current = current.head
            if (speaker := self._cue_speaker(current)) is not None:
                return speaker
        # "The US actions violate ..., Lavrov stated": the speech verb may
        # hang below the reported clause instead of above it.
        root = token.sent.root
        for child in root.children:
            if (
                child.dep_ in {"ccomp", "parataxis", "advcl"}
                and child.i > token.i
                and (speaker := self._cue_speaker(child)) is not None
            ):
                return speaker
        return None

    def _cue_speaker(self, token: Token) -> Actor | None:
        cue = match_cue(token)
        if cue is None or not cue[1].reported:
            return None
        subject = cue_subject(cue[0])
        found = self._index.actors_in(subject) if subject is not None else []
        return found[0] if found else None


def is_first_person(token: Token | None) -> bool:
    return token is not None and token.lower_ in FIRST_PERSON


def wrongdoer(token: Token, index: MentionIndex) -> list[Actor]:
    """The side a wrongdoing cue blames ("actions that violate", "Kiev's crimes")."""

    if token.lemma_.lower() not in speech_cues().get("wrongdoing", frozenset()):
        return []
    if coarse_pos(token) == "VERB":
        subject = subject_of(token)
        return index.actors_in(subject) if subject is not None else []
    for child in token.children:
        if child.dep_ in {"poss", "amod", "compound"}:
            return index.actors_in(child)
    return []


def _is_obligation(verb: Token) -> bool:
    cues = speech_cues().get("obligation", frozenset())
    for child in verb.children:
        # A modal ("should", "must"), not the "have" of a perfect tense ("have confirmed").
        if child.dep_ == "aux" and child.lower_ in cues and child.tag_ == "MD":
            return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in cues:
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return False


def obliged_side(verb: Token, index: MentionIndex) -> list[Actor]:
    """Who a duty modal addresses: "Israel should abandon ..." → Israel.

    Only a positive duty of a named actor counts; "we should" is the
    speaker's own resolve and "should not" a warning, not a request.
    """

    if verb.pos_ != "VERB" or not _is_obligation(verb):
        return []
    holder = verb.head if verb.dep_ == "xcomp" else verb
    if any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in holder.children):
        return []
    subject = subject_of(holder)
    if subject is None or is_first_person(subject):
        return []
    return index.actors_in(subject)
