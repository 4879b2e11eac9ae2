"""End to end in headless Chromium: every page renders, article -> actor -> dyad by clicks.

Uses Debian's /usr/bin/chromium (installed by `make test`), never a browser
download. Screenshots go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect
from tests.server.browser import ARGS, ARTIFACTS, CHROMIUM, needs_chromium, serving

LINK_TO_AMOUNT = re.compile(r"/articles/[^/#]+#amount-\d+$")

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def base_url(store_url: str) -> Iterator[str]:
    with serving(store_url) as url:
        yield url


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        opened = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        opened.on("pageerror", lambda error: errors.append(str(error)))
        yield opened
        browser.close()
        assert not errors, errors


def test_click_from_article_to_actor_to_dyad(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/?source=Kazinform")
    page.click("#articles a")
    page.wait_for_selector("#text a.actor")
    assert page.locator("#text mark.amount", has_text="$24.2bn").count() == 1
    assert page.locator("#text .seg.quote").count() > 0
    assert page.locator("#text .seg.event").count() > 0
    page.hover("#text a.actor >> text=Alikhan Smailov")
    assert "Prime Minister" in page.inner_text("#tip")
    page.screenshot(path=str(ARTIFACTS / "article.png"))

    page.click("#text a.actor >> text=Alikhan Smailov")
    page.wait_for_selector("h1 >> text=Alikhan Smailov")
    assert page.locator("svg.chart circle").count() >= 1  # the meeting on the timeline
    page.screenshot(path=str(ARTIFACTS / "actor.png"), full_page=True)

    page.click("#counterparts a.dyad >> text=Mikhail Mishustin")
    page.wait_for_selector("#chart svg rect")
    types = page.request.get(f"{base_url}/api/event-types").json()["items"]
    consult = next(t for t in types if t["type"] == "CONSULT")
    assert page.locator("#chart svg rect").first.get_attribute("fill") == consult["colour"]
    assert (
        page.locator(".badge.type", has_text="CONSULT").first.get_attribute("title")
        == (consult["description"])
    )
    assert "Alikhan Smailov – Mikhail Mishustin" in page.inner_text("h1")
    page.screenshot(path=str(ARTIFACTS / "dyad.png"), full_page=True)


def test_search_figures_and_map_pages(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/")
    page.fill("#search", "Mishustin")
    page.press("#search", "Enter")
    page.wait_for_selector("#found-actors a >> text=Mikhail Mishustin")
    assert page.locator("#found-articles li").count() == 2
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)

    page.goto(base_url + "/figures?measure=trade+turnover&between=Kazakhstan,Russia")
    # A point is a link to the sentence it came from: wait until the chart has
    # drawn it, then follow it and wait for that navigation, not for time.
    point = page.locator("svg.chart a").first
    expect(point).to_have_attribute("href", LINK_TO_AMOUNT)
    with page.expect_navigation(url=LINK_TO_AMOUNT):
        point.click()
    expect(page.locator("#text mark.amount").first).to_be_visible()
    page.goto(base_url + "/figures?measure=trade+turnover")
    page.wait_for_selector("svg.chart a circle")
    # a bound reads as written: "rising by almost a third" is at most 33%, not 33%
    expect(page.locator("table.list td", has_text="≤ 33%").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "figures.png"), full_page=True)

    page.goto(base_url + "/figures")  # no measure: the measures to choose from, no chart
    page.click("#measures a >> text=bilateral trade turnover between kazakhstan and russia")
    page.wait_for_selector("svg.chart a circle")

    page.goto(base_url + "/map")
    page.wait_for_selector("#map circle.event-place")
    assert page.locator("#map rect").count() > 1000  # land drawn offline
    page.screenshot(path=str(ARTIFACTS / "map.png"), full_page=True)


def test_quotes_no_actor_speaks_show_their_source_words(page, statement_store_url: str) -> None:  # type: ignore[no-untyped-def]
    with serving(statement_store_url) as base_url:
        page.goto(base_url + "/articles/tass-1894057")
        page.wait_for_selector("#facts .source")
        assert page.locator("#facts .source").all_inner_texts() == ["— the statement"] * 2
        page.hover("#text .seg.quote >> nth=0")
        assert "by the statement" in page.inner_text("#tip")
        page.goto(base_url + "/?q=undersea+cables")
        page.wait_for_selector("#found-quotes li")
        assert page.inner_text("#found-quotes .source") == "— the statement"
