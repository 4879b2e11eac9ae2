"""Speech cues: the verbs and phrases that attribute words to a speaker.

The lexicon lives in `data/speech_verbs.tsv` so a user can add a verb
without touching code. A cue is one or more tokens (`pointed out`,
`according to`); its speaker is found in the dependency parse, never guessed
from nearby names.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Token

from dateline.document.text import kept_on_doc
from dateline.knowledge.speech_words import SpeechVerb, speech_verbs

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Links along which a verb without its own subject shares one: "Putin noted
# ... and added that", "Peskov told reporters, adding that", "was quoted as
# saying".
SHARED_SUBJECT_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "ccomp"})
# Verbs whose object is the addressee, not the speaker ("told reporters").
ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "warn", "ask", "answer", "urge"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
# Words that end a name standing after its cue: `said Smith in a statement`.
NOT_NAME_POS = frozenset({"ADP", "VERB", "AUX", "SCONJ", "CCONJ", "PRON", "PART"})
MAX_NAME_AFTER = 6
# Post-modifiers kept in a speaker's phrase: "a spokesman for Clinton", "a
# source close to the talks", "officials at the ministry". Longer ones are clauses.
_KEPT_RIGHT_DEPS = frozenset({"prep", "amod", "compound"})
MAX_MODIFIER_TOKENS = 7
_LEADING_JUNK = frozenset({"and", "but", "or", "so", "then", "also"})


def _matches_rest(token: Token, rest: tuple[str, ...]) -> list[Token] | None:
    """The extra tokens of a multi-word cue: particles or the following words."""

    tokens: list[Token] = []
    for word in rest:
        particle = next((c for c in token.children if c.lower_ == word and c.i > token.i), None)
        nxt = (
            token.doc[tokens[-1].i + 1]
            if tokens
            else token.nbor(1)
            if token.i + 1 < len(token.doc)
            else None
        )
        found = particle or (nxt if nxt is not None and nxt.lower_ == word else None)
        if found is None:
            return None
        tokens.append(found)
    return tokens


@dataclass(frozen=True, slots=True)
class SpeechCue:
    """One speech cue of the document: its tokens (verb first) and lexicon entry."""

    tokens: tuple[Token, ...]
    verb: SpeechVerb

    @property
    def words(self) -> list[Token]:
        """The cue's tokens as a new list, the shape the cue rules take."""

        return list(self.tokens)


class SpeechCues:
    """Every speech cue of one document, each token checked once.

    Three stages ask whether a token is a cue (the actors stage for
    described speakers, the quotes stage for reported speech, the events
    stage for who speaks); the answer depends on the token and its parse
    alone, so it is found once per document and kept on the `Doc`.
    """

    def __init__(self, doc: Doc) -> None:
        self._at: dict[int, SpeechCue] = {}
        for token in doc:
            found = _lexicon_cue(token)
            if found is not None:
                self._at[token.i] = SpeechCue(tuple(found[0]), found[1])
        self._subjects: dict[tuple[int, ...], Token | None] = {}

    def at(self, i: int) -> SpeechCue | None:
        """The cue whose first token is token `i`, or None."""

        return self._at.get(i)

    def __iter__(self) -> Iterator[SpeechCue]:
        """The cues in text order."""

        return iter(self._at.values())

    def subject(self, cue: list[Token]) -> Token | None:
        """`_find_subject(cue)`, found once per cue."""

        key = tuple(token.i for token in cue)
        if key not in self._subjects:
            self._subjects[key] = _find_subject(cue)
        return self._subjects[key]


SPEECH_CUES_KEY = "dateline.speech_cues"


def speech_cues(doc: Doc) -> SpeechCues:
    """The document's `SpeechCues`, found on first use and kept on the `Doc`."""

    return kept_on_doc(doc, SPEECH_CUES_KEY, SpeechCues)


def match_cue(token: Token) -> tuple[list[Token], SpeechVerb] | None:
    """The cue starting at `token` and its lexicon entry, if it is a speech cue.

    Only verbs count (a noun "state" or "report" is no cue), except for
    prepositional phrases such as "according to".
    """

    cue = speech_cues(token.doc).at(token.i)
    return (cue.words, cue.verb) if cue is not None else None


def _lexicon_cue(token: Token) -> tuple[list[Token], SpeechVerb] | None:
    lexicon = speech_verbs()
    for key in (token.lemma_.lower(), token.lower_):
        for entry in lexicon.get(key, []):
            if not entry.speech:
                return None
            rest = _matches_rest(token, entry.words[1:])
            if rest is None:
                continue
            if len(entry.words) == 1 and token.pos_ not in ("VERB", "AUX"):
                continue
            return [token, *rest], entry
    return None


def cue_subject(cue: list[Token]) -> Token | None:
    """The head token of whoever the cue says spoke, or None (kept per cue).

    "according to X": X. Otherwise the verb's subject; a verb without one
    borrows it from the speech verb it is coordinated with or subordinate
    to; in the inverted "..., said Smailov" spaCy sometimes makes the
    speaker an object, which is taken when no subject exists.
    """

    return speech_cues(cue[0].doc).subject(cue)


def _find_subject(cue: list[Token]) -> Token | None:
    """`cue_subject`, found afresh."""

    verb, last = cue[0], cue[-1]
    if len(cue) > 1 and last.dep_ == "prep":
        return next((c for c in last.children if c.dep_ == "pobj"), None)
    subject = _own_subject(verb)
    if subject is not None:
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        return subject
    named = _participle_speaker(verb)
    if named is not None:
        return named
    borrowed = _borrowed_subject(verb) or _sentence_subject(verb)
    if borrowed is not None:
        return borrowed
    if verb.lemma_.lower() not in ADDRESSEE_VERBS:
        return next(
            (
                c
                for c in verb.children
                if c.i > verb.i
                and c.dep_ in ("dobj", "attr", "npadvmod", "appos", "dep")
                and c.pos_ in ("PROPN", "NOUN")
            ),
            None,
        ) or name_after(cue)
    return None


def name_after(cue: list[Token]) -> Token | None:
    """The head of the name right after a cue, however the parser hung it:
    `"...," said Robert Reich, who ...`, `said Skelly, explaining`. The name
    ends at the first comma, preposition or verb; None when no capitalised
    word or noun stands there."""

    doc = cue[-1].doc
    named: list[Token] = []
    for token in doc[cue[-1].i + 1 : cue[-1].i + 1 + MAX_NAME_AFTER]:
        if token.is_punct or token.pos_ in NOT_NAME_POS or token.is_space:
            break
        if token.pos_ in ("PROPN", "NOUN") or token.is_title:
            named.append(token)
    return named[-1] if named else None


def _participle_speaker(verb: Token) -> Token | None:
    """The name right before a cue that has no subject of its own: "footage
    of Hillary Clinton asking, ...", and the inverted "Said Ellis: ..." that
    the parser reads as one name. A common noun there is often a text ("a
    statement saying"), so only a participle modifying it names it."""

    if verb.dep_ == "compound" and verb.i == verb.head.i - 1 and verb.head.pos_ == "PROPN":
        return verb.head
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "a man shouting ...", "a statement saying ..."
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    return before if before.pos_ == "PROPN" else None


def _sentence_subject(verb: Token) -> Token | None:
    """`Clinton seemed ready to riff, telling the crowd, "..."`: a participle
    after a comma says how the sentence's subject spoke, wherever the parser
    hung it."""

    if verb.tag_ != "VBG" or verb.i == 0 or verb.doc[verb.i - 1].text not in (",", "—", "–"):
        return None
    root = verb.sent.root
    if root.i >= verb.i:
        return None
    return _own_subject(root)


def _borrowed_subject(verb: Token) -> Token | None:
    """Subject of the nearest speech verb up the tree, else of the nearest verb
    reached without crossing a clausal complement ("met Y and said")."""

    fallback: Token | None = None
    crossed_complement = False
    node = verb
    for _ in range(4):
        if node.dep_ not in SHARED_SUBJECT_DEPS or node.head.i == node.i:
            break
        if _behind_opening_mark(verb, node.head):
            break  # the parser hung the cue on a verb of the quote after it
        crossed_complement = crossed_complement or node.dep_ == "ccomp"
        node = node.head
        subject = _own_subject(node)
        if subject is None:
            continue
        if match_cue(node) is not None:
            return subject
        if fallback is None and not crossed_complement:
            fallback = subject
    return fallback


def _behind_opening_mark(verb: Token, word: Token) -> bool:
    if word.i < verb.i:
        return False
    return any(t.is_quote for t in verb.doc[verb.i + 1 : word.i])


def _own_subject(verb: Token) -> Token | None:
    """The verb's subject; of two (the parser may take a word of the quote for
    one: `"... One of the brightest," Cummings said`) the nearer. A subject
    behind an opening quotation mark after the verb is a word of the quote:
    `telling the crowd, "Some people get carried away"`."""

    subjects = [
        c
        for c in verb.children
        if c.dep_ in SUBJECT_DEPS and not c.is_punct and not _behind_opening_mark(verb, c)
    ]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


def subject_phrase(subject: Token) -> list[Token]:
    """The subject's words without relative clauses, appositions or long
    post-modifiers ("a spokesman for Clinton, who ..." -> "a spokesman for
    Clinton"); empty when the words kept are not one run of the text."""

    left = [t for t in subject.lefts for t in t.subtree]
    right: list[Token] = []
    for child in subject.rights:
        if child.dep_ not in _KEPT_RIGHT_DEPS:
            break
        subtree = list(child.subtree)
        if len(subtree) > MAX_MODIFIER_TOKENS or any(
            t.is_punct or t.pos_ in ("VERB", "AUX") for t in subtree
        ):
            break
        right.extend(subtree)
    tokens = sorted([*left, subject, *right], key=lambda t: t.i)
    # Keep one contiguous run ending in the subject's right part.
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in _LEADING_JUNK):
        tokens.pop(0)
    contiguous = all(b.i == a.i + 1 for a, b in pairwise(tokens))
    return tokens if contiguous else []
