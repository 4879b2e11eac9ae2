"""Web pages as articles: real pages of the article-extraction benchmark, and stdin.

The pages are real news pages saved as served (shared/corpus/article-
extraction-benchmark, MIT); the test writes them as `.html`, `.htm` and
`.html.gz` files and checks that the main text comes out without the page
around it, with the page's metadata, and that a page with no article or a
broken file is one error while the batch goes on.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import SHARED

from dateline.errors import InputError
from dateline.model import Article
from dateline.output import article_meta
from dateline.readers import read_paths
from dateline.readers.paths import read_stdin

BENCHMARK = SHARED / "corpus" / "article-extraction-benchmark"
VENTUREBEAT = "06e5123e4ef7cfb4533250dc45d1e03d0838fc66223f45c583c4d12f48b4da85"
"""VentureBeat, 2019-11-18: a Reuters story on WeWork, with menus, share buttons and ads."""
SPORTSNET = "0d46122928b6f468cc4bbc694051d0dbae5702bc75a16dab82a99b58daf150a0"
"""Sportsnet, Davis Cup report: quotes open several paragraphs."""


def benchmark_page(key: str) -> tuple[bytes, dict[str, Any]]:
    if not BENCHMARK.is_dir():
        pytest.skip("shared/corpus/article-extraction-benchmark not beside the checkout")
    truth = json.loads((BENCHMARK / "ground-truth.json").read_text(encoding="utf-8"))
    return (BENCHMARK / "html" / f"{key}.html.gz").read_bytes(), truth[key]


def shingle_f1(found: str, true: str) -> float:
    """The benchmark's measure: word 4-gram shingles of the two texts."""

    def shingles(text: str) -> Counter[tuple[str, ...]]:
        words = re.findall(r"\w+", text)
        return Counter(tuple(words[i : i + 4]) for i in range(len(words) - 3))

    ours, theirs = shingles(found), shingles(true)
    overlap = sum((ours & theirs).values())
    return 2 * overlap / (sum(ours.values()) + sum(theirs.values()))


def test_a_saved_page_gives_its_article_and_metadata(tmp_path: Path) -> None:
    packed, truth = benchmark_page(VENTUREBEAT)
    path = tmp_path / "wework.html.gz"
    path.write_bytes(packed)

    (article,) = read_paths([path])

    assert isinstance(article, Article)
    assert shingle_f1(article.text, truth["articleBody"]) > 0.9
    assert article.title == "New York State Attorney General investigating WeWork and former CEO"
    assert (article.published, article.site, article.author) == (
        date(2019, 11, 18),
        "VentureBeat",
        "Reuters",
    )
    assert article.url is not None and article.url.startswith("https://venturebeat.com/2019/11/18/")
    assert article.path == str(path)
    meta = article_meta(article)
    assert (meta["path"], meta["site"], meta["url"]) == (str(path), "VentureBeat", article.url)


def test_paragraphs_opening_with_a_quote_are_kept(tmp_path: Path) -> None:
    packed, truth = benchmark_page(SPORTSNET)
    path = tmp_path / "davis-cup.html"
    path.write_bytes(gzip.decompress(packed))
    quoted = [p for p in truth["articleBody"].split("\n") if p.strip()[:1] in '"“']
    assert len(quoted) >= 2

    (article,) = read_paths([path])

    assert isinstance(article, Article)
    words = " ".join(re.findall(r"\w+", article.text))
    for paragraph in quoted:
        assert " ".join(re.findall(r"\w+", paragraph)) in words


def test_a_folder_of_pages_and_bad_pages_each_one_error(tmp_path: Path) -> None:
    packed, _ = benchmark_page(VENTUREBEAT)
    (tmp_path / "a.html.gz").write_bytes(packed)
    (tmp_path / "b.htm").write_bytes(gzip.decompress(benchmark_page(SPORTSNET)[0]))
    (tmp_path / "c-menu.html").write_text(
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/news'>News</a></nav></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "d-broken.html.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip")

    results = list(read_paths([tmp_path]))

    articles = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert [Path(a.path or "").name for a in articles] == ["a.html.gz", "b.htm"]
    assert [Path(e.path).name for e in errors] == ["c-menu.html", "d-broken.html.gz"]
    assert "holds no article text" in errors[0].reason
    assert "not a readable gzip file" in errors[1].reason


def stream(data: bytes) -> io.BufferedReader:
    return io.BufferedReader(io.BytesIO(data))


def test_stdin_reads_jsonl_a_page_or_a_text() -> None:
    records = b"".join(
        json.dumps(
            {"id": f"tass-{n}", "text": f"MOSCOW, December 26. /TASS/. Report {n}."}
        ).encode()
        + b"\n"
        for n in range(3)
    )
    jsonl = list(read_stdin(stream=stream(b"\n" + records)))
    assert [a.id for a in jsonl if isinstance(a, Article)] == ["tass-0", "tass-1", "tass-2"]
    assert isinstance(jsonl[0], Article) and jsonl[0].origin == "<stdin>:2"

    page, _ = benchmark_page(VENTUREBEAT)
    (article,) = read_stdin(stream=stream(gzip.decompress(page)))
    assert isinstance(article, Article) and article.site == "VentureBeat"

    text = "HANOI, December 26. /TASS/. Flights between Russia and Vietnam resumed."
    (plain,) = read_stdin(stream=stream(text.encode("utf-16")))
    assert isinstance(plain, Article) and plain.text == text
    assert plain.dateline_place == "Hanoi"
