"""What the event stage knows about words, read once from the shipped TSVs.

`data/plover_types.tsv` describes the 16 PLOVER types (CAMEO root,
Goldstein-style intensity, whether the sides are symmetric, whether the
dateline is a sound default place); `data/event_triggers.tsv` maps verbs and
event nouns to a type; `data/event_speech_cues.tsv` lists the words that
make a speaker's statement an accusation or a request; `data/event_mode_cues.tsv`
the words that say how talks came about (by telephone, through a mediator,
among many parties). Keeping the words in
data lets a user extend the lexicon without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from dateline.errors import DatelineError
from dateline.knowledge.tables import read_table, split_list
from dateline.model import PLOVER_TYPES


class LexiconError(DatelineError):
    """A row of an event table names something the stage cannot use."""


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    cameo: str
    intensity: float
    symmetric: bool
    local: bool
    """The dateline place is a sound default for an event of this type."""
    quad: int
    """The PLOVER manual's quad category: 1 verbal cooperation, 2 material
    cooperation, 3 verbal conflict, 4 material conflict."""


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    mode: str | None
    needs: tuple[str, ...] = ()
    """Words one of which must depend on the trigger ("call" needs "on")."""
    alone: bool = False
    """The word states a real event even when the text does not say who did
    it ("five civilians were killed"): physical acts, not statements."""
    objects: tuple[str, ...] = ()
    """Lemmas one of which must be what the trigger acts on, unless an actor
    is ("deploy" troops, not booms); see `objects.acts_on_fitting_object`."""


@cache
def plover_types() -> dict[str, PloverType]:
    """Type name → its CAMEO root, intensity and behaviour."""

    types = {}
    for row in read_table("plover_types.tsv"):
        if row["type"] not in PLOVER_TYPES:
            raise LexiconError(
                f"plover_types.tsv: {row['type']!r} is not a PLOVER type; "
                f"use one of {', '.join(PLOVER_TYPES)}"
            )
        types[row["type"]] = PloverType(
            name=row["type"],
            cameo=row["cameo"],
            intensity=float(row["intensity"]),
            symmetric=row["symmetric"] == "yes",
            local=row["local"] == "yes",
            quad=int(row["quad"]),
        )
    return types


@cache
def trigger_lexicon() -> dict[tuple[str, str], Trigger]:
    """(lemma, coarse POS) → trigger, from the editable TSV."""

    known = plover_types()
    triggers = {}
    for row in read_table("event_triggers.tsv"):
        if row["type"] not in known:
            raise LexiconError(
                f"event_triggers.tsv: trigger {row['lemma']!r} has unknown type "
                f"{row['type']!r}; add it to plover_types.tsv or fix the row"
            )
        trigger = Trigger(
            lemma=row["lemma"],
            pos=row["pos"],
            type=row["type"],
            mode=row["mode"] or None,
            needs=split_list(row.get("needs", "")),
            alone=row.get("alone", "") == "yes",
            objects=tuple(word.lower() for word in split_list(row.get("objects") or "")),
        )
        triggers[(trigger.lemma, trigger.pos)] = trigger
    return triggers


@cache
def speech_cues() -> dict[str, frozenset[str]]:
    """Role ("wrongdoing", "obligation") → the lemmas that play it."""

    roles: dict[str, set[str]] = {}
    for row in read_table("event_speech_cues.tsv"):
        roles.setdefault(row["role"], set()).add(row["lemma"])
    return {role: frozenset(lemmas) for role, lemmas in roles.items()}


@cache
def mode_cues() -> dict[str, frozenset[str]]:
    """Cue ("remote", "mediator", "mediating", "gathering", "many") → its lemmas."""

    cues: dict[str, set[str]] = {}
    for row in read_table("event_mode_cues.tsv"):
        cues.setdefault(row["cue"], set()).add(row["lemma"].lower())
    return {cue: frozenset(lemmas) for cue, lemmas in cues.items()}


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
