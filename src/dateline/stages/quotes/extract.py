"""The quotes stage: direct and reported speech with speaker and cue.

Direct quotes come from the quotation marks (`document.marks`), reported speech
from speech verbs with a clausal complement in the dependency parse
("X said that Y", "Y, X said", "according to X, Y"). Each quote keeps the
span of its words and of its cue, so a reader sees why it was attributed.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dateline.document import ParsedDoc, doc_text
from dateline.document.cues import (
    SpeechVerb,
    cue_subject,
    match_cue,
    name_after,
)
from dateline.document.marks import QUOTE_CHARS, QuotedText
from dateline.document.ranges import CharRanges
from dateline.knowledge.settings import settings
from dateline.model import Actor, Quote, QuoteKind, Span
from dateline.stages.quotes.forms import (
    attribution_verb,
    cue_word_closing,
    in_quote,
    names_a_work,
    negated,
    verb_before_colon,
)
from dateline.stages.quotes.headlines import line_attributions
from dateline.stages.quotes.speakers import SpeakerResolver

SENTENCE_END = frozenset({".", "!", "?"})
SPOKEN_BREAKS = frozenset(",?!")
# Parts of speech that make the words between a quote and its cue a clause
# rather than the speaker's name.
CLAUSE_POS = frozenset({"VERB", "AUX", "CCONJ", "SCONJ"})
# Dependents of a cue that say to whom, where or when it was said.
CUE_MODIFIER_DEPS = frozenset({"prep", "npadvmod", "advmod", "dobj", "dative", "iobj", "prt"})
# Marks after which a name before a colon starts: `HEADLINE - Carl Bialik: "..."`.
NAME_BOUNDARIES = frozenset({"-", "—", "–", ".", "|", ":", ";"})
WH_WORDS = frozenset({"whether", "if", "why", "how", "what", "when", "where", "who", "which"})
SCARE_MARKERS = frozenset({"so-called", "so–called", "dubbed", "termed", "named", "called"})
TRAILING = " \t\n,.;:!?—–-"
SPEAKER_HEAD_POS = frozenset({"PROPN", "NOUN", "PRON", "ADJ"})
TAIL_START_POS = frozenset({"ADP", "SCONJ", "CCONJ", "ADV"})
# Named-entity labels of a time, never a speaker: `said Tuesday`.
TIME_ENTITIES = frozenset({"DATE", "TIME"})


@dataclass
class _Candidate:
    """A quote before its speaker is known; `subject` decides who spoke."""

    kind: QuoteKind
    start: int
    end: int
    cue: list[Token] | None
    subject: Token | None
    confidence: float = 1.0
    continues: bool = False


def extract_quotes(parsed: ParsedDoc, actors: list[Actor]) -> list[Quote]:
    """Direct and reported quotes of the article, in text order."""

    text = parsed.text
    direct = [c for q in parsed.quotations if (c := _direct_candidate(parsed, q))]
    taken = CharRanges(Span(c.start, c.end) for c in direct)
    reported = _reported_candidates(parsed, taken)
    resolver = SpeakerResolver(actors, quoted=parsed.quoted, doc=parsed.doc)
    headlines = _headline_candidates(parsed, direct + reported, resolver, actors)
    candidates = sorted(direct + reported + headlines, key=lambda c: c.start)

    quotes: list[Quote] = []
    for candidate in candidates:
        source: Span | None = None
        speaker: str | None = None
        if candidate.cue is not None:
            speaker = resolver.resolve(candidate.subject)
            source = resolver.source_words(candidate.subject, candidate.cue)
        elif candidate.continues and (previous := resolver.previous(candidate.start)):
            speaker, source = previous.speaker, previous.source
        cue_span = (
            parsed.span(candidate.cue[0].idx, _token_end(candidate.cue[-1]))
            if candidate.cue
            else None
        )
        quotes.append(
            Quote(
                kind=candidate.kind,
                text=text[candidate.start : candidate.end],
                span=parsed.span(candidate.start, candidate.end),
                speaker=speaker,
                cue=cue_span,
                source=parsed.span(source.start, source.end) if source else None,
                confidence=candidate.confidence,
            )
        )
        ends = [candidate.end] + ([cue_span.end] if cue_span else [])
        resolver.remember(max(ends), speaker, source)
    return quotes


def _token_end(token: Token) -> int:
    return token.idx + len(token.text)


def _paragraph_of(parsed: ParsedDoc, char: int) -> Span:
    """The paragraph holding `char`; an empty range at 0 between paragraphs."""

    return parsed.paragraph_at(char) or Span(0, 0)


# --- headlines and sign-offs ---------------------------------------------------


def _headline_candidates(
    parsed: ParsedDoc,
    found: list[_Candidate],
    resolver: SpeakerResolver,
    actors: list[Actor],
) -> list[_Candidate]:
    """Lines attributed by punctuation ("Pence: ...", "... — Putin").

    A direct quote on such a line that has no cue of its own takes the name
    as its speaker; a line with no quotation marks is reported speech. Only
    names of a person or organisation the article knows count.
    """

    speaking = {a.id for a in actors if a.kind in ("person", "organization")}
    headline_confidence = settings().quotes.headline_quote_confidence
    added: list[_Candidate] = []
    for line in line_attributions(parsed):
        if resolver.resolve(line.name_head) not in speaking:
            continue
        overlapping = [c for c in found if c.start < line.end and line.start < c.end]
        if overlapping:
            for candidate in overlapping:
                if candidate.kind == "direct" and candidate.cue is None:
                    candidate.cue, candidate.subject = [line.cue], line.name_head
                    candidate.continues = False
            continue
        start, end = line.start, line.end
        marked = parsed.text[start] in QUOTE_CHARS
        while start < end and parsed.text[start] in QUOTE_CHARS:
            start += 1
        while end > start and parsed.text[end - 1] in QUOTE_CHARS | {".", ","}:
            end -= 1
        # A line that is one quotation is direct speech; quoted words inside a
        # headline ("... It's 'in Their Heads.'") leave the line reported.
        kind: QuoteKind = "direct" if marked else "indirect"
        added.append(_Candidate(kind, start, end, [line.cue], line.name_head, headline_confidence))
    return added


# --- direct quotes -----------------------------------------------------------


def _direct_candidate(parsed: ParsedDoc, quote: QuotedText) -> _Candidate | None:
    """Keep a quotation as speech when its cue or its form says it is one."""

    text = parsed.text
    words = quote.words(text)
    short = len(words) <= settings().quotes.max_phrase_words
    breaks_off, sentence = _breaks_off(text, quote), _is_sentence(text, quote)
    if _marked_as_term(text, quote.open_at) or (short and not (breaks_off or sentence)):
        return None
    # After a full stop only a bare attribution follows (`"... missing." Trump
    # said.`); `"... him." Lord Heseltine said that ...` reports the next clause,
    # which `_adjacent_after` rejects. A comma, "?" or "!" leaves it open.
    ends_sentence = text[quote.start : quote.end].rstrip("”»“\"'’›‘").endswith(".")
    quoted = parsed.quoted
    after = _context_after(parsed, quote)
    before = _context_before(parsed, quote)
    lead_in = [] if any(t.is_alpha for t in before) else _lead_in(parsed, quote)
    post = _first_cue(after, quoted)
    pre = _first_cue(list(reversed(before)), quoted)
    post_adjacent = post is not None and _adjacent_after(after, post[0], quoted)
    if post is not None and ends_sentence and _introduces_next(parsed, post[0], quote):
        post_adjacent = False
    pre_adjacent = pre is not None and _adjacent_before(before, pre[0])
    if (
        post is not None
        and ends_sentence
        and (pre_adjacent or "\n" in text[quote.end : post[0][0].idx])
    ):
        # `Hayek said, "... overlook." The star then recalled ...`: after a full
        # stop the next sentence, or the next line, is not this quote's.
        post_adjacent = False
    if ends_sentence and not post_adjacent:
        post = None
    if names_a_work(text, quote, words) and not (breaks_off and post_adjacent):
        return None
    if len(after) > 1 and after[0].lower_ == "by" and after[1].text[:1].isupper():
        return None  # `"The Living Room to close," by Ben Sisario`: a title and its author
    if pre is None and lead_in:
        # `Cruz continued:` closing the paragraph before introduces this one.
        pre = _first_cue(list(reversed(lead_in)), quoted)
        pre_adjacent = pre is not None
    tuned = settings().quotes
    confidence = tuned.closed_quote_confidence if quote.closed else tuned.unclosed_quote_confidence
    cue: list[Token] | None = None
    if post is not None and post_adjacent:
        cue = post[0]
    elif not short and (named := _name_before_colon(before or lead_in)) is not None:
        # `... - HuffPollster: "..."`: the name at the colon, not a verb further back.
        return _Candidate("direct", quote.start, quote.end, [named[0]], named[1], confidence)
    elif pre is not None and pre_adjacent:
        cue = pre[0]
    elif not short and (verb := verb_before_colon(before or lead_in, quoted)):
        # `Trump boomed: "..."`, `Mr. Smith shot back: "..."`: a verb and its
        # subject introducing the quote with a colon attribute it, whatever the verb.
        cue, confidence = verb, confidence * tuned.attributed_by_form
    elif breaks_off and (mistagged := cue_word_closing(after)) is not None:
        # `"...," a voice-over in the ad states.`: the parser took the verb
        # closing the attribution for a plural noun; its place says what it is.
        cue, confidence = [mistagged], confidence * tuned.attributed_by_form
    elif (
        breaks_off
        and not _is_title(words)
        and (verb := attribution_verb(after, quoted, quote.close_at))
    ):
        # `"...," Bennett shot back.`: a quote broken off by a comma and followed
        # by a subject and its verb is attributed by its form, whatever the verb.
        cue, confidence = verb, confidence * tuned.attributed_by_form
    else:
        # A long quote inside a reporting sentence: "stressed the need to «...»".
        # A quote that closes its sentence is not inside the one after it.
        closes = quote.unmarked(text)[-1:] in SENTENCE_END
        far = [
            found
            for found in (None if closes else post, pre)
            if found is not None and found[1].reported
        ]
        cue = far[0][0] if far and len(words) > settings().quotes.short_quote_words else None
    if short and cue is not None and (post is None or cue is not post[0] or not breaks_off):
        return None  # `"Judge," Brafman said`: a short fragment only right before its cue
    if cue is not None:
        subject = cue_subject(cue)
        if cue[0].idx > quote.close_at:
            subject = _speaker_between(after, cue, subject)
        return _Candidate("direct", quote.start, quote.end, cue, subject, confidence)
    starts_sentence = not any(t.is_alpha for t in before)
    if not starts_sentence or _is_title(words):
        return None
    # Right after the attribution of the quote before, even a short quote
    # goes on with the same speaker: `"I would," Melanie said. "I would."`.
    continues = _follows_quote(parsed, quote)
    too_short = len(words) < tuned.uncued_quote_words
    if (too_short and not continues) or (short and not sentence):
        return None
    return _Candidate(
        "direct",
        quote.start,
        quote.end,
        None,
        None,
        confidence * tuned.uncued_quote,
        continues=continues,
    )


def _context_after(parsed: ParsedDoc, quote: QuotedText) -> list[Token]:
    """Tokens after the closing mark up to the end of that sentence, or up to
    the next quotation; a name in quotation marks inside the attribution
    (`Texas delegate Bill Eastland, wearing "Ted Cruz" pins, said`) is read on."""

    para_end = _paragraph_of(parsed, max(quote.close_at - 1, 0)).end
    next_open = next(
        (
            q.open_at
            for q in parsed.quotations_from(quote.close_at)
            if len(q.words(parsed.text)) > settings().quotes.max_phrase_words
        ),
        para_end,
    )
    limit = min(para_end, next_open)
    tokens: list[Token] = []
    for token in parsed.doc[parsed.tokens.index_at(quote.close_at) :]:
        if token.is_space:
            continue
        if token.idx >= limit or (token.text in SENTENCE_END and tokens):
            break
        tokens.append(token)
    return tokens


def _context_before(parsed: ParsedDoc, quote: QuotedText) -> list[Token]:
    """Tokens from the start of the sentence up to the opening mark."""

    para_start = _paragraph_of(parsed, quote.open_at).start
    last = parsed.quotation_closed_by(quote.open_at)
    limit = max(para_start, last.close_at if last is not None else 0)
    tokens: list[Token] = []
    for token in reversed(parsed.doc[: parsed.tokens.index_at(quote.open_at)]):
        if token.idx < limit or token.text in SENTENCE_END:
            break
        if not token.is_space:
            tokens.append(token)
    return list(reversed(tokens))


def _lead_in(parsed: ParsedDoc, quote: QuotedText) -> list[Token]:
    """The last sentence of the paragraph before, when it ends with a colon
    and so introduces the quote that opens this paragraph."""

    index = parsed.paragraph_index(quote.open_at) or 0
    if index == 0:
        return []
    start, end = parsed.paragraphs[index - 1].start, parsed.paragraphs[index - 1].end
    if not parsed.text[start:end].rstrip().endswith(":"):
        return []
    colon = start + len(parsed.text[start:end].rstrip()) - 1
    stop = min(parsed.tokens.index_at(colon) + 1, len(parsed.doc))
    if stop == 0:
        return []
    sentence = parsed.doc[stop - 1].sent
    tokens = parsed.doc[sentence.start : stop]
    return [t for t in tokens if t.idx >= start and not t.is_space]


def _first_cue(tokens: list[Token], quoted: CharRanges) -> tuple[list[Token], SpeechVerb] | None:
    for token in tokens:
        found = match_cue(token)
        if found is not None and not negated(token, quoted):
            return found
    return None


def _adjacent_after(after: list[Token], cue: list[Token], quoted: CharRanges) -> bool:
    """`," said Smailov` / `," the Russian leader said`: only the subject between.

    A cue that reports a clause after it (`"...," he said that ...`) belongs
    to that clause, unless the clause is the second half of a split quote
    (`"A," Blackwell continued, "B."`).

    The parser may hang the name on a word of the quote (`"Yes, I support Ted
    Cruz," Brent Bozell III, founder of ..., tells`), so words that form no
    clause of their own (no verb, no conjunction) count as the speaker too.
    """

    if any(
        c.dep_ == "ccomp" and c.i > cue[-1].i and not in_quote(c.left_edge, quoted)
        for c in cue[0].children
    ):
        return False
    subject = cue_subject(cue)
    allowed = {t.i for t in subject.subtree} if subject is not None else set()
    between = [t for t in after if t.i < cue[0].i and not t.is_punct]
    return all(t.i in allowed for t in between) or not any(t.pos_ in CLAUSE_POS for t in between)


def _introduces_next(parsed: ParsedDoc, cue: list[Token], quote: QuotedText) -> bool:
    """`"... act." Of Carson, Levine said, "He's flat-out scary."`: a cue
    followed by nothing but a comma or colon and a quotation introduces that
    one, not the finished sentence before it."""

    cue_end = cue[-1].idx + len(cue[-1].text)
    following = next(parsed.quotations_from(max(cue_end, quote.open_at + 1)), None)
    if following is None:
        return False
    gap = parsed.text[cue_end : following.open_at]
    return "\n" not in gap and not gap.strip(" \t,:")


def _speaker_between(after: list[Token], cue: list[Token], subject: Token | None) -> Token | None:
    """In `"...," Tulsa police Chief Chuck Jordan said` the words between the
    quote and its cue are the speaker, however the parser took them: when the
    subject found lies elsewhere, the last noun before any apposition is its
    head. In the inverted `"...," said Robert Reich, who ...` the name stands
    right after the cue, up to the first comma, preposition or verb."""

    between = [t for t in after if t.i < cue[0].i and not t.is_space]
    while between and between[0].is_punct:
        between.pop(0)
    if not between and (subject is None or subject.i < cue[0].i):
        return name_after(cue) or subject
    if between and between[-1].text == "," and between[0].pos_ in TAIL_START_POS:
        # `"..." like the volatility of markets, said Richard Curtin`: words
        # opening with a preposition are the tail of the quote's sentence,
        # not a name, and the speaker stands after the cue.
        named = name_after(cue)
        if named is not None and named.pos_ == "PROPN" and named.ent_type_ not in TIME_ENTITIES:
            return named
    if not between or (subject is not None and between[0].i <= subject.i <= between[-1].i):
        return subject
    # The name ends where an apposition begins: "Flynn, a top Trump surrogate,";
    # a hyphen inside a word ("the 43-year-old") is no break.
    cut = next((k for k, t in enumerate(between) if _separates(t)), len(between))
    name = between[:cut]
    inside = {t.i for t in name}
    # The phrase's own head, where the parser made one (a nominal adjective
    # too: `the 43-year-old asked`), else its last noun.
    heads = [
        t
        for t in name
        if (t.head.i not in inside or t.head.i == t.i) and t.pos_ in SPEAKER_HEAD_POS
    ]
    nouns = [t for t in name if t.pos_ in ("PROPN", "NOUN", "PRON")]
    return heads[0] if heads else nouns[-1] if nouns else subject


def _separates(token: Token) -> bool:
    """Punctuation that ends a name: a comma, a bracket, a spaced dash; not
    the full stop of "Mr." nor the hyphen of "43-year-old"."""

    if not token.is_punct or token.text == ".":
        return False
    if token.text in ("-", "‐"):
        doc = token.doc
        spaced_before = token.i > 0 and doc[token.i - 1].whitespace_
        return bool(spaced_before or token.whitespace_)
    return True


def _adjacent_before(before: list[Token], cue: list[Token]) -> bool:
    """`Putin said: "..."` / `According to X, "..."`: nothing but glue between,
    or the cue's own addressee, place and time: `told reporters on Monday, "..."`,
    `saying during the debate last week, "..."`."""

    between = [t for t in before if t.i > cue[-1].i and not t.is_punct]
    if cue[-1].dep_ == "prep":
        return all(t.i <= cue[-1].right_edge.i for t in between)
    # The inverted `Continued Stone: "..."`: the subject may follow the verb.
    subject = cue_subject(cue)
    inverted = (
        {t.i for t in subject.subtree} if subject is not None and subject.i > cue[-1].i else set()
    )
    modifiers = [c for c in cue[-1].children if c.i > cue[-1].i and c.dep_ in CUE_MODIFIER_DEPS]
    if before and any(c.right_edge.i > before[-1].i for c in modifiers):
        modifiers = []  # the quote is a modifier's own object: `said on "Meet the Press"`
    attached = {t.i for c in modifiers for t in c.subtree if t.pos_ not in CLAUSE_POS}
    return all(
        t.lower_ in ("that", "as", "this", "it", "in", "a", "statement")
        or t.i in inverted
        or t.i in attached
        for t in between
    )


def _name_before_colon(before: list[Token]) -> tuple[Token, Token] | None:
    """`Pollsters agree - Carl Bialik: "..."`: a name alone before a colon, at
    the start of its line or after a dash, introduces the quote. Returns the
    colon and the head of the (first) name."""

    if not before or before[-1].text != ":":
        return None
    segment: list[Token] = []
    for token in reversed(before[:-1]):
        if token.text in NAME_BOUNDARIES or "\n" in token.whitespace_:
            break
        segment.insert(0, token)
        if token.i > 0 and "\n" in token.doc[token.i - 1].whitespace_:
            break
    if not segment or not all(t.pos_ == "PROPN" or t.lower_ in ("and", "&") for t in segment):
        return None
    first_name = next((k for k, t in enumerate(segment) if t.pos_ != "PROPN"), len(segment))
    return before[-1], segment[first_name - 1]


def _breaks_off(text: str, quote: QuotedText) -> bool:
    """The quoted words end in a comma, "?" or "!" inside the marks, as a
    spoken sentence cut by its attribution does: `"Hopefully," she said`."""

    return quote.unmarked(text)[-1:] in SPOKEN_BREAKS


def _is_sentence(text: str, quote: QuotedText) -> bool:
    """The quoted words are a whole sentence: a capital first, a full stop,
    "?" or "!" last (`"We're America."`), not a phrase or a name."""

    words = quote.unmarked(text)
    return words[:1].isupper() and words[-1:] in SENTENCE_END


def _marked_as_term(text: str, open_at: int) -> bool:
    """`the so-called «...»`: the writer distances themself from a phrase; and
    `CBS's "Face the Nation"`: a possessive makes the quoted words a title."""

    preceding = text[max(0, open_at - 40) : open_at].lower().rstrip("'").split()
    return bool(preceding) and (
        preceding[-1] in SCARE_MARKERS or preceding[-1].endswith(("'s", "’s"))
    )


def _is_title(words: list[str]) -> bool:
    """ "American Skin", "Law and Order": every long word capitalised. One
    capital alone is just a sentence start: "Neither do I."."""

    long_words = [w for w in words if len(w) > 3]
    return (
        len(words) <= settings().quotes.short_quote_words * 2
        and len(long_words) > 1
        and all(w[0].isupper() for w in long_words)
    )


def _follows_quote(parsed: ParsedDoc, quote: QuotedText) -> bool:
    """True when nothing but the attribution of the previous quote stands before
    this one: `"A," he said.` then `"B."` continues the same speaker.

    The gap is read as tokens, so the full stop of a title (`"A," Mr. Obama
    said. "B."`) is not mistaken for the end of the attribution.
    """

    earlier = parsed.quotation_closed_by(quote.open_at)
    if earlier is None:
        return False
    gap_start = earlier.close_at
    if quote.open_at - gap_start > settings().quotes.max_attribution_chars:
        return False
    gap = [
        t
        for t in parsed.tokens.starting_in(gap_start, quote.open_at)
        if not t.is_space and t.text not in QUOTE_CHARS
    ]
    stop = next((i for i, t in enumerate(gap) if t.text in SENTENCE_END), len(gap))
    attribution, rest = gap[:stop], gap[stop + 1 :]
    # A quote that opens the paragraph after one ending in a quote (or its
    # attribution) continues it: the paragraph break may stand in the gap.
    text = parsed.text
    crosses_paragraph = bool(attribution) and "\n" in text[attribution[0].idx : attribution[-1].idx]
    # A paragraph of its own between the quotes ("Wait, it gets better:") is
    # not the previous quote's attribution.
    own_line = bool(attribution) and "\n" in text[gap_start : attribution[0].idx]
    return not (crosses_paragraph or own_line) and not any(t.is_alpha or t.is_digit for t in rest)


# --- reported speech -----------------------------------------------------------


def _reported_candidates(parsed: ParsedDoc, direct: CharRanges) -> list[_Candidate]:
    """Speech verbs with a clausal complement, outside quotation marks."""

    found: list[_Candidate] = []
    quoted = parsed.quoted
    for speech_cue in parsed.speech_cues:
        token = speech_cue.tokens[0]
        if quoted.holds(token.idx) or not speech_cue.verb.reported:
            continue
        cue = speech_cue.words
        if negated(token, quoted):
            continue
        para = _paragraph_of(parsed, token.idx)
        if cue[-1].dep_ == "prep":
            bounds = _according_to_clause(parsed, cue, para)
        else:
            bounds = _complement_clause(token, para)
        if bounds is None:
            continue
        start, end = bounds
        if direct.overlaps(start, end):
            continue
        if len(parsed.text[start:end].split()) < 2:
            continue
        found.append(_Candidate("indirect", start, end, cue, cue_subject(cue)))
    return found


def _complement_clause(verb: Token, para: Span) -> tuple[int, int] | None:
    """The clause the verb reports, without "that" and final punctuation.

    A speech verb coordinated inside the clause ("noted that A and added
    that B") starts a report of its own, so the clause stops before it.
    """

    complement = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if complement is None:
        return None
    tokens = [t for t in complement.subtree]
    for token in tokens:
        if token is complement or token.dep_ not in ("conj", "advcl"):
            continue
        found = match_cue(token)
        if found is not None and found[1].reported:
            cut = min(t.i for t in token.subtree)
            tokens = [t for t in tokens if t.i < cut]
            while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
                tokens.pop()
    while tokens and (
        (tokens[0].dep_ == "mark" and tokens[0].lower_ == "that") or tokens[0].is_punct
    ):
        tokens.pop(0)
    if not tokens or tokens[0].lower_ in WH_WORDS:
        return None
    start = max(tokens[0].idx, para.start)
    end = min(_token_end(tokens[-1]), para.end)
    return _trim(doc_text(verb.doc), start, end)


def _according_to_clause(parsed: ParsedDoc, cue: list[Token], para: Span) -> tuple[int, int] | None:
    """ "According to X, Y." or "Y, according to X.": the sentence without the
    attribution phrase."""

    phrase_start = cue[0].idx
    phrase_end = _token_end(cue[-1].right_edge)
    sentence = cue[0].sent
    start = max(sentence.start_char, para.start)
    end = min(sentence.end_char, para.end)
    text = parsed.text
    if not text[start:phrase_start].strip(TRAILING):
        return _trim(text, phrase_end, end)
    return _trim(text, start, phrase_start)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in TRAILING:
        start += 1
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return (start, end) if end > start else None
