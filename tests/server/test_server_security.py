"""No stored text runs as script on any page, no page loads anything from elsewhere,
and the server answers only to loopback with the security headers on every response.

The payload store holds one dispatch whose id, title, url, source and every fact
(actor name and role, quote, figure, measure, event place, place name) carry
markup that would run if any page put it into the document as HTML. Each page is
opened in Chromium, every tooltip hovered, and the document checked for injected
elements after each step, so an escaping bug is caught even where the
Content-Security-Policy would have stopped it from running.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from tests.server.browser import ARGS, ARTIFACTS, CHROMIUM, needs_chromium, serving
from tests.server.conftest import LOOPBACK
from tests.store.conftest import Locator

from dateline.model import Actor, Amount, Article, Event, Extraction, Place, Quote
from dateline.server import create_app
from dateline.server.security import GuardMiddleware, host_name
from dateline.store import Store


def payload(n: int) -> str:
    return f"<img src=x onerror=window.__pwned={n}>"


ARTICLE_ID = payload(1)
SPEAKER = 'Ivan "><svg onload=window.__pwned=2> Petrov'
QUOTED = "Our trade <b onmouseover=window.__pwned=3>keeps</b> growing,"
TEXT = (
    "MOSCOW, December 26. /TASS/. Trade turnover between Russia and China reached $240bn "
    f"in 2024, {SPEAKER} said.\n\n"
    f'"{QUOTED}" he added at talks in {payload(4)} with Chinese officials.'
)
INJECTED = "img, [onerror], [onload], [onmouseover], script:not([src])"
"""What an escaping bug would leave in the page: none of these belong to dateline's pages."""


def payload_extraction() -> Extraction:
    at = Locator(TEXT)
    article = Article(
        id=ARTICLE_ID,
        text=TEXT,
        source=payload(5),
        url="javascript:window.__pwned=6",
        published=date(2024, 12, 26),
        title=payload(7),
    )
    speaker = Actor(
        "petrov", SPEAKER, "person", at.mentions(SPEAKER), "RUS", role=payload(8), sector=payload(9)
    )
    russia = Actor("russia", "Russia", "country", at.mentions("Russia"), "RUS")
    return Extraction(
        article=article,
        sentences=at.sentences,
        actors=[speaker, russia],
        quotes=[Quote("direct", QUOTED, at.span(QUOTED), "petrov", at.span("he added"))],
        amounts=[
            Amount(
                "$240bn",
                at.span("$240bn"),
                240e9,
                "USD",
                measure=f"trade turnover {payload(10)}",
                period="2024",
            )
        ],
        events=[
            Event(
                "CONSULT",
                at.span("talks in"),
                actors=["petrov"],
                targets=["russia"],
                place=payload(11),
                date="2024-12-26",
            )
        ],
        places=[Place(payload(12), [at.span(payload(4))], "RUS", 55.75, 37.62, "city")],
    )


@pytest.fixture(scope="module")
def payload_store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = str(tmp_path_factory.mktemp("payloads") / "news.db")
    with Store(url) as store:
        store.save(payload_extraction())
    return url


@pytest.fixture(scope="module")
def payload_client(payload_store_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(payload_store_url), base_url=LOOPBACK) as client:
        yield client


# -- headers, hosts and errors ----------------------------------------------------------


def test_every_response_carries_the_security_headers(payload_client: TestClient) -> None:
    for path in ("/", "/docs", "/api/stats", "/static/js/common.js", "/api/nothing-here"):
        headers = payload_client.get(path).headers
        policy = headers["content-security-policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy, path
        assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy, path
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["x-frame-options"] == "DENY", path
        assert headers["referrer-policy"] == "no-referrer", path


def test_only_loopback_and_allowed_hosts_are_answered(payload_store_url: str) -> None:
    app = create_app(payload_store_url, allowed_hosts=["news.example.org"])
    with TestClient(app, base_url="http://evil.example") as client:
        refused = client.get("/api/stats")
        assert refused.status_code == 400
        assert "evil.example" in refused.json()["error"]["message"]
        assert "--allow-host" in refused.json()["error"]["message"]
        for host in ("127.0.0.1:8000", "localhost", "[::1]:8000", "news.example.org:80"):
            assert client.get("/api/stats", headers={"Host": host}).status_code == 200, host


def test_host_names_lose_their_port() -> None:
    assert host_name("127.0.0.1:8000") == "127.0.0.1"
    assert host_name("[::1]:8000") == "::1"
    assert host_name("LOCALHOST") == "localhost"


def test_an_unexpected_error_is_json_and_keeps_the_store_path_private() -> None:
    app = FastAPI()

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("/home/user/secret/news.db is broken")

    app.add_middleware(GuardMiddleware)
    with TestClient(app, base_url=LOOPBACK) as client:
        response = client.get("/boom")
        assert response.status_code == 500
        assert response.headers["content-type"] == "application/json"
        message = response.json()["error"]["message"]
        assert "secret" not in message and "server's log" in message
        assert client.get("/boom").status_code == 500  # the same connection answers again


# -- in Chromium --------------------------------------------------------------------------

PAGES = (
    "/",
    "/?q=trade",
    f"/articles/{quote(ARTICLE_ID, safe='')}",
    "/figures?measure=trade+turnover",
    "/map",
)


@pytest.fixture(scope="module")
def browser_page(payload_store_url: str) -> Iterator[tuple[object, str, dict[str, list[str]]]]:
    from playwright.sync_api import sync_playwright

    seen: dict[str, list[str]] = {"outside": [], "dialogs": [], "errors": []}
    ARTIFACTS.mkdir(exist_ok=True)
    with serving(payload_store_url) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})

        def only_this_server(route, request):  # type: ignore[no-untyped-def]
            if urlparse(request.url).hostname == "127.0.0.1":
                route.continue_()
            else:
                seen["outside"].append(request.url)
                route.abort()

        page.route("**/*", only_this_server)
        page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: seen["errors"].append(str(error)))
        yield page, base_url, seen
        browser.close()


def _assert_nothing_injected(page, where: str) -> None:  # type: ignore[no-untyped-def]
    assert page.evaluate("window.__pwned") is None, where
    assert page.locator(INJECTED).count() == 0, where
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    unsafe = [h for h in hrefs if not (h.startswith("/") or h.startswith("http"))]
    assert not unsafe, (where, unsafe)


def _hover_every_tooltip(page, where: str) -> int:  # type: ignore[no-untyped-def]
    tips = page.locator("[data-tip]")
    count = min(tips.count(), 80)
    for i in range(count):
        tips.nth(i).hover(force=True)
        _assert_nothing_injected(page, f"{where} tooltip {i}")
    return count


def _actor_path(page, base_url: str) -> str:  # type: ignore[no-untyped-def]
    article = page.request.get(f"{base_url}/api/articles/{quote(ARTICLE_ID, safe='')}").json()
    speaker = next(a for a in article["actors"] if a["id"] == "petrov")
    return f"/actors/{speaker['actor_id']}"


@needs_chromium
def test_no_stored_payload_runs_or_enters_any_page(browser_page) -> None:  # type: ignore[no-untyped-def]
    page, base_url, seen = browser_page
    actor = _actor_path(page, base_url)
    hovered = 0
    for path in (*PAGES, actor, f"/dyads/{actor.rsplit('/', 1)[1]}/RUS"):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("#page .error").count() == 0, path
        _assert_nothing_injected(page, path)
        hovered += _hover_every_tooltip(page, path)
    page.goto(base_url + PAGES[2])
    page.wait_for_selector("#text a.actor")
    page.screenshot(path=str(ARTIFACTS / "payload-article.png"), full_page=True)
    assert hovered >= 10  # the tooltips of actor, figure, quote, event, chart points, map
    # the payloads are shown as text where they belong
    assert "<img src=x onerror=window.__pwned=7>" in page.inner_text("h1")
    assert page.locator("a", has_text="original").count() == 0  # javascript: url is no link
    assert not seen["dialogs"] and not seen["errors"], seen
    assert not seen["outside"], seen["outside"]


@needs_chromium
def test_api_docs_render_offline(browser_page) -> None:  # type: ignore[no-untyped-def]
    page, base_url, seen = browser_page
    page.goto(base_url + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/articles" in paths and "/api/articles/{article_id}" in paths
    page.screenshot(path=str(ARTIFACTS / "docs.png"))
    assert not seen["outside"], seen["outside"]
    assert not seen["errors"], seen["errors"]


STATIC_JS = Path(__file__).resolve().parents[2] / "src" / "dateline" / "server" / "static" / "js"
HTML_SINKS = re.compile(r"\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write")


def test_markup_reaches_the_document_only_through_render() -> None:
    """`render()` in common.js accepts only markup made by the escaping `html` tag;
    no other line of the pages' scripts may write HTML into the document."""

    sinks = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(STATIC_JS.glob("*.js"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HTML_SINKS.search(line) and "el.innerHTML = markup.markup" not in line
    ]
    assert sinks == []
    pages = sorted((STATIC_JS.parent).glob("*.html"))
    assert pages and not [
        p.name for p in pages if re.search(r"<script>|\son\w+=|style=", p.read_text())
    ]
