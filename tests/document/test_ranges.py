"""`CharRanges`: the quotation spans a stage skips, asked once per token."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.document.marks import find_quoted_texts
from dateline.document.ranges import CharRanges
from dateline.model import Span

# Tass, 2024-12-26 (tass-politics-sample): a quote with a quote inside it.
TASS = (
    '"In January 2025, Russian Prime Minister Mikhail Mishustin will pay a visit to '
    "Vietnam. This significant event will encompass the discussion of «further "
    'development» of trade," the ambassador said.'
)


def test_offsets_inside_a_quotation_are_held() -> None:
    ranges = CharRanges(q.marks for q in find_quoted_texts(TASS))
    assert ranges.holds(TASS.index("Mishustin"))
    assert ranges.holds(TASS.index("further"))
    assert not ranges.holds(TASS.index("ambassador"))


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(-5, 30)), max_size=8),
    st.integers(-5, 100),
)
def test_holds_exactly_when_some_range_holds(pairs: list[tuple[int, int]], offset: int) -> None:
    ranges = [Span(start, start + width) for start, width in pairs]
    assert CharRanges(ranges).holds(offset) == any(s.start <= offset < s.end for s in ranges)


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(-5, 30)), max_size=8),
    st.integers(-5, 100),
)
def test_first_holding_is_the_first_range_in_start_order(
    pairs: list[tuple[int, int]], offset: int
) -> None:
    ranges = CharRanges(Span(start, start + width) for start, width in pairs)
    holding = [i for i, s in enumerate(ranges.spans) if s.start <= offset < s.end]
    assert ranges.first_holding(offset) == (holding[0] if holding else None)


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(-5, 30)), max_size=8),
    st.integers(-5, 100),
    st.integers(0, 30),
)
def test_overlaps_exactly_when_some_range_overlaps(
    pairs: list[tuple[int, int]], start: int, width: int
) -> None:
    ranges = [Span(s, s + w) for s, w in pairs]
    expected = any(s.start < start + width and start < s.end for s in ranges)
    assert CharRanges(ranges).overlaps(start, start + width) == expected
