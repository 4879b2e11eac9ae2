"""Pages and feeds over HTTP, and WARC archives: real pages served from 127.0.0.1.

A small HTTP server on the loopback address (never another address) serves
real pages of the article-extraction benchmark, RSS and Atom feeds that link
to them or carry their own text, a feed with broken XML, a URL that answers
too late, one that fails once, one too large, one with no article. A WARC
file is written by the test with warcio. Each failure is one error naming
the URL (or record), and the rest of the batch is read.
"""

from __future__ import annotations

import gzip
import io
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from tests.readers.test_html import SPORTSNET, VENTUREBEAT, benchmark_page

from dateline.errors import InputError
from dateline.model import Article
from dateline.readers import read_paths
from dateline.readers.web import Fetcher, read_warc

TASS_TEXT = (
    "MOSCOW, December 26. /TASS/. Russian President Vladimir Putin has told the media that he "
    "receives information about the frontline situation round the clock. There is always "
    "something new at certain sections of the front, the head of state emphasized. He said the "
    "military reports to him every day and that he follows the advance of the troops closely. "
    "The president added that the armed forces were acting with confidence along the whole "
    "line of contact, and that the commanders keep him informed of every change."
)


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    failures: int = 0
    """Answer 503 this many times before the real answer."""
    chunked: bool = False
    etag: str | None = None
    """Sent, and answered with 304 when the request names it in If-None-Match."""
    served: list[float] = field(default_factory=list)


class Site:
    """Routes served by a loopback HTTP server: `site.url("/path")`."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        routes = self.routes

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                route = routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                route.served.append(time.monotonic())
                if route.failures:
                    route.failures -= 1
                    self.send_error(503, "Service Unavailable")
                    return
                time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(route.status)
                if route.etag:
                    self.send_header("ETag", route.etag)
                self.send_header("Content-Type", route.content_type)
                if not route.chunked:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    try:
        yield served
    finally:
        served.close()


def fast_fetcher(**options: float) -> Fetcher:
    settings = {"timeout": 0.5, "retries": 1, "backoff": 0.01} | options
    return Fetcher(**settings)  # type: ignore[arg-type]


def page(key: str) -> bytes:
    return gzip.decompress(benchmark_page(key)[0])


def read(given: list[str], fetcher: Fetcher | None = None) -> list[object]:
    with_fetcher = fetcher or fast_fetcher()
    try:
        return list(read_paths(given, fetcher=with_fetcher))
    finally:
        with_fetcher.close()


def rss(site: Site, items: list[str]) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Loopback Wire</title><link>{site.url('/')}</link>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def item(title: str, link: str, guid: str, extra: str = "") -> str:
    return (
        f"<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>"
        f"<pubDate>Thu, 26 Dec 2024 10:00:00 GMT</pubDate>{extra}</item>"
    )


def test_a_page_url_is_fetched_and_read(site: Site) -> None:
    site.routes["/wework"] = Route(page(VENTUREBEAT))

    (article,) = read([site.url("/wework")])

    assert isinstance(article, Article)
    assert article.site == "VentureBeat" and "WeWork" in article.text
    assert article.captured is not None and article.captured.tzinfo is not None
    assert article.url is not None


def test_a_feed_gives_each_item_from_its_page_or_its_own_text(site: Site) -> None:
    site.routes["/wework"] = Route(page(VENTUREBEAT))
    lead, rest = TASS_TEXT.split(" There is always ")
    full = f"<![CDATA[<p>{lead}</p><p>There is always {rest}</p>]]>"
    site.routes["/feed"] = Route(
        rss(
            site,
            [
                item("WeWork", site.url("/wework"), "g-1"),
                item(
                    "Putin",
                    site.url("/putin"),
                    "g-2",
                    f"<content:encoded>{full}</content:encoded>",
                ),
                item("Gone", site.url("/gone"), "g-3"),
            ],
        ),
        # Served as HTML, as many feeds are: it is told apart by its content.
        content_type="text/html",
    )

    results = read([site.url("/feed")])

    wework, putin, gone = results
    assert isinstance(wework, Article) and wework.site == "VentureBeat"
    assert isinstance(putin, Article) and putin.text.startswith("MOSCOW, December 26. /TASS/.")
    assert (putin.title, putin.source, putin.url) == ("Putin", "Loopback Wire", site.url("/putin"))
    assert putin.dateline_place == "Moscow" and putin.published is not None
    assert site.routes.get("/putin") is None  # its own text was used, nothing fetched
    assert isinstance(gone, InputError)
    assert "item 3" in gone.path and "HTTP 404" in gone.reason


def test_an_atom_feed_is_read(site: Site) -> None:
    site.routes["/cup"] = Route(page(SPORTSNET))
    site.routes["/atom"] = Route(
        (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Loopback Sports</title><id>urn:x</id><updated>2019-11-19T00:00:00Z</updated>"
            f'<entry><title>Davis Cup</title><link href="{site.url("/cup")}"/><id>urn:1</id>'
            "<updated>2019-11-19T00:00:00Z</updated></entry></feed>"
        ).encode(),
        content_type="application/atom+xml",
    )

    (article,) = read([site.url("/atom")])

    assert isinstance(article, Article) and "Argentina" in article.text


def test_a_feed_with_broken_xml_is_reported_and_its_good_items_read(site: Site) -> None:
    site.routes["/wework"] = Route(page(VENTUREBEAT))
    site.routes["/feed"] = Route(
        rss(site, [item("WeWork", site.url("/wework"), "g-1"), "<item><title>Broken <b></item>"]),
        content_type="application/rss+xml",
    )

    results = read([site.url("/feed")])

    assert isinstance(results[0], InputError) and "not well-formed XML" in results[0].reason
    assert any(isinstance(r, Article) and r.site == "VentureBeat" for r in results)


def test_a_slow_url_fails_alone_and_a_flaky_one_is_retried(site: Site) -> None:
    site.routes["/slow"] = Route(page(VENTUREBEAT), delay=2.0)
    site.routes["/flaky"] = Route(page(SPORTSNET), failures=1)

    slow, flaky = read([site.url("/slow"), site.url("/flaky")])

    assert isinstance(slow, InputError) and "did not answer within 0.5 s" in slow.reason
    assert isinstance(flaky, Article) and "Argentina" in flaky.text
    assert len(site.routes["/flaky"].served) == 2


def test_too_large_missing_and_empty_pages_are_one_error_each(site: Site, tmp_path: Path) -> None:
    site.routes["/huge"] = Route(b"<html><body>" + b"<p>word</p>" * 20_000, chunked=True)
    site.routes["/menu"] = Route(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    text = tmp_path / "after.txt"
    text.write_text(TASS_TEXT, encoding="utf-8")

    urls = [site.url(path) for path in ("/huge", "/nowhere", "/menu")]
    closed_port = "http://127.0.0.1:9/"
    results = read([*urls, closed_port, str(text)], fast_fetcher(max_bytes=100_000, retries=0))

    *errors, last = results
    assert isinstance(last, Article) and last.text == TASS_TEXT
    assert all(isinstance(e, InputError) for e in errors)
    reasons = [e.reason for e in errors if isinstance(e, InputError)]
    assert "more than 100,000 bytes" in reasons[0]
    assert "HTTP 404" in reasons[1]
    assert "holds no article text" in reasons[2]
    assert "cannot be reached" in reasons[3]


def write_warc(path: Path, pages: list[tuple[str, bytes]], *, cut: int = 0) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record("test.warc.gz", {"software": "test"}))
    for url, body in pages:
        request = writer.create_warc_record(
            url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://example.org/logo.png",
            "response",
            payload=io.BytesIO(b"\x89PNG\r\n"),
            http_headers=image,
        )
    )
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) - cut] if cut else data)


def test_a_warc_gives_one_article_per_html_response(tmp_path: Path) -> None:
    path = tmp_path / "news.warc.gz"
    wework = "https://venturebeat.com/2019/11/18/wework/"
    write_warc(path, [(wework, page(VENTUREBEAT)), ("https://sportsnet.ca/cup", page(SPORTSNET))])

    articles = list(read_warc(path))

    assert [a.site for a in articles if isinstance(a, Article)] == ["VentureBeat", "Sportsnet.ca"]
    first = articles[0]
    assert isinstance(first, Article) and first.path == str(path)
    assert first.captured is not None and first.origin is not None and "record" in first.origin
    assert next(iter(read_paths([tmp_path]))) == first


def test_a_truncated_warc_keeps_the_articles_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    write_warc(
        path,
        [("https://a.example/1", page(VENTUREBEAT)), ("https://b.example/2", page(SPORTSNET))],
        cut=400,
    )

    results = list(read_warc(path))

    first, cut = results
    assert isinstance(first, Article) and first.site == "VentureBeat"
    assert isinstance(cut, InputError) and cut.path == str(path)
    assert "short inside" in cut.reason and "record" in cut.reason
