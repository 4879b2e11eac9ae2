"""`dateline watch`: passes over a feed on 127.0.0.1 ingest only what is new (issue 19).

The feed carries real TASS dispatches as its items' full text and an ETag.
Each `watch --once` is a separate process run, as cron would start it, so
what was seen must come from the store: a second pass is answered 304, and
after the feed changes only the new item is stored and a republished copy
of an old one is recorded as its copy.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from tests.readers import test_web
from tests.readers.test_web import Route, Site, item, rss
from tests.test_ingest_copies import tass_records

from dateline.cli import main
from dateline.scale.watch import parse_every

site = test_web.site
"""The loopback HTTP server of the web reader's tests."""


def feed_of(site: Site, records: list[dict[str, Any]], etag: str) -> Route:
    items = [
        item(r["id"], site.url(f"/news/{r['id']}"), r["id"], _full_text(r["text"])) for r in records
    ]
    return Route(rss(site, items), content_type="application/rss+xml", etag=etag)


def _full_text(text: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
    return f"<content:encoded><![CDATA[{paragraphs}]]></content:encoded>"


def watch_once(site: Site, db: str) -> str:
    result = CliRunner().invoke(main, ["watch", site.url("/feed"), "--once", "--db", db])
    assert result.exit_code == 0, result.output
    return result.output


def stats(db: str) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["stats", "--json", "--db", db])
    return json.loads(result.output)


@pytest.mark.slow
def test_each_pass_ingests_only_new_items_and_survives_a_restart(site: Site, tmp_path: Any) -> None:
    records = tass_records()[:4]
    db = str(tmp_path / "news.db")
    site.routes["/feed"] = feed_of(site, records[:3], etag='"v1"')

    assert "3 new item(s), 3 stored" in watch_once(site, db)
    assert "1 unchanged, 0 new item(s)" in watch_once(site, db)

    republished = {**records[0], "id": "republished-" + records[0]["id"]}
    site.routes["/feed"] = feed_of(site, [*records, republished], etag='"v2"')
    output = watch_once(site, db)

    assert "2 new item(s), 1 stored, 1 copies, 0 error(s)" in output
    counted = stats(db)
    assert (counted["articles"], counted["copies"]) == (4, 1)


def test_intervals_are_read_with_their_unit() -> None:
    assert [parse_every(v) for v in ("30s", "15m", "2h", "1d", "900")] == [
        30,
        900,
        7200,
        86400,
        900,
    ]
    with pytest.raises(ValueError, match="no interval"):
        parse_every("soon")
