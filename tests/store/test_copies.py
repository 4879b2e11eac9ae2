"""The copies index in the store: exact and near copies found, others not (issue 19).

The stored article is the Kazinform example (a real dispatch of 300 words);
its copies are what republishers do to a wire: the same words under another
id, a new first line, a credit added at the end. A different real dispatch,
and the stored article's own id, are not copies. Runs on SQLite, and on
PostgreSQL where `DATELINE_TEST_POSTGRES_URL` is set.
"""

from __future__ import annotations

from dataclasses import replace

import sqlalchemy as sa
from tests.store.conftest import STATEMENT_TEXT

from dateline.model import Article, Extraction
from dateline.store import Store
from dateline.store.copies import MIN_SHINGLES, NEAR_COPY_JACCARD, fingerprint, jaccard
from dateline.store.schema import article_bands, article_fingerprints, store_info


def copy_of(article: Article, copy_id: str, text: str) -> Article:
    return replace(
        article, id=copy_id, text=text, source="Republisher", url=f"https://r.example/{copy_id}"
    )


def test_exact_and_near_copies_are_found_and_other_stories_are_not(
    store: Store, seed: Extraction
) -> None:
    store.save(seed)
    original = seed.article
    rest = original.text.partition("\n")[2]
    batch = [
        copy_of(original, "same-words", original.text.replace("\n", "\r\n") + "  "),
        copy_of(original, "new-lead", "Republished with permission of Kazinform\n" + rest),
        copy_of(original, "credited", original.text + "\n\nReporting by the Astana desk."),
        copy_of(original, "other-story", STATEMENT_TEXT),
        original,
    ]

    found = store.copies.find(batch)

    assert set(found) == {"same-words", "new-lead", "credited"}
    assert found["same-words"].kind == "exact" and found["same-words"].similarity == 1.0
    assert {found[k].kind for k in ("new-lead", "credited")} == {"near"}
    assert all(m.original == original.id for m in found.values())
    assert all(
        NEAR_COPY_JACCARD <= m.similarity < 1 for m in (found["new-lead"], found["credited"])
    )


def test_copies_are_recorded_once_and_listed_with_the_article(
    store: Store, seed: Extraction
) -> None:
    store.save(seed)
    copy = copy_of(seed.article, "mirror-1", seed.article.text)
    match = store.copies.find([copy])["mirror-1"]

    assert store.copies.record([(copy, match)]) == 1
    assert store.copies.record([(copy, match)]) == 0  # a resumed run records nothing twice

    (row,) = store.copies.of(seed.article.id)
    assert (row.copy_id, row.kind, row.source, row.url) == (
        "mirror-1",
        "exact",
        "Republisher",
        "https://r.example/mirror-1",
    )
    stored = store.articles.get(seed.article.id)
    assert stored is not None and stored.as_dict()["copies"][0]["copy_id"] == "mirror-1"
    assert store.stats().copies == 1 and store.stats().articles == 1


def test_a_corrected_article_is_indexed_by_its_new_text(store: Store, seed: Extraction) -> None:
    store.save(seed)
    corrected_text = STATEMENT_TEXT * 3
    corrected = replace(seed, article=replace(seed.article, text=corrected_text))
    store.save(
        replace(corrected, actors=[], quotes=[], amounts=[], events=[], places=[], sentences=[]),
        replace=True,
    )

    old = copy_of(seed.article, "old-text", seed.article.text)
    new = copy_of(seed.article, "new-text", corrected_text)

    assert set(store.copies.find([old, new])) == {"new-text"}


def test_short_texts_are_matched_only_word_for_word() -> None:
    brief = "Shr 12 cts vs 10 cts Net 1.2 mln vs 1.0 mln Revs 45.6 mln vs 40.1 mln"
    other = brief.replace("12 cts", "13 cts")
    first, second = fingerprint(brief), fingerprint(other)

    assert len(first.shingles) < MIN_SHINGLES and first.signature is None
    assert jaccard(first.shingles, second.shingles) > 0.5
    assert first.text_key != second.text_key


def test_an_upgraded_version_5_store_fingerprints_its_articles(
    store: Store, seed: Extraction
) -> None:
    store.save(seed)
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.delete(article_bands))
        conn.execute(sa.delete(article_fingerprints))
        conn.execute(sa.update(store_info).values(value="5"))
    engine.dispose()

    with Store(url) as upgraded:
        copy = copy_of(seed.article, "after-upgrade", seed.article.text)
        assert set(upgraded.copies.find([copy])) == {"after-upgrade"}
