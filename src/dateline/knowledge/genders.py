"""Which personal pronoun a person takes, from how the text names them.

"She said" after a paragraph naming Carly Fiorina and Bill Clinton is
Fiorina: a pronoun agrees with its antecedent. The text tells a person's
gender by honorifics and gendered nouns ("Mrs.", "the congresswoman",
`data/gender_words.tsv`) or, failing those, by a first name that is given
to one sex far more often than the other. The first-name frequencies are
the 1990 US Census lists shipped by the `names` package (public domain);
names outside them, or given to both ("Leslie"), tell nothing, and a
person whose gender the text does not tell fits either pronoun.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources
from itertools import pairwise
from typing import Literal

from dateline.knowledge.cache import loaded_once
from dateline.knowledge.settings import settings
from dateline.knowledge.tables import read_table

Gender = Literal["f", "m"]
WORDS_TABLE = "gender_words.tsv"
_WORD = re.compile(r"[^\W\d_]+")


@loaded_once
def _words() -> dict[str, Gender]:
    table: dict[str, Gender] = {}
    for row in read_table(WORDS_TABLE):
        table[row["word"].casefold()] = "f" if row["gender"] == "f" else "m"
    return table


@loaded_once
def _first_name_shares() -> dict[str, tuple[float, float]]:
    """First name -> (share of women, share of men) bearing it, in percent."""

    shares: dict[str, list[float]] = {}
    for position, file_name in enumerate(("dist.female.first", "dist.male.first")):
        source = resources.files("names").joinpath(file_name)
        with source.open(encoding="ascii") as handle:
            for line in handle:
                fields = line.split()
                if len(fields) >= 2:
                    shares.setdefault(fields[0].casefold(), [0.0, 0.0])[position] = float(fields[1])
    return {name: (female, male) for name, (female, male) in shares.items()}


def first_name_gender(name: str) -> Gender | None:
    """ "Hillary" -> "f", "Donald" -> "m", "Leslie" (both) or "Xi" -> None."""

    female, male = _first_name_shares().get(name.casefold(), (0.0, 0.0))
    odds = settings().pronouns.first_name_odds
    if female > odds * male:
        return "f"
    if male > odds * female:
        return "m"
    return None


def gender_of(name: str, phrases: Iterable[str] = ()) -> Gender | None:
    """The gender the text gives a person: a gendered word in any of the
    phrases naming them (role, mentions), else the first name's; None when
    nothing tells, or the phrases disagree."""

    said = {_words().get(w.casefold()) for p in phrases for w in _two_word_aware(p)}
    said.discard(None)
    if len(said) == 1:
        return said.pop()
    if said:
        return None
    # The first name, or the word after a title ("Sen. Claire McCaskill").
    for word in _WORD.findall(name)[:2]:
        if (gender := first_name_gender(word)) is not None:
            return gender
    return None


def _two_word_aware(phrase: str) -> list[str]:
    """The words of a phrase and its two-word runs ("first lady")."""

    words = _WORD.findall(phrase)
    return [*words, *(f"{a} {b}" for a, b in pairwise(words))]
