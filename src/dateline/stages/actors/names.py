"""Named mentions from spaCy NER, cleaned and re-typed by document agreement.

The small English model labels the same string differently across one
article ("Smailov" PERSON, then PRODUCT; "Mishustin" ORG; "Kazakh" PERSON).
News copy, though, names one thing one way throughout, so the type a string
gets where the model is most certain (a full "First Last" PERSON name, a
country in the knowledge base) is taken for all its occurrences.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from dateline.knowledge.actor_words import place_heads, sector_from_name
from dateline.knowledge.cache import loaded_once
from dateline.knowledge.countries import (
    Country,
    all_countries,
    countries_in_compound,
    country_by_adjective,
    country_by_name,
)
from dateline.knowledge.gazetteer import find_city
from dateline.knowledge.genders import first_name_gender
from dateline.knowledge.organizations import Organization, find_organization, government_of
from dateline.knowledge.roles import split_role_phrase
from dateline.knowledge.settings import settings
from dateline.knowledge.tables import fold

NameKind = Literal["person", "organization", "country", "government", "capital", "unknown"]

NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART"}
)
_LEADING_DROP = frozenset({"the", "a", "an"})
_TRAILING_DROP = frozenset({"'s", "’s", "'", "’"})
_NAME_CHARS = frozenset(".-'’")
_PROPER_TAGS = frozenset({"NNP", "NNPS"})
BIG_CITY_POPULATION = 100_000


@dataclass
class Name:
    """Tokens `[start, end)` of one named mention and what it names."""

    start: int
    end: int
    kind: NameKind
    text: str
    country: Country | None = None
    organization: Organization | None = None
    brand: str | None = None
    """The short proper name after a descriptive one: "INNOPROM" of
    "International Industrial Exhibition INNOPROM"; the actor is called by it."""


@loaded_once
def _capitals() -> dict[str, Country]:
    return {fold(c.capital).casefold(): c for c in all_countries() if c.capital}


def capital_of(text: str) -> Country | None:
    """Country whose capital is named ("Moscow" -> Russia, "Kiev" -> Ukraine), for metonymy.

    Older spellings reach the capital through the gazetteer's alternate names.
    """

    found = _capitals().get(fold(text).casefold())
    if found is not None:
        return found
    city = find_city(text)
    if city is None:
        return None
    country = _capitals().get(fold(city.name).casefold())
    return country if country is not None and country.iso3 == city.country else None


def is_big_city(text: str) -> bool:
    """A one-word "person" that is a large city is the model confusing a place."""

    city = find_city(text)
    return city is not None and city.population >= BIG_CITY_POPULATION


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in _LEADING_DROP or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in _TRAILING_DROP or doc[end - 1].is_punct):
        end -= 1
    return start, end


def looks_like_person_name(tokens: list[Token]) -> bool:
    """Capitalised alphabetic words only ("Vladimir Putin", "O'Neill", "J. Smith")."""

    for token in tokens:
        letters = [ch for ch in token.text if ch not in _NAME_CHARS]
        if not letters or not all(ch.isalpha() for ch in letters):
            return False
        if not token.text[:1].isupper():
            return False
    if not any(token.tag_ in _PROPER_TAGS for token in tokens):
        return False
    return tokens[-1].text not in place_heads()


CALENDAR_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)


def _is_given_and_family_name(tokens: list[Token]) -> bool:
    """ "Carly Fiorina" tagged ORG: two or three capitalised words opening
    with a given name that one sex bears far more often than the other is a
    person's name. A company named after its founder ("Charles Schwab")
    reads the same, so only a short name with no company word qualifies."""

    if not 2 <= len(tokens) <= 3 or not looks_like_person_name(tokens):
        return False
    text = " ".join(t.text for t in tokens)
    if sector_from_name(text) is not None or split_role_phrase(text)[0] is not None:
        return False  # "Ford Motors", "Carnegie Foundation", "Major League Baseball"
    given, last = tokens[0], tokens[-1]
    if len(given.text) < settings().actors.min_given_name_chars or given.lower_ in CALENDAR_WORDS:
        return False  # "Le Matin", "September Treasury"
    if last.tag_ == "NNPS" or is_big_city(given.text) or find_city(given.text) is not None:
        return False  # "Houston Astros", "Bradford Bulls", "Warner Bros"
    return first_name_gender(given.text) is not None


def is_demonym(text: str) -> bool:
    """Adjective or compound of adjectives naming nations ("Kazakh", "Kazakh-Russian")."""

    if country_by_name(text) is not None:
        return False
    return country_by_adjective(text) is not None or bool(
        "-" in text and countries_in_compound(text)
    )


def _is_adjective_compound(text: str) -> bool:
    """ "Kazakh-Russian", even misspelt ("Kazakh-Russain"): a relation, not an actor."""

    if "-" not in text or " " in text.strip():
        return False
    first = text.split("-", 1)[0]
    return bool(countries_in_compound(text)) or country_by_adjective(first) is not None


def classify(text: str, label: str, tokens: list[Token]) -> Name | None:
    """First reading of one entity; `None` for things that are never actors."""

    name = Name(tokens[0].i, tokens[-1].i + 1, "unknown", text)
    if is_demonym(text) or _is_adjective_compound(text):
        return None
    country = country_by_name(text)
    if country is not None:
        name.kind, name.country = "country", country
        return name
    organization = find_organization(text)
    if organization is not None:
        name.kind, name.organization = "organization", organization
        return name
    if label in ("ORG", "FAC", "GPE"):
        government = government_of(text)
        if government is not None:
            name.kind, name.country = "government", government
            return name
    capital = capital_of(text)
    if capital is not None:
        name.kind, name.country = "capital", capital
        return name
    if label == "PERSON":
        name.kind = "person" if looks_like_person_name(tokens) else "unknown"
    elif label == "ORG":
        name.kind = "person" if _is_given_and_family_name(tokens) else "organization"
    elif label in ("GPE", "LOC", "NORP"):
        return None
    if any(ch.isdigit() for ch in text) or "/" in text:
        return None
    return name


_POSTING_PREPOSITIONS = frozenset({"to", "in"})


def _skip_posting_place(doc: Doc, start: int, end: int) -> int:
    """Start of the name in "Ambassador to Havana Viktor Koronelli", which the model
    tags as one PERSON "Havana Viktor Koronelli": the posting's place is not a name."""

    if start == 0 or doc[start - 1].lower_ not in _POSTING_PREPOSITIONS:
        return start
    if end - start - 1 < settings().actors.min_name_words:
        return start
    place = doc[start].text
    if country_by_name(place) is None and capital_of(place) is None and not is_big_city(place):
        return start
    return start + 1


_DESCRIBED_LABELS = frozenset({"ORG", "EVENT", "FAC", "PRODUCT", "WORK_OF_ART"})


def _is_brand_token(token: Token) -> bool:
    """An all-capitals proper name such as "INNOPROM" or "KAMAZ" (not "US", not "12")."""

    text = token.text
    return len(text) >= settings().actors.min_brand_letters and text.isalpha() and text.isupper()


def _brand_after(doc: Doc, start: int, end: int, label: str) -> int | None:
    """End of "International Industrial Exhibition INNOPROM" when the model tagged only
    the description: the capitalised name right after it belongs to the entity."""

    if label not in _DESCRIBED_LABELS or end >= len(doc) or end - start < 2:
        return None
    following = doc[end]
    if following.ent_type_ or not _is_brand_token(following):
        return None
    if not all(t.text[:1].isupper() for t in doc[start:end]):
        return None
    return end + 1


def _brand(doc: Doc, start: int, end: int) -> str | None:
    """The short name ending a longer descriptive one, if the name has that shape."""

    last = doc[end - 1]
    if end - start < 3 or not _is_brand_token(last):
        return None
    if any(_is_brand_token(t) or not t.text[:1].isupper() for t in doc[start : end - 1]):
        return None
    return last.text


def entity_names(doc: Doc, header: tuple[int, int] = (0, 0)) -> list[Name]:
    """Every NER entity that may name an actor, trimmed and first typed.

    Entities inside the dateline `header` (a character range) are skipped:
    the agency and place there are the story's source, not its actors.
    """

    names: list[Name] = []
    for ent in doc.ents:
        inside_header = ent.start_char < header[1] and header[0] < ent.end_char
        if ent.label_ not in NAME_LABELS or inside_header:
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end:
            continue
        label = ent.label_
        if label == "PERSON":
            start = _skip_posting_place(doc, start, end)
        brand_end = _brand_after(doc, start, end, label)
        if brand_end is not None:
            end, label = brand_end, "ORG"
        tokens = list(doc[start:end])
        name = classify(doc[start:end].text, label, tokens)
        if name is None:
            continue
        if name.kind == "organization" and name.organization is None:
            name.brand = _brand(doc, start, end)
        if name.kind == "government" and start > 0 and doc[start - 1].lower_ == "the":
            name.start -= 1
            name.text = doc[name.start : name.end].text
        names.append(name)
    return names


def _extend_to_known(doc: Doc, names: list[Name]) -> None:
    """Widen a clipped mention to a longer name the article uses elsewhere.

    The model tags "the State Duma" once and then only "Duma" of "State Duma
    Deputy Speaker"; the longer form is the name.
    """

    longer = {n.text: n for n in names if n.end - n.start > 1}
    for name in names:
        for start in range(max(0, name.start - 3), name.start):
            text = doc[start : name.end].text
            if text in longer:
                known = longer[text]
                name.start, name.text, name.kind = start, text, known.kind
                name.country, name.organization = known.country, known.organization
                break


def _is_thing_modifier(doc: Doc, name: Name) -> bool:
    """A one-word name used before a common noun names that thing: "the Sudzha station"."""

    head = doc[name.end - 1]
    return (
        name.end - name.start == 1
        and head.dep_ == "compound"
        and head.head.i > head.i
        and head.head.pos_ == "NOUN"
        and head.head.text.islower()
    )


def _split_run_on_surnames(doc: Doc, names: list[Name]) -> list[Name]:
    """Split "with Biden Putin" (a missing comma) into the two surnames it joins.

    Only when every word is the surname of another full name in the article.
    """

    full = [n for n in names if n.kind == "person" and n.end - n.start > 1]
    result: list[Name] = []
    for name in names:
        words = [doc[i].text for i in range(name.start, name.end)]
        others = {doc[n.end - 1].text for n in full if n is not name and n.text != name.text}
        if name.kind != "person" or len(words) < 2 or not all(w in others for w in words):
            result.append(name)
            continue
        result.extend(Name(i, i + 1, "person", doc[i].text) for i in range(name.start, name.end))
    return result


def _one_kind_per_lone_word(names: list[Name], full_person_words: set[str]) -> None:
    """A one-word name the model calls both PERSON and ORG gets its majority kind.

    On a tie the organisation wins: a lone word with no full name beside it
    is weaker evidence of a person.
    """

    votes: dict[str, Counter[str]] = {}
    for name in names:
        lone = name.end - name.start == 1 and name.text not in full_person_words
        if lone and name.kind in ("person", "organization") and name.organization is None:
            votes.setdefault(name.text, Counter())[name.kind] += 1
    for name in names:
        tally = votes.get(name.text)
        if tally is None or len(tally) < 2 or name.end - name.start != 1:
            continue
        name.kind = "person" if tally["person"] > tally["organization"] else "organization"


def agree_on_kinds(doc: Doc, names: list[Name]) -> list[Name]:
    """Re-type mentions so one string has one kind across the article.

    A word that is part of a full person name anywhere is a person wherever
    the model mislabels it; a word that only ever modifies a common noun
    ("Oreshnik systems") names an object, not an actor.
    """

    _extend_to_known(doc, names)
    names = _split_run_on_surnames(doc, names)
    full_person_words = {
        doc[i].text
        for n in names
        if n.kind == "person" and n.end - n.start > 1
        for i in range(n.start, n.end)
    }
    multiword_org_words = {
        doc[i].text
        for n in names
        if n.kind == "organization" and n.end - n.start > 1
        for i in range(n.start, n.end)
    }
    for name in names:
        single = name.end - name.start == 1
        if not single or name.kind not in ("unknown", "organization", "person"):
            continue
        if name.organization is not None:
            continue
        if name.text in full_person_words and looks_like_person_name([doc[name.start]]):
            name.kind = "person"
        elif name.kind == "person" and name.text in multiword_org_words:
            name.kind = "organization"
    _one_kind_per_lone_word(names, full_person_words)
    modifier_only: dict[str, bool] = {}
    for name in names:
        if name.kind in ("person", "organization", "unknown") and name.organization is None:
            key = name.text
            modifier_only[key] = modifier_only.get(key, True) and _is_thing_modifier(doc, name)
    kept: list[Name] = []
    for name in names:
        if name.kind == "unknown":
            continue
        lone = name.end - name.start == 1 and name.text not in full_person_words
        if name.kind == "person" and lone and is_big_city(name.text):
            continue
        thing = name.organization is None and modifier_only.get(name.text, False)
        if thing and (name.kind != "person" or name.text not in full_person_words):
            continue
        kept.append(name)
    return kept
