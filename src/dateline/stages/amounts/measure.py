"""What a figure measures, read off the dependency parse.

News states a figure in a few fixed shapes, each handled by one rule:

- level:  "bilateral trade turnover ... reached a record figure of $24.2bn"
          → the subject of the level verb;
- change: "rising by almost a third" → "growth of" + the measure of what rises;
- worth:  "13 major cooperation projects worth $437.8mln" → "value of" + the noun;
- of:     "transit of 14 million cubic meters of gas" → "transit of gas";
- count:  "carried out 13 major cooperation projects" → the counted noun,
          with the verb that says what happened to it.

"the figure" and its kind point back to a measure named earlier: the last
amount's measure, else the last subject of a level or change verb.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.document import ParsedDoc
from dateline.knowledge.amount_words import measure_words
from dateline.knowledge.settings import settings
from dateline.model import Amount
from dateline.stages.amounts.period import is_base_date

LEADING_WORDS_DROPPED = frozenset({"the", "a", "an", "this", "that", "these", "those"})
PHRASE_CHILD_DEPS = frozenset(
    {"det", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "advmod", "case"}
)
RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
"""Penn tags of relative words: which, who/whom, whose, where/when."""


@dataclass(frozen=True, slots=True)
class Measure:
    """A measure: the words dateline reports and where the core of them stands."""

    text: str
    start: int
    end: int
    change: bool = False
    """The figure is a change of this measure ("rising by 5%"), not its level."""


def role_words(role: str) -> frozenset[str]:
    return measure_words().get(role, frozenset())


def find_measure(
    parsed: ParsedDoc,
    tokens: SpacySpan,
    earlier: Sequence[tuple[Amount, SpacySpan]],
    unit: str | None = None,
) -> Measure | None:
    """The measure of the amount written over `tokens`, or None.

    `earlier` are the amounts found before this one, so a change can take
    the measure of the figure it qualifies and "the figure" its antecedent;
    `unit` is the amount's own, for a bracketed figure restating another.
    """

    restated = restated_measure(parsed, tokens, unit, earlier)
    if restated is not None:
        return restated
    inside = {t.i for t in tokens}
    anchor = _anchor(tokens)
    finder = _MeasureFinder(parsed, inside, earlier)
    if anchor.head.lower_ == "ago" and anchor.head.i != anchor.i:
        return finder.time_since(anchor.head)
    return finder.measure_of(anchor)


def restated_measure(
    parsed: ParsedDoc,
    tokens: SpacySpan,
    unit: str | None,
    earlier: Sequence[tuple[Amount, SpacySpan]],
) -> Measure | None:
    """The measure of the figure a bracketed one restates.

    "'$1.13bn (£600m)" (BBC) gives the same profits in pounds; "marking a 5.3
    percent decrease compared to 2022 ($6.3 billion)" (Trend) gives the
    turnover of the base year; "HK $3.7 billion (US $473 million)" (NewsQuant).
    The bracketed figure measures what the last figure of its sentence in the
    same kind of unit measures (money for money, else the same unit).
    """

    before = parsed.text[: tokens.start_char].rstrip()
    if not before.endswith("(") or not earlier:
        return None
    opening = len(before) - 1
    last_tokens = earlier[-1][1]
    if _after_base_date(parsed, opening):  # the base year's level: any figure of the sentence
        candidates = [a for a, t in earlier if t.sent.start == tokens.sent.start]
    elif not parsed.text[last_tokens.end_char : opening].strip():  # "X (Y)": X itself
        candidates = [earlier[-1][0]]
    else:
        return None
    for amount in reversed(candidates):
        if amount.measure and amount.measure_span and _same_kind(amount.unit, unit):
            return Measure(amount.measure, amount.measure_span.start, amount.measure_span.end)
    return None


def _after_base_date(parsed: ParsedDoc, opening: int) -> bool:
    """Whether the bracket at `opening` follows a base date: "compared to 2022 ($6.3 billion)"."""

    token = parsed.doc.char_span(opening, opening + 1, alignment_mode="expand")
    if token is None or token.start == 0:
        return False
    previous = parsed.doc[token.start - 1]
    entity = next(
        (e for e in parsed.entities_in(previous.sent) if previous.i in range(e.start, e.end)), None
    )
    return entity is not None and entity.label_ == "DATE" and is_base_date(entity)


def nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two, the closer.

    The small model reads "Thanks to joint work the two countries have carried
    out" with two subjects; the one next to the verb is the real one.
    """

    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return min(subjects, key=lambda c: abs(verb.i - c.i)) if subjects else None


def _same_kind(unit: str | None, other: str | None) -> bool:
    """Two units of one kind: equal, or both money (ISO 4217 codes: "USD", "GBP")."""

    def money(code: str | None) -> bool:
        return code is not None and len(code) == 3 and code.isalpha() and code.isupper()

    return unit == other or (money(unit) and money(other))


def _joined(pieces: Sequence[Measure]) -> Measure:
    """One measure of several pieces of one sentence: their words, spanning all of them."""

    text = " ".join(piece.text for piece in pieces if piece.text)
    start = min(piece.start for piece in pieces)
    end = max(piece.end for piece in pieces)
    return Measure(" ".join(text.split()), start, end)


def _is_date(token: Token) -> bool:
    """ "Thursday", "2015", "the past year": a date or time, which belongs to the period."""

    return token.ent_type_ in ("DATE", "TIME")


def _dates_a_phrase(child: Token) -> bool:
    """ "in 2024" of "Russia's economic growth in 2024": a date the period reports.

    The measure says what a figure is; when is the period's to say, so that
    one measure reads the same in every year's figure.
    """

    if child.dep_ != "prep":
        return False
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return bool(objects) and all(_is_date(o) for o in objects)


def _anchor(tokens: SpacySpan) -> Token:
    """The token of the amount whose head lies outside it (the amount's root)."""

    for token in tokens:
        if token.head.i < tokens.start or token.head.i >= tokens.end or token.head.i == token.i:
            return token
    return tokens.root


class _MeasureFinder:
    def __init__(
        self, parsed: ParsedDoc, inside: set[int], earlier: Sequence[tuple[Amount, SpacySpan]]
    ) -> None:
        self.parsed = parsed
        self.doc: Doc = parsed.doc
        self.inside = inside
        self.earlier = earlier

    def measure_of(self, anchor: Token) -> Measure | None:
        governor, relation = self._climb_containers(anchor)
        head = governor.head
        lemma = head.lemma_.lower()
        if relation in ("dobj", "npadvmod", "advmod", "attr") or (
            relation == "pobj" and governor.head.dep_ == "prep"
        ):
            verb, preposition = self._governing_verb(governor)
            if verb is not None:
                verb_lemma = verb.lemma_.lower()
                if verb_lemma in role_words("rise") | role_words("fall") and preposition in (
                    None,
                    "by",
                ):
                    subject = self.subject_measure(verb)
                    if subject is None:
                        return None
                    word = "growth" if verb_lemma in role_words("rise") else "decline"
                    return Measure(
                        f"{word} of {subject.text}", subject.start, subject.end, change=True
                    )
                if verb_lemma in role_words("level") | role_words("rise") | role_words("fall"):
                    return self.subject_measure(verb)
        if lemma == "worth" and head.head.pos_ in ("NOUN", "PROPN"):
            # "X worth $Y": the noun just before "worth" is X, whatever the parse attached it to.
            before = self.doc[head.i - 1] if head.i > 0 else head.head
            valued = (
                before
                if before.pos_ in ("NOUN", "PROPN") and before.i not in self.inside
                else head.head
            )
            noun = self.noun_phrase(valued, keep_numbers=True)
            return Measure(f"value of {noun.text}", noun.start, noun.end) if noun else None
        if relation == "pobj" and lemma == "of" and head.head.pos_ in ("NOUN", "PROPN"):
            owner = self.noun_phrase(head.head, keep_numbers=False, stop_at=head)
            material = self._of_child(anchor)
            if owner is not None:
                if material is not None:
                    return Measure(f"{owner.text} of {material.text}", owner.start, material.end)
                return owner
        material = self._of_child(anchor)
        if material is not None:
            return material
        if relation in ("nummod", "quantmod") or (anchor.dep_ == "nummod"):
            return self.counted_noun(head if relation == "nummod" else anchor.head)
        return None

    # the shapes ----------------------------------------------------------

    def time_since(self, ago: Token) -> Measure | None:
        """ "Four months ago, Belgian Islamists ... killed 32 people at the Brussels airport"
        (China Daily), "making an awkward pass 25 years ago at Ms. Thurman" (CNN): the
        time since what the clause says happened."""

        verb = ago.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        pieces = self.what_happened(verb)
        if not pieces:
            return None
        since = Measure("time since", pieces[0].start, pieces[0].start)
        return _joined([since, *pieces])

    def what_happened(self, verb: Token) -> list[Measure]:
        """Who did what, where: the subject (or the governing verb's, for a participle),
        the verb, its particle, object and first prepositional phrase that is no date,
        then the same of the verbs conjoined to it ("linked to ... and killed 32 people")."""

        subject, governor = nearest_subject(verb), verb
        while (
            subject is None
            and governor.dep_ in ("xcomp", "advcl", "conj")
            and governor.head.i != governor.i
        ):
            governor = governor.head
            subject = nearest_subject(governor)
        pieces: list[Measure] = []
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            phrase = self.noun_phrase(subject, keep_numbers=True)
            if phrase is not None:
                pieces.append(phrase)
        for action in (verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")):
            pieces += [*self.negation(action), self.word(action), *self.particles(action)]
            thing = next((c for c in action.children if c.dep_ == "dobj"), None)
            done = self.noun_phrase(thing, keep_numbers=True) if thing is not None else None
            if done is not None:
                pieces.append(done)
            pieces += self.complement(action)
        return pieces

    def _climb_containers(self, anchor: Token) -> tuple[Token, str]:
        """From "$24.2bn" in "a record figure of $24.2bn" up to "figure"."""

        token = anchor
        while (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.lemma_.lower() in role_words("container")
            and token.head.head.i not in self.inside
        ):
            token = token.head.head
        return token, token.dep_

    def _governing_verb(self, token: Token) -> tuple[Token | None, str | None]:
        """The verb the figure is object of, and the preposition between ("by", "to")."""

        if token.dep_ == "pobj":
            preposition = token.head
            if preposition.head.pos_ in ("VERB", "AUX"):
                return preposition.head, preposition.lower_
            return None, None
        if token.head.pos_ in ("VERB", "AUX"):
            return token.head, None
        return None, None

    def subject_measure(self, verb: Token) -> Measure | None:
        """What the verb's subject is, following participles and "the figure" back."""

        child = nearest_subject(verb)
        if child is not None:
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return self.noun_phrase(verb.head, keep_numbers=True)  # "growth, which will be 4%"
            if child.pos_ == "PRON":  # "it would amount to more than $10 billion" (TASS)
                return self.antecedent(child) if child.lower_ == "it" else None
            if self._is_anaphor(child):
                return self.antecedent(child)
            return self.noun_phrase(child, keep_numbers=True)
        if verb.dep_ in ("advcl", "xcomp", "conj", "ccomp") and verb.head.i != verb.i:
            return self.subject_measure(verb.head)
        if verb.dep_ == "acl":
            owner = verb.head
            for amount, tokens in reversed(self.earlier):
                if tokens.start <= owner.i < tokens.end and amount.measure and amount.measure_span:
                    return Measure(
                        amount.measure, amount.measure_span.start, amount.measure_span.end
                    )
            return self.noun_phrase(owner, keep_numbers=True)
        return None

    def _is_anaphor(self, token: Token) -> bool:
        has_content = any(c.dep_ in ("prep", "compound", "amod") for c in token.children)
        return token.lemma_.lower() in role_words("anaphor") and not has_content

    def antecedent(self, anaphor: Token) -> Measure | None:
        """What "the figure" stands for.

        The last amount's measure within reach, else the last subject of a
        level or change verb ("the flow of tourists has increased").
        """

        floor = self._lookback_start(anaphor)
        for amount, tokens in reversed(self.earlier):
            if tokens.start_char < floor or tokens.start >= anaphor.i:
                continue
            if (
                amount.measure
                and amount.measure_span
                and not amount.measure.startswith(("growth of", "decline of"))
            ):
                return Measure(amount.measure, amount.measure_span.start, amount.measure_span.end)
        verbs = role_words("level") | role_words("rise") | role_words("fall")
        for token in reversed(self.doc[: anaphor.i]):
            if token.idx < floor:
                break
            if (
                token.dep_ in ("nsubj", "nsubjpass")
                and token.head.lemma_.lower() in verbs
                and token.pos_ in ("NOUN", "PROPN")
                and not self._is_anaphor(token)
            ):
                return self.noun_phrase(token, keep_numbers=True)
        return None

    def _lookback_start(self, token: Token) -> int:
        sentence = self.parsed.sentence_index(token.idx)
        first = max(0, sentence - settings().amounts.lookback_sentences)
        starts = self.parsed.sentence_starts
        return starts[first] if starts else 0

    def _of_child(self, anchor: Token) -> Measure | None:
        """ "5% of the budget", "14 million cubic meters of gas" → the thing counted."""

        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return self.noun_phrase(objects[0], keep_numbers=True)
        return None

    def counted_noun(self, noun: Token) -> Measure | None:
        """ "13 major cooperation projects" carried out by "the two countries".

        A count is of its noun as the clause describes it: the noun's own
        relative clause, else the verb it is subject or object of, with that
        verb's particle, object and first place or cause (`_clause_words`).
        """

        if noun.pos_ not in ("NOUN", "PROPN"):
            return None
        verb = noun.head
        if noun.dep_ in ("dobj", "attr") and verb.lemma_.lower() in role_words("level"):
            return self.subject_measure(verb)  # "the figure reached 650,000 people"
        phrase = self.noun_phrase(noun, keep_numbers=False)
        if phrase is None:
            return None
        pieces = self._clause_words(noun)
        if not pieces:
            return phrase
        return _joined([phrase, *pieces])

    def _clause_words(self, noun: Token) -> list[Measure]:
        """What the clause says of a counted noun, in the order a reader says it.

        - its relative clause: "three debates in which Trump was widely criticised"
          (Daily Mirror), "Chibok schoolgirls who were kidnapped by Boko Haram" (WaPo);
        - its participle: "more than 200 others wounded in Ukrainian strikes" (TASS);
        - the verb it is the passive subject or object of: "Nearly 80 people were
          killed on Nice's Promenade des Anglais" (China Daily), "10,000 people ...
          are involved in the emergency response efforts" (TASS);
        - the verb it is the subject of: "1,000 German service members have remained
          at a multinational military base" (NYT), "24 million people cast early
          ballots"; after "be", the place or state: "Forty-two people were in
          critical condition" (China Daily).

        A noun conjoined to another ("10,000 people and 360 pieces of equipment are
        involved") shares the first one's clause.
        """

        relative = self.restrictive_clause(noun)
        if relative is not None:
            clause = self.subtree_words(relative)
            return [clause] if clause is not None else []
        participle = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
        if participle is not None:
            return [self.word(participle), *self.complement(participle)]
        governed = noun
        while governed.dep_ == "conj" and governed.head.pos_ in ("NOUN", "PROPN"):
            governed = governed.head
        verb = governed.head
        if verb.i == governed.i:
            return []
        if governed.dep_ in ("dobj", "nsubjpass") and verb.tag_ in ("VBN", "VBD"):
            return self._done_to(governed, verb)
        if governed.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
            return []
        lemma = verb.lemma_.lower()
        if lemma == "be":
            return self.complement(verb)
        if verb.pos_ != "VERB" or lemma == "have":
            return []
        words = [*self.negation(verb), self.word(verb), *self.particles(verb)]
        thing = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if thing is not None:
            done = self.noun_phrase(thing, keep_numbers=True)
            if done is not None:
                words.append(done)
        return words + self.complement(verb)

    def _done_to(self, noun: Token, verb: Token) -> list[Measure]:
        """ "projects carried out by the two countries", "people killed on the Promenade"."""

        words = [*self.negation(verb), self.word(verb), *self.particles(verb)]
        words += self.complement(verb)
        agent = nearest_subject(verb)
        if noun.dep_ == "dobj" and agent is not None and agent.pos_ in ("NOUN", "PROPN"):
            agent_phrase = self.noun_phrase(agent, keep_numbers=True)
            if agent_phrase is not None:
                by = Measure("by", agent_phrase.start, agent_phrase.start)
                words += [by, agent_phrase]
        return words

    # phrases -------------------------------------------------------------

    def word(self, token: Token) -> Measure:
        return Measure(token.text, token.idx, token.idx + len(token.text))

    def particles(self, verb: Token) -> list[Measure]:
        """ "carried out", "finish off the floor plan": the verb's particle belongs to it."""

        words: list[Measure] = []
        for particle in (c for c in verb.children if c.dep_ == "prt"):
            objects = [c for c in particle.children if c.dep_ == "pobj"]
            phrase = self.phrase_of(particle, objects[0]) if objects else None
            words.append(phrase or self.word(particle))
        return words

    def negation(self, verb: Token) -> list[Measure]:
        """ "800,000 eligible pensioners were not claiming the money": the "not" is kept."""

        return [self.word(c) for c in verb.children if c.dep_ == "neg"]

    def restrictive_clause(self, noun: Token) -> Token | None:
        """The relative clause that says which of the noun's things are counted.

        "three debates in which Trump was widely criticised", "schoolgirls who
        were kidnapped": it follows the noun with no comma and opens with a
        relative word. A clause after a comma only comments ("60 commercial
        fishermen, who bring in rockfish"), and spaCy's other "relcl"s are often
        no relative clause at all ("a payment to help them").
        """

        for clause in noun.children:
            if clause.dep_ != "relcl" or clause.i < noun.i:
                continue
            words = [t for t in clause.subtree if t.i > noun.i]
            if not words or any(t.is_punct for t in self.doc[noun.i + 1 : words[0].i]):
                continue
            opening = words[:2]
            if any(t.tag_ in RELATIVE_TAGS or t.lower_ == "that" for t in opening):
                return clause
        return None

    def complement(self, verb: Token) -> list[Measure]:
        """The verb's first prepositional phrase after it that is no date: where or why.

        "killed on Thursday on Nice's Promenade des Anglais" gives "on Nice's
        Promenade des Anglais": the date is the figure's period, not its measure.
        Only the first phrase is taken; later ones add places the reader does
        not search by ("in Ukrainian strikes in the special military operation area").
        """

        for child in verb.children:
            if child.i < verb.i or child.dep_ != "prep" or child.pos_ != "ADP":
                continue
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects or objects[0].i in self.inside or _is_date(objects[0]):
                continue
            phrase = self.phrase_of(child, objects[0])
            return [phrase] if phrase is not None else []
        return []

    def phrase_of(self, preposition: Token, noun: Token) -> Measure | None:
        """ "in attacks in January 2015 against Charlie Hebdo": a preposition and its noun
        phrase, articles kept, relative clauses and the amount itself left out."""

        kept: list[Token] = [preposition]
        self._collect(noun, kept, keep_numbers=True, stop_at=None, top=True)
        return self._render(kept, noun)

    def subtree_words(self, head: Token) -> Measure | None:
        """Every word of a clause as written, but the amount and trailing punctuation."""

        kept = [t for t in head.subtree if t.i not in self.inside]
        return self._render(kept, head)

    def antecedent_noun(self, proform: Token) -> str | None:
        """ "nine new ones" after "13 major cooperation projects": the noun counted before."""

        for token in reversed(self.doc[proform.sent.start : proform.i]):
            if (
                token.pos_ == "NOUN"
                and token.lemma_.lower() not in role_words("proform")
                and any(c.dep_ == "nummod" for c in token.children)
            ):
                compounds = [c.text for c in token.lefts if c.dep_ == "compound"]
                return " ".join([*compounds, token.text])
        return None

    def noun_phrase(
        self, head: Token, *, keep_numbers: bool, stop_at: Token | None = None
    ) -> Measure | None:
        """The head noun with its modifiers and prepositional phrases.

        Relative clauses, appositions and conjoined nouns are left out; the
        amount itself is left out, and other numbers too unless `keep_numbers`.
        A leading article is dropped ("the figure" → "figure").
        """

        kept: list[Token] = []
        self._collect(head, kept, keep_numbers=keep_numbers, stop_at=stop_at, top=True)
        kept.sort(key=lambda t: t.i)
        while kept and (kept[0].lower_ in LEADING_WORDS_DROPPED or kept[0].is_punct):
            kept.pop(0)
        return self._render(kept, head)

    def _render(self, tokens: list[Token], head: Token) -> Measure | None:
        """The words of `tokens` in text order, spaced as written where they touch."""

        kept = sorted(tokens, key=lambda t: t.i)
        while kept and kept[0].is_punct:
            kept.pop(0)
        while kept and (kept[-1].is_punct or kept[-1].dep_ in ("cc", "prep")):
            kept.pop()
        if not kept:
            return None
        replacement = None
        if head.lemma_.lower() in role_words("proform"):
            replacement = self.antecedent_noun(head)
        words = [replacement if (t.i == head.i and replacement) else t.text for t in kept]
        pieces = [
            word + self._between(t, nxt)
            for word, t, nxt in zip(words, kept, kept[1:], strict=False)
        ]
        text = "".join(pieces) + words[-1]
        return Measure(" ".join(text.split()), kept[0].idx, kept[-1].idx + len(kept[-1].text))

    def _between(self, token: Token, following: Token) -> str:
        """What separates two kept words: their space, or the hyphens of a name left out
        of the parse's phrase ("Mazar-i-Sharif", "Nice-Matin"), else one space."""

        if following.i == token.i + 1:
            return token.whitespace_
        gap = self.doc.text[token.idx + len(token.text) : following.idx]
        return (
            gap
            if gap and len(gap) <= 2 and not any(c.isspace() or c.isalnum() for c in gap)
            else " "
        )

    def _collect(
        self,
        token: Token,
        kept: list[Token],
        *,
        keep_numbers: bool,
        stop_at: Token | None,
        top: bool,
    ) -> None:
        if token.i in self.inside or (stop_at is not None and token.i == stop_at.i):
            return
        if not keep_numbers and token.dep_ in ("nummod", "quantmod") and token.like_num:
            return
        kept.append(token)
        for child in token.children:
            if child.i in self.inside or _dates_a_phrase(child):
                continue
            left = child.i < token.i and (child.dep_ in PHRASE_CHILD_DEPS or not top)
            right = child.i > token.i and (
                child.dep_ in ("prep", "pobj", "compound")
                or (child.dep_ == "appos" and child.i == token.i + 1)  # "media giant TimeWarner"
                or (not top and child.dep_ in ("conj", "cc"))
            )
            if left or right:
                self._collect(child, kept, keep_numbers=keep_numbers, stop_at=stop_at, top=False)
