"""The words of the events stage, read once from the shipped TSVs.

`data/event_triggers.tsv` maps verbs and event nouns to a PLOVER type;
`data/event_speech_cues.tsv` lists the words that make a speaker's
statement an accusation or a request; `data/event_mode_cues.tsv` the words
that say how talks came about (by telephone, through a mediator, among many
parties). Keeping the words in data lets a user extend the lexicon without
touching code.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.errors import LexiconError
from dateline.knowledge.cache import loaded_once
from dateline.knowledge.event_types import PLOVER_TYPES_TABLE, plover_types
from dateline.knowledge.tables import grouped_words, read_table, split_list

TRIGGERS_TABLE = "event_triggers.tsv"
SPEECH_CUES_TABLE = "event_speech_cues.tsv"
MODE_CUES_TABLE = "event_mode_cues.tsv"


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


@loaded_once
def trigger_lexicon() -> dict[tuple[str, str], Trigger]:
    """(lemma, coarse POS) → trigger, from the editable TSV."""

    known = plover_types()
    triggers = {}
    for row in read_table(TRIGGERS_TABLE):
        if row["type"] not in known:
            raise LexiconError(
                f"{TRIGGERS_TABLE}: trigger {row['lemma']!r} has unknown type "
                f"{row['type']!r}; add it to {PLOVER_TYPES_TABLE} or fix the row"
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


@loaded_once
def speech_cues() -> dict[str, frozenset[str]]:
    """Role ("wrongdoing", "obligation") → the lemmas that play it."""

    return grouped_words(SPEECH_CUES_TABLE, "role", "lemma")


@loaded_once
def mode_cues() -> dict[str, frozenset[str]]:
    """Cue ("remote", "mediator", "mediating", "gathering", "many") → its lemmas."""

    cues = grouped_words(MODE_CUES_TABLE, "cue", "lemma")
    return {cue: frozenset(lemma.lower() for lemma in lemmas) for cue, lemmas in cues.items()}
