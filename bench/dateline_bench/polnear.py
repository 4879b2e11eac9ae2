"""PolNeAR (political news attribution relations): quote spans and speakers.

Gold: every attribution's CONTENT span becomes a quote, `direct` when it
opens with (or sits right after) a quotation mark, else `indirect`. Scored
on the test split (84 articles; train/dev are for tuning), first annotator
of each article.

Speakers are judged the same way for every system, by the *head* of a name:
the last word of the phrase before any apposition or modifier ("Josh
Earnest, the White House press secretary" -> "earnest", "a spokesman for
Clinton" -> "spokesman", "Trump's campaign" -> "campaign"). A predicted
speaker is right when the head of the gold SOURCE is the head of the
speaker's name or of one of its mentions in the article, so sharing an
incidental word ("Clinton" in "a Clinton aide") no longer counts. Where
PolNeAR records no source ("it has been reported"), the right speaker is
none. Sources that are pronouns ("he said") are not judged, since PolNeAR
does not resolve them; those quotes count in neither speaker accuracy nor
quote+speaker F1 (a prediction matched to one is neither hit nor false
alarm). quote+speaker F1 counts a hit for a matched quote whose speaker is
right, so a system that finds a quote but not who said it earns no hit.

A quote whose speaker is no actor may still name its source in words ("the
letter says"); where a system gives such words and no actor, the words are
judged: they are right when their head is the head of the gold SOURCE, and
wrong where PolNeAR records no source. A speaker actor, where there is one,
is judged instead of the words.

A split quotation (`"A," he said. "B."`) is one attribution in PolNeAR but
two quotes in our gold, one a pair of marks; content pieces with nothing but
white space between them (PolNeAR cuts a long quotation at sentence breaks)
are one quote. Quoted words inside reported
speech (`said he favours "a hell of a lot worse."`) are a direct quote in our
convention but part of a reported content in PolNeAR: a predicted direct
quote lying inside gold reported content is neither hit nor false alarm.

PolNeAR also annotates cognition and attitude ("believes", "glosses over"),
which are not speech. The figures marked "speech cues" keep only gold whose
cue holds a verb of communication (`SPEECH_CUE_STEMS`, a fixed list that is
part of this benchmark, not of dateline's lexicon); predictions matched to
the other gold are neither hits nor false alarms, for every system alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dateline.evaluate import dateline_predict
from dateline.evaluate.matching import Pair, fold_text, greedy_match
from dateline.evaluate.scoring import quote_match_score, score_articles
from dateline_bench import (
    BenchmarkResult,
    BenchmarkRun,
    baseline,
    corpus,
    polnear_spans,
    read_jsonl,
)
from dateline_bench.baselines import textacy_quotes

SPLIT = "test"
_QUOTE_MARKS = frozenset("\"“”«»„‘’'")
_PRONOUNS = frozenset(
    [
        "i",
        "we",
        "you",
        "he",
        "she",
        "it",
        "they",
        "me",
        "us",
        "him",
        "her",
        "them",
        "this",
        "that",
        "who",
        "which",
        "one",
        "someone",
    ]
)
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "its", "their", "our", "my"])
# A name's head stands before the first apposition or post-modifier.
_MODIFIER_START = re.compile(r",|\(| (?:of|for|at|from|in|on|with|who|which|and|to) ")
_HEAD_WORD = re.compile(r"\w+(?:[.'-]\w+)*")
# Verbs of communication (stems, matched at the start of a cue word): the
# cues that make an attribution speech rather than thought or attitude.
SPEECH_CUE_STEMS = (
    "say",
    "said",
    "tell",
    "told",
    "add",
    "note",
    "stat",
    "claim",
    "argu",
    "ask",
    "answer",
    "repl",
    "respon",
    "writ",
    "wrote",
    "tweet",
    "post",
    "announc",
    "declar",
    "explain",
    "insist",
    "warn",
    "stress",
    "emphasi",
    "according",
    "report",
    "comment",
    "remark",
    "speak",
    "spoke",
    "testif",
    "acknowledg",
    "admit",
    "confirm",
    "deni",
    "deny",
    "conced",
    "promis",
    "vow",
    "pledg",
    "urg",
    "quot",
    "continu",
    "conclud",
    "recall",
    "point",
    "reiterat",
    "assert",
    "allege",
    "suggest",
    "call",
    "describ",
    "predict",
    "joke",
    "joking",
    "shout",
    "yell",
    "chant",
    "read",
    "complain",
    "mention",
    "interview",
    "statement",
)


def _joined(parts: Sequence[dict[str, Any]]) -> str:
    return " ".join(str(p.get("text", "")) for p in parts)


def _is_direct(text: str, content: Sequence[dict[str, Any]]) -> bool:
    if not content:
        return False
    start = int(content[0]["start"])
    opening = text[start : start + 1]
    before = text[max(0, start - 2) : start]
    return opening in _QUOTE_MARKS or any(c in _QUOTE_MARKS for c in before)


def _quotations(text: str, content: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The content of one attribution as our gold counts quotes.

    A split quotation (`"A," he said. "B."`) is one PolNeAR attribution with
    two content pieces but two quotations in our gold convention (a direct
    quote is what stands between one pair of marks), so a direct content
    made of several pieces gives one quote a piece; reported content stays
    whole. Pieces with only white space between them are one quotation that
    PolNeAR cut at a sentence or paragraph break (no cue stands between
    them), so they stay one quote.
    """

    if len(content) < 2 or not _is_direct(text, content):
        return [content]
    pieces = sorted(content, key=lambda piece: int(piece["start"]))
    runs = [[pieces[0]]]
    for piece in pieces[1:]:
        if text[int(runs[-1][-1]["end"]) : int(piece["start"])].strip():
            runs.append([piece])
        else:
            runs[-1].append(piece)
    return runs


def is_speech_cue(cue: str) -> bool:
    """True when the cue holds a verb of communication ("told reporters", ":")."""

    words = _HEAD_WORD.findall(fold_text(cue))
    if not words:
        return True  # a bare colon or dash: the headline and quote conventions
    return any(word.startswith(SPEECH_CUE_STEMS) for word in words)


def to_gold(record: dict[str, Any]) -> dict[str, Any]:
    """One PolNeAR article as a gold article with quotes (and their sources)."""

    annotations = record.get("annotations_by_annotator") or {}
    first = sorted(annotations)[0] if annotations else None
    text = str(record["text"])
    quotes = []
    for relation in annotations.get(first, []) if first else []:
        content = relation.get("content") or []
        if not content:
            continue
        cue = _joined(relation.get("cue") or [])
        for part in _quotations(text, content):
            quotes.append(
                {
                    "kind": "direct" if _is_direct(text, part) else "indirect",
                    "text": _joined(part),
                    "start": min(int(piece["start"]) for piece in part),
                    "end": max(int(piece["end"]) for piece in part),
                    "speaker": None,
                    "source_text": _joined(relation.get("source") or []),
                    "cue_text": cue,
                    "speech": is_speech_cue(cue),
                }
            )
    return {
        "id": record["id"],
        "text": text,
        "meta": {"date": record.get("date")},
        "quotes": quotes,
    }


def name_head(phrase: str | None) -> str | None:
    """The word a name phrase is about, or None for a pronoun or nothing.

    "Sen. Ted Cruz of Texas" -> "cruz"; "Clinton's spokesman Brian Fallon"
    -> "fallon"; "the newspaper" -> "newspaper"; "he" -> None.
    """

    folded = fold_text(phrase)
    cut = _MODIFIER_START.search(folded)
    words = _HEAD_WORD.findall(folded[: cut.start()] if cut else folded)
    words = [w.removesuffix("'s").removesuffix("'") for w in words]
    words = [w for w in words if w and w not in _DETERMINERS]
    if not words or (len(words) == 1 and words[0] in _PRONOUNS):
        return None
    return words[-1]


def name_heads(phrase: str | None) -> frozenset[str]:
    """Heads of a phrase and of its appositions: "another friend, Mariam
    Emara" -> {"friend", "emara"}; "he" -> empty."""

    parts = re.split(r"[,(]", phrase or "")
    return frozenset(head for part in parts if (head := name_head(part)))


def _speaker_heads(predicted: dict[str, Any], speaker_id: Any) -> frozenset[str]:
    """Heads of the predicted speaker's name and of each of its mentions."""

    for actor in predicted.get("actors") or []:
        if actor.get("id") == speaker_id:
            phrases = [actor.get("name"), *(actor.get("mentions") or [])]
            return frozenset(head for p in phrases for head in name_heads(p))
    return frozenset()


def speaker_verdict(
    gold_quote: dict[str, Any],
    article: dict[str, Any],
    speaker: Any,
    source: str | None = None,
) -> bool | None:
    """Whether `speaker` (an actor id of `article`, or None) is the gold source.

    Without a speaker, the predicted quote's `source` words ("the letter")
    stand for it, so a system is credited for naming a source that is no
    actor. None where the gold source is a pronoun and cannot be judged.
    """

    predicted = _speaker_heads(article, speaker) if speaker is not None else name_heads(source)
    gold_source = str(gold_quote.get("source_text") or "")
    if not gold_source.strip():
        return speaker is None and not predicted
    heads = name_heads(gold_source)
    if not heads:
        return None
    return bool(heads & predicted)


def _pairs(gold_article: dict[str, Any], predicted: dict[str, Any]) -> list[Pair[Any, Any]]:
    return greedy_match(gold_article["quotes"], predicted.get("quotes") or [], quote_match_score)


def speaker_accuracy(
    gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]
) -> tuple[int, int]:
    """Correct and judged speakers over matched quotes (pronoun sources left out)."""

    by_id = {p.get("id"): p for p in predicted}
    correct = total = 0
    for article in gold:
        found = by_id.get(article["id"], {})
        pred_quotes = found.get("quotes") or []
        for pair in _pairs(article, found):
            quote = pred_quotes[pair.predicted_index]
            verdict = speaker_verdict(
                article["quotes"][pair.gold_index],
                found,
                quote.get("speaker"),
                quote.get("source"),
            )
            if verdict is None:
                continue
            total += 1
            correct += verdict
    return correct, total


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives of one figure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def f1(self) -> float | None:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None


def quote_counts(
    gold: Sequence[dict[str, Any]],
    predicted: Sequence[dict[str, Any]],
    kind: str,
    *,
    with_speaker: bool = False,
    speech_only: bool = False,
) -> Counts:
    """Quote (or quote+speaker) counts of one kind.

    Gold left out of the figure (not speech when `speech_only`; a pronoun
    source when `with_speaker`) is neither missed nor, when matched, makes its
    prediction a false alarm.
    """

    by_id = {p.get("id"): p for p in predicted}
    counts = Counts()
    for article in gold:
        found = by_id.get(article["id"], {})
        gold_quotes = article["quotes"]
        pred_quotes = found.get("quotes") or []
        matched = {pair.predicted_index: pair.gold_index for pair in _pairs(article, found)}
        judged_gold: set[int] = set()
        for index, quote in enumerate(gold_quotes):
            if quote["kind"] != kind or (speech_only and not quote.get("speech", True)):
                continue
            if with_speaker and speaker_verdict(quote, found, None) is None:
                continue
            judged_gold.add(index)
        hits = 0
        for index, quote in enumerate(pred_quotes):
            if quote.get("kind") != kind:
                continue
            gold_index = matched.get(index)
            if gold_index is None:
                counts.fp += not _inside_reported(quote, gold_quotes)
                continue
            if gold_index not in judged_gold:
                continue
            gold_quote = gold_quotes[gold_index]
            right = not with_speaker or speaker_verdict(
                gold_quote, found, quote.get("speaker"), quote.get("source")
            )
            if right:
                hits += 1
            else:
                counts.fp += 1
        counts.tp += hits
        counts.fn += len(judged_gold) - hits
    return counts


def _inside_reported(quote: dict[str, Any], gold_quotes: Sequence[dict[str, Any]]) -> bool:
    """A direct quote within the content of a gold reported attribution: the
    quoted words of mixed speech (`said he favours "a hell of a lot worse."`),
    which PolNeAR folds into the reported content instead of marking them."""

    span = quote.get("span") or {}
    if quote.get("kind") != "direct" or "start" not in span:
        return False
    return any(
        g["kind"] == "indirect" and g["start"] <= span["start"] and span["end"] <= g["end"]
        for g in gold_quotes
        if "start" in g
    )


def score_system(
    gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]
) -> dict[str, float | None]:
    """Every PolNeAR figure of one system's predictions."""

    quotes_only = [{"id": p.get("id"), "quotes": p.get("quotes") or []} for p in predicted]
    fields = score_articles(gold, quotes_only).fields
    correct, total = speaker_accuracy(gold, predicted)
    direct = quote_counts(gold, predicted, "direct")
    direct_speaker = quote_counts(gold, predicted, "direct", with_speaker=True)
    indirect_speech = quote_counts(gold, predicted, "indirect", speech_only=True)
    indirect_speaker = quote_counts(
        gold, predicted, "indirect", with_speaker=True, speech_only=True
    )
    return {
        "direct quote F1": direct.f1,
        "direct quote P": direct.precision,
        "direct quote+speaker F1": direct_speaker.f1,
        "indirect quote F1": fields["quotes.indirect"].f1,
        "indirect quote P": fields["quotes.indirect"].precision,
        "indirect quote F1 (speech cues)": indirect_speech.f1,
        "indirect quote+speaker F1 (speech cues)": indirect_speaker.f1,
        "speaker acc": correct / total if total else None,
    }


def load_records(
    settings: BenchmarkRun, split: str = SPLIT, limit: int | None = None
) -> list[dict[str, Any]]:
    """PolNeAR's records of one split ("train", "dev" or "test"), every annotator kept."""

    records = [
        r
        for r in read_jsonl(corpus(settings, "polnear/polnear.jsonl"))
        if r.get("compartment") == split
    ]
    return records if limit is None else records[:limit]


def load_gold(
    settings: BenchmarkRun, split: str = SPLIT, limit: int | None = None
) -> list[dict[str, Any]]:
    """Gold articles of one split ("train", "dev" or "test"), first annotator."""

    return [to_gold(r) for r in load_records(settings, split, limit)]


def run(settings: BenchmarkRun) -> BenchmarkResult:
    records = load_records(settings, SPLIT, settings.limit)
    gold = [to_gold(r) for r in records]
    copies = polnear_spans.annotated_copies(records)
    inputs = [{"id": g["id"], "text": g["text"], "meta": g["meta"]} for g in gold]
    result = BenchmarkResult("polnear", f"PolNeAR {SPLIT} split, quote attribution")
    result.articles = len(gold)

    def scored(predicted: list[dict[str, Any]]) -> dict[str, float | None]:
        return score_system(gold, predicted) | polnear_spans.score(copies, predicted)

    result.scores["dateline"] = scored(dateline_predict(inputs, settings.model))
    baseline(result, "textacy", lambda: scored(textacy_quotes(inputs, settings.model)))
    result.details["published"] = polnear_spans.PUBLISHED
    result.notes.append(
        "speaker = head of the gold source's name (pronoun sources not judged, no source ="
        " no speaker; a quote with no speaker actor is judged by its source words),"
        " same rule for every system; 'speech cues' figures leave out gold"
        " whose cue is cognition or attitude"
    )
    result.notes.append(
        f"CofeNet protocol: exact character spans of every attribution's source and content"
        f" pieces, all {len(copies)} annotated copies (first-annotator figures above use one"
        " per article); 'boundaries folded' drops white space, quotation marks, edge"
        " punctuation and a content's leading 'that' first (PolNeAR's conventions, not"
        " reading errors); only the strict figures compare with the published ones"
    )
    return result
