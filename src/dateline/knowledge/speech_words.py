"""The speech verbs and phrases that attribute words to a speaker, from `data/speech_verbs.tsv`.

A user adds a verb by adding a row. A cue is one or more words
(`pointed out`, `according to`); the document layer reads them against the
parse (`document/cues.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.knowledge.cache import loaded_once
from dateline.knowledge.tables import read_table

SPEECH_VERBS_TABLE = "speech_verbs.tsv"


@dataclass(frozen=True, slots=True)
class SpeechVerb:
    """One row of the lexicon: `words` is the lemma split on spaces."""

    words: tuple[str, ...]
    speech: bool
    reported: bool


@loaded_once
def speech_verbs() -> dict[str, list[SpeechVerb]]:
    """The lexicon keyed by its first word, longest cues first."""

    lexicon: dict[str, list[SpeechVerb]] = {}
    for row in read_table(SPEECH_VERBS_TABLE):
        words = tuple(row["lemma"].split())
        entry = SpeechVerb(words, row["speech"] == "yes", row["reported"] == "yes")
        lexicon.setdefault(words[0], []).append(entry)
    for entries in lexicon.values():
        entries.sort(key=lambda entry: -len(entry.words))
    return lexicon
