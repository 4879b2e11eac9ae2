"""The key under which one actor is recognised across articles."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """Fold a name to the form that identifies an actor corpus-wide.

    Wires spell one person several ways ("Mikhail  Mishustin", "MIKHAIL
    MISHUSTIN", "Mikhaíl Mishustin"); folding case, accents and white space
    lets the store keep them as one actor row and lets searches ignore them.

    >>> normalise_name("  Kassym-Jomart   TOKAYEV ")
    'kassym-jomart tokayev'
    >>> normalise_name("Erdoğan")
    'erdogan'
    """

    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE.sub(" ", unicodedata.normalize("NFC", stripped)).strip()
