"""Reading numbers as news writes them: "$24.2bn", "almost a third", "3-4 days".

`match_number` finds the longest number expression that starts at a given
offset of an article, so the amounts stage gets exact evidence spans;
`parse_number` reads a whole string. Both are pure: no spaCy, no state.

The grammar, in the order it is tried::

    expression := [approximator] ( "between" Q "and" Q | "from" Q "to" Q
                                 | Q [ ("-" | "to") Q ] )
                | approximator ("a" | "an") unit          # "more than a mile"
    Q          := [currency mark] numeral ["and a half"] [scale]
                  [percent | currency | ["-"] unit ["old"]] [rate]
    rate       := ("per" | "/" | "a" | "an") [numeral] denominator

A unit may be joined to its number as an adjective ("a two-day visit", "the
25-ton truck"), and an age ends in "old" ("65-year-old"): both are figures.

Arithmetic is done in `Decimal` so "24.2bn" is exactly 24200000000.0.
A range's `value` is its midpoint ("3-4 days" is 3.5, as the gold writes
it) and `low`/`high` keep the bounds; ranges count as approximate.
An approximator also says which way the truth lies (`bound`): "almost 5%"
is at most 5%, "more than 50" at least 50, "about 50" either side. A rate
keeps its denominator in the unit: "$80 per barrel" is 80 "USD per barrel".
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from dateline.knowledge.amount_words import (
    NumberWord,
    Scale,
    Unit,
    measure_words,
    number_words,
    scales,
)
from dateline.knowledge.cache import emptied_on_reset, loaded_once, memoised
from dateline.knowledge.settings import settings
from dateline.stages.amounts.lexer import LexedText, Token, lex
from dateline.stages.amounts.phrases import (
    approximator_phrases,
    currency_marks,
    currency_words,
    rate_denominator_phrases,
    unit_phrases,
)

ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
RANGE_DASHES = frozenset({"-", "–", "—", "‒"})
CODE_SEPARATORS = RANGE_DASHES | {"/", ":"}
ARTICLES = frozenset({"a", "an"})
PERCENT_WORDS: dict[tuple[str, ...], str] = {
    ("%",): "ratio",
    ("percent",): "ratio",
    ("per", "cent"): "ratio",
    ("pct",): "ratio",
    ("percentage", "point"): "percentage points",
    ("percentage", "points"): "percentage points",
}
SIGNS = {"-": -1, "−": -1, "+": 1}
"""Signs written before a number ("-1.3%", "+0.2%"); the hyphen doubles as a minus."""
AGE_UNIT = "years"
"""The unit an age is read in ("65-year-old"), which may end in "old"."""
RATE_WORDS = frozenset({"per", "/"})
RATE_KINDS = frozenset({"currency", "money", "mass", "volume", "energy", "length", "area", "score"})
"""Families a rate can be of: money per barrel, barrels per day; not "5% a year"."""


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """A number expression, normalised.

    `unit` is an ISO 4217 code, "ratio", "count", "ordinal" or a physical
    unit; `kind` says which family it is ("currency", "ratio", "count",
    "ordinal", or the unit's kind such as "mass" or "time"). `bare` is true
    for a plain number with nothing written around it ("13", "nine"), the
    kind of figure that is most often not an amount at all (a year, "one of").
    """

    value: float
    unit: str
    kind: str
    approximate: bool = False
    bound: str | None = None
    """ "upper" (almost, up to), "lower" (more than, over) or "around" (about)."""
    is_range: bool = False
    low: float | None = None
    high: float | None = None
    bare: bool = False
    words: bool = False
    """Written in words ("nine", "a third") rather than digits."""
    sign: int = 0
    """-1 or +1 where a sign is written ("-1.3%", "+0.2%", "minus 5"); 0 where none is."""


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number expression found in a text: `text[start:end]`."""

    number: ParsedNumber
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Quantity:
    """One number with what is written around it, before normalising."""

    value: Decimal
    kind: str
    unit: str
    end: int
    """Index of the first token after the quantity."""
    currency: str | None = None
    scale: Decimal | None = None
    percent: bool = False
    words: bool = False

    @property
    def marked(self) -> bool:
        """Carries its own unit, currency or scale ("5%", "$3", "4bn")."""

        return self.kind not in ("count", "ordinal") or self.scale is not None


def parse_number(text: str) -> ParsedNumber | None:
    """Read `text` as one number expression, or None if it is not one.

    Trailing sentence punctuation is ignored: parse_number("$3bn.") is 3e9 USD.
    """

    try:
        stripped = text.strip().rstrip(".,;:!?").strip()
        if not stripped:
            return None
        found = match_number(stripped, 0)
    except (InvalidOperation, ArithmeticError, ValueError):
        return None
    if found is None or found.end != len(stripped):
        return None
    return found.number


def match_number(text: str, start: int, lexed: LexedText | None = None) -> NumberMatch | None:
    """The longest number expression beginning at `text[start]`, if any.

    A match must not be glued to a following letter or digit: "100m" without
    money is not a number expression here, nor "3D" or "1990s". A caller that
    tries many starts in one text passes it `lexed` once (`LexedText(text)`),
    so the text is not lexed again at every start.
    """

    first = lexed.token_at(start) if lexed is not None else None
    if first is not None and not may_begin_number(first):
        return None
    if lexed is not None:
        tokens = lexed.window(start, settings().amounts.max_expression_chars)
    else:
        longest = settings().amounts.max_expression_chars
        tokens = lex(text, start, start + longest, stop_at_newline=True)
    if not tokens or tokens[0].start != start:
        return None
    if first is None and not may_begin_number(tokens[0]):
        return None
    parsed = _Parser(tokens).expression()
    if parsed is None:
        return None
    number, end_index = parsed
    if _glued_to_following(tokens, end_index):
        return None
    return NumberMatch(number, start, tokens[end_index - 1].end)


def may_begin_number(token: Token) -> bool:
    """Whether an expression can open with `token`; most words cannot.

    The grammar opens with a numeral, an approximator (perhaps misspelt),
    "between"/"from", a currency mark, a number word, "a"/"an" ("a third",
    "a dozen") or "half"; anything else is no number, so the parser is not
    run on it.
    """

    if token.kind == "num":
        return True
    if token.text in SIGNS or token.text in _opening_marks() or token.lower in _opening_words():
        return True
    return token.kind == "word" and _misspelt_approximator(token.lower) is not None


@loaded_once
def _opening_words() -> frozenset[str]:
    """Lower-cased first tokens of every table phrase an expression can open with."""

    return frozenset(
        {phrase[0] for phrase in approximator_phrases()}
        | set(number_words())
        | ARTICLES
        | {"between", "from", "half", "halve", "minus"}
    )


@loaded_once
def _opening_marks() -> frozenset[str]:
    """First tokens of currency marks, as written ("US" of "US$", "$")."""

    return frozenset(mark[0] for mark in currency_marks())


def _glued_to_following(tokens: list[Token], end_index: int) -> bool:
    """ "100m", "1990s", "3D", "24/7", "10:30": part of a longer word or code."""

    if end_index >= len(tokens) or not tokens[end_index].glued:
        return False
    following = tokens[end_index]
    if following.kind != "punct":
        return True
    after = tokens[end_index + 1] if end_index + 1 < len(tokens) else None
    return (
        following.text in CODE_SEPARATORS
        and after is not None
        and after.glued
        and after.kind != "punct"
    )


class _Parser:
    """Recursive descent over lexer tokens; each method returns None on no match."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens

    def lower(self, index: int) -> str:
        return self.tokens[index].lower if index < len(self.tokens) else ""

    def text(self, index: int) -> str:
        return self.tokens[index].text if index < len(self.tokens) else ""

    def phrase_at(
        self, index: int, table: object, *, keep_case: bool
    ) -> tuple[int, tuple[str, ...]]:
        """Longest key of `table` (token tuples) starting at `index`: (end, key)."""

        best: tuple[int, tuple[str, ...]] = (index, ())
        if index >= len(self.tokens):
            return best
        first = self.tokens[index]
        if (first.text if keep_case else first.lower) not in _first_words(table):
            return best
        for length in range(1, 5):
            end = index + length
            if end > len(self.tokens):
                break
            key = tuple(t.text if keep_case else t.lower for t in self.tokens[index:end])
            if key in table:  # type: ignore[operator]
                best = (end, key)
        return best

    # expression ---------------------------------------------------------

    def expression(self) -> tuple[ParsedNumber, int] | None:
        index, bound = self.approximator(0)
        word = self.lower(index)
        if word in ("between", "from"):
            closing = "and" if word == "between" else "to"
            low = self.quantity(index + 1)
            if low is None or self.lower(low.end) != closing:
                return None
            high = self.quantity(low.end + 1)
            if high is None:
                return None
            merged = _merge_range(low, high)
            return None if merged is None else (replace(merged[0], approximate=True), merged[1])
        sign, index = self.sign(index)
        first = self.quantity(index)
        if first is None and bound is not None and not sign:
            first = self.one_unit(index)
        if first is None:
            return None
        if sign:
            number = _normalise(first, bound=bound)
            return None if number is None else (_signed(number, sign), first.end)
        joiner = self.text(first.end)
        if first.kind != "ordinal" and (
            joiner in RANGE_DASHES
            or (joiner.lower() == "to" and (not first.marked or _scaled_words(first)))
        ):
            second = self.quantity(first.end + 1)
            if second is not None and second.kind != "ordinal":
                merged = _merge_range(first, second)
                if merged is not None:
                    return merged
        number = _normalise(first, bound=bound)
        return None if number is None else (number, first.end)

    def sign(self, index: int) -> tuple[int, int]:
        """A written sign before the number: (-1 or +1, the index after it), else (0, index).

        "-1.3%", "+0.2%" in market tables, "minus-5 yards", "minus 387 Fahrenheit";
        a sign is glued to its number, so a dash between spaces stays a dash.
        """

        token = self.tokens[index] if index < len(self.tokens) else None
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if token is None or following is None:
            return 0, index
        if token.text in SIGNS and following.kind == "num" and following.glued:
            return SIGNS[token.text], index + 1
        if token.lower == "minus":
            if following.text in RANGE_DASHES and following.glued:
                return -1, index + 2
            return -1, index + 1
        return 0, index

    def approximator(self, index: int) -> tuple[int, str | None]:
        """Past an approximator at `index`, with the bound it sets (None: none there)."""

        end, key = self.phrase_at(index, approximator_phrases(), keep_case=False)
        if key:
            return end, approximator_phrases()[key]
        token = self.tokens[index] if index < len(self.tokens) else None
        if token is not None and token.kind == "word":
            meant = _misspelt_approximator(token.lower)
            if meant is not None:
                return index + 1, approximator_phrases()[meant]
        return index, None

    # quantity -----------------------------------------------------------

    def quantity(self, index: int) -> _Quantity | None:
        mark_end, mark = self.phrase_at(index, currency_marks(), keep_case=True)
        currency = currency_marks()[mark] if mark else None
        core = self.numeral(mark_end)
        if core is None:
            return None
        if core.kind == "ordinal":
            return None if currency else core
        core = self.and_a_half(core)
        if currency:
            core = replace(core, currency=currency, kind="currency", unit=currency)
        return self.rate(self.suffixes(core))

    def rate(self, quantity: _Quantity) -> _Quantity:
        """ "$80 per barrel", "1.2 million barrels a day", "$300 per 1,000 cubic metres"."""

        if quantity.kind not in RATE_KINDS:
            return quantity
        word = self.lower(quantity.end)
        by_article = word in ARTICLES
        if word not in RATE_WORDS and not by_article:
            return quantity
        index = quantity.end + 1
        count = ""
        if not by_article and index < len(self.tokens) and self.tokens[index].kind == "num":
            count = self.tokens[index].text.replace(",", "") + " "
            index += 1
        end, key = self.phrase_at(index, rate_denominator_phrases(), keep_case=False)
        case_end, case_key = self.phrase_at(index, rate_denominator_phrases(), keep_case=True)
        if case_end > end:
            end, key = case_end, case_key
        if not key:
            return quantity
        denominator = rate_denominator_phrases()[key]
        if by_article and not denominator.after_article:
            return quantity
        return replace(quantity, unit=f"{quantity.unit} per {count}{denominator.unit}", end=end)

    def suffixes(self, core: _Quantity) -> _Quantity:
        """Scale, then percent / currency / unit after the numeral."""

        index = core.end
        scale = self.scale_at(index)
        pending: Scale | None = None
        if scale is not None and not core.words:
            if scale.needs_currency and core.currency is None:
                pending = scale
            else:
                core = replace(core, scale=scale.multiplier)
            index += 1
        elif core.kind == "ratio":
            return core

        end, key = self.phrase_at(index, PERCENT_WORDS, keep_case=False)
        if key and core.currency is None and pending is None:
            return replace(core, kind="ratio", unit=PERCENT_WORDS[key], percent=True, end=end)
        if core.currency is None:
            currency, end = self.currency_after(index)
            if currency is not None:
                if pending is not None:
                    core = replace(core, scale=pending.multiplier)
                return replace(core, kind="currency", unit=currency, currency=currency, end=end)
        if pending is not None:
            return replace(core, end=index - 1)
        if core.currency is None:
            found = self.unit_at(index) or self.hyphenated_unit(index)
            if found is not None:
                unit, end = found
                scale_value = (core.scale or Decimal(1)) * unit.multiplier
                return replace(core, kind=unit.kind, unit=unit.unit, scale=scale_value, end=end)
        return replace(core, end=index)

    def unit_at(self, index: int) -> tuple[Unit, int] | None:
        """The longest unit written at `index` and the index after it (and after an age's "old")."""

        end, key = self.phrase_at(index, unit_phrases(), keep_case=False)
        case_end, case_key = self.phrase_at(index, unit_phrases(), keep_case=True)
        if case_end > end or (key and unit_phrases()[key].as_written):
            end, key = case_end, case_key
        if not key:
            return None
        unit = unit_phrases()[key]
        return unit, self.past_old(end) if unit.unit == AGE_UNIT else end

    def hyphenated_unit(self, index: int) -> tuple[Unit, int] | None:
        """ "two-day", "170-gram", "25-ton": a unit joined to its number as an adjective."""

        hyphen = self.tokens[index] if index < len(self.tokens) else None
        after = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if hyphen is None or after is None or hyphen.text != "-" or not hyphen.glued:
            return None
        if not after.glued or after.kind != "word":
            return None
        return self.unit_at(index + 1)

    def past_old(self, index: int) -> int:
        """Past the "old" of an age: "65-year-old", "a 15 year-old", "30 years old"."""

        if self.lower(index) == "old":
            return index + 1
        if self.text(index) == "-" and self.lower(index + 1) == "old":
            following = self.tokens[index + 1]
            if self.tokens[index].glued and following.glued:
                return index + 2
        return index

    def one_unit(self, index: int) -> _Quantity | None:
        """ "more than a mile", "over a decade": one unit, read only after an approximator.

        Without one, "a year earlier" and "a day" are ways of speaking, not figures.
        """

        if self.lower(index) not in ARTICLES:
            return None
        found = self.unit_at(index + 1)
        if found is None:
            return None
        unit, end = found
        return _Quantity(Decimal(1), unit.kind, unit.unit, end, scale=unit.multiplier, words=True)

    def and_a_half(self, core: _Quantity) -> _Quantity:
        """ "six and a half hours", "two and a half years": the half joins the number."""

        if core.kind != "count" or core.value != core.value.to_integral_value():
            return core
        if (self.lower(core.end), self.lower(core.end + 1)) != ("and", "a"):
            return core
        if self.lower(core.end + 2) != "half":
            return core
        value, end = core.value + Decimal("0.5"), core.end + 3
        scale = self.scale_at(end) if core.words else None
        if scale is not None and self.lower(end) in _word_scales():  # "one and a half million"
            value, end = value * scale.multiplier, end + 1
        return replace(core, value=value, end=end)

    def currency_after(self, index: int) -> tuple[str | None, int]:
        end, key = self.phrase_at(index, currency_marks(), keep_case=True)
        if key:
            return currency_marks()[key], end
        end, key = self.phrase_at(index, currency_words(), keep_case=False)
        unit = self.unit_at(index)
        if key and not self.weighs(key, end) and (unit is None or unit[1] <= end):
            return currency_words()[key], end  # a longer unit wins: "275 pound-feet"
        return None, index

    def weighs(self, key: tuple[str, ...], end: int) -> bool:
        """Whether a word that is money and weight alike ("pounds") weighs here.

        "5.1 million pounds of thrust", "777,000 pounds of lead" (Reuters), "1/2
        pound of chocolate chips" weigh; "10 million pounds of funding" and
        "£5 pounds" are money. The unit table must know the word as a unit too.
        """

        if key not in unit_phrases() or self.lower(end) != "of":
            return False
        following = {self.lower(end + 1), self.lower(end + 2)}
        return not following & measure_words().get("money", frozenset())

    def scale_at(self, index: int) -> Scale | None:
        if index >= len(self.tokens) or self.tokens[index].kind != "word":
            return None
        table = scales()
        written = self.tokens[index].text
        if written in table:
            return table[written]
        folded = table.get(written.lower())
        return folded if folded is not None and not folded.needs_currency else None

    # numerals -----------------------------------------------------------

    def numeral(self, index: int) -> _Quantity | None:
        if index >= len(self.tokens):
            return None
        token = self.tokens[index]
        if token.kind == "num":
            value = Decimal(token.text.replace(",", ""))
            suffix = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
            if (
                suffix is not None
                and suffix.glued
                and suffix.lower in ORDINAL_SUFFIXES
                and value == value.to_integral_value()
            ):
                return _Quantity(value, "ordinal", "ordinal", index + 2)
            return _Quantity(value, "count", "count", index + 1)
        if token.kind != "word":
            return None
        return (
            self.fraction_of_scale(index)
            or self.fraction(index)
            or self.compound_ordinal(index)
            or self.cardinal_words(index)
            or self.ordinal_word(index)
        )

    def word_values(self, index: int, kind: str) -> Decimal | None:
        for entry in number_words().get(self.lower(index), []):
            if entry.kind == kind:
                return entry.value
        return None

    def fraction_of_scale(self, index: int) -> _Quantity | None:
        """ "half a trillion (dollars)", "a quarter of a million": a count, not a ratio."""

        part = self.fraction(index)
        if part is None:
            return None
        after = part.end + (1 if self.lower(part.end) == "of" else 0)
        if self.lower(after) not in ARTICLES or self.lower(after + 1) not in _word_scales():
            return None
        scale = self.scale_at(after + 1)
        if scale is None:
            return None
        return _Quantity(part.value * scale.multiplier, "count", "count", after + 2, words=True)

    def fraction(self, index: int) -> _Quantity | None:
        """ "half", "a third", "two-thirds", "three quarters"."""

        numerator: Decimal | None
        if self.lower(index) in ARTICLES:
            numerator, after = Decimal(1), index + 1
        else:
            numerator, after = self.word_values(index, "cardinal"), index + 1
        if numerator is not None and numerator <= 10:
            if self.text(after) == "-":
                after += 1
            denominator = self.word_values(after, "fraction")
            if denominator is not None and _fraction_word_matches(numerator, self.lower(after)):
                return _Quantity(
                    _ratio(numerator, denominator), "ratio", "ratio", after + 1, words=True
                )
        if self.lower(index) in ("half", "halve"):
            return _Quantity(Decimal("0.5"), "ratio", "ratio", index + 1, words=True)
        return None

    def cardinal_words(self, index: int) -> _Quantity | None:
        """ "nine", "twenty-five", "a dozen", "one hundred and twenty", "three million"."""

        total, current, position, seen = Decimal(0), Decimal(0), index, False
        while position < len(self.tokens):
            word = self.lower(position)
            following = self.lower(position + 1)
            value = self.word_values(position, "cardinal")
            big = self.scale_at(position) if seen else None
            if word in ARTICLES and not seen and following in ("hundred", "dozen", *_word_scales()):
                current, position, seen = Decimal(1), position + 1, True
                continue
            if value is not None and value < 100 and word != "dozen":
                below_hundred = current % 100
                if not (
                    below_hundred == 0
                    or (below_hundred >= 20 and below_hundred % 10 == 0 and value < 10)
                ):
                    break  # "five six" or "twelve three" are two numbers, not one
                current += value
            elif word == "hundred" and seen:
                current = max(current, Decimal(1)) * 100
            elif word == "dozen" and seen:
                current = max(current, Decimal(1)) * 12
            elif big is not None and word in _word_scales():
                total += max(current, Decimal(1)) * big.multiplier
                current = Decimal(0)
            elif self.joins_number_words(position, current if seen else None):
                position += 1
                continue
            else:
                break
            seen = True
            position += 1
        if not seen or self.lower(position - 1) in ("-", "and"):
            return None
        last = self.scale_at(position - 1) if self.lower(position - 1) in _word_scales() else None
        if last is not None and current == 0 and total % last.multiplier == 0:
            # "five thousand" keeps its scale apart, so "four to five thousand" shares it
            value, scale = total / last.multiplier, last.multiplier
            return _Quantity(value, "count", "count", position, scale=scale, words=True)
        return _Quantity(total + current, "count", "count", position, words=True)

    def joins_number_words(self, index: int, so_far: Decimal | None) -> bool:
        """ "and" in "one hundred and five", "-" in "twenty-five"."""

        if so_far is None or self.word_values(index + 1, "cardinal") is None:
            return False
        word = self.lower(index)
        return word == "-" or (word == "and" and so_far >= 100)

    def compound_ordinal(self, index: int) -> _Quantity | None:
        """ "twenty-first": read before "twenty" is taken as a cardinal."""

        tens = self.word_values(index, "cardinal")
        if tens is not None and 20 <= tens < 100 and self.text(index + 1) == "-":
            unit = self.word_values(index + 2, "ordinal")
            if unit is not None and unit < 10:
                return _Quantity(tens + unit, "ordinal", "ordinal", index + 3, words=True)
        return None

    def ordinal_word(self, index: int) -> _Quantity | None:
        """ "twelfth", "first"."""

        value = self.word_values(index, "ordinal")
        if value is None:
            return None
        return _Quantity(value, "ordinal", "ordinal", index + 1, words=True)


_FIRST_WORDS: dict[int, tuple[object, frozenset[str]]] = emptied_on_reset({})


def _first_words(table: object) -> frozenset[str]:
    """The words a key of `table` (token tuples) starts with, kept per table.

    Most tokens start no key, and this rules them out before a key of each
    length is built. The table itself is kept beside its words, so an id
    reused by a new table is never mistaken for the old one.
    """

    entry = _FIRST_WORDS.get(id(table))
    if entry is None or entry[0] is not table:
        words = frozenset(key[0] for key in table if key)  # type: ignore[attr-defined]
        entry = _FIRST_WORDS[id(table)] = (table, words)
    return entry[1]


@loaded_once
def _word_scales() -> tuple[str, ...]:
    return tuple(form for form in scales() if form.isalpha() and form.islower() and len(form) > 4)


def _fraction_word_matches(numerator: Decimal, word: str) -> bool:
    """ "a third" and "two thirds", but not "two third" read as "2 × 1/3" nor "one thirds"."""

    plural = word.endswith("s")
    return plural == (numerator > 1) or word in ("half",)


def _ratio(numerator: Decimal, denominator: Decimal) -> Decimal:
    """`numerator/denominator`, to two places unless the decimal ends."""

    value = numerator / denominator
    remaining = int(denominator)
    for prime in (2, 5):
        while remaining and remaining % prime == 0:
            remaining //= prime
    return value if remaining == 1 else round(value, 2)


@memoised(4096)
def _misspelt_approximator(word: str) -> tuple[str, ...] | None:
    """ "nealy 5%": the long approximator one slip away, same first letter.

    Wire copy is filed fast; a dropped or swapped letter in "nearly" still
    makes the figure approximate. Short words are left alone ("ever" is one
    edit from "over"), and the first letter must agree.
    """

    shortest = settings().amounts.fuzzy_approximator_min_length
    if len(word) < shortest - 1 or not word.isalpha():
        return None
    for phrase in approximator_phrases():
        if len(phrase) != 1 or len(phrase[0]) < shortest:
            continue
        target = phrase[0]
        if target[0] == word[0] and target != word and _within_one_edit(word, target):
            return phrase
    return None


def _within_one_edit(a: str, b: str) -> bool:
    """Damerau distance <= 1: one insertion, deletion, substitution or swap."""

    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _merge_range(low: _Quantity, high: _Quantity) -> tuple[ParsedNumber, int] | None:
    """ "$3-4bn", "5-7%", "3 to 4 million": the bare side borrows the other's unit."""

    if low.currency and high.currency and low.currency != high.currency:
        return None
    if low.kind == "count" and high.kind != "count":
        low = replace(
            low, kind=high.kind, unit=high.unit, currency=high.currency, percent=high.percent
        )
    elif high.kind == "count" and low.kind != "count":
        high = replace(
            high, kind=low.kind, unit=low.unit, currency=low.currency, percent=low.percent
        )
    if (low.kind, low.unit) != (high.kind, high.unit):
        return None
    lower, upper = _range_ends(low, high)
    if lower is None or upper is None or upper.value <= lower.value:
        return None
    middle = float((Decimal(repr(lower.value)) + Decimal(repr(upper.value))) / 2)
    number = replace(
        lower,
        value=middle,
        approximate=True,
        is_range=True,
        low=lower.value,
        high=upper.value,
        bare=False,
    )
    return number, high.end


def _scaled_words(quantity: _Quantity) -> bool:
    """ "four thousand" in "four thousand to five thousand": a count in words, scale and all."""

    return quantity.words and quantity.kind == "count" and quantity.scale is not None


def _range_ends(low: _Quantity, high: _Quantity) -> tuple[ParsedNumber | None, ParsedNumber | None]:
    """Both ends of a range, the bare end taking the other's scale where that keeps it a range.

    "$3-4bn" is 3bn to 4bn; but in "range from $800,000 to $1.3 million" the
    low end is whole already, and 800,000 million would be no range at all. A
    bare low end that cannot share the scale is no end of this range: "in 2018
    to 3.9 million headsets" (NewsQuant).
    """

    shared_low = replace(low, scale=high.scale) if low.scale is None else low
    shared_high = replace(high, scale=low.scale) if high.scale is None else high
    lower, upper = _normalise(shared_low), _normalise(shared_high)
    if lower is not None and upper is not None and upper.value > lower.value:
        return lower, upper
    if not (low.marked or low.currency) and high.scale is not None:
        return None, None  # "rose 60% in 2018 to 3.9 million": a bare number shares the scale
    return _normalise(low), _normalise(high)


def _signed(number: ParsedNumber, sign: int) -> ParsedNumber:
    """The number with its written sign: "-1.3%" is -0.013, and "+0.2%" says it rose."""

    return replace(number, value=sign * number.value, sign=sign, bare=False)


def _normalise(quantity: _Quantity, *, bound: str | None = None) -> ParsedNumber | None:
    value = quantity.value * (quantity.scale or Decimal(1))
    if quantity.percent:
        value /= 100
    as_float = float(value)
    if not math.isfinite(as_float):
        return None
    bare = quantity.kind == "count" and quantity.scale is None and bound is None
    return ParsedNumber(
        value=as_float,
        unit=quantity.unit,
        kind=quantity.kind,
        approximate=bound is not None,
        bound=bound,
        bare=bare,
        words=quantity.words,
    )


__all__ = ["NumberMatch", "NumberWord", "ParsedNumber", "match_number", "parse_number"]
