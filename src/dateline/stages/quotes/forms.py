"""Attribution by form: what the shape of a sentence says about a quote.

The lexicon of speech verbs misses verbs used for speaking only now and then
("boomed", "shot back", "went even further"), and the parser sometimes
misreads the one it has ("a voice-over in the ad states"). Where the form of
the sentence says a quote is attributed (a comma breaking the quote off
before a subject and its verb, a verb and its subject ending in a colon),
the verb is the cue whatever it is. The same forms tell a title from speech:
nobody speaks in title case.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from dateline.document import doc_text
from dateline.document.cues import cue_subject
from dateline.document.marks import QUOTE_CHARS, QuotedText
from dateline.document.ranges import CharRanges
from dateline.knowledge.actor_words import not_speaker_heads
from dateline.knowledge.settings import settings
from dateline.knowledge.speech_words import speech_verbs

# Words a title leaves in lower case: "The Art of the Deal".
TITLE_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "from",
        "by",
        "as",
        "vs",
        "via",
        "into",
    ]
)
_WORDS = re.compile(r"[^\W\d_][\w’'-]*")
CLAUSE_HEAD_DEPS = frozenset({"ROOT", "conj", "ccomp"})
NOT_SPEAKING_VERBS = frozenset({"have", "be", "get", "see", "look", "seem"})
# Subjects that name no speaker: `it gets better:`.
NOT_SPEAKING_SUBJECTS = frozenset({"it", "this", "that", "there", "which", "what"})


def negated(verb: Token, quoted: CharRanges) -> bool:
    """ "did not say": a negation of the cue itself. The parser sometimes hangs
    a quoted "not" on the cue (`"Probably not," Ms. Moore said`); words inside
    quotation marks are the speaker's, not the writer's, so they do not count."""

    return any(child.dep_ == "neg" and not quoted.holds(child.idx) for child in verb.children)


def in_quote(token: Token, quoted: CharRanges) -> bool:
    """The token stands between quotation marks."""

    return quoted.holds(token.idx)


def attribution_verb(after: list[Token], quoted: CharRanges, close_at: int) -> list[Token] | None:
    """The verb of `"...," Bennett shot back` or `"...!" beamed Hartley`: the
    first verb after the quote, with nothing before it but its own subject
    (or, inverted, its subject right after it), not negated."""

    verb = next((t for t in after if t.pos_ == "VERB"), None)
    if verb is None or verb.dep_ not in ("ROOT", "ccomp", "parataxis", "conj"):
        return None
    if "\n" in doc_text(verb.doc)[close_at : verb.idx] or any(
        c.dep_ == "ccomp" and c.i > verb.i for c in verb.children
    ):
        return None  # the next line, or a verb reporting a clause of its own
    if negated(verb, quoted):
        return None
    subject = cue_subject([verb])
    if subject is None or subject.pos_ not in ("PROPN", "NOUN", "PRON", "ADJ"):
        return None
    between = [t for t in after if t.i < verb.i and not t.is_punct]
    if between and not all(t.i in {s.i for s in subject.subtree} for t in between):
        return None
    if not between and subject.i < verb.i:
        return None
    return [verb]


def cue_word_closing(after: list[Token]) -> Token | None:
    """A speech verb's form ("states", "says") as the last word of the
    attribution after a quote, whatever part of speech the parser gave it."""

    words = [t for t in after if not t.is_punct]
    if len(words) < 2 or words[-1].pos_ == "VERB":
        return None
    last = words[-1]
    entries = speech_verbs().get(last.lemma_.lower()) or speech_verbs().get(last.lower_) or []
    if not any(e.speech and len(e.words) == 1 for e in entries):
        return None
    return last if last.tag_ in ("NNS", "VBZ", "VBD") else None


def verb_before_colon(before: list[Token], quoted: CharRanges) -> list[Token] | None:
    """The verb of `Trump went even further: "..."`: the last verb before the
    colon, with only its own particles and modifiers after it, a subject of
    its own that is not a word of a quotation, and no object clause."""

    while before and set(before[-1].text) <= QUOTE_CHARS:
        before = before[:-1]  # the first half of a doubled mark: `agreed: ''They've ...`
    if len(before) < 2 or before[-1].text != ":":
        return None
    verb = next(
        (t for t in reversed(before[:-1]) if t.pos_ == "VERB" and t.dep_ in CLAUSE_HEAD_DEPS),
        None,
    )
    if verb is None or verb.tag_ == "VBG" or verb.lemma_.lower() in NOT_SPEAKING_VERBS:
        return None  # `He had one message for the crowd:` says nothing was said
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > verb.i or negated(verb, quoted):
        return None
    if in_quote(subject, quoted) or subject.lower_ in NOT_SPEAKING_SUBJECTS:
        return None  # `Wait, it gets better:`
    between = [t for t in before[:-1] if t.i > verb.i]
    # Particles and adverbs say how ("shot back", "went even further"); an
    # object may only be the text the quote is ("released the following statement").
    manner = {
        t.i
        for c in verb.children
        if c.dep_ in ("prt", "advmod")
        or (c.dep_ == "dobj" and c.lemma_.lower() in not_speaker_heads())
        for t in c.subtree
    }
    return [verb] if all(t.i in manner for t in between) else None


def names_a_work(text: str, quote: QuotedText, words: list[str]) -> bool:
    """ "The Art of the Deal," "Fox and Friends": a title-cased quotation in a
    line written in sentence case names a book, show or slogan; nobody speaks
    in title case. In a headline, where every word is capitalised, the case
    tells nothing."""

    if not 2 <= len(words) <= settings().quotes.max_title_words or not title_cased(words):
        return False
    if quote.unmarked(text)[-1:] in ("?", "!"):
        return False  # `"Grizzly Adams?" Maddow repeated`
    line_start = text.rfind("\n", 0, quote.open_at) + 1
    line_end = text.find("\n", quote.close_at)
    line_end = len(text) if line_end < 0 else line_end
    outside = _WORDS.findall(
        text[line_start : quote.open_at] + " " + text[quote.close_at : line_end]
    )
    return any(w.islower() and w not in TITLE_SMALL_WORDS for w in outside)


def title_cased(words: list[str]) -> bool:
    capitalised = [w for w in words if w[:1].isupper()]
    return len(capitalised) >= 2 and all(
        w[:1].isupper() or w in TITLE_SMALL_WORDS or not w[:1].isalpha() for w in words
    )
