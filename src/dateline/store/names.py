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


MAX_ROW_ID = 2**63 - 1
"""The largest id a database integer column holds (SQLite and PostgreSQL bigint)."""

_ROW_ID = re.compile(r"[0-9]+")


def actor_row_id(ref: str) -> int | None:
    """The actor row id `ref` gives ("12"), or None when `ref` is no id.

    Only ASCII digits make an id: `str.isdigit` also accepts "²" or "٣",
    which `int` refuses or reads as another number. An id past what a
    database integer holds names no row, so it is None too rather than an
    overflow in the driver.

    >>> actor_row_id(" 12 "), actor_row_id("²"), actor_row_id("9" * 30)
    (12, None, None)
    """

    ref = ref.strip()
    if not _ROW_ID.fullmatch(ref) or len(ref) > len(str(MAX_ROW_ID)):
        return None
    found = int(ref)
    return found if found <= MAX_ROW_ID else None
