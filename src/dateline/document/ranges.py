"""Which of many character ranges hold an offset, asked once per token.

Stages skip the tokens inside quotation marks and ask which quote a token
stands in; testing every quotation for every token made that quadratic in
long articles full of quotes. Ranges are `model.Span`s, sorted once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate

from dateline.model import Span


class CharRanges:
    """Half-open `Span` ranges, possibly overlapping, sorted once by start.

    >>> CharRanges([Span(10, 20), Span(12, 14)]).holds(15)
    True
    """

    def __init__(self, ranges: Iterable[Span]) -> None:
        self.spans: list[Span] = sorted(ranges, key=lambda span: span.start)
        """The ranges in the order given, stably sorted by start."""
        self._starts = [span.start for span in self.spans]
        self._reach = list(accumulate((span.end for span in self.spans), max))
        """Furthest end among the ranges starting at or before each one."""
        self.examined = 0
        """How many ranges the look-ups have read one by one, beyond bisecting:
        what a test of their cost counts, never a clock."""

    def __len__(self) -> int:
        return len(self.spans)

    def holds(self, offset: int) -> bool:
        """`any(span.start <= offset < span.end for span in spans)`."""

        return self.first_holding(offset) is not None

    def overlaps(self, start: int, end: int) -> bool:
        """`any(span.start < end and start < span.end for span in spans)`."""

        opened = bisect_left(self._starts, end)
        return opened > 0 and self._reach[opened - 1] > start

    def overlapping(self, start: int, end: int) -> Iterator[int]:
        """Indexes in `spans`, in order, of the ranges overlapping `[start, end)`.

        Ranges before the first to reach past `start` end too early and are
        skipped by bisection; those from there on that start before `end` are
        read one by one.
        """

        opened = bisect_left(self._starts, end)
        for i in range(bisect_right(self._reach, start, hi=opened), opened):
            self.examined += 1
            if self.spans[i].end > start:
                yield i

    def ending_by(self, offset: int) -> int:
        """How many ranges, from the first, end at or before `offset` before
        the first that ends after it: the index of that first one."""

        return bisect_right(self._reach, offset)

    def starting_in(self, start: int, end: int) -> Iterator[int]:
        """Indexes in `spans`, in order, of the ranges that start in `[start, end)`."""

        for i in range(bisect_left(self._starts, start), bisect_left(self._starts, end)):
            self.examined += 1
            yield i

    def first_holding(self, offset: int) -> int | None:
        """Index in `spans` of the first range holding `offset`, or None.

        The furthest reach only grows where a range ends further than all
        before it, so the first reach past `offset` is the first range that
        holds it, if that range starts at or before `offset`.
        """

        opened = bisect_right(self._starts, offset)
        first = bisect_right(self._reach, offset, hi=opened)
        return first if first < opened else None
