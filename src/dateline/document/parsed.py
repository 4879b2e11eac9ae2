"""One parsed article: the spaCy `Doc` and what every stage looks up in it.

A `ParsedDoc` is made once per article by `parsing.parse_articles`; each
lookup on it (sentences, entities, paragraphs, quotations, speech cues, the
token at a character) is computed on first use and kept, so five stages
asking the same question cost one answer.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from dateline.model import Article, Span


@dataclass
class ParsedDoc:
    """An article with its spaCy parse and sentence lookup.

    Stages take a `ParsedDoc` and return facts; `span()` turns character
    offsets into `Span`s that know their sentence.
    """

    article: Article
    doc: Doc
    sentence_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.sentence_starts:
            self.sentence_starts = [s.start_char for s in self.sentences]

    @property
    def text(self) -> str:
        return self.article.text

    @cached_property
    def sentences(self) -> list[SpacySpan]:
        """Sentences without the white space spaCy attaches to their ends.

        The blanked dateline header (and the full stop `text_for_parsing`
        may leave in it) would otherwise open or close a sentence.
        """

        header = self.article.dateline.span if self.article.dateline else None
        trimmed = []
        for sentence in self.doc.sents:
            words = [
                t.i
                for t in sentence
                if not t.is_space and not (header and header.start <= t.idx < header.end)
            ]
            if words:
                trimmed.append(self.doc[words[0] : words[-1] + 1])
        return trimmed

    @cached_property
    def entities(self) -> tuple[SpacySpan, ...]:
        """`doc.ents`, made once: spaCy builds a new span of every entity on each access."""

        return tuple(self.doc.ents)

    @cached_property
    def _entity_starts(self) -> list[int]:
        return [entity.start for entity in self.entities]

    def entities_in(self, tokens: SpacySpan) -> list[SpacySpan]:
        """`tokens.ents` (the entities inside a sentence, say) from the cached entities."""

        found: list[SpacySpan] = []
        for entity in self.entities[bisect_left(self._entity_starts, tokens.start) :]:
            if entity.end > tokens.end:
                break
            found.append(entity)
        return found

    def sentence_index(self, char: int) -> int:
        """Index of the sentence holding character `char`, -1 before the first."""

        return bisect_right(self.sentence_starts, char) - 1

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.sentence_index(start))

    def span_of(self, tokens: SpacySpan) -> Span:
        return self.span(tokens.start_char, tokens.end_char)

    def sentence_spans(self) -> list[Span]:
        return [self.span(s.start_char, s.end_char) for s in self.sentences]
