"""`CharRanges`: the quotation spans a stage skips, asked once per token."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.document.marks import find_quoted_texts
from dateline.document.ranges import CharRanges

# Tass, 2024-12-26 (tass-politics-sample): a quote with a quote inside it.
TASS = (
    '"In January 2025, Russian Prime Minister Mikhail Mishustin will pay a visit to '
    "Vietnam. This significant event will encompass the discussion of «further "
    'development» of trade," the ambassador said.'
)


def test_offsets_inside_a_quotation_are_held() -> None:
    quoted = [(q.open_at, q.close_at) for q in find_quoted_texts(TASS)]
    ranges = CharRanges(quoted)
    assert ranges.holds(TASS.index("Mishustin"))
    assert ranges.holds(TASS.index("further"))
    assert not ranges.holds(TASS.index("ambassador"))


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(-5, 30)), max_size=8),
    st.integers(-5, 100),
)
def test_holds_exactly_when_some_range_holds(pairs: list[tuple[int, int]], offset: int) -> None:
    ranges = [(start, start + width) for start, width in pairs]
    assert CharRanges(ranges).holds(offset) == any(s <= offset < e for s, e in ranges)
