"""Which character ranges hold an offset, asked once per token.

Stages skip the tokens inside quotation marks; testing every quotation for
every token made that quadratic in long articles full of quotes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate


class CharRanges:
    """Half-open `(start, end)` ranges, possibly overlapping, sorted once.

    >>> CharRanges([(10, 20), (12, 14)]).holds(15)
    True
    """

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))
        """Furthest end among the ranges starting at or before each one."""

    def holds(self, offset: int) -> bool:
        """`any(start <= offset < end for start, end in ranges)`."""

        opened = bisect_right(self._starts, offset)
        return opened > 0 and self._reach[opened - 1] > offset
