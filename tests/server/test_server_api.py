"""The JSON API over a store of real extractions: filters, pagination, errors."""

from __future__ import annotations

import json
from typing import Any

from click.testing import CliRunner
from fastapi.testclient import TestClient
from tests.server.conftest import LOOPBACK

from dateline.cli import main
from dateline.server import create_app


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


def test_articles_paginate_newest_first(client: TestClient) -> None:
    first = get(client, "/api/articles?per_page=2")
    assert (first["total"], first["pages"], len(first["items"])) == (5, 3, 2)
    last = get(client, "/api/articles?per_page=2&page=3")
    assert len(last["items"]) == 1
    assert last["items"][0]["published"] == "2022-07-04"  # the oldest, Kazinform


def test_actor_quote_and_event_pages_add_up_to_the_whole_list(client: TestClient) -> None:
    for resource in ("actors", "quotes", "events"):
        whole = get(client, f"/api/{resource}?per_page=200")
        assert whole["total"] == len(whole["items"]) >= 2, resource
        count = get(client, f"/api/{resource}?per_page=2")["pages"]
        assert count == -(-whole["total"] // 2), resource
        pages = [get(client, f"/api/{resource}?per_page=2&page={n}") for n in range(1, count + 2)]
        assert {p["total"] for p in pages} == {whole["total"]}, resource
        assert [item for p in pages for item in p["items"]] == whole["items"], resource
        assert pages[-1]["items"] == [], f"{resource}: a page past the end is empty"


def test_articles_filter_by_words_date_source_and_actor(
    client: TestClient, example_id: str
) -> None:
    def ids(query: str) -> set[str]:
        return {a["id"] for a in get(client, f"/api/articles?{query}")["items"]}

    assert ids("q=Vietnam visit") == {"tass-1893813"}
    assert example_id not in ids("since=2024-01-01")
    assert ids("until=2023-01-01") == {example_id}
    assert ids("source=kazinform") == {example_id}
    assert ids("actor=mishustin") == {example_id, "tass-1893813"}


def test_one_article_has_every_fact_with_its_span(client: TestClient, example_id: str) -> None:
    article = get(client, f"/api/articles/{example_id}")
    text = article["text"]
    smailov = next(a for a in article["actors"] if a["name"] == "Alikhan Smailov")
    assert all(text[s["start"] : s["end"]] == s["text"] for s in smailov["spans"])
    assert any(text[q["span"]["start"] : q["span"]["end"]] == q["text"] for q in article["quotes"])
    assert "$24.2bn" in {m["text"] for m in article["amounts"]}
    assert any(e["type"] == "CONSULT" for e in article["events"])


def test_actor_profile_has_roles_quotes_events_and_counterparts(client: TestClient) -> None:
    found = get(client, "/api/actors?q=smailov")["items"]
    assert [a["name"] for a in found] == ["Alikhan Smailov"]
    profile = get(client, f"/api/actors/{found[0]['actor_id']}")
    assert profile["roles"][0]["role"] == "Prime Minister"
    assert profile["roles"][0]["first_seen"] == "2022-07-04"
    said = [q["text"] for a in profile["appearances"] for q in a["quotes"]]
    assert any("INNOPROM" in text for text in said)
    consult = next(e for e in profile["events"] if e["type"] == "CONSULT")
    assert "Mikhail Mishustin" in {a["name"] for a in consult["participants"]}
    assert "Mikhail Mishustin" in {c["name"] for c in profile["counterparts"]}


def test_actor_profile_is_the_one_the_cli_prints(client: TestClient, store_url: str) -> None:
    smailov = get(client, "/api/actors?q=smailov")["items"][0]
    result = CliRunner().invoke(main, ["actor", "Alikhan Smailov", "--db", store_url, "--json"])
    assert result.exit_code == 0, result.output
    (printed,) = json.loads(result.output)
    served = get(client, f"/api/actors/{smailov['actor_id']}")
    paging = ("page", "per_page", "pages", "events", "events_total", "counterparts")
    profile = {k: v for k, v in served.items() if k not in paging}
    # The API pages the articles newest first; the CLI prints them all, oldest first.
    assert profile | {"appearances": served["appearances"][::-1]} == printed
    assert get(client, f"/api/actors/{smailov['actor_id'] + 10_000}", 404)["error"]["message"]


def test_country_dyad_counts_events_of_its_people_per_month(client: TestClient) -> None:
    dyad = get(client, "/api/dyads/KAZ/RUS")
    assert (dyad["a"]["label"], dyad["b"]["label"]) == ("Kazakhstan", "Russia")
    july = next(m for m in dyad["months"] if m["month"] == "2022-07")
    assert july["types"].get("CONSULT", 0) >= 1
    assert july["mean_intensity"] is not None
    assert all(e["type"] in dyad["types"] for e in dyad["events"])
    months = [m["month"] for m in dyad["months"]]
    assert months == sorted(months) and len(months) == len(set(months))
    assert sum(m["events"] for m in dyad["months"]) == dyad["total"]


def test_dyad_of_two_actor_ids_as_the_actor_page_links_it(client: TestClient) -> None:
    ids = [
        get(client, f"/api/actors?q={name}")["items"][0]["actor_id"]
        for name in ("smailov", "mishustin")
    ]
    dyad = get(client, f"/api/dyads/{ids[0]}/{ids[1]}")
    assert (dyad["a"]["label"], dyad["b"]["label"]) == ("Alikhan Smailov", "Mikhail Mishustin")
    assert dyad["total"] >= 1 and dyad["a"]["country"] == "KAZ"
    met = {p["id"] for e in dyad["events"] for p in e["participants"]}
    assert set(ids) <= met


def test_events_filter_by_type_pair_and_date(client: TestClient) -> None:
    consults = get(client, "/api/events?type=consult&pair=KAZ,RUS")["items"]
    assert consults and all(e["type"] == "CONSULT" for e in consults)
    assert get(client, "/api/events?pair=KAZ,RUS&since=2023-01-01")["total"] == 0
    belarus = get(client, "/api/events?actor=lukashenko")["items"]
    assert belarus and all(e["article_id"] == "tass-1893797" for e in belarus)


def test_event_types_are_the_type_table_the_extraction_uses(client: TestClient) -> None:
    """The web UI colours and describes types from here, not from its own list."""

    from dateline.knowledge.event_types import plover_types

    items = get(client, "/api/event-types")["items"]
    assert [t["type"] for t in items] == list(plover_types())
    consult = next(t for t in items if t["type"] == "CONSULT")
    assert consult == plover_types()["CONSULT"].as_dict()
    assert (consult["cameo"], consult["quad_class"], consult["symmetric"]) == ("04", 1, True)
    assert consult["colour"].startswith("#") and consult["description"]
    stored = {e["type"] for e in get(client, "/api/events?per_page=200")["items"]}
    assert stored <= {t["type"] for t in items}


def test_figures_follow_a_measure_between_two_parties_over_time(client: TestClient) -> None:
    figures = get(client, "/api/figures?measure=trade turnover&between=Kazakhstan,Russia")
    usd = next(s for s in figures["series"] if s["unit"] == "USD")
    assert [p["value"] for p in usd["points"]] == [24.2e9, 9.2e9]  # 2021, then Jan-May 2022
    assert all(p["article_id"] and p["text"] for p in usd["points"])


def test_search_spans_articles_actors_and_quotes(client: TestClient) -> None:
    found = get(client, "/api/search?q=Mishustin")
    assert "Mikhail Mishustin" in {a["name"] for a in found["actors"]["items"]}
    assert found["articles"]["total"] == 2
    assert all("Mishustin" in q["text"] for q in found["quotes"]["items"])
    quotes = get(client, "/api/quotes?speaker=smailov&per_page=1")
    assert quotes["total"] >= 2 and len(quotes["items"]) == 1


def test_places_for_the_map_carry_their_events(client: TestClient) -> None:
    places = get(client, "/api/places")["items"]
    yekaterinburg = next(p for p in places if p["name"] == "Yekaterinburg")
    assert yekaterinburg["events"] and round(yekaterinburg["lat"]) == 57
    assert yekaterinburg["event_count"] >= len(yekaterinburg["events"]) >= 1
    assert yekaterinburg["article_count"] == len(yekaterinburg["articles"]) == 1
    counts = [p["event_count"] for p in places]
    assert counts == sorted(counts, reverse=True)  # most events first
    basemap = get(client, "/api/basemap")
    assert len(basemap["cells"]) > 1000 and "KAZ" in basemap["countries"]


def test_heavy_endpoints_page_and_their_pages_add_up(client: TestClient) -> None:
    """Actor articles, dyad events, map places and figures come a page at a time;
    walking the pages gives the whole list once, in order."""

    mishustin = get(client, "/api/actors?q=mishustin")["items"][0]
    whole = get(client, f"/api/actors/{mishustin['actor_id']}?per_page=200")
    assert whole["articles"] == len(whole["appearances"]) >= 2
    dates = [a["published"] for a in whole["appearances"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    paged = [
        get(client, f"/api/actors/{mishustin['actor_id']}?per_page=1&page={n}")
        for n in range(1, whole["articles"] + 1)
    ]
    assert [p["appearances"][0] for p in paged] == whole["appearances"]
    assert {p["pages"] for p in paged} == {whole["articles"]}
    assert whole["events_total"] >= len(whole["events"])

    for url, key in (
        ("/api/dyads/KAZ/RUS", "events"),
        ("/api/places", "items"),
        ("/api/figures?measure=trade turnover", "series"),
    ):
        first = get(client, url)
        assert first["total"] >= 1 and first["page"] == 1, url
        past = get(client, f"{url}{'&' if '?' in url else '?'}page={first['pages'] + 1}")
        assert past[key] == [] and past["total"] == first["total"], url
    dyad = get(client, "/api/dyads/KAZ/RUS?per_page=1")
    assert len(dyad["events"]) == 1 and dyad["pages"] == dyad["total"]


def test_figures_without_a_measure_suggest_measures_instead_of_every_figure(
    client: TestClient,
) -> None:
    figures = get(client, "/api/figures")
    assert figures["series"] == [] and figures["total"] == 0
    assert "bilateral trade turnover between kazakhstan and russia" in {
        m["measure"] for m in figures["measures"]
    }


def test_errors_are_json_with_a_message_to_act_on(client: TestClient) -> None:
    missing = get(client, "/api/articles/no-such-article", 404)["error"]
    assert missing["status"] == 404 and "/api/articles" in missing["message"]
    bad_date = get(client, "/api/articles?since=2024-13-01", 422)["error"]
    assert bad_date["message"].startswith("since:")
    assert "pair=KAZ,RUS" in get(client, "/api/events?pair=KAZ", 422)["error"]["message"]
    assert "RUS" in get(client, "/api/dyads/XXX/RUS", 404)["error"]["message"]
    assert "per_page" in get(client, "/api/quotes?per_page=1000", 422)["error"]["message"]
    written = client.post("/api/articles")
    assert written.status_code == 405 and "read-only" in written.json()["error"]["message"]


def test_pages_and_openapi_docs_are_served(client: TestClient, example_id: str) -> None:
    for path in ("/", f"/articles/{example_id}", "/actors/1", "/dyads/KAZ/RUS", "/figures", "/map"):
        response = client.get(path)
        assert response.status_code == 200 and "<script" in response.text, path
    assert "/api/articles" in get(client, "/openapi.json")["paths"]
    assert client.get("/docs").status_code == 200
    assert client.get("/static/js/article.js").status_code == 200


def test_serve_command_documents_its_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--host" in result.output and "127.0.0.1" in result.output


def test_serve_reports_a_store_it_cannot_open(tmp_path: Any) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", "nosuchdb://x"])
    assert result.exit_code == 1 and "error" in result.output.lower()


def test_quotes_no_actor_speaks_carry_and_match_their_source_words(
    statement_store_url: str,
) -> None:
    with TestClient(create_app(statement_store_url), base_url=LOOPBACK) as client:
        found = get(client, "/api/quotes?speaker=statement")
        assert found["total"] == 2
        assert {(q["speaker"], q["source"]) for q in found["items"]} == {(None, "the statement")}
        assert get(client, "/api/quotes?speaker=kallas")["total"] == 0
        article = get(client, "/api/articles/tass-1894057")
        text = article["text"]
        for quote in article["quotes"]:
            source = quote["source"]
            assert text[source["start"] : source["end"]] == source["text"] == "the statement"
        searched = get(client, "/api/search?q=undersea cables")["quotes"]["items"]
        assert [q["source"] for q in searched] == ["the statement"]
