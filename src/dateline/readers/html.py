"""Reading news web pages: the article in an HTML page, without the web around it.

A saved page holds far more than the story: menus, "Advertisement" slots,
"Continue reading" buttons, newsletter forms, photo credits, related links.
Left in, they become actors and quotes. trafilatura finds the main text and
the page's metadata (title, publication date, author, site name, canonical
URL); `extract_page` keeps its paragraphs as they are, so a paragraph that
opens with a quotation mark (a quote, the commonest news paragraph) is kept
like any other.
"""

from __future__ import annotations

import gzip
import io
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.model import Article, article_id_for
from dateline.readers.limits import DEFAULT_LIMITS, ReadLimits, read_at_most
from dateline.readers.text import read_text

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")

MIN_PAGE_WORDS = 15
"""Fewer words than this in a page's main text is a menu, a form or a
"page not found", not an article: trafilatura's fallbacks return whatever
text a page has, the navigation of a front page included."""


@dataclass(frozen=True, slots=True)
class Page:
    """What trafilatura found in one page: the main text and its metadata."""

    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    site: str | None = None
    url: str | None = None


def extract_page(html: bytes | str, url: str | None = None) -> Page | None:
    """The article of a page, or None if the page holds no article text.

    trafilatura's own defaults (its fallback extractors included), which
    the article-extraction benchmark scores at 0.958 F1; comments are left
    out, as readers' comments are not the news.
    """

    import trafilatura

    found = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    fields: dict[str, Any] = {}
    if isinstance(found, dict):
        fields = found
    elif found is not None:
        fields = found.as_dict()
    text = fields.get("text")
    if not isinstance(text, str) or len(text.split()) < MIN_PAGE_WORDS:
        return None
    return Page(
        text=text,
        title=_clean(fields.get("title")),
        author=_clean(fields.get("author")),
        published=_page_date(fields.get("date")),
        site=_clean(fields.get("sitename")),
        url=_clean(fields.get("url")) or url,
    )


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _page_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def article_from_html(
    html: bytes | str,
    where: str,
    *,
    url: str | None = None,
    path: str | None = None,
    captured: datetime | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> Article | InputError:
    """One page as one article, or the error saying why it holds none."""

    try:
        page = extract_page(html, url)
    except Exception as exc:  # a page lxml cannot parse is one bad input
        return InputError(where, f"cannot be read as HTML ({type(exc).__name__}: {exc})")
    if page is None:
        return InputError(
            where, "holds no article text (a front page, a form or an empty page?); skipped"
        )
    if len(page.text) > limits.article_chars:
        return InputError(where, limits.too_long(len(page.text)))
    return read_text(
        page.text,
        id=web_article_id(page.text, page.url),
        title=page.title,
        published=page.published,
        url=page.url,
        author=page.author,
        site=page.site,
        source=page.site,
        path=path,
        captured=captured,
        origin=where,
    )


def web_article_id(text: str, url: str | None) -> str:
    """The id of an article read from the web: its URL and text hashed together.

    Fetching the same page again gives the same id (a resumed or repeated
    run skips it); the same text at another URL gets an id of its own, so
    it is recorded as a copy of the first rather than merged into it
    unseen; an edited text at the same URL is a new id too, and a near copy
    of the version stored before.
    """

    return article_id_for(f"{url}\n{text}" if url else text)


def read_html_file(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> Article | InputError:
    """A saved page (``.html``, ``.htm``, or either gzip-compressed) as one article."""

    where = str(path)
    try:
        data = read_at_most(path, limits.page_bytes)
    except InputError as exc:
        return exc
    if path.name.lower().endswith(".gz"):
        try:
            data = _gunzip(data, limits.page_bytes)
        except (OSError, EOFError, zlib.error) as exc:
            return InputError(where, f"is not a readable gzip file ({exc}); check the file")
    if len(data) > limits.page_bytes:
        return InputError(where, limits.too_large(limits.page_bytes, "a web page"))
    return article_from_html(data, where, path=where, limits=limits)


def _gunzip(data: bytes, limit: int) -> bytes:
    """Decompressed `data`, at most `limit` + 1 bytes (a gzip bomb stops there)."""

    with gzip.GzipFile(fileobj=io.BytesIO(data)) as unpacked:
        return unpacked.read(limit + 1)
