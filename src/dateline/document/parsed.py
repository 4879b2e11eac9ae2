"""One parsed article: the spaCy `Doc` and what every stage looks up in it.

A `ParsedDoc` is made once per article by `parsing.parse_articles`; each
lookup on it (sentences, entities, paragraphs, quotations, speech cues, the
token at a character) is computed on first use and kept, so five stages
asking the same question cost one answer.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.document.cues import SpeechCues, speech_cues
from dateline.document.marks import QuotedText, find_quoted_texts, paragraph_bounds
from dateline.document.ranges import CharRanges
from dateline.document.tokens import TokenIndex, token_index
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

    # --- tokens at characters ------------------------------------------------

    @property
    def tokens(self) -> TokenIndex:
        """Character offsets to tokens, by bisection (`token_at`, `index_at`)."""

        return token_index(self.doc)

    def token_at(self, char: int) -> Token | None:
        """The token whose characters hold `char`, None in white space between tokens."""

        return self.tokens.token_at(char)

    # --- paragraphs ------------------------------------------------------------

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Blocks of text split by blank or indented lines, in order."""

        return [self.span(p.start, p.end) for p in paragraph_bounds(self.text)]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [paragraph.start for paragraph in self.paragraphs]

    def paragraph_index(self, char: int) -> int | None:
        """Index of the paragraph holding `char`, None between paragraphs."""

        i = bisect_right(self._paragraph_starts, char) - 1
        return i if i >= 0 and char < self.paragraphs[i].end else None

    def paragraph_at(self, char: int) -> Span | None:
        """The paragraph holding `char`, None between paragraphs."""

        i = self.paragraph_index(char)
        return None if i is None else self.paragraphs[i]

    # --- quotations --------------------------------------------------------------

    @cached_property
    def quotations(self) -> list[QuotedText]:
        """Every top-level quotation, in order (`marks.find_quoted_texts`).

        Quotations do not overlap, so both their openings and their closings
        rise through the list.
        """

        return find_quoted_texts(self.text)

    @cached_property
    def quoted(self) -> CharRanges:
        """The quotations from opening to closing mark: `quoted.holds(char)`."""

        return CharRanges(q.marks for q in self.quotations)

    @cached_property
    def _quotation_closings(self) -> list[int]:
        return [q.close_at for q in self.quotations]

    @cached_property
    def _quotation_openings(self) -> list[int]:
        return [q.open_at for q in self.quotations]

    def quotation_closed_by(self, char: int) -> QuotedText | None:
        """The last quotation whose closing mark ends at or before `char`."""

        i = bisect_right(self._quotation_closings, char)
        return self.quotations[i - 1] if i else None

    def quotations_from(self, char: int) -> Iterator[QuotedText]:
        """The quotations opening at or after `char`, in order."""

        first = bisect_left(self._quotation_openings, char)
        return (self.quotations[i] for i in range(first, len(self.quotations)))

    def last_quotation_opening_before(self, char: int) -> QuotedText | None:
        """The last quotation whose opening mark stands before `char`."""

        i = bisect_left(self._quotation_openings, char)
        return self.quotations[i - 1] if i else None

    # --- speech cues -------------------------------------------------------------

    @property
    def speech_cues(self) -> SpeechCues:
        """Every speech cue of the article with its subject, found once."""

        return speech_cues(self.doc)
