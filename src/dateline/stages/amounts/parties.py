"""Whose figure it is: the actors a measure is about.

"bilateral trade turnover between Kazakhstan and Russia" is about Kazakhstan
and Russia; "Gazprom's exports to China" about Gazprom and China. The actors
stage has already found every mention, so the parties are the actors named
inside the measure's words. A measure carried over from an earlier sentence
("the figure") keeps the span it was read from, so it keeps its parties.
Where the measure names nobody ("trade between the two countries") no
parties are guessed: an amount without parties is better than a wrong pair.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.model import Actor, Span


def parties_of(measure_span: Span | None, actors: Sequence[Actor]) -> list[str]:
    """Ids of the actors mentioned inside `measure_span`, in the order the text names them."""

    if measure_span is None:
        return []
    named: list[tuple[int, str]] = []
    for actor in actors:
        inside = [m.start for m in actor.mentions if measure_span.contains(m)]
        if inside:
            named.append((min(inside), actor.id))
    return [actor_id for _, actor_id in sorted(named)]
