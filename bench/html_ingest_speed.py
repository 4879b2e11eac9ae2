"""Ingest speed from saved web pages against the same articles as plain text.

Takes the first `--pages` pages of the article-extraction benchmark
(../shared/corpus/article-extraction-benchmark), writes each as an `.html`
file and its extracted article as a `.txt` file, and ingests each folder
into a fresh store with one worker (the model loaded and warmed first, so
neither run pays for it). Issue 19 asks pages to ingest at 0.9 times the
speed of text or better: reading a page (trafilatura) costs tens of
milliseconds, extracting the facts of an article hundreds.

    python bench/html_ingest_speed.py [--pages 40] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
import time
from pathlib import Path

from dateline.pipeline import warm_up
from dateline.readers import read_paths
from dateline.readers.html import extract_page
from dateline.scale import ParallelExtractor
from dateline.scale.ingest import ingest_articles
from dateline.store import Store


def ingest_seconds(folder: Path, db: Path) -> tuple[float, int]:
    started = time.perf_counter()
    with Store(str(db)) as store, ParallelExtractor(1) as extractor:
        articles = (a for a in read_paths([folder]) if not isinstance(a, Exception))
        counts = ingest_articles(articles, store, extractor)
    return time.perf_counter() - started, counts.stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared"
    )
    options = parser.parse_args()
    root = options.shared / "corpus" / "article-extraction-benchmark"
    keys = sorted(json.loads((root / "ground-truth.json").read_text(encoding="utf-8")))
    warm_up()
    with tempfile.TemporaryDirectory() as work:
        pages, texts = Path(work, "pages"), Path(work, "texts")
        pages.mkdir()
        texts.mkdir()
        for key in keys[: options.pages]:
            html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
            page = extract_page(html)
            if page is None:
                continue
            (pages / f"{key}.html").write_bytes(html)
            (texts / f"{key}.txt").write_text(page.text, encoding="utf-8")
        text_seconds, text_count = ingest_seconds(texts, Path(work, "texts.db"))
        page_seconds, page_count = ingest_seconds(pages, Path(work, "pages.db"))
    text_rate, page_rate = text_count / text_seconds, page_count / page_seconds
    print(f"text:  {text_count} articles in {text_seconds:.1f} s, {text_rate:.2f} articles/s")
    print(f"pages: {page_count} articles in {page_seconds:.1f} s, {page_rate:.2f} articles/s")
    print(f"pages at {page_rate / text_rate:.2f} x the speed of text (issue 19 asks >= 0.9)")


if __name__ == "__main__":
    main()
