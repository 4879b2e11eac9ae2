"""Speakers the text names by description: "a senior official said".

News copy often attributes words to someone it does not name: "the White
House spokesman", "a source close to the talks", "the ministry", "analysts".
The description is still the text saying who spoke, so the subject of a
speech verb that is a common-noun phrase becomes an actor named by the
phrase as written. A pronoun is never one (the quote stage resolves those),
nor is a text that "says" something ("the report said"). A proper name the
named-entity model missed ("Mr. Holtz-Eakin said", "Peabody said") is the
subject of the cue all the same, and becomes an actor as written.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.document import ParsedDoc
from dateline.document.cues import cue_subject, match_cue, subject_phrase
from dateline.knowledge.actor_words import not_speaker_heads, sector_from_name, speaker_body_heads
from dateline.knowledge.organizations import government_of
from dateline.knowledge.roles import Role, split_role_phrase
from dateline.model import ActorKind

_ORGANIZATION_LABELS = frozenset({"ORG", "FAC"})
# A capitalised word of these kinds is no name ("Said" opening a sentence).
_NOT_NAME_POS = frozenset({"NOUN", "VERB", "AUX", "PRON", "DET", "ADP", "SCONJ", "CCONJ"})


@dataclass(frozen=True, slots=True)
class DescribedSpeaker:
    """A description that speaks: token range, kind, and what the words tell."""

    start: int
    end: int
    kind: ActorKind
    role: Role | None
    country: str | None
    sector: str | None
    definite: bool

    def text(self, doc: Doc) -> str:
        return doc[self.start : self.end].text


def described_speakers(parsed: ParsedDoc, claimed: set[int]) -> list[DescribedSpeaker]:
    """Common-noun subjects of speech cues outside quotation marks, in text order.

    `claimed` holds the tokens already in an actor mention: a subject whose
    head is one of them is already an actor ("Russian President Putin").
    """

    found: dict[int, DescribedSpeaker] = {}
    for speech_cue in parsed.speech_cues:
        cue = speech_cue.words
        if parsed.quoted.holds(cue[0].idx) or not _attributes_words(parsed, cue):
            continue
        subject = cue_subject(cue)
        if subject is None or subject.i in claimed or subject.i in found:
            continue
        if subject.head.i != cue[-1].i and not _shares_subject(cue[0], subject):
            continue  # borrowed from a verb that is no speech: "the goals are to ... continue"
        described = _describe(subject, claimed)
        if described is not None:
            found[subject.i] = described
    return sorted(found.values(), key=lambda d: d.start)


def _shares_subject(verb: Token, subject: Token) -> bool:
    """The cue may take a subject from another verb when that verb is speech
    too, or when the cue is a participle saying how: "Schilling's son
    defended his father, saying ..."."""

    if match_cue(subject.head) is not None:
        return True
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head == subject.head


def _attributes_words(parsed: ParsedDoc, cue: list[Token]) -> bool:
    """The cue reports a clause ("said that ...", "according to") or stands in
    a sentence with a quotation: "Pumping also continues" is no speech. The
    parser may end the quotation's sentence at its closing mark (`...?" a
    narrator asks.`), so a quotation closing right before the sentence counts.

    Of the quotations opening before the sentence ends, the last closes
    furthest on: if any reaches the sentence, or closes right before it, it does.
    """

    verb = cue[0]
    if cue[-1].dep_ == "prep" or any(c.dep_ == "ccomp" for c in verb.children):
        return True
    sentence = verb.sent
    last = parsed.last_quotation_opening_before(sentence.end_char)
    if last is None:
        return False
    end = last.close_at
    return sentence.start_char < end or not parsed.text[end : sentence.start_char].strip()


def _describe(subject: Token, claimed: set[int]) -> DescribedSpeaker | None:
    capitalised = subject.text[:1].isupper()
    if capitalised and (
        subject.pos_ == "PROPN" or (subject.pos_ not in _NOT_NAME_POS and not subject.is_sent_start)
    ):
        return _describe_name(subject, claimed)
    # The model tags some common nouns as names: "the billionaire business mogul".
    if subject.pos_ not in ("NOUN", "PROPN") or not subject.is_alpha or subject.is_upper:
        return None
    head = subject.lemma_.casefold()
    if head in not_speaker_heads() or subject.lower_ in not_speaker_heads():
        return None
    tokens = subject_phrase(subject)
    if not tokens:
        return None
    start, end = tokens[0].i, tokens[-1].i + 1
    phrase = subject.doc[start:end].text
    role, country = split_role_phrase(phrase)
    body = head in speaker_body_heads() or subject.lower_ in speaker_body_heads()
    government = government_of(phrase)
    kind: ActorKind = "organization" if body or government is not None else "person"
    if kind == "organization":
        role = None
        country_code = government.iso3 if government is not None else None
        sector = "government" if government is not None else sector_from_name(subject.text)
    else:
        country_code = None
        sector = role.sector if role is not None else None
    if country_code is None and country is not None:
        country_code = country.iso3
    definite = tokens[0].lower_ == "the"
    return DescribedSpeaker(start, end, kind, role, country_code, sector, definite)


def _describe_name(subject: Token, claimed: set[int]) -> DescribedSpeaker | None:
    """A capitalised name no actor claims ("Mr. Holtz-Eakin", "a Nevada
    Democrat", "Pierre de Vos"): an organisation when the model says so or
    its head is one ("Patriot Coal Company"), else a person. A
    title ("Russian Ambassador to Vietnam Gennady Bezdetko") is no name, and
    a name partly claimed by a known actor is that actor's."""

    if not subject.is_alpha:
        return None
    if split_role_phrase(subject.text)[0] is not None:
        return None
    if any(t.i in claimed for t in subject.lefts if t.dep_ in ("compound", "flat")):
        return None
    tokens = [t for t in subject_phrase(subject) if t.i <= subject.i]
    if not tokens:
        return None
    start, end = tokens[0].i, tokens[-1].i + 1
    phrase = subject.doc[start:end].text
    body = subject.lower_ in speaker_body_heads()
    if subject.ent_type_ in _ORGANIZATION_LABELS or body:
        return DescribedSpeaker(start, end, "organization", None, None, None, False)
    role, country = split_role_phrase(phrase)
    sector = role.sector if role is not None else None
    iso3 = country.iso3 if country is not None else None
    return DescribedSpeaker(start, end, "person", role, iso3, sector, False)
