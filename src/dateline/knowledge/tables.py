"""Reading the shipped TSV tables and normalising phrases for lookup.

Every knowledge module keys its tables the same way, so that "the Kremlin",
"KREMLIN" and "Kremlin’s" all reach the same row: accents folded, curly
apostrophes straightened, whitespace collapsed, casefolded. Short all-caps
forms ("US", "UK", "AP") are the exception: lowercase "us" or "ap" is an
ordinary word, so those keys are matched with their case intact.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from importlib import resources

LIST_SEPARATOR = "|"
_SPACES = re.compile(r"\s+")
_EDGE_PUNCTUATION = ' \t\n,;:!?"“”«»()[]'
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ACRONYM = re.compile(r"^(?:[A-Z0-9&+]\.?){1,6}$")


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of `dateline/data/<name>` as dicts keyed by the header row.

    Lines starting with `#` are comments so that users can annotate the
    files they edit; blank lines are skipped.
    """

    source = resources.files("dateline").joinpath("data", name)
    with source.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{key: (value or "").strip() for key, value in row.items()} for row in reader]


def grouped_words(name: str, group: str, word: str) -> dict[str, frozenset[str]]:
    """The `word` column of table `name` gathered by its `group` column.

    `grouped_words("event_mode_cues.tsv", "cue", "lemma")` is
    `{"remote": frozenset({"telephone", "video", ...}), ...}`.
    """

    groups: dict[str, set[str]] = {}
    for row in read_table(name):
        groups.setdefault(row[group], set()).add(row[word])
    return {key: frozenset(words) for key, words in groups.items()}


def split_list(cell: str) -> tuple[str, ...]:
    """A `|`-separated cell as a tuple without empty items."""

    return tuple(item.strip() for item in cell.split(LIST_SEPARATOR) if item.strip())


def fold(text: str) -> str:
    """Accent-free, apostrophe-straightened, whitespace-collapsed form with case kept."""

    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip(_EDGE_PUNCTUATION)


def strip_leading_the(text: str) -> str:
    return _LEADING_THE.sub("", text, count=1)


def lookup_key(text: str) -> str:
    """Case-insensitive key: folded, casefolded, without a leading "the"."""

    return strip_leading_the(fold(text)).casefold()


def is_acronym(text: str) -> bool:
    """True for short all-caps forms ("US", "U.S.", "UAE", "AP") that must match with case.

    "OPEC+" and "G20" count too; mixed-case names ("Kazinform") do not.
    """

    folded = fold(text)
    return bool(_ACRONYM.match(folded)) and any(ch.isalpha() for ch in folded)


def acronym_key(text: str) -> str:
    """Case-sensitive key for acronyms: folded, without a leading "the"."""

    return strip_leading_the(fold(text))
