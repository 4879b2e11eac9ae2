"""Change versus level: is a figure how much a measure moved, or where it stands?

"turnover reached $24.2bn" states a level; "rising by almost a third",
"increased 5%", "up 5%", "down 2 points", "a 5% increase" and "growth of 3%"
state changes. Reading the two alike would put a growth rate in a series of
levels, so the amounts stage marks changes from the parse:

- the figure is the object of a rise/fall verb, bare or after "by"
  ("to" gives the new level: "rose to $3bn");
- "up"/"down" stands right before it as an adverb;
- it modifies a change noun ("a 5% increase") or is its "of"/"by" object
  ("an increase of 5%").
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.stages.amounts.measure import role_words

DIRECTION_ADVERBS = frozenset({"up", "down"})
CHANGE_PREPOSITIONS = frozenset({"by"})
NOUN_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "quantmod", "npadvmod", "nmod"})
OBJECT_DEPS = frozenset({"dobj", "npadvmod", "advmod", "attr"})


def is_change(tokens: SpacySpan) -> bool:
    """Whether the amount written over `tokens` is a change of its measure."""

    return change_word(tokens) is not None


def change_direction(tokens: SpacySpan) -> str | None:
    """ "up" or "down" for a change whose wording says which way; else None."""

    word = change_word(tokens)
    if word is None:
        return None
    if word in DIRECTION_ADVERBS:
        return word
    if word in role_words("rise"):
        return "up"
    if word in role_words("fall"):
        return "down"
    return None


def change_word(tokens: SpacySpan) -> str | None:
    """The word that makes the amount a change ("up", "rising", "increase"), or None."""

    doc = tokens.doc
    before = doc[tokens.start - 1] if tokens.start > 0 else None
    if before is not None and before.lower_ in DIRECTION_ADVERBS and before.dep_ != "prt":
        return before.lower_  # "up 5%", "down 2 points"
    anchor = _outer_token(tokens)
    head = anchor.head
    if head.i == anchor.i:
        return None
    changes = role_words("rise") | role_words("fall")
    if anchor.dep_ in OBJECT_DEPS and head.pos_ == "VERB" and head.lemma_.lower() in changes:
        return head.lemma_.lower()  # "trade grew 5%"
    if anchor.dep_ == "pobj" and head.lower_ in CHANGE_PREPOSITIONS | {"of"}:
        owner = head.head
        if head.lower_ in CHANGE_PREPOSITIONS and owner.pos_ in ("VERB", "AUX"):
            # "rising by almost a third"
            return owner.lemma_.lower() if owner.lemma_.lower() in changes else None
        # "an increase of 5%", "a rise by 5%"
        return owner.lemma_.lower() if _is_change_noun(owner) else None
    if anchor.dep_ in NOUN_MODIFIER_DEPS and _is_change_noun(head):
        return head.lemma_.lower()  # "a 5% increase"
    return None


def _is_change_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in role_words("change")


def _outer_token(tokens: SpacySpan) -> Token:
    """The amount's token whose head lies outside it."""

    for token in tokens:
        if not tokens.start <= token.head.i < tokens.end or token.head.i == token.i:
            return token
    return tokens.root
