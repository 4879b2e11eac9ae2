"""dateline's thresholds and confidences, read once from `data/settings.toml`.

One documented file holds every number a user may want to tune (how many
words a title may have, how sure a quote without a closing mark is, how
much a capital weighs in geocoding), in the manner of trafilatura's
`settings.cfg`: each setting with a comment saying what it changes. The
stages read them from `settings()`, one typed, frozen object:

>>> settings().quotes.short_quote_words
5

The file is checked when read: every setting must be there with a value of
its kind, and a name the code does not know is an error rather than a
setting silently ignored. `knowledge.reset()` makes the next call read it again.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from importlib import resources
from typing import Any, TypeVar, get_type_hints

from dateline.errors import SettingsError
from dateline.knowledge.cache import loaded_once

SETTINGS_FILE = "settings.toml"


@dataclass(frozen=True, slots=True)
class ActorSettings:
    max_executive_tokens: int
    max_description_tokens: int
    min_rescanned_description: int
    location_window: int
    min_given_name_chars: int
    min_name_words: int
    min_brand_letters: int
    max_title_tokens: int
    single_name_confidence: float


@dataclass(frozen=True, slots=True)
class QuoteSettings:
    max_phrase_words: int
    short_quote_words: int
    uncued_quote_words: int
    max_attribution_chars: int
    min_headline_content_words: int
    max_title_words: int
    closed_quote_confidence: float
    unclosed_quote_confidence: float
    attributed_by_form: float
    uncued_quote: float
    headline_quote_confidence: float


@dataclass(frozen=True, slots=True)
class AmountSettings:
    longest_id_digits: int
    min_shared_count: int
    max_expression_chars: int
    fuzzy_approximator_min_length: int
    lookback_sentences: int


@dataclass(frozen=True, slots=True)
class EventSettings:
    refer_back_sentences: int
    both_sides_confidence: float
    one_side_confidence: float
    no_side_confidence: float
    repeated_mention_bonus: float


@dataclass(frozen=True, slots=True)
class PlaceSettings:
    preferred_country_weight: float
    capital_weight: float


@dataclass(frozen=True, slots=True)
class PronounSettings:
    first_name_odds: float


@dataclass(frozen=True, slots=True)
class Settings:
    """Every section of `settings.toml`; its comments say what each value does."""

    actors: ActorSettings
    quotes: QuoteSettings
    amounts: AmountSettings
    events: EventSettings
    places: PlaceSettings
    pronouns: PronounSettings


@loaded_once
def settings() -> Settings:
    """The shipped `data/settings.toml`, read and checked once per process."""

    source = resources.files("dateline").joinpath("data", SETTINGS_FILE)
    return parse_settings(source.read_text(encoding="utf-8"))


def parse_settings(text: str, origin: str = SETTINGS_FILE) -> Settings:
    """`Settings` from TOML text, or a `SettingsError` naming `origin` and the setting."""

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{origin}: not TOML: {exc}") from exc
    return _section(Settings, document, origin, "")


_Section = TypeVar("_Section")


def _section(kind: type[_Section], values: dict[str, Any], origin: str, where: str) -> _Section:
    """One dataclass from one TOML table: every field there, nothing else, each of its type."""

    expected = get_type_hints(kind)
    unknown = sorted(set(values) - set(expected))
    if unknown:
        raise SettingsError(
            f"{origin}: unknown setting {where}{unknown[0]}; the known ones "
            f"here are {', '.join(expected)}"
        )
    read: dict[str, Any] = {}
    for field in fields(kind):  # type: ignore[arg-type]
        name, wanted = field.name, expected[field.name]
        if name not in values:
            raise SettingsError(f"{origin}: setting {where}{name} is missing")
        read[name] = _value(wanted, values[name], origin, f"{where}{name}")
    return kind(**read)


def _value(wanted: Any, value: Any, origin: str, name: str) -> Any:
    if isinstance(wanted, type) and hasattr(wanted, "__dataclass_fields__"):
        if not isinstance(value, dict):
            raise SettingsError(f"{origin}: [{name}] must be a table of settings")
        return _section(wanted, value, origin, f"{name}.")
    if wanted is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if wanted is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    kind = "a whole number" if wanted is int else "a number"
    raise SettingsError(f"{origin}: setting {name} = {value!r} must be {kind}")
