"""Linking the subject of a speech cue to one of the article's actors.

A speaker is only ever an actor whose mention the subject overlaps, or, for
a pronoun, the person the text was just talking about. When neither holds
the speaker stays None: a wrong name is worse than none.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.document import doc_text
from dateline.document.cues import subject_phrase
from dateline.document.ranges import CharRanges
from dateline.knowledge.actor_words import not_speaker_heads
from dateline.knowledge.genders import Gender, gender_of
from dateline.model import Actor, Span

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PRONOUN_GENDERS: dict[str, Gender] = {"he": "m", "him": "m", "she": "f", "her": "f"}
GROUP_PRONOUNS = frozenset({"it", "they"})
# "a letter from the ministry", "a statement by Obama": the text's author.
AUTHOR_PREPOSITIONS = frozenset({"from", "by", "of"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """A quote already attributed, for resolving the pronouns after it."""

    end: int
    speaker: str | None
    source: Span | None = None


@dataclass
class SpeakerResolver:
    """Resolves cue subjects to actor ids, remembering earlier speakers.

    Quotes must be resolved in text order: "he said" means the person of the
    previous quote or, failing that, the person last mentioned before it.
    """

    actors: list[Actor]
    quoted: CharRanges = field(default_factory=lambda: CharRanges([]))
    """Quotation marks and what they hold: names inside are not who speaks next."""
    history: list[Attribution] = field(default_factory=list)
    doc: Doc | None = None
    """The parsed article, to read how each person is named ("Mrs. Clinton")."""

    def __post_init__(self) -> None:
        self._kinds = {actor.id: actor.kind for actor in self.actors}
        text = doc_text(self.doc) if self.doc is not None else ""
        self._genders = {
            actor.id: gender_of(
                actor.name, [actor.role or "", *(m.text(text) for m in actor.mentions)]
            )
            for actor in self.actors
            if actor.kind == "person"
        }
        # "He" or "she" is never a group the text names in the plural ("users").
        self._plural = {
            actor.id
            for actor in self.actors
            if self.doc is not None and actor.mentions and _is_plural(self.doc, actor.mentions[0])
        }
        self._mentions: list[tuple[Span, Actor]] = sorted(
            ((span, actor) for actor in self.actors for span in actor.mentions),
            key=lambda pair: (pair[0].start, -pair[0].end),
        )
        self._ranges = CharRanges(span for span, _ in self._mentions)
        """The mentions' spans in the same order, for look-ups by bisection:
        every question the resolver asks is about a few mentions near one
        place, so none reads them all (issue 22: a pronoun used to scan every
        mention, and for each every quotation)."""
        self._fitting: dict[tuple[bool, Gender | None, bool], list[int]] = {}

    @property
    def examined(self) -> int:
        """How many mentions the look-ups have read one by one so far."""

        return self._ranges.examined

    def _first_overlapping(self, head: Span) -> Actor | None:
        """The actor of the first mention (in text order) overlapping `head`."""

        first = next(self._ranges.overlapping(head.start, head.end), None)
        return None if first is None else self._mentions[first][1]

    @cached_property
    def _by_last_words(self) -> dict[tuple[str, ...], set[str]]:
        """Actor ids by every run of last words of a mention or of the actor's
        name ("sanders", "bernie sanders"), lower-cased."""

        text = doc_text(self.doc) if self.doc is not None else ""
        index: dict[tuple[str, ...], set[str]] = {}
        for span, actor in self._mentions:
            for words in (text[span.start : span.end].lower().split(), actor.name.lower().split()):
                for n in range(1, len(words) + 1):
                    index.setdefault(tuple(words[-n:]), set()).add(actor.id)
        return index

    @cached_property
    def _by_role_head(self) -> dict[str, list[int]]:
        """Indexes of the mentions of people with a role, by the role's last word."""

        index: dict[str, list[int]] = {}
        for i, (_, actor) in enumerate(self._mentions):
            role = (actor.role or "").lower().split()
            if actor.kind == "person" and role:
                index.setdefault(role[-1], []).append(i)
        return index

    @cached_property
    def _subject_mentions(self) -> set[Span]:
        """Mentions that are a clause's subject, read once per article (only
        an article with pronouns asks)."""

        if self.doc is None:
            return set()
        doc = self.doc
        return {
            span
            for span, _ in self._mentions
            if (words := _words(doc, span)) is not None
            and words.root.dep_ in ("nsubj", "nsubjpass")
        }

    def remember(self, end: int, speaker: str | None, source: Span | None = None) -> None:
        self.history.append(Attribution(end, speaker, source))

    def previous(self, before: int) -> Attribution | None:
        """The last attribution ending before `before`: who a continued
        quotation goes on quoting. Read from the newest, which is nearly
        always the one."""

        return next((a for a in reversed(self.history) if a.end <= before), None)

    def source_words(self, subject: Token | None, cue: list[Token] | None = None) -> Span | None:
        """Where the text names who (or what) spoke, as written at the cue:
        "the Russian Prime Minister", "the letter", "the 46-year-old". The
        words are evidence even where they name no actor; a subject the
        parser found inside a quotation is a word of the quote, not a source."""

        if subject is None or self._in_quote(Span(subject.idx, subject.idx + 1)):
            return None
        tokens = subject_phrase(subject) or [subject]
        tokens = [t for t in tokens if not self._in_quote(Span(t.idx, t.idx + 1))]
        if cue and subject.i < cue[0].i:
            tokens = [t for t in tokens if t.i < cue[0].i]  # a misparse may reach the cue
        if not tokens:
            return None
        last = tokens[-1]
        return Span(tokens[0].idx, last.idx + len(last.text))

    def resolve(self, subject: Token | None) -> str | None:
        """The actor id the subject names, or None when it names no actor."""

        if subject is None:
            return None
        lower = subject.lower_
        if lower in PERSON_PRONOUNS or lower in GROUP_PRONOUNS:
            return self._antecedent(subject, person=lower in PERSON_PRONOUNS)
        if subject.pos_ == "PRON":
            return None
        head = Span(subject.idx, subject.idx + len(subject.text))
        covering = self._first_overlapping(head)
        if covering is not None:
            return covering.id
        if subject.pos_ == "NOUN" and subject.lemma_.lower() in not_speaker_heads():
            return self._author(subject)
        return (
            self._named_inside(subject)
            or self._named_elsewhere(subject)
            or self._role_holder(subject)
        )

    def _author(self, text: Token) -> str | None:
        """Who a text that "says" speaks for, when the phrase names them: "the
        IMF report", "Obama's statement", "a letter from the ministry", or
        the sentence does: "Mr. Trump issued a statement saying ..."."""

        for child in text.children:
            if child.dep_ == "prep" and child.lower_ in AUTHOR_PREPOSITIONS:
                named = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ in ("poss", "compound") and child.pos_ == "PROPN":
                named = child
            else:
                continue
            if named is None:
                continue
            author = self._first_overlapping(Span(named.idx, named.idx + len(named.text)))
            if author is not None:
                return author.id
        node = text
        while node.dep_ in ("dobj", "pobj", "prep") and node.head.i != node.i:
            node = node.head
        issuer = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if node.pos_ == "VERB" and issuer is not None and issuer.i < text.i:
            return self.resolve(issuer)
        return None

    def _named_elsewhere(self, subject: Token) -> str | None:
        """A name the actors stage missed at this place but found elsewhere:
        "Sanders responded" where "Bernie Sanders" is an actor. Only a name
        that fits exactly one actor is taken."""

        if subject.pos_ != "PROPN" and not subject.is_title:
            return None  # the small model tags some surnames NOUN: "Sanders responded"
        words = [t.lower_ for t in subject.lefts if t.dep_ in ("compound", "flat")]
        words = [*words, subject.lower_]
        found = self._by_last_words.get(tuple(words), set())
        return next(iter(found)) if len(found) == 1 else None

    def _role_holder(self, subject: Token) -> str | None:
        """A definite role nominal ("the senator said") names the one person
        holding that role, the most recently mentioned if several do."""

        if subject.pos_ != "NOUN" or not any(
            t.dep_ == "det" and t.lower_ == "the" for t in subject.children
        ):
            return None
        holders = self._by_role_head.get(subject.lemma_.lower(), [])
        before = bisect_left(holders, subject.idx, key=lambda i: self._mentions[i][0].start)
        return self._mentions[holders[before - 1]][1].id if before else None

    def _named_inside(self, subject: Token) -> str | None:
        """A person named inside a title phrase: "Ambassador to Vietnam Gennady
        Bezdetko". Names under "of" or "by" are left alone: "the press service of the
        Premier" is not the Premier; nor is a name that only modifies another
        noun: "Hillary Clinton's right-hand woman", "a narrator in the Clinton ad"."""

        excluded: list[Span] = []
        for token in subject.subtree:
            if token.dep_ == "prep" and token.lower_ in ("of", "by") and token.head == subject:
                excluded.append(Span(token.left_edge.idx, token.right_edge.idx + 1))
        start = subject.left_edge.idx
        end = subject.right_edge.idx + len(subject.right_edge.text)
        phrase = Span(start, end)
        for i in self._ranges.starting_in(start, end + 1):
            span, actor = self._mentions[i]
            if actor.kind != "person" or not phrase.contains(span) or self._in_quote(span):
                continue  # a name inside the quotation is the speaker's words
            if any(part.start <= span.start < part.end for part in excluded):
                continue
            if _modifies_other_noun(subject.doc, span):
                continue
            return actor.id
        return None

    def _antecedent(self, pronoun: Token, *, person: bool) -> str | None:
        """Who "he" (or "it") is: the previous speaker when nobody of that kind
        was named since, else the subject named before it in its sentence or
        of a preceding sentence, else the last actor of that kind named before
        the pronoun."""

        position = pronoun.idx
        gender = PRONOUN_GENDERS.get(pronoun.lower_)
        latest = self._latest_mention(position, person=person, gender=gender)
        previous = self.previous(position)
        if previous is not None:
            # Only someone who became a subject since takes the pronoun from
            # the previous speaker: a name in passing ("attempts to tie Hillary
            # Clinton to ...") does not.
            acting = self._latest_mention(position, person=person, gender=gender, subjects=True)
            if (
                previous.speaker is not None
                and (self._kinds.get(previous.speaker) == "person") == person
                and self._agrees(previous.speaker, gender)
                and _nobody_named_since(acting, previous)
            ):
                return previous.speaker
        subject = self._same_sentence_subject(pronoun, person=person, gender=gender)
        subject = subject or self._previous_sentence_subject(pronoun, person=person, gender=gender)
        if subject is not None:
            return subject
        return latest[1].id if latest else None

    def _agrees(self, actor_id: str, gender: Gender | None) -> bool:
        """ "She" is nobody the text makes a man, and "he" nobody it makes a
        woman; a person of untold gender fits both."""

        if gender is None:
            return True
        known = self._genders.get(actor_id)
        return actor_id not in self._plural and (known is None or known == gender)

    def _same_sentence_subject(
        self, pronoun: Token, *, person: bool, gender: Gender | None = None
    ) -> str | None:
        """`Sen. Claire McCaskill scolded him: "...," she said`: the subject
        named earlier in the pronoun's own sentence, outside the quotation."""

        for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
            if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ == "PRON":
                continue
            head = Span(token.idx, token.idx + len(token.text))
            if self._in_quote(head):
                continue
            named = self._actor_at(head, person=person, gender=gender)
            if named is not None:
                return named
        return None

    def _actor_at(self, head: Span, *, person: bool, gender: Gender | None) -> str | None:
        """The first actor of the pronoun's kind and gender with a mention over `head`."""

        for i in self._ranges.overlapping(head.start, head.end):
            actor = self._mentions[i][1]
            if (actor.kind == "person") == person and self._agrees(actor.id, gender):
                return actor.id
        return None

    def _latest_mention(
        self,
        position: int,
        *,
        person: bool,
        gender: Gender | None = None,
        subjects: bool = False,
    ) -> tuple[Span, Actor] | None:
        """The last fitting mention before `position` outside quotes; with
        `subjects`, only mentions that are the subject of a clause.

        "Before" is in text order up to the first mention that ends after
        `position`; the mentions that fit each kind of question are listed
        once, so the answer is one bisection.
        """

        key = (person, gender, subjects)
        if key not in self._fitting:
            self._fitting[key] = [
                i
                for i, (span, actor) in enumerate(self._mentions)
                if (actor.kind == "person") == person
                and self._agrees(actor.id, gender)
                and not self._in_quote(span)
                and (not subjects or span in self._subject_mentions)
            ]
        fitting = self._fitting[key]
        before = bisect_left(fitting, self._ranges.ending_by(position))
        return self._mentions[fitting[before - 1]] if before else None

    def _previous_sentence_subject(
        self, pronoun: Token, *, person: bool, gender: Gender | None = None
    ) -> str | None:
        doc = pronoun.doc
        sentence = pronoun.sent
        for _ in range(2):
            if sentence.start == 0:
                return None
            sentence = doc[sentence.start - 1].sent
            root = sentence.root
            subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if (
                subject is None
                or subject.pos_ == "PRON"
                or self._in_quote(Span(subject.idx, subject.idx + 1))
            ):
                continue
            head = Span(subject.idx, subject.idx + len(subject.text))
            named = self._actor_at(head, person=person, gender=gender)
            if named is not None:
                return named
        return None

    def _in_quote(self, span: Span) -> bool:
        return self.quoted.holds(span.start)


def _nobody_named_since(latest: tuple[Span, Actor] | None, previous: Attribution) -> bool:
    """No other actor of the pronoun's kind was named after the previous quote."""

    return latest is None or latest[1].id == previous.speaker or latest[0].start < previous.end


def _words(doc: Doc, span: Span) -> SpacySpan | None:
    """The tokens of a mention, or None where it covers none."""

    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    return words if words is not None and len(words) else None


def _is_plural(doc: Doc, span: Span) -> bool:
    words = _words(doc, span)
    return words is not None and words.root.tag_ in ("NNS", "NNPS")


def _modifies_other_noun(doc: Doc, span: Span) -> bool:
    """The name is a possessor or a noun modifier of a word outside it."""

    words = _words(doc, span)
    if words is None:
        return False
    token = words[-1]
    return (
        token.dep_ in ("poss", "compound", "nmod") and not span.start <= token.head.idx < span.end
    )
