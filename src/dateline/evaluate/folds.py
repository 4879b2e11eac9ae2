"""The scorer's own fold tables: names of one office, spellings of one unit, whole periods.

GOLD_FORMAT.md ("Names of one office and spellings of one unit are not
errors") says what agrees before roles, units and periods are compared:
"Premier", "head of government" and "Prime Minister" are one office; "km"
and "kilometres" one unit; "2023-01/2023-12" is the year 2023. The tables
here are the scorer's, written from that text, and never the extractor's
(`dateline.knowledge`, `dateline.data`): a scorer that borrowed them would
agree with the extractor by construction and hide its errors.
"""

from __future__ import annotations

import calendar
import re

from dateline.evaluate.matching import fold_text

OFFICES = (
    ("premier", "prime minister"),
    ("head of government", "prime minister"),
    ("head of state", "president"),
    ("top diplomat", "foreign minister"),
    ("minister of foreign affairs", "foreign minister"),
    ("foreign affairs minister", "foreign minister"),
    ("foreign secretary", "foreign minister"),
    ("secretary of state", "foreign minister"),
)
"""Names of one office, as GOLD_FORMAT.md lists them: each phrase reads as the
second, wherever it stands in the role ("Deputy Premier" is "deputy prime
minister", "former Secretary of State" "former foreign minister")."""

_MINISTER_OF = re.compile(r"^(?P<before>.*?)\bminister of (?:the )?(?P<portfolio>.+)$")
_X_SECRETARY = re.compile(r"^(?P<portfolio>.+?) secretary$")


def _replace_phrases(role: str, table: tuple[tuple[str, str], ...]) -> str:
    for phrase, canonical in table:
        role = re.sub(rf"\b{re.escape(phrase)}\b", canonical, role)
    return role


def fold_role(role: str | None) -> str:
    """A role in the form every name of its office shares.

    "Minister of X" and "X Secretary" read as "X Minister" (GOLD_FORMAT.md),
    so "Minister of Trade" is "trade minister" and "Defence Secretary"
    "defence minister"; the named offices (`OFFICES`) go first, so
    "Secretary of State" is the foreign minister, not "state minister".
    """

    folded = _replace_phrases(fold_text(role), OFFICES)
    minister_of = _MINISTER_OF.match(folded)
    if minister_of:
        folded = f"{minister_of['before']}{minister_of['portfolio']} minister"
    else:
        secretary = _X_SECRETARY.match(folded)
        if secretary:
            folded = f"{secretary['portfolio']} minister"
    return " ".join(_replace_phrases(folded, OFFICES).split())


UNIT_SPELLINGS = {
    "km": ("km", "kilometer", "kilometers", "kilometre", "kilometres"),
    "km2": (
        "km2",
        "km²",
        "sq km",
        "square kilometer",
        "square kilometers",
        "square kilometre",
        "square kilometres",
    ),
    "m": ("m", "meter", "meters", "metre", "metres"),
    "m2": ("m2", "m²", "sq m", "square meter", "square meters", "square metre", "square metres"),
    "m3": ("m3", "m³", "cubic meter", "cubic meters", "cubic metre", "cubic metres"),
    "cm": ("cm", "centimeter", "centimeters", "centimetre", "centimetres"),
    "mm": ("mm", "millimeter", "millimeters", "millimetre", "millimetres"),
    "mi": ("mi", "mile", "miles"),
    "in": ("in", "inch", "inches"),
    "ft": ("ft", "foot", "feet"),
    "t": ("t", "tonne", "tonnes", "ton", "tons", "metric ton", "metric tons"),
    "kg": ("kg", "kilogram", "kilograms", "kilogramme", "kilogrammes"),
    "g": ("g", "gram", "grams", "gramme", "grammes"),
    "oz": ("oz", "ounce", "ounces"),
    "l": ("l", "liter", "liters", "litre", "litres"),
    "ratio": ("ratio", "percent", "per cent", "percentage", "%"),
    "h": ("h", "hour", "hours", "hr", "hrs"),
    "day": ("day", "days"),
    "week": ("week", "weeks"),
    "month": ("month", "months"),
    "year": ("year", "years"),
    "mw": ("mw", "megawatt", "megawatts"),
    "gb": ("gb", "gigabyte", "gigabytes"),
}
"""Spellings of one unit (GOLD_FORMAT.md: "kilometers", "kilometres" and "km";
"square kilometers" and "km2"; "tonnes", "tons", "metric tons" and "t";
"percent" and "ratio"), with the singulars, plurals and abbreviations of the
other units the gold writes."""

_UNIT_KEYS = {spelling: key for key, spellings in UNIT_SPELLINGS.items() for spelling in spellings}


def fold_unit(unit: str | None) -> str:
    """The unit's key: "kilometres", "km" and "kilometers" are all "km".

    Currency codes and units not in the table compare as folded text.
    """

    folded = fold_text(unit)
    return _UNIT_KEYS.get(folded, folded)


_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def fold_period(period: str | None) -> str:
    """A whole year or month written as a range is that year or month.

    "2023-01/2023-12" and "2023-01-01/2023-12-31" are "2023";
    "2022-05-01/2022-05-31" is "2022-05"; any other period is kept as written.
    """

    text = str(period or "").strip()
    first, slash, last = text.partition("/")
    start, end = _MONTH.match(first), _MONTH.match(last)
    if not slash or start is None or end is None or start[1] != end[1]:
        return text
    year, days = start[1], bool(start[3]) and bool(end[3])
    if bool(start[3]) != bool(end[3]) or (days and start[3] != "01"):
        return text
    if start[2] == "01" and end[2] == "12" and (not days or end[3] == "31"):
        return year
    month_end = calendar.monthrange(int(year), int(start[2]))[1]
    if days and start[2] == end[2] and int(end[3]) == month_end:
        return f"{year}-{start[2]}"
    return text
