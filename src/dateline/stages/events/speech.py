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

from spacy.tokens import Doc, Token

from dateline.document.cues import cue_subject, match_cue
from dateline.document.ranges import CharRanges
from dateline.knowledge.event_words import speech_cues
from dateline.model import Actor, Quote
from dateline.stages.events.factuality import NEGATIONS
from dateline.stages.events.sides import MentionIndex, subject_of
from dateline.stages.events.triggers import coarse_pos

FIRST_PERSON = frozenset({"i", "we", "me", "us", "our", "my"})


class Speakers:
    """Who is speaking at a given token: a quote's speaker or a speech verb's subject.

    The quotes are the facts of the quote stage: inside a quote, or below a
    speech verb that cues one, its speaker is who speaks ("he said that ..."
    is the person the quote stage resolved "he" to). Only a speech verb that
    cues no quote has its subject read from the parse.
    """

    def __init__(self, quotes: list[Quote], actors: list[Actor], index: MentionIndex) -> None:
        by_id = {a.id: a for a in actors}
        spoken = sorted(
            (q for q in quotes if q.speaker is not None and q.speaker in by_id),
            key=lambda q: q.span.start,
        )
        self._quoted = CharRanges(q.span for q in spoken)
        self._quote_speakers = [by_id[q.speaker] for q in spoken if q.speaker is not None]
        self._cue_quotes: dict[int, Actor | None] = {
            q.cue.start: by_id.get(q.speaker or "") for q in quotes if q.cue is not None
        }
        """The quote stage's speaker of each cue it attributed, by the cue's start."""
        self._index = index
        # Every token of the article asks, so the tree is read once per
        # document and each speech verb's speaker is found once.
        self._doc: Doc | None = None
        self._heads: list[int] = []
        self._roots: list[int] = []
        self._cue_speakers: dict[int, Actor | None] = {}
        self._late_speakers: dict[int, list[tuple[int, Actor]]] = {}

    def speaker_of(self, token: Token) -> Actor | None:
        quoted = self._quoted.first_holding(token.idx)
        if quoted is not None:
            return self._quote_speakers[quoted]
        doc = token.doc
        if doc is not self._doc:
            self._read_tree(doc)
        current = token.i
        for _ in range(8):
            current = self._heads[current]
            if (speaker := self._cue_speaker(doc, current)) is not None:
                return speaker
            if self._heads[current] == current:
                break  # the root, its own head: asking again gives the same answer
        # "The US actions violate ..., Lavrov stated": the speech verb may
        # hang below the reported clause instead of above it.
        for child, speaker in self._late_speakers_of(doc, self._roots[token.i]):
            if child > token.i:
                return speaker
        return None

    def _read_tree(self, doc: Doc) -> None:
        self._doc, self._cue_speakers, self._late_speakers = doc, {}, {}
        self._heads = [t.head.i for t in doc]
        self._roots = [0] * len(doc)
        for sentence in doc.sents:
            self._roots[sentence.start : sentence.end] = [sentence.root.i] * len(sentence)

    def _late_speakers_of(self, doc: Doc, root: int) -> list[tuple[int, Actor]]:
        """(index, speaker) of the speech verbs in clauses below a sentence root."""

        if root not in self._late_speakers:
            self._late_speakers[root] = [
                (child.i, speaker)
                for child in doc[root].children
                if child.dep_ in {"ccomp", "parataxis", "advcl"}
                and (speaker := self._cue_speaker(doc, child.i)) is not None
            ]
        return self._late_speakers[root]

    def _cue_speaker(self, doc: Doc, i: int) -> Actor | None:
        if i not in self._cue_speakers:
            self._cue_speakers[i] = self._find_cue_speaker(doc[i])
        return self._cue_speakers[i]

    def _find_cue_speaker(self, token: Token) -> Actor | None:
        cue = match_cue(token)
        if cue is None or not cue[1].reported:
            return None
        if token.idx in self._cue_quotes:  # the quote stage attributed this cue
            return self._cue_quotes[token.idx]
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
