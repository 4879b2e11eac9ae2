"""Every parameter is bounded: a hostile or careless value is a 422 in the JSON envelope.

Each case is one the hostile-user report (2026-12-02) sent to a running server
and got a plain-text 500, a 503 "store outage", seconds of CPU or a reset
keep-alive connection for. The store is two real dispatches built by hand
(tests/store/conftest.py), so these tests need no spaCy model.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest
from fastapi.testclient import TestClient
from tests.server.browser import serving
from tests.server.conftest import LOOPBACK
from tests.store.conftest import seed_extraction, tass_extraction

from dateline.server import create_app
from dateline.server.deps import MAX_SEARCH_WORDS
from dateline.store import Store
from dateline.store.names import actor_row_id

BEYOND_INT64 = "10000000000000000000"  # 10^19 > 2^63 - 1
UNICODE_DIGITS = ("²", "٣", "１２")  # str.isdigit() is true for each; none is an actor id


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = str(tmp_path_factory.mktemp("bounds") / "news.db")
    with Store(url) as store:
        store.save(seed_extraction())
        store.save(tass_extraction())
    return url


@pytest.fixture(scope="module")
def client(small_store: str) -> Iterator[TestClient]:
    with TestClient(create_app(small_store), base_url=LOOPBACK) as test_client:
        yield test_client


def refused(client: TestClient, url: str, *mentions: str) -> str:
    """The 422 message for `url`, checked to be the JSON envelope naming `mentions`."""

    response = client.get(url)
    assert response.status_code == 422, (url, response.status_code, response.text[:300])
    assert response.headers["content-type"] == "application/json", url
    error = response.json()["error"]
    assert error["status"] == 422, url
    for mention in mentions:
        assert mention in error["message"], (url, error["message"])
    assert len(error["message"]) < 600, "a long value is not echoed back whole"
    return str(error["message"])


@pytest.mark.parametrize("digits", UNICODE_DIGITS)
def test_unicode_digits_are_no_actor_id(client: TestClient, digits: str) -> None:
    given = quote(digits)
    refused(client, f"/api/articles?actor={given}", "actor", "ASCII digits")
    refused(client, f"/api/events?actor={given}", "actor")
    refused(client, f"/api/events?pair={given},RUS", "pair")
    refused(client, f"/api/dyads/{given}/RUS", "no actor id")
    refused(client, f"/api/actors/{given}", "actor_id")


def test_ids_and_pages_past_a_database_integer(client: TestClient) -> None:
    refused(client, f"/api/actors/{BEYOND_INT64}", "actor_id")
    refused(client, f"/api/articles?actor={'9' * 30}", "actor")
    refused(client, f"/api/dyads/{BEYOND_INT64}/RUS", "no actor id")
    for resource in ("articles", "quotes", "actors", "events"):
        refused(client, f"/api/{resource}?page={BEYOND_INT64}", "page")


def test_a_far_page_inside_the_bounds_is_empty_not_an_error(client: TestClient) -> None:
    for resource in ("articles", "quotes", "actors", "events"):
        found = client.get(f"/api/{resource}?page=2147483647&per_page=200")
        assert found.status_code == 200, (resource, found.text)
        assert found.json()["items"] == [], resource


@pytest.mark.parametrize("value", ["0", "-1", "201", "1e3", "NaN", "", "²"])
def test_page_sizes_and_limits_out_of_range(client: TestClient, value: str) -> None:
    refused(client, f"/api/articles?per_page={quote(value)}", "per_page")
    refused(client, f"/api/search?q=trade&limit={quote(value)}", "limit")


def test_page_zero_and_negative(client: TestClient) -> None:
    for page in ("0", "-5"):
        refused(client, f"/api/quotes?page={page}", "page")


def test_long_searches_are_refused_before_the_store_sees_them(client: TestClient) -> None:
    ten_thousand = "+".join(["trade"] * 10_000)  # httpx sends at most 64 KiB of URL
    refused(client, f"/api/quotes?q={ten_thousand}", "query string")
    too_many = "+".join(["trade"] * (MAX_SEARCH_WORDS + 1))
    for url in ("/api/quotes?q=", "/api/articles?q=", "/api/search?q="):
        refused(client, url + too_many, "q", f"at most {MAX_SEARCH_WORDS} words")
    refused(client, "/api/articles?q=" + "+".join(["!"] * 100), "q", "words")
    refused(client, "/api/search?q=" + "a" * 600, "q", "at most 500")
    refused(client, "/api/actors?q=" + "a" * 300, "q")
    refused(client, "/api/figures?measure=" + "trade+" * 60, "measure")
    allowed = "+".join(["trade"] * MAX_SEARCH_WORDS)
    assert client.get("/api/search?q=" + allowed).status_code == 200


def test_unknown_enum_values(client: TestClient) -> None:
    refused(client, "/api/actors?kind=alien", "kind")
    refused(client, "/api/events?type=PARTY", "type")


def test_control_characters_in_parameters_and_paths(client: TestClient) -> None:
    refused(client, "/api/articles?q=gas%00transit", "q", "control character")
    refused(client, "/api/quotes?speaker=%01", "speaker")
    refused(client, "/api/articles/abc%00def", "control character")


def test_an_actor_id_is_ascii_digits_within_a_database_integer() -> None:
    assert actor_row_id("12") == 12 and actor_row_id(" 7 ") == 7
    assert actor_row_id(str(2**63 - 1)) == 2**63 - 1
    assert actor_row_id(str(2**63)) is None
    for not_an_id in ("²", "٣", "１２", "1.5", "-3", "", "12a"):
        assert actor_row_id(not_an_id) is None, not_an_id


def test_a_keep_alive_connection_survives_every_refusal(small_store: str) -> None:
    """On a real server (uvicorn), one connection: each hostile request is answered
    with JSON and the next request on the same connection still works.

    http.client, unlike httpx, sends a URL of any length: the 20,000-word search
    goes out as the report sent it."""

    hostile = (
        "/api/quotes?q=" + "+".join(["trade"] * 20_000),
        "/api/articles?actor=%C2%B2",
        "/api/events?actor=%C2%B2",
        "/api/dyads/%C2%B2/RUS",
        f"/api/actors/{BEYOND_INT64}",
        f"/api/articles?page={BEYOND_INT64}",
        "/api/quotes?q=" + "+".join(["trade"] * 2000),
        "/api/articles?q=a%00b",
    )
    with serving(small_store) as base:
        connection = HTTPConnection(urlparse(base).netloc, timeout=30)
        try:
            for url in hostile:
                status, body = _get(connection, url)
                assert status == 422, (url[:80], body[:200])
                assert json.loads(body)["error"]["status"] == 422, url[:80]
                assert _get(connection, "/api/stats")[0] == 200, f"connection lost after {url}"
        finally:
            connection.close()


def _get(connection: HTTPConnection, url: str) -> tuple[int, str]:
    """GET on a kept-alive connection; http.client raises if the server dropped it."""

    connection.request("GET", url)
    response = connection.getresponse()
    return response.status, response.read().decode()


def test_store_keeps_unicode_digit_references_as_words(tmp_path: Path) -> None:
    """Called from Python (no server in between), "²" is no id: it matches no actor
    instead of raising from `int()`."""

    with Store(str(tmp_path / "news.db")) as store:
        store.save(seed_extraction())
        assert store.articles.page(actor="²").total == 0
        assert store.events.page(actor="²").total == 0
        assert store.events.side(BEYOND_INT64) is None
