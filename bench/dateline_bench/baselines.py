"""Off-the-shelf baselines, scored by the same code as dateline.

Each baseline turns records (`id`, `text`) into gold-shaped dicts holding
only the field it covers, so a side-by-side table shows what dateline adds
over the obvious tool for the job:

- actors: spaCy NER alone, every PERSON / ORG / GPE / NORP entity an actor,
  entities with the same text merged;
- quotes: textacy's `direct_quotations` (direct speech only);
- amounts: quantulum3's `parser.parse`.

textacy is a dev extra and quantulum3 a dependency of this package; both
are imported only when used, so a missing textacy costs only its baseline
(`dateline_bench.baseline`).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from spacy.tokens import Doc

from dateline.parsing import load_model

Record = dict[str, Any]
Predict = Callable[[Sequence[Record]], list[Record]]

_NER_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "country"}


def _span(start: int, end: int) -> dict[str, int]:
    return {"start": start, "end": end}


def _texts(records: Iterable[Record]) -> tuple[list[Record], list[str]]:
    kept = list(records)
    return kept, [str(record.get("text") or "") for record in kept]


def _empty(record: Record) -> Record:
    return {
        "id": record.get("id"),
        "actors": [],
        "quotes": [],
        "amounts": [],
        "events": [],
        "places": [],
    }


def spacy_ner_actors(records: Sequence[Record], model: str | None = None) -> list[Record]:
    """Actors as spaCy's NER sees them: no merging of "Smailov" into "Alikhan Smailov"."""

    nlp = load_model(model)
    kept, texts = _texts(records)
    out: list[Record] = []
    for record, doc in zip(kept, nlp.pipe(texts, batch_size=32), strict=True):
        result = _empty(record)
        by_text: dict[str, Record] = {}
        for ent in doc.ents:
            kind = _NER_KINDS.get(ent.label_)
            if kind is None:
                continue
            actor = by_text.get(ent.text)
            if actor is None:
                actor = {
                    "id": f"ner-{len(by_text)}",
                    "name": ent.text,
                    "kind": kind,
                    "label": ent.label_,
                    "mentions": [ent.text],
                    "spans": [],
                }
                by_text[ent.text] = actor
            actor["spans"].append(_span(ent.start_char, ent.end_char))
        result["actors"] = list(by_text.values())
        out.append(result)
    return out


def _quotation_triples(doc: Doc, extract: Callable[[Doc], Iterable[Any]]) -> Iterator[Any]:
    """textacy's triples with the character offset of the doc they came from.

    textacy gives up on a whole document when its quotation marks do not
    pair up (one stray mark in a long article); then it is run paragraph by
    paragraph, as a user of the library would, and only the paragraph with
    the stray mark is lost.
    """

    try:
        triples = list(extract(doc))
    except ValueError:
        pass
    else:
        for triple in triples:
            yield 0, triple
        return
    start = 0
    for paragraph in doc.text.split("\n"):
        end = start + len(paragraph)
        span = doc.char_span(start, end, alignment_mode="contract") if paragraph.strip() else None
        if span is not None and len(span):
            try:
                found = list(extract(span.as_doc()))
            except ValueError:
                found = []
            for triple in found:
                yield span.start_char, triple
        start = end + 1


def textacy_quotes(records: Sequence[Record], model: str | None = None) -> list[Record]:
    """Direct quotations found by textacy; the speaker phrase becomes an actor."""

    from textacy.extract.triples import direct_quotations

    nlp = load_model(model)
    kept, texts = _texts(records)
    out: list[Record] = []
    for record, doc in zip(kept, nlp.pipe(texts, batch_size=32), strict=True):
        result = _empty(record)
        actors: dict[str, Record] = {}
        for offset, triple in _quotation_triples(doc, direct_quotations):
            content = triple.content
            speaker_id = None
            source_span = None
            if triple.speaker:
                start = triple.speaker[0].idx
                last = triple.speaker[-1]
                end = last.idx + len(last.text)
                name = triple.speaker[0].doc.text[start:end]
                actor = actors.setdefault(
                    name,
                    {"id": f"speaker-{len(actors)}", "name": name, "mentions": [name]},
                )
                speaker_id = actor["id"]
                source_span = _span(offset + start, offset + end)
            result["quotes"].append(
                {
                    "kind": "direct",
                    "speaker": speaker_id,
                    "text": content.text.strip("\"'“”‘’«» "),
                    "span": _span(offset + content.start_char, offset + content.end_char),
                    "source_span": source_span,
                }
            )
        result["actors"] = list(actors.values())
        out.append(result)
    return out


_QUANTULUM_UNITS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound sterling": "GBP",
    "yen": "JPY",
    "japanese yen": "JPY",
    "renminbi": "CNY",
    "chinese yuan": "CNY",
    "rouble": "RUB",
    "russian ruble": "RUB",
    "indian rupee": "INR",
    "percentage": "ratio",
    "dimensionless": "count",
}


def quantulum_amounts(records: Sequence[Record]) -> list[Record]:
    """Amounts as quantulum3 parses them.

    quantulum3 0.10 ships a scikit-learn classifier pickled with an older
    scikit-learn that current versions cannot load, so its unit
    disambiguation runs in the no-classifier mode (`USE_CLF = False`);
    parsing needs no network either way.
    """

    with warnings.catch_warnings():  # it warns that its classifier's extras are missing
        warnings.simplefilter("ignore", UserWarning)
        import quantulum3.classifier
        from quantulum3 import parser

    quantulum3.classifier.USE_CLF = False
    out: list[Record] = []
    for record in records:
        result = _empty(record)
        text = str(record.get("text") or "")
        try:
            quantities = parser.parse(text)
        except Exception:  # quantulum raises assorted errors on odd input
            quantities = []
        for quantity in quantities:
            unit_name = str(quantity.unit.name)
            value = float(quantity.value)
            if unit_name == "percentage":
                value /= 100
            start, end = quantity.span
            result["amounts"].append(
                {
                    "text": quantity.surface,
                    "value": value,
                    "unit": _QUANTULUM_UNITS.get(unit_name, unit_name),
                    "quantulum_unit": unit_name,
                    "span": _span(start, end),
                }
            )
        out.append(result)
    return out
