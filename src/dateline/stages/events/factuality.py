"""Did it happen? Plans, hypotheticals and denials around an event trigger.

"Will visit", "may impose", "did not agree", "plans to meet", "a possible
summit" state no event; the dispatch reports only what happened. The check
walks from the trigger up through its governing verbs and looks for
negation, modal auxiliaries and planning verbs on the way.
"""

from __future__ import annotations

from spacy.tokens import Token

UNREAL_AUXILIARIES = frozenset(
    {"will", "shall", "would", "may", "might", "could", "should", "must", "'ll", "wo", "ca"}
)
PLANNING_VERBS = frozenset(
    {
        "plan",
        "intend",
        "expect",
        "hope",
        "want",
        "propose",
        "agree",
        "prepare",
        "seek",
        "schedule",
        "promise",
        "pledge",
        "offer",
        "threaten",
        "refuse",
        "decline",
        "urge",
        "call",
        "ask",
        "demand",
        "try",
        "attempt",
    }
)
"""Verbs whose complement is not (yet) an event: "threatened to impose" is a
THREATEN, not a SANCTION; "refused to meet" a REJECT, not a CONSULT."""
UNREAL_MODIFIERS = frozenset({"upcoming", "planned", "next", "future", "possible", "potential"})
NEGATIONS = frozenset({"never", "not", "n't", "no"})


def governing_verb(token: Token) -> Token | None:
    """The nearest verb at or above `token` in the parse (at most six steps)."""

    current = token
    for _ in range(6):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _is_unreal_verb(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ == "never":
            return True
        if child.dep_ in {"aux", "auxpass"} and child.lower_ in UNREAL_AUXILIARIES:
            return True
    return False


def is_factual(token: Token) -> bool:
    """False for plans, hypotheticals and denials around a trigger.

    The walk climbs through infinitive complements ("continued to shell":
    factual; "threatened to impose": not) and looks at the verb a clause
    hangs from ("expects that talks will ...").
    """

    if any(child.lower_ in UNREAL_MODIFIERS for child in token.children):
        return False
    if any(child.dep_ == "det" and child.lower_ == "no" for child in token.children):
        return False  # "no talks were held"
    verb = governing_verb(token)
    for _ in range(6):
        if verb is None:
            return True
        if _is_unreal_verb(verb):
            return False
        if verb is not token and verb.lemma_.lower() in PLANNING_VERBS:
            return False
        head = verb.head
        if head is verb:
            return True
        if verb.dep_ == "ccomp":
            return not (head.lemma_.lower() in PLANNING_VERBS or _is_unreal_verb(head))
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ not in {"xcomp", "pcomp"} and not (verb.dep_ == "acl" and infinitive):
            return True
        verb = governing_verb(head)
    return True
