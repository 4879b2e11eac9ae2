"""The actors stage: every person, organisation and country an article names.

Mentions come from three places: named entities (cleaned in
`names`), descriptions ("the Kazakh government", "the Russian side")
and role nominals ("the Kazakh Premier", linked to the named holder of that
office, see `titles`). Each actor keeps the span of every mention, so a
reader can check every way the text refers to it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from dateline.document import ParsedDoc
from dateline.knowledge.actor_words import (
    definite_country_words,
    is_generic_role,
    location_verbs,
    roles_compatible,
    sector_from_name,
)
from dateline.knowledge.countries import Country, country_by_iso3, country_by_name
from dateline.knowledge.gazetteer import find_city
from dateline.knowledge.organizations import find_organization, government_of
from dateline.knowledge.roles import Role, role_words
from dateline.knowledge.settings import settings
from dateline.model import Actor, ActorKind
from dateline.stages.actors.names import Name, agree_on_kinds, entity_names
from dateline.stages.actors.speakers import DescribedSpeaker, described_speakers
from dateline.stages.actors.titles import (
    RoleCue,
    body_nominals,
    role_nominals,
    title_after,
    title_before,
    token_country,
)

_METONYM_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_NATIONAL_SECTORS = frozenset({"government", "legislature", "military", "judiciary"})
_COORDINATORS = frozenset({"and", ","})
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


@dataclass
class _Draft:
    """An actor while the stage is still collecting its mentions."""

    name: str
    kind: ActorKind
    spans: set[tuple[int, int]] = field(default_factory=set)
    surfaces: set[str] = field(default_factory=set)
    country: str | None = None
    role: Role | None = None
    sector: str | None = None
    first: int = 1 << 30
    confidence: float = 1.0
    descriptions: set[str] = field(default_factory=set)
    """Lowercase descriptions that stood for it ("the Vietnamese carrier"), found again anywhere."""

    def add(self, start: int, end: int, text: str) -> None:
        self.spans.add((start, end))
        self.first = min(self.first, start)
        if text[:1].isupper():
            self.surfaces.add(text)


def slug(name: str) -> str:
    """Ascii, lowercase, hyphenated: "Government of Kazakhstan" -> "government-of-kazakhstan"."""

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _SLUG_JUNK.sub("-", ascii_name.lower()).strip("-") or "actor"


class _Registry:
    """Drafts by key plus the character ranges already claimed by a mention."""

    def __init__(self, parsed: ParsedDoc) -> None:
        self.parsed = parsed
        self.drafts: dict[str, _Draft] = {}
        self.claimed: list[tuple[int, int, ActorKind]] = []

    def draft(self, key: str, name: str, kind: ActorKind) -> _Draft:
        if key not in self.drafts:
            self.drafts[key] = _Draft(name=name, kind=kind)
        return self.drafts[key]

    def free(self, start: int, end: int, kinds: tuple[ActorKind, ...] | None = None) -> bool:
        """No mention (of one of `kinds`, if given) overlaps `[start, end)`."""

        return all(
            end <= s or e <= start for s, e, kind in self.claimed if kinds is None or kind in kinds
        )

    def claimed_ranges(self, kinds: tuple[ActorKind, ...]) -> list[tuple[int, int]]:
        return [(s, e) for s, e, kind in self.claimed if kind in kinds]

    def mention(self, key: str, start: int, end: int) -> None:
        draft = self.drafts[key]
        draft.add(start, end, self.parsed.text[start:end])
        self.claimed.append((start, end, draft.kind))


def _char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _header(parsed: ParsedDoc) -> tuple[int, int]:
    """Character range of the dateline header (`IGORA /Leningrad Region/, December 26. /TASS/.`).

    Only the header itself is skipped: a TASS lead line before it is copy like
    any other ("the Russian president said"), and names there count.
    """

    dateline = parsed.article.dateline
    return (dateline.span.start, dateline.span.end) if dateline is not None else (0, 0)


def _in_header(header: tuple[int, int], start: int, end: int) -> bool:
    return start < header[1] and header[0] < end


def _country_span(doc: Doc, name: Name) -> tuple[int, int]:
    """Country mention, with "the" when the name heads its phrase ("the US")."""

    start = name.start
    head = doc[name.end - 1]
    if start > 0 and doc[start - 1].lower_ == "the" and head.dep_ not in _MODIFIER_DEPS:
        start -= 1
    return _char_range(doc, start, name.end)


def _executive_after(doc: Doc, name: Name) -> tuple[int, int] | None:
    """Tokens of "the US government" / "Russia's Cabinet of Ministers" when a
    country name modifies an executive noun: the government, not the country."""

    start = name.start - 1 if name.start > 0 and doc[name.start - 1].lower_ == "the" else name.start
    last, stop = name.end, min(len(doc), name.end + settings().actors.max_executive_tokens)
    while last < stop and not doc[last].is_punct:
        last += 1
    for end in range(last, name.end, -1):
        if doc[end - 1].pos_ not in ("NOUN", "PROPN"):
            continue
        if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"):
            continue  # "the US state department" is not "the US state"
        if government_of(doc[start:end].text) == name.country:
            return start, end
    return None


def _add_countries(reg: _Registry, doc: Doc, names: list[Name]) -> None:
    for name in names:
        country = name.country
        if country is None:
            continue
        executive = _executive_after(doc, name) if name.kind == "country" else None
        if executive is not None:
            reg.mention(_government_key(reg, country), *_char_range(doc, *executive))
        elif name.kind == "country":
            draft = reg.draft(f"country:{country.iso3}", country.name, "country")
            draft.country = country.iso3
            reg.mention(f"country:{country.iso3}", *_country_span(doc, name))
        elif name.kind == "capital" and _is_metonym(doc, name):
            draft = reg.draft(f"country:{country.iso3}", country.name, "country")
            draft.country = country.iso3
            reg.mention(f"country:{country.iso3}", *_char_range(doc, name.start, name.end))


def _is_metonym(doc: Doc, name: Name) -> bool:
    """A capital that acts ("Moscow would move on", "Kiev's provocations") is its state."""

    head = doc[name.end - 1]
    following = doc[name.end] if name.end < len(doc) else None
    possessive = following is not None and following.text in ("'s", "’s")
    return head.dep_ in _METONYM_DEPS or possessive


def government_name(country: Country) -> str:
    """ "Government of Kazakhstan", "Government of the United States"."""

    definite = any(word in definite_country_words() for word in country.name.split())
    return f"Government of {'the ' if definite else ''}{country.name}"


def _government_key(reg: _Registry, country: Country) -> str:
    key = f"government:{country.iso3}"
    draft = reg.draft(key, government_name(country), "organization")
    draft.country, draft.sector = country.iso3, "government"
    return key


def _organization_country(doc: Doc, name: Name) -> str | None:
    """Country an organisation is said to belong to: known data, its name, or a premodifier."""

    if name.organization is not None and name.organization.country:
        return name.organization.country
    located = _located_country(doc, name)
    if located is not None:
        return located
    for i in range(name.start, name.end):
        country = token_country(doc[i])
        if country is not None:
            return country.iso3
    i = name.start - 1
    while i >= 0 and name.start - i <= 3 and doc[i].pos_ in ("ADJ", "NOUN", "PROPN", "DET"):
        country = token_country(doc[i])
        if country is not None:
            return country.iso3
        i -= 1
    return None


_DESCRIPTION_POS = frozenset({"ADJ", "NOUN", "PROPN"})


def _description_before(doc: Doc, start: int) -> tuple[int, int] | None:
    """ "the Vietnamese carrier" of "the Vietnamese carrier Vietnam Airlines": a definite
    common-noun description written right before an organisation's name is one
    more way the text names it. Token range without the name, or None."""

    end = start
    if end == 0 or doc[end - 1].pos_ != "NOUN" or not doc[end - 1].is_lower:
        return None
    noun = doc[end - 1]
    if noun.lower_ in role_words() or not _describes(doc, noun, start):
        return None
    first = end - 1
    longest = settings().actors.max_description_tokens
    while first > 0 and end - first < longest:
        token = doc[first - 1]
        if token.lower_ == "the":
            return first - 1, end
        hyphen = token.text in ("-", "–")
        if not hyphen and (token.pos_ not in _DESCRIPTION_POS or not token.is_alpha):
            return None
        if token.pos_ == "PROPN" and token_country(token) is None:
            return None
        first -= 1
    return None


def _describes(doc: Doc, noun: Token, name_start: int) -> bool:
    """The parse ties the noun to the name right after it, as apposition or
    compound ("the carrier Vietnam Airlines"), not across a clause ("from the
    moment Baghdadi announced")."""

    if noun.head.i >= name_start and noun.dep_ == "compound":
        return True
    return any(
        token.head.i == noun.i and token.dep_ in ("appos", "compound")
        for token in doc[name_start : name_start + settings().actors.max_description_tokens]
    )


def _description_country(doc: Doc, start: int, end: int) -> str | None:
    for token in doc[start:end]:
        country = token_country(token)
        if country is not None:
            return country.iso3
    return None


def _located_country(doc: Doc, name: Name) -> str | None:
    """Country an organisation or event is said to sit in: "INNOPROM held in
    Yekaterinburg, Russia", "a company based in Almaty". A named country wins
    over a city's country."""

    verb = doc[name.end] if name.end < len(doc) else None
    if verb is None or verb.lemma_.lower() not in location_verbs():
        return None
    after = doc[verb.i + 1 : verb.i + 1 + settings().actors.location_window]
    if not after or after[0].lower_ != "in":
        return None
    city_country: str | None = None
    for token in after[1:]:
        if token.is_punct and token.text != ",":
            break
        if token.pos_ != "PROPN":
            continue
        country = country_by_name(token.text)
        if country is not None:
            return country.iso3
        city = find_city(token.text)
        if city is not None and city_country is None:
            city_country = city.country
    return city_country


def _add_organizations(reg: _Registry, doc: Doc, names: list[Name]) -> None:
    for name in names:
        start, end = _char_range(doc, name.start, name.end)
        if not reg.free(start, end):
            continue
        if name.kind == "government" and name.country is not None:
            reg.mention(_government_key(reg, name.country), start, end)
            continue
        if name.kind != "organization":
            continue
        known = name.organization
        canonical = known.name if known is not None else name.brand or name.text
        key = f"org:{canonical.casefold()}"
        draft = reg.draft(key, canonical, "organization")
        draft.country = draft.country or _organization_country(doc, name)
        draft.sector = draft.sector or (known.sector if known else sector_from_name(name.text))
        if known is not None:
            draft.surfaces.update(known.aliases)
        if name.brand is not None:
            draft.surfaces.add(name.brand)
        reg.mention(key, start, end)
        described = _description_before(doc, name.start)
        if described is not None:
            d_start, d_end = _char_range(doc, *described)
            if reg.free(d_start, d_end):
                reg.mention(key, d_start, d_end)
                # Only a qualified description ("the Vietnamese carrier") is looked for again.
                if described[1] - described[0] >= settings().actors.min_rescanned_description:
                    draft.descriptions.add(doc[described[0] : described[1]].text)
                country = _description_country(doc, *described)
                draft.country = draft.country or country


def _add_agency(reg: _Registry) -> None:
    """The wire agency of the dateline is a media actor when the body names it too."""

    dateline = reg.parsed.article.dateline
    if dateline is None or not dateline.agency:
        return
    known = find_organization(dateline.agency)
    canonical = known.name if known is not None else dateline.agency
    key = f"org:{canonical.casefold()}"
    draft = reg.draft(key, canonical, "organization")
    draft.sector = "media"
    draft.country = draft.country or (known.country if known else None)
    draft.surfaces.update({canonical, dateline.agency, *(known.aliases if known else ())})


def _add_persons(reg: _Registry, doc: Doc, names: list[Name]) -> dict[int, str]:
    """Person drafts; returns the draft key of every person mention by its start token."""

    full = [n for n in names if n.kind == "person" and n.end - n.start > 1]
    keys_by_words: dict[tuple[str, str], str] = {}
    key_of: dict[int, str] = {}
    for name in full:
        words = (doc[name.start].text, doc[name.end - 1].text)
        key = keys_by_words.setdefault(words, f"person:{words[0]} {words[1]}")
        draft = reg.draft(key, name.text, "person")
        if len(name.text) > len(draft.name):
            draft.name = name.text
        draft.surfaces.add(words[1])
        key_of[name.start] = key
        reg.mention(key, *_char_range(doc, name.start, name.end))
    for name in names:
        if name.kind != "person" or name.end - name.start > 1:
            continue
        resolved = _resolve_single_name(name, full, key_of, doc)
        key = resolved if resolved is not None else f"person:{name.text}"
        if resolved is None:
            draft = reg.draft(key, name.text, "person")
            draft.confidence = settings().actors.single_name_confidence
        key_of[name.start] = key
        start, end = _char_range(doc, name.start, name.end)
        if reg.free(start, end):
            reg.mention(key, start, end)
    return key_of


def _resolve_single_name(
    name: Name, full: list[Name], key_of: dict[int, str], doc: Doc
) -> str | None:
    """Surname (or unambiguous first name) to the full name it abbreviates.

    With two people of one surname, the nearest full name before the mention
    wins, which is how reporters disambiguate ("Bill Clinton ... Clinton").
    """

    for position in (-1, 0):
        matches = [
            n for n in full if doc[n.end - 1 if position == -1 else n.start].text == name.text
        ]
        keys = {key_of[n.start] for n in matches}
        if len(keys) == 1:
            return keys.pop()
        if len(keys) > 1 and position == -1:
            before = [n for n in matches if n.start < name.start]
            chosen = max(before, key=lambda n: n.start) if before else matches[0]
            return key_of[chosen.start]
    return None


def _assign_titles(reg: _Registry, doc: Doc, names: list[Name], key_of: dict[int, str]) -> set[int]:
    """Roles and countries from premodifier titles, plural titles and appositions."""

    stop = {i for n in names if n.kind == "person" for i in range(n.start, n.end)}
    title_tokens: set[int] = set()
    persons = sorted((n for n in names if n.kind == "person"), key=lambda n: n.start)
    index = 0
    while index < len(persons):
        group = [persons[index]]
        while index + len(group) < len(persons):
            nxt = persons[index + len(group)]
            between = doc[group[-1].end : nxt.start]
            if len(between) == 0 or any(t.lower_ not in _COORDINATORS for t in between):
                break
            group.append(nxt)
        cue, countries = title_before(doc, group[0].start, stop)
        if cue is not None:
            title_tokens.update(range(cue.start, cue.end))
            _apply_group_title(reg, cue, countries, [key_of[n.start] for n in group])
        for member in group:
            after = title_after(doc, member.end)
            if after is not None:
                title_tokens.update(range(after.start, after.end))
                _apply_role(reg.drafts[key_of[member.start]], after.role, after.country)
        index += len(group)
    return title_tokens


def _apply_group_title(
    reg: _Registry, cue: RoleCue, countries: list[Country], keys: list[str]
) -> None:
    """A plural title distributes in order: "Prime Ministers of A and B X and Y"."""

    if not cue.plural:
        _apply_role(reg.drafts[keys[0]], cue.role, cue.country)
        return
    if len(countries) == len(keys):
        for key, country in zip(keys, countries, strict=True):
            _apply_role(reg.drafts[key], cue.role, country)
    else:
        shared = countries[0] if len(set(countries)) == 1 else None
        for key in keys:
            _apply_role(reg.drafts[key], cue.role, shared)


def _apply_role(draft: _Draft, role: Role, country: Country | None) -> None:
    """The first specific title wins; a generic one ("leader") only until a specific one."""

    if draft.role is None or (is_generic_role(draft.role) and not is_generic_role(role)):
        draft.role = role
    if draft.country is None and country is not None:
        draft.country = country.iso3


def _add_role_nominals(reg: _Registry, doc: Doc, claimed: set[int], name_starts: set[int]) -> None:
    """Link each "the Kazakh Premier" to the named person holding that office."""

    persons = [(k, d) for k, d in reg.drafts.items() if d.kind == "person" and d.role is not None]
    for cue in role_nominals(doc, claimed, name_starts):
        start, end = _char_range(doc, cue.start, cue.end)
        if not reg.free(start, end, ("person",)) or _names_other_body(reg, start, end):
            continue
        key = _holder_of(cue, persons, start)
        if key is None:
            continue
        draft = reg.drafts[key]
        if draft.country is None and cue.country is not None:
            draft.country = cue.country.iso3
        reg.mention(key, start, end)


def _names_other_body(reg: _Registry, start: int, end: int) -> bool:
    """ "the Federal Reserve head" is the head of a named body, not any "head" in the text.

    Governments are exempt: "the Head of the Kazakh Cabinet of Ministers" is
    the national office the knowledge base maps to Prime Minister.
    """

    return any(
        s < end and start < e
        for key, draft in reg.drafts.items()
        if key.startswith("org:")
        for s, e in draft.spans
    )


def _holder_of(cue: RoleCue, persons: list[tuple[str, _Draft]], at: int) -> str | None:
    """The person a role nominal refers to: same office, compatible country, nearest before."""

    candidates = []
    for key, draft in persons:
        assert draft.role is not None
        if not roles_compatible(cue.role, draft.role):
            continue
        if cue.country is not None and draft.country not in (None, cue.country.iso3):
            continue
        candidates.append((key, draft))
    if not candidates:
        return None
    before = [(k, d) for k, d in candidates if d.first <= at]
    if before:
        return max(before, key=lambda kd: max(s for s, _ in kd[1].spans if s <= at))[0]
    return min(candidates, key=lambda kd: kd[1].first)[0]


def _add_body_nominals(reg: _Registry, doc: Doc, claimed: set[int]) -> None:
    for cue in body_nominals(doc, claimed):
        start, end = _char_range(doc, cue.start, cue.end)
        if not reg.free(start, end):
            continue
        if cue.kind == "government":
            reg.mention(_government_key(reg, cue.country), start, end)
        else:
            key = f"country:{cue.country.iso3}"
            reg.draft(key, cue.country.name, "country").country = cue.country.iso3
            reg.mention(key, start, end)


def _add_described_speakers(reg: _Registry, doc: Doc, claimed: set[int]) -> None:
    """Speakers named by description ("a senior US official said") become actors.

    A definite role nominal ("the spokesman") is the named holder of that
    role when the article names one; otherwise, and for every indefinite or
    plural description, the description is an actor of its own, one per
    distinct wording.
    """

    persons = [(k, d) for k, d in reg.drafts.items() if d.kind == "person" and d.role is not None]
    for described in described_speakers(reg.parsed, claimed):
        start, end = _char_range(doc, described.start, described.end)
        if described.definite and described.role is not None:
            country = country_by_iso3(described.country or "")
            cue = RoleCue(described.role, country, described.start, described.end)
            holder = _holder_of(cue, persons, start)
            if holder is not None:
                reg.mention(holder, start, end)
                continue
        named = _person_by_surname(reg, described.text(doc))
        if named is not None:
            reg.mention(named, start, end)  # "Holtz-Eakin said" after "Douglas Holtz-Eakin"
            continue
        key = _described_key(doc, described)
        draft = reg.draft(key, described.text(doc), described.kind)
        draft.role = draft.role or described.role
        draft.country = draft.country or described.country
        draft.sector = draft.sector or described.sector
        reg.mention(key, start, end)


def _person_by_surname(reg: _Registry, words: str) -> str | None:
    """The one person whose full name ends in these capitalised words, for a
    name the model missed or mislabelled where it repeats a surname."""

    if not words[:1].isupper():
        return None
    found = {
        key
        for key, draft in reg.drafts.items()
        if draft.kind == "person" and draft.name != words and draft.name.endswith(f" {words}")
    }
    return found.pop() if len(found) == 1 else None


def _described_key(doc: Doc, described: DescribedSpeaker) -> str:
    """One actor per wording, whatever its article: "the spokesman" twice is one."""

    words = [t.lower_ for t in doc[described.start : described.end]]
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return "described:" + " ".join(words)


def _scan_surfaces(reg: _Registry, doc: Doc, header: tuple[int, int]) -> None:
    """Find every further occurrence of each actor's names, longest first.

    The model misses or mislabels repeats of a name it found elsewhere; a
    repeat counts when it is a proper noun not inside another mention.
    """

    text = reg.parsed.text
    pairs = sorted(
        ((surface, key) for key, d in reg.drafts.items() for surface in d.surfaces),
        key=lambda pair: -len(pair[0]),
    )
    for key, draft in reg.drafts.items():
        for description in draft.descriptions:
            for match in _description_pattern(description).finditer(text):
                if not _in_header(header, *match.span()) and reg.free(*match.span()):
                    reg.mention(key, *match.span())
    for surface, key in pairs:
        if len(surface) < 2:
            continue
        for start, end in _whole_word_occurrences(text, surface):
            if _in_header(header, start, end) or not reg.free(start, end):
                continue
            span = doc.char_span(start, end)
            if span is None or not any(t.pos_ == "PROPN" or _is_capitals(t) for t in span):
                continue
            reg.mention(key, start, end)


@lru_cache(maxsize=1024)
def _description_pattern(description: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(description)}(?![\w-])", re.IGNORECASE)


def _whole_word_occurrences(text: str, surface: str) -> Iterator[tuple[int, int]]:
    r"""Where `surface` stands as written with no letter, digit, "_" or "-" either side.

    What `(?<![\w-])surface(?![\w-])` finds, without compiling a pattern
    for every name of every article.
    """

    position = text.find(surface)
    while position >= 0:
        end = position + len(surface)
        if not (_joins_word(text, position - 1) or _joins_word(text, end)):
            yield position, end
            position = text.find(surface, end)
        else:
            position = text.find(surface, position + 1)


def _joins_word(text: str, index: int) -> bool:
    r"""A character at `index` that `[\w-]` matches; none outside the text."""

    if not 0 <= index < len(text):
        return False
    char = text[index]
    return char.isalnum() or char in "_-"


def _is_capitals(token: Token) -> bool:
    """ "INNOPROM" in "the INNOPROM exhibition": the model calls it a noun, but
    capitals mark a name as surely as the proper-noun tag does."""

    return len(token.text) > 1 and token.text.isalpha() and token.text.isupper()


def _scan_countries(reg: _Registry, doc: Doc, header: tuple[int, int]) -> None:
    """Country names the model did not tag ("Kazakhstan" as a plain noun)."""

    for token in doc:
        if token.pos_ != "PROPN" or _in_header(header, token.idx, token.idx + len(token)):
            continue
        country = country_by_name(token.text)
        if country is None or not reg.free(token.idx, token.idx + len(token.text)):
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].text in ("-", "–"):
            continue
        key = f"country:{country.iso3}"
        reg.draft(key, country.name, "country").country = country.iso3
        name = Name(token.i, token.i + 1, "country", token.text, country)
        reg.mention(key, *_country_span(doc, name))


def _home_country(reg: _Registry) -> str | None:
    """Country of the wire agency: its own officials go untitled by nationality."""

    dateline = reg.parsed.article.dateline
    agency = dateline.agency if dateline is not None else reg.parsed.article.source
    known = find_organization(agency) if agency else None
    return known.country if known is not None else None


def _finish(reg: _Registry) -> list[Actor]:
    home = _home_country(reg)
    actors: list[Actor] = []
    used: set[str] = set()
    drafts = sorted(reg.drafts.values(), key=lambda d: d.first)
    for draft in drafts:
        if not draft.spans:
            continue
        if draft.kind == "person" and draft.role is not None:
            draft.sector = draft.role.sector
        if draft.country is None and draft.kind != "country" and draft.sector in _NATIONAL_SECTORS:
            draft.country = home
        actor_id = slug(draft.name)
        suffix = 2
        while actor_id in used:
            actor_id, suffix = f"{slug(draft.name)}-{suffix}", suffix + 1
        used.add(actor_id)
        actors.append(
            Actor(
                id=actor_id,
                name=draft.name,
                kind=draft.kind,
                mentions=sorted(reg.parsed.span(s, e) for s, e in draft.spans),
                country=draft.country if country_by_iso3(draft.country or "") else None,
                role=draft.role.name if draft.role is not None else None,
                sector=None if draft.kind == "country" else draft.sector,
                confidence=draft.confidence,
            )
        )
    return actors


def extract_actors(parsed: ParsedDoc) -> list[Actor]:
    """Every person, organisation and country the article names, with all mentions.

    Order: named entities first (they anchor identity), then titles give
    people their roles, then descriptions and role nominals are linked, and
    finally repeats of known names are found in the whole body.
    """

    doc = parsed.doc
    header = _header(parsed)
    names = agree_on_kinds(doc, entity_names(doc, header))
    reg = _Registry(parsed)
    key_of = _add_persons(reg, doc, names)
    _add_countries(reg, doc, names)
    _add_organizations(reg, doc, names)
    _add_agency(reg)
    title_tokens = _assign_titles(reg, doc, names, key_of)
    _scan_surfaces(reg, doc, header)
    _scan_countries(reg, doc, header)
    person_tokens = _tokens_in(doc, reg.claimed_ranges(("person",)))
    person_starts = {n.start for n in names if n.kind == "person"}
    _add_role_nominals(reg, doc, person_tokens | title_tokens, person_starts)
    other_tokens = _tokens_in(doc, reg.claimed_ranges(("organization", "country")))
    _add_body_nominals(reg, doc, other_tokens | title_tokens)
    all_tokens = _tokens_in(doc, [(s, e) for s, e, _ in reg.claimed])
    _add_described_speakers(reg, doc, all_tokens)
    return _finish(reg)


def _tokens_in(doc: Doc, ranges: list[tuple[int, int]]) -> set[int]:
    found: set[int] = set()
    for start, end in ranges:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            found.update(range(span.start, span.end))
    return found


def mention_texts(actor: Actor, text: str) -> list[str]:
    """Distinct surface strings of an actor's mentions, in order of first use."""

    return list(dict.fromkeys(span.text(text) for span in actor.mentions))


__all__ = ["extract_actors", "mention_texts", "slug"]
