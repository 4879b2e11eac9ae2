"""The ordered stages that turn a parsed article into an `Extraction`.

Each stage is a plain function of the parsed document (and of the facts of
the stages before it), so it can be tested, timed and replaced alone.
`STAGES` lists them in order; one loop runs them, times each and names the
stage in the error when one fails. The order matters only where a stage
reads another's facts: quotes need actors for their speakers, events need
actors, places and quotes.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from spacy.language import Language

from dateline.document.dates import resolve_date
from dateline.errors import ExtractionFailed
from dateline.knowledge.gazetteer import find_town
from dateline.model import Article, Extraction
from dateline.output import extraction_to_dict
from dateline.parsing import ParsedDoc, load_model, parse_articles
from dateline.readers import article_from_record, read_text
from dateline.stages.actors import extract_actors
from dateline.stages.amounts import extract_amounts
from dateline.stages.events import extract_events
from dateline.stages.places import extract_places
from dateline.stages.quotes import extract_quotes

Stage = Callable[[ParsedDoc, Extraction], list[Any]]
"""A stage: the parsed article and the facts found so far in, its facts out."""

STAGES: tuple[tuple[str, Stage], ...] = (
    ("actors", lambda parsed, found: extract_actors(parsed)),
    ("quotes", lambda parsed, found: extract_quotes(parsed, found.actors)),
    ("amounts", lambda parsed, found: extract_amounts(parsed, found.actors)),
    ("places", lambda parsed, found: extract_places(parsed, found.actors)),
    (
        "events",
        lambda parsed, found: extract_events(parsed, found.actors, found.places, found.quotes),
    ),
)
"""The stages in the order they run; each name is the `Extraction` field it fills."""

STAGE_NAMES = tuple(name for name, _ in STAGES)


@dataclass
class StageTimer:
    """Seconds spent per stage, summed over a run (for `--timings`)."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))


@contextmanager
def _stage(name: str, parsed: ParsedDoc, timer: StageTimer | None) -> Iterator[None]:
    """Time one stage and name it in the error if it raises."""

    started = time.perf_counter()
    try:
        yield
    except Exception as exc:  # one article must not stop a batch
        raise ExtractionFailed(parsed.article, name, exc) from exc
    if timer is not None:
        timer.seconds[name] += time.perf_counter() - started


def run_stages(
    parsed: ParsedDoc, timer: StageTimer | None = None, disable: Collection[str] = ()
) -> Extraction:
    """Run the stages of `STAGES` on one parsed article, in order.

    A stage named in `disable` is skipped and its facts stay empty, as if it
    found none; the stages after it read that (timing one stage alone,
    testing a stage without another's facts).
    """

    unknown = sorted(set(disable) - set(STAGE_NAMES))
    if unknown:
        raise ValueError(f"no stage named {', '.join(unknown)}; stages: {', '.join(STAGE_NAMES)}")
    found = Extraction(article=parsed.article, sentences=parsed.sentence_spans())
    for name, stage in STAGES:
        if name in disable:
            continue
        with _stage(name, parsed, timer):
            setattr(found, name, stage(parsed, found))
    return found


def extract_articles(
    articles: Iterable[Article],
    nlp: Language | None = None,
    *,
    model: str | None = None,
    batch_size: int = 32,
    timer: StageTimer | None = None,
    disable: Collection[str] = (),
) -> Iterator[Extraction | ExtractionFailed]:
    """Extract facts from many articles; failures are yielded, not raised.

    `disable` names stages to skip (`run_stages`).
    """

    language = nlp if nlp is not None else load_model(model)
    for parsed in parse_articles(articles, language, batch_size=batch_size):
        if isinstance(parsed, ExtractionFailed):
            yield parsed
            continue
        try:
            yield run_stages(parsed, timer, disable)
        except ExtractionFailed as failure:
            yield failure


def extract_batch(
    articles: list[Article], model: str | None = None
) -> list[Extraction | ExtractionFailed]:
    """Extract one bounded batch with this process's cached model.

    The unit of work a worker process or Dask worker runs: `load_model` is
    cached per process, so each worker loads the model once, on its first
    batch (or at start-up, where the pool warms it).
    """

    return list(extract_articles(articles, load_model(model), batch_size=max(1, len(articles))))


WARM_UP_TEXT = (
    "YEKATERINBURG. KAZINFORM - On the sidelines of the 12th International Industrial "
    "Exhibition INNOPROM held in Yekaterinburg, Russia, a meeting between Prime Ministers "
    "of Kazakhstan and Russia Alikhan Smailov and Mikhail Mishustin took place. «Our "
    "cooperation has stood the test of time,» said Mishustin. In 2021, bilateral trade "
    "turnover between Kazakhstan and Russia reached a record figure of $24.2bn rising by "
    "almost a third."
)
"""A real dispatch opening that touches every stage and the gazetteers."""


@lru_cache(maxsize=4)
def warm_up(model: str | None = None) -> None:
    """Load the model and every lazily built table once, before real work.

    The stages build their indexes (gazetteers, patterns) on first use, which
    costs seconds; a worker that warms up at start-up runs its first batch at
    full speed, and workers forked from a warm parent share those tables.
    """

    extract_batch([read_text(WARM_UP_TEXT, id="warm-up")], model)
    _read_remaining_tables()


def _read_remaining_tables() -> None:
    """Read the tables the warm-up dispatch does not reach, now rather than mid-batch.

    The small-towns gazetteer (GeoNames places of 500 or more people) is
    read only when a place is no known city, and dateparser loads its
    relative-date data on its first "two weeks ago": seconds each, which a
    worker would otherwise spend inside its first real batch.
    """

    find_town("Yekaterinburg", countries=())
    resolve_date("two weeks ago", date(2022, 7, 6))


def extract_records(
    records: Iterable[dict[str, Any]], model: str | None = None
) -> Iterator[dict[str, Any]]:
    """Gold-shaped output for JSON records (`id`, `text`, `date`/`meta`), ids kept.

    Used by evaluation: the records are gold articles, the answer is what
    `dateline extract --format jsonl` prints for them. An article a stage
    fails on comes back with empty fact lists and an `error`.
    """

    articles = (article_from_record(record) for record in records)
    for result in extract_articles(articles, model=model):
        if isinstance(result, ExtractionFailed):
            empty = extraction_to_dict(Extraction(article=result.article))
            yield {**empty, "error": str(result)}
        else:
            yield extraction_to_dict(result)
