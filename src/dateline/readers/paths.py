"""Reading every article under a set of paths, one batch that survives bad input.

A batch run over a folder of thousands of files should report the few bad
ones and go on, so problems are yielded as `InputError`s in the stream of
articles rather than raised; the caller decides whether to print, count or
stop on them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from dateline.errors import InputError
from dateline.model import Article
from dateline.readers.encoding import peek_head
from dateline.readers.html import HTML_SUFFIXES, article_from_html, read_html_file
from dateline.readers.jsonl import read_json, read_jsonl, read_jsonl_stream
from dateline.readers.limits import DEFAULT_LIMITS, ReadLimits
from dateline.readers.text import read_text_file, read_text_stream
from dateline.readers.web import WARC_SUFFIXES, Fetcher, is_url, read_url, read_warc

STDIN_NAME = "<stdin>"

# Which files a folder contributes (by the end of their name); a file named
# explicitly is read whatever its name, as plain text unless it says otherwise.
ARTICLE_SUFFIXES = (".txt", ".jsonl", ".json", *HTML_SUFFIXES, *WARC_SUFFIXES)

STDIN = "-"
"""The path that reads standard input: JSON Lines, a web page or one plain text."""


def read_paths(
    paths: Iterable[str | Path],
    limits: ReadLimits = DEFAULT_LIMITS,
    fetcher: Fetcher | None = None,
) -> Iterator[Article | InputError]:
    """Articles from files, folders and URLs, in order, with an error for each bad input.

    A folder is read recursively in sorted order, taking the files named
    like articles (`ARTICLE_SUFFIXES`) and skipping hidden files and folders.
    Anything that is not a regular file (a FIFO, a device such as
    ``/dev/zero``, a broken link) is an error rather than read: it could
    block or never end. URLs are fetched with `fetcher` (by default one
    made here, with `Fetcher`'s timeout, retries and a size limit).
    """

    own = fetcher is None
    web = fetcher or Fetcher(max_bytes=limits.page_bytes)
    try:
        for given in paths:
            if str(given) == STDIN:
                yield from read_stdin(limits)
            elif is_url(str(given)):
                yield from read_url(str(given), web, limits)
            elif (path := Path(given)).is_dir():
                for file in input_files(path):
                    yield from read_file(file, limits)
            else:
                yield from read_file(path, limits)
    finally:
        if own:
            web.close()


def input_files(folder: Path) -> list[Path]:
    """The article files under `folder`, sorted, hidden ones left out.

    Entries named like articles that are not regular files (a FIFO called
    ``feed.txt``, a dangling link) are listed too, so reading reports them
    instead of passing over them without a word.
    """

    found = []
    for file in folder.rglob("*"):
        relative = file.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if file.name.lower().endswith(ARTICLE_SUFFIXES) and not file.is_dir():
            found.append(file)
    return sorted(found)


def read_file(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[Article | InputError]:
    """One file by its name: JSON Lines, JSON, a web page, else one plain text article."""

    name = path.name.lower()
    if name.endswith(".jsonl"):
        yield from read_jsonl(path, limits)
    elif name.endswith(".json"):
        yield from read_json(path, limits)
    elif name.endswith(HTML_SUFFIXES):
        yield read_html_file(path, limits)
    elif name.endswith(WARC_SUFFIXES):
        yield from read_warc(path, limits)
    else:
        yield read_text_file(path, limits)


def read_stdin(
    limits: ReadLimits = DEFAULT_LIMITS, stream: BinaryIO | None = None
) -> Iterator[Article | InputError]:
    """Standard input (`-`): JSON Lines if it opens with ``{``, a page if with ``<``,
    else one plain text article.

    JSON Lines are read record by record as they arrive, so
    `producer | dateline ingest -` streams; a page or a text is read whole,
    within the limits of a file.
    """

    handle = stream if stream is not None else sys.stdin.buffer
    opening = peek_head(handle).lstrip(b"\xef\xbb\xbf \t\r\n")
    if opening.startswith(b"{"):
        yield from read_jsonl_stream(handle, STDIN_NAME, limits)
    elif opening.startswith(b"<"):
        data = handle.read(limits.json_file_bytes + 1)
        if len(data) > limits.json_file_bytes:
            yield InputError(STDIN_NAME, limits.too_large(limits.json_file_bytes, "a web page"))
        else:
            yield article_from_html(data, STDIN_NAME, limits=limits)
    else:
        yield read_text_stream(handle, STDIN_NAME, limits)
