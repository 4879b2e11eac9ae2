"""Reading the web: a page or a feed at a URL, and web archives (WARC).

`dateline ingest https://…` fetches the URL with a timeout, a few retries
for failures that pass (timeouts, dropped connections, 429 and 5xx), a size
limit read as the body streams in, and a user agent that says what is
asking; each failure is one error naming the URL, and the batch goes on.
What came back is told apart by content, not by the URL: RSS, Atom or RDF
is a feed (feedparser), anything else a page (trafilatura). A feed's item
is read from its own full text where the feed carries one, else from the
page it links to. A WARC file (warcio) gives one article per HTML response
record, with the URL and date of its capture; Common Crawl's CC-NEWS files
are the real-world case.
"""

from __future__ import annotations

import calendar
import time
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax import SAXException

from dateline.errors import InputError
from dateline.model import Article
from dateline.readers.html import (
    MIN_PAGE_WORDS,
    article_from_html,
    extract_page,
    web_article_id,
)
from dateline.readers.limits import DEFAULT_LIMITS, ReadLimits, open_regular_file
from dateline.readers.text import read_text

if TYPE_CHECKING:
    import httpx

URL_SCHEMES = ("http://", "https://")
WARC_SUFFIXES = (".warc", ".warc.gz")

USER_AGENT = "dateline/0.1 (news event extraction; one request at a time)"
RETRIED_STATUS = frozenset({429, 500, 502, 503, 504})


def is_url(given: str) -> bool:
    return given.lower().startswith(URL_SCHEMES)


@dataclass(frozen=True, slots=True)
class Fetched:
    """One answered request: the body and what is known about it."""

    url: str
    """Where the body came from, after redirects."""
    body: bytes
    content_type: str
    captured: datetime
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Fetcher:
    """An HTTP client with the timeout, retries and size limit every fetch keeps.

    `timeout` bounds each phase (connect, each read); `retries` more tries
    follow a timeout, a dropped connection, 429 or 5xx, waiting `backoff`,
    then twice as long, between them.
    """

    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    max_bytes: int = DEFAULT_LIMITS.page_bytes
    _client: httpx.Client | None = None

    def client(self) -> httpx.Client:
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                timeout=self.timeout,
                follow_redirects=True,
                headers={"User-Agent": USER_AGENT},
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> Fetched | None:
        """The body at `url`; None for 304 Not Modified; `InputError` when it fails."""

        import httpx

        wait = self.backoff
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                return self._fetch_once(url, headers or {})
            except _Retry as retry:
                if last:
                    raise InputError(url, retry.reason) from None
            except httpx.TimeoutException:
                if last:
                    raise InputError(
                        url,
                        f"did not answer within {self.timeout:g} s ({self.retries + 1} tries); "
                        "try again later or check the address",
                    ) from None
            except httpx.TransportError as exc:
                if last:
                    raise InputError(
                        url, f"cannot be reached ({type(exc).__name__}: {exc}); check the address"
                    ) from None
            time.sleep(wait)
            wait *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def _fetch_once(self, url: str, headers: dict[str, str]) -> Fetched | None:
        with self.client().stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                return None
            if response.status_code in RETRIED_STATUS:
                raise _Retry(f"answered HTTP {response.status_code}; try again later")
            if response.status_code >= 400:
                raise InputError(
                    url, f"answered HTTP {response.status_code} {response.reason_phrase}"
                )
            declared = response.headers.get("content-length", "")
            if declared.isascii() and declared.isdigit() and int(declared) > self.max_bytes:
                raise InputError(url, _too_large(self.max_bytes))
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    raise InputError(url, _too_large(self.max_bytes))
            return Fetched(
                url=str(response.url),
                body=bytes(body),
                content_type=response.headers.get("content-type", ""),
                captured=datetime.now(UTC),
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
            )


class _Retry(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _too_large(limit: int) -> str:
    return (
        f"sends more than {limit:,} bytes, more than a news page needs; "
        "skipped (raise the limit with --max-chars)"
    )


_FEED_TYPES = ("rss", "atom", "rdf", "application/xml", "text/xml")
_FEED_OPENINGS = (b"<rss", b"<feed", b"<rdf:rdf", b"<?xml")


def is_feed(fetched: Fetched) -> bool:
    """A feed by its content type, else by its first tag (many feeds are served as text/html)."""

    if any(kind in fetched.content_type.lower() for kind in _FEED_TYPES):
        return True
    opening = fetched.body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not opening.startswith(_FEED_OPENINGS):
        return False
    return not opening.startswith(b"<?xml") or b"<html" not in fetched.body[:2048].lower()


def read_url(
    url: str, fetcher: Fetcher, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[Article | InputError]:
    """The article at `url`, or every item of the feed there."""

    try:
        fetched = fetcher.fetch(url)
    except InputError as exc:
        yield exc
        return
    if fetched is None:
        return
    if is_feed(fetched):
        yield from read_feed(fetched, fetcher, limits)
        return
    yield article_from_html(
        fetched.body, url, url=fetched.url, captured=fetched.captured, limits=limits
    )


def read_feed(
    fetched: Fetched, fetcher: Fetcher, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[Article | InputError]:
    """Every item of a fetched feed as an article, or the error that stops it."""

    for _, result in feed_items(fetched, fetcher, limits):
        yield result


def feed_items(
    fetched: Fetched,
    fetcher: Fetcher,
    limits: ReadLimits = DEFAULT_LIMITS,
    *,
    seen: Collection[str] = (),
) -> Iterator[tuple[str | None, Article | InputError]]:
    """Each item of a fetched feed whose key (`item_key`) is not in `seen`, with its key.

    A feed that is not well-formed XML is reported once (with key None), and
    the items feedparser's lenient parser still recovers are read;
    feedparser's other complaints (no or a non-XML content type, as many
    servers send) are not the user's to fix and pass without a word.
    """

    import feedparser

    parsed = feedparser.parse(fetched.body, response_headers={"content-location": fetched.url})
    where = fetched.url
    problem = parsed.get("bozo_exception")
    if parsed.bozo and (not parsed.entries or isinstance(problem, SAXException)):
        if not parsed.entries:
            yield (
                None,
                InputError(where, f"is not a feed that can be read ({problem}); check the URL"),
            )
            return
        yield (
            None,
            InputError(
                where,
                f"is not well-formed XML ({problem}); read the {len(parsed.entries)} item(s) "
                "that could be recovered",
            ),
        )
    source = _text_field(parsed.feed, "title")
    for number, entry in enumerate(parsed.entries, start=1):
        key = item_key(entry)
        if key in seen:
            continue
        yield key, _read_item(entry, f"{where} item {number}", source, fetched, fetcher, limits)


def item_key(entry: Any) -> str:
    """What identifies a feed item across polls: its GUID, else its link, else its title."""

    return str(entry.get("id") or entry.get("link") or entry.get("title") or "")


def _read_item(
    entry: Any,
    where: str,
    source: str | None,
    fetched: Fetched,
    fetcher: Fetcher,
    limits: ReadLimits,
) -> Article | InputError:
    link = _text_field(entry, "link")
    title, author = _text_field(entry, "title"), _text_field(entry, "author")
    published = _entry_date(entry)
    full_text = _item_full_text(entry)
    if full_text is not None:
        if len(full_text) > limits.article_chars:
            return InputError(where, limits.too_long(len(full_text)))
        return read_text(
            full_text,
            id=web_article_id(full_text, link),
            url=link,
            source=source,
            title=title,
            author=author,
            published=published,
            captured=fetched.captured,
            origin=where,
        )
    if link is None:
        return InputError(where, "has neither its text nor a link to it; skipped")
    try:
        page = fetcher.fetch(link)
    except InputError as exc:
        return InputError(where, f"links to {link}, which {exc.reason}")
    if page is None:
        return InputError(where, f"links to {link}, which sent nothing")
    found = article_from_html(
        page.body, f"{where} ({link})", url=page.url, captured=page.captured, limits=limits
    )
    if isinstance(found, Article):
        found.title = found.title or title
        found.author = found.author or author
        found.published = found.published or published
        found.source = found.source or source
    return found


def _item_full_text(entry: Any) -> str | None:
    """The article text a feed item carries itself (``content:encoded``, Atom
    ``content``), or None where it carries only a summary."""

    for content in entry.get("content") or []:
        value = content.get("value") if isinstance(content, dict) else None
        if not isinstance(value, str):
            continue
        page = extract_page(f"<html><body><article>{value}</article></body></html>")
        if page is not None and len(page.text.split()) >= MIN_PAGE_WORDS * 4:
            return page.text
    return None


def _text_field(entry: Any, key: str) -> str | None:
    value = entry.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _entry_date(entry: Any) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC).date()


def read_warc(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[Article | InputError]:
    """Each HTML response record of a ``.warc`` or ``.warc.gz`` file as an article.

    Requests, metadata and responses that are not HTML (images, scripts,
    redirects) are passed over; a record that holds no article, or a page
    too large, is one error naming the record; a file that stops being a
    WARC midway is one error, after the articles before it.
    """

    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    where = str(path)
    try:
        handle = open_regular_file(path)
    except InputError as exc:
        yield exc
        return
    pages = 0
    with handle:
        try:
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                if not _is_html_response(record):
                    continue
                pages += 1
                yield _warc_article(record, f"{where} record {number}", where, limits)
        except _Truncated as exc:
            yield InputError(where, f"{exc}; the records before it were read")
            return
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            yield InputError(where, f"is not a readable WARC file past this point ({exc})")
            return
    if pages == 0:
        yield InputError(where, "holds no HTML response record; nothing to read")


class _Truncated(Exception):
    """A WARC record whose payload stops before its declared length."""


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode()
    kind = (record.http_headers.get_header("Content-Type") or "").lower()
    return bool(status == "200" and ("html" in kind or not kind))


def _warc_article(record: Any, where: str, path: str, limits: ReadLimits) -> Article | InputError:
    body = record.content_stream().read(limits.page_bytes + 1)
    if len(body) > limits.page_bytes:
        return InputError(where, limits.too_large(limits.page_bytes, "a web page"))
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        raise _Truncated(f"ends {missing:,} bytes short inside {where}: the file is cut off")
    url = record.rec_headers.get_header("WARC-Target-URI")
    return article_from_html(
        body, where, url=url, path=path, captured=_warc_date(record), limits=limits
    )


def _warc_date(record: Any) -> datetime | None:
    stamp = record.rec_headers.get_header("WARC-Date")
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
