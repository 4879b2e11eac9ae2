"""Titles and role nominals: how news copy says who a person is.

Three conventions carry almost every title in wire copy:

* a premodifier title: "Russian President Vladimir Putin", "State Duma
  Deputy Speaker Anna Kuznetsova", and its plural form that distributes over
  coordinated names and countries in order: "Prime Ministers of Kazakhstan and
  Russia Alikhan Smailov and Mikhail Mishustin";
* an apposition: "Sergey Lavrov, the Russian Foreign Minister";
* a definite role nominal standing in for the person later on: "the Kazakh
  Premier", "the Head of the Kazakh Cabinet of Ministers", "the head of state".

The small spaCy model often misparses these stacked proper nouns, so the
functions here read token windows (part of speech, capitalisation, the role
vocabulary of the knowledge base) rather than trusting the dependency tree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from dateline.knowledge.actor_words import country_group_heads, country_nominal_heads
from dateline.knowledge.countries import (
    Country,
    countries_in_compound,
    country_by_adjective,
    country_by_capital,
    country_by_name,
    find_country,
)
from dateline.knowledge.organizations import government_of
from dateline.knowledge.roles import Role, role_words, split_role_phrase
from dateline.knowledge.settings import settings

_CONNECTORS = frozenset({"of", "to", "for", "and", "the", "-", "–"})
_TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_DETERMINERS = frozenset({"the"})
_GROUP_DETERMINERS = frozenset({"the", "our", "their"})
"""Descriptions of a country's side may be possessive: "our Vietnamese partners"."""
_POSTING_WORDS = frozenset({"to"})


@dataclass(frozen=True)
class RoleCue:
    """A role (and the country it serves, if stated) read from tokens `[start, end)`."""

    role: Role
    country: Country | None
    start: int
    end: int
    plural: bool = False


@dataclass(frozen=True)
class BodyCue:
    """A description naming a government or a country: "the Kazakh government"."""

    country: Country
    kind: str
    """"government" for an executive, "country" for "the Syrian state"."""
    start: int
    end: int


def token_country(token: Token) -> Country | None:
    """Country a single token names or qualifies: "Russia", "Kazakh", "Russians"."""

    if not token.text[:1].isupper():
        return None
    return find_country(token.text)


def _is_role_head(token: Token) -> bool:
    return _singular(token.lower_) in role_words()


def _singular(word: str) -> str:
    if word in role_words():
        return word
    if word.endswith("s") and word[:-1] in role_words():
        return word[:-1]
    return word


def _is_plural(token: Token) -> bool:
    return token.tag_ in _PLURAL_TAGS or (
        token.lower_ not in role_words() and _singular(token.lower_) in role_words()
    )


def _title_token(token: Token) -> bool:
    if token.is_space or token.like_num:
        return False
    if token.lower_ in _CONNECTORS:
        return True
    return (token.pos_ in _TITLE_POS and token.is_alpha) or "-" in token.text


def _phrase_head(tokens: list[Token]) -> Token | None:
    """The noun that names the office: the word before the first "of", else the last."""

    words = [t for t in tokens if t.lower_ not in _CONNECTORS]
    if not words:
        return None
    for index, token in enumerate(tokens):
        if token.lower_ == "of" and index > 0:
            return tokens[index - 1]
    return words[-1]


def _countries_in(tokens: list[Token]) -> list[Country]:
    found: list[Country] = []
    for token in tokens:
        parts = countries_in_compound(token.text) if "-" in token.text else []
        if parts:
            found.extend(parts)
            continue
        country = token_country(token)
        if country is not None:
            found.append(country)
    return found


def _strip_posting(tokens: list[Token]) -> tuple[list[Token], Country | None]:
    """Split "Ambassador to Vietnam" into the office and the host country."""

    for index, token in enumerate(tokens):
        if token.lower_ in _POSTING_WORDS and index > 0:
            rest = " ".join(t.text for t in tokens[index + 1 :])
            host = country_by_name(rest) or country_by_capital(rest)
            if host is not None:
                return tokens[:index], host
    return tokens, None


def read_title(tokens: list[Token]) -> tuple[Role, Country | None, bool] | None:
    """Role, country and plurality of a title phrase, or None when it is not one.

    The office's head noun must be a role word, so that "the press service of
    the Kazakh Premier" (head "service") is not read as a title.
    """

    office, host = _strip_posting(tokens)
    while office and (office[-1].lower_ in _CONNECTORS or token_country(office[-1])):
        office = office[:-1]
    head = _phrase_head(office)
    if head is None or not _is_role_head(head):
        return None
    plural = _is_plural(head)
    words = [t for t in (tokens if host is None else office) if t.lower_ != "-"]
    text = " ".join(_singular(t.lower_) if t is head and plural else t.text for t in words)
    role, country = split_role_phrase(text)
    if role is None:
        return None
    if host is not None:
        role = replace(role, name=f"{role.name} to {host.name}")
    return role, country, plural


def title_before(doc: Doc, start: int, stop: set[int]) -> tuple[RoleCue | None, list[Country]]:
    """Title written right before the name at token `start`, with every country in it.

    Tokens in `stop` (other names) end the window, so one person's title is
    not read through another person's name. The countries are returned in
    order for titles that distribute over coordinated names.
    """

    first = start
    longest = settings().actors.max_title_tokens
    while first > 0 and start - first < longest:
        token = doc[first - 1]
        if token.i in stop or not _title_token(token):
            break
        first -= 1
    while first < start and doc[first].lower_ in _CONNECTORS:
        first += 1
    for begin in range(first, start):
        tokens = list(doc[begin:start])
        read = read_title(tokens)
        if read is not None:
            role, country, plural = read
            return RoleCue(role, country, begin, start, plural), _countries_in(tokens)
    return None, []


def title_after(doc: Doc, end: int) -> RoleCue | None:
    """Apposition after a name: "Sergey Lavrov, the Russian Foreign Minister, said"."""

    if end >= len(doc) or doc[end].text != ",":
        return None
    begin = end + 1
    if begin < len(doc) and doc[begin].lower_ in ("the", "a", "an"):
        begin += 1
    last, longest = begin, settings().actors.max_title_tokens
    while last < len(doc) and last - begin < longest and _title_token(doc[last]):
        last += 1
    for stop_at in range(last, begin, -1):
        tokens = list(doc[begin:stop_at])
        read = read_title(tokens)
        if read is not None and not read[2]:
            return RoleCue(read[0], read[1], end + 1, stop_at)
    return None


def _definite_windows(
    doc: Doc, claimed: set[int], determiners: frozenset[str] = _DETERMINERS
) -> list[tuple[int, int]]:
    """Token windows `[the, ...)` that may hold a definite description."""

    windows: list[tuple[int, int]] = []
    for token in doc:
        if token.lower_ not in determiners or token.i in claimed:
            continue
        last = token.i + 1
        while (
            last < len(doc)
            and last - token.i <= settings().actors.max_title_tokens
            and last not in claimed
            and _title_token(doc[last])
        ):
            last += 1
        if last > token.i + 1:
            windows.append((token.i, last))
    return windows


def role_nominals(doc: Doc, claimed: set[int], names: set[int]) -> list[RoleCue]:
    """Singular definite role descriptions: "the Kazakh Premier", "the head of state".

    A description directly followed by a name is that name's title, not a
    stand-alone mention; plural ones ("the heads of government") refer to
    several people and are left out.
    """

    found: list[RoleCue] = []
    taken: set[int] = set()
    for begin, last in _definite_windows(doc, claimed):
        if begin in taken:
            continue
        for stop_at in range(last, begin + 1, -1):
            tokens = list(doc[begin + 1 : stop_at])
            if tokens[-1].pos_ not in ("NOUN", "PROPN") and not _is_role_head(tokens[-1]):
                continue
            read = read_title(tokens)
            if read is None:
                continue
            role, country, plural = read
            if not plural and stop_at not in names:
                found.append(RoleCue(role, country, begin, stop_at))
                taken.update(range(begin, stop_at))
            break
    return found


def _country_nominal(tokens: list[Token]) -> Country | None:
    """ "the Syrian state", "the Russian side", "our Vietnamese partners": the
    country itself, not its government."""

    if len(tokens) != 3:
        return None
    head = tokens[2].lower_
    if head not in country_nominal_heads() and head not in country_group_heads():
        return None
    if tokens[0].lower_ not in _DETERMINERS and head not in country_group_heads():
        return None
    return country_by_adjective(tokens[1].text)


def body_nominals(doc: Doc, claimed: set[int]) -> list[BodyCue]:
    """Descriptions of a government or country: "the Kazakh government", "the Russian side"."""

    found: list[BodyCue] = []
    taken: set[int] = set()
    for begin, last in _definite_windows(doc, claimed, _GROUP_DETERMINERS):
        if begin in taken:
            continue
        for stop_at in range(last, begin + 1, -1):
            tokens = list(doc[begin:stop_at])
            group = tokens[-1].lower_ in country_group_heads()
            if tokens[-1].pos_ not in ("NOUN", "PROPN") or (_is_plural(tokens[-1]) and not group):
                continue
            country, kind = _country_nominal(tokens), "country"
            if country is None and tokens[0].lower_ in _DETERMINERS:
                country, kind = government_of(" ".join(t.text for t in tokens)), "government"
            if country is not None:
                found.append(BodyCue(country, kind, begin, stop_at))
                taken.update(range(begin, stop_at))
                break
    return found
