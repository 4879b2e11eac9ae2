"""The store gives back the extraction it was given: real dispatches, saved and read back.

`store.articles.get` rebuilds model objects from the rows, so the gold-shaped
JSON of what was read back must equal the JSON of what the pipeline made,
fact for fact; `dateline show --json` and the API are built on that JSON.
"""

from __future__ import annotations

from spacy.language import Language
from tests.conftest import gold_records

from dateline.model import Extraction
from dateline.output import extraction_to_dict
from dateline.pipeline import extract_articles
from dateline.readers import article_from_record
from dateline.store import Store


def _extracted(nlp: Language) -> list[Extraction]:
    records = gold_records("seed.jsonl") + gold_records("tass_dev.jsonl")
    found = list(extract_articles((article_from_record(r) for r in records), nlp))
    assert all(isinstance(e, Extraction) for e in found), found
    return [e for e in found if isinstance(e, Extraction)]


def test_real_articles_read_back_as_the_extraction_they_were_saved_from(
    store: Store, nlp: Language
) -> None:
    extractions = _extracted(nlp)
    store.save_many(extractions)
    for saved in extractions:
        stored = store.articles.get(saved.article.id)
        assert stored is not None
        assert extraction_to_dict(stored.extraction) == extraction_to_dict(saved)
        assert stored.extraction.article.dateline == saved.article.dateline
        shown = stored.as_dict()
        assert shown["meta"]["ingested_at"].endswith("+00:00")
        rows = {a["id"]: a["actor_id"] for a in shown["actors"]}
        assert rows == stored.actor_rows
        for actor in shown["actors"]:
            profile = store.actors.profile(actor["actor_id"])
            assert profile is not None and profile.name == actor["name"]


def test_an_actor_named_twice_in_one_article_comes_back_once_with_every_mention(
    store: Store, nlp: Language
) -> None:
    """Two ids of one article that fold to the same actor row ("Mikhail Mishustin",
    "MIKHAIL MISHUSTIN") are one actor in the store: read back, the first id holds
    all the mentions and the facts of both point at it."""

    saved = _extracted(nlp)[0]
    first = next(a for a in saved.actors if a.kind == "person" and len(a.mentions) > 1)
    twin = type(first)(
        id=f"{first.id}-again",
        name=first.name.upper(),
        kind=first.kind,
        mentions=first.mentions[1:],
        country=first.country,
    )
    first.mentions = first.mentions[:1]
    saved.actors.append(twin)
    store.save(saved)
    stored = store.articles.get(saved.article.id)
    assert stored is not None
    back = {a.id: a for a in stored.extraction.actors}
    assert sorted(back[first.id].mentions) == sorted(first.mentions + twin.mentions)
    assert back[twin.id].mentions == []
    assert stored.actor_rows[first.id] == stored.actor_rows[twin.id]
