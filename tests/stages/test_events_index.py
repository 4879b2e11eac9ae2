"""`MentionIndex`: which actors a phrase names, indexed once per document.

Checked against the plain reading of its contract (every mention overlapping
any of the tokens, in text order, people first) on the bundled Kazinform
dispatch, whose actors come from the actors stage.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from dateline.model import Actor
from dateline.parsing import ParsedDoc
from dateline.stages.actors import extract_actors
from dateline.stages.events.sides import MentionIndex


def named_in(actors: list[Actor], tokens: Iterable[Token]) -> list[Actor]:
    positions = [(t.idx, t.idx + len(t)) for t in tokens]
    found: list[Actor] = []
    for span, actor in sorted(((s, a) for a in actors for s in a.mentions), key=lambda p: p[0]):
        if actor not in found and any(s < span.end and span.start < e for s, e in positions):
            found.append(actor)
    return [a for a in found if a.kind == "person"] or found


def test_actors_at_any_phrase_are_the_mentions_it_overlaps(seed_parsed: ParsedDoc) -> None:
    actors = extract_actors(seed_parsed)
    index = MentionIndex(actors)
    phrases = [list(s) for s in seed_parsed.doc.sents]
    phrases += [list(t.subtree) for t in seed_parsed.doc] + [[t] for t in seed_parsed.doc]
    for tokens in phrases:
        assert index.actors_at(tokens) == named_in(actors, tokens), tokens
    assert sum(bool(index.actors_at(tokens)) for tokens in phrases) > len(actors)


def test_a_phrase_answer_is_kept_but_not_shared(seed_parsed: ParsedDoc) -> None:
    index = MentionIndex(extract_actors(seed_parsed))
    subject = next(t for t in seed_parsed.doc if t.dep_ == "nsubj" and index.actors_in(t))
    first = index.actors_in(subject)
    first.clear()
    assert index.actors_in(subject), "a caller changing its list leaves the index alone"
