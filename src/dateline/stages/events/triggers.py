"""Which token is an event trigger: the trigger table (`knowledge.event_words`) read
against the parse, with a coarse part of speech and the words a trigger needs."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.knowledge.event_words import Trigger, trigger_lexicon


def coarse_pos(token: Token) -> str | None:
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ in {"NOUN", "PROPN"}:
        return "NOUN"
    return None


def trigger_of(token: Token) -> Trigger | None:
    """The trigger `token` is, if the lexicon lists it and its `needs` are met."""

    pos = coarse_pos(token)
    if pos is None:
        return None
    lexicon = trigger_lexicon()
    trigger = lexicon.get((token.lemma_.lower(), pos)) or lexicon.get((token.lower_, pos))
    if trigger is None:
        return None
    if trigger.needs and not any(
        word.lower_ in trigger.needs or word.lemma_.lower() in trigger.needs
        for word in _dependents(token)
    ):
        return None
    return trigger


def _dependents(token: Token) -> list[Token]:
    """The words on `token` and the objects of its prepositions ("spoke on the telephone")."""

    found = list(token.children)
    for child in token.children:
        if child.dep_ != "prep":
            continue
        for pobj in child.children:
            if pobj.dep_ == "pobj":  # "by phone", "by video link"
                found.append(pobj)
                found.extend(c for c in pobj.children if c.dep_ == "compound")
    return found
