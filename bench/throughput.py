"""Measure throughput and memory, and write bench/THROUGHPUT.md.

On real articles (Reuters-21578 bodies and BBC full texts from
../shared/corpus), with 1 and 2 workers, it times

  (a) spaCy `nlp.pipe` alone, same model, same text (`n_process` for 2),
  (b) extraction without a store (what `dateline extract` runs),
  (c) ingest into a fresh SQLite file (what `dateline ingest` runs),

and measures the peak RSS of a real `dateline ingest` subprocess (parent
plus its workers) at 1k and 10k articles, with the fastest configuration.

The model is loaded and warmed in this process first, so speeds leave out
that one-off cost but include starting (forking) the workers.
Where the machine is shared, the load average is printed beside the table.

    python bench/throughput.py [--articles 500] [--rss 1000,10000] [--output bench/THROUGHPUT.md]
                               [--shared PATH]

The corpora are found as the benchmarks find them (`dateline_bench.shared_root`):
`--shared`, else `$DATELINE_SHARED`, else `../shared` beside the working
directory or the checkout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import spacy

from dateline.model import Article
from dateline.parsing import load_model, model_name, text_for_parsing
from dateline.pipeline import warm_up
from dateline.readers import article_from_record
from dateline.scale import ParallelExtractor, batched
from dateline.scale.ingest import ingest_articles
from dateline.store import Store
from dateline_bench import shared_root

HERE = Path(__file__).resolve().parent
CORPORA = {
    "reuters21578": "reuters21578/reuters21578.jsonl",
    "bbc-fulltext": "bbc-fulltext/bbc_fulltext.jsonl",
}
"""Corpus name → its conversion under shared/corpus."""
BATCH = 32
DATELINE = Path(sys.executable).with_name("dateline")
POLL_SECONDS = 0.2


def current_commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], capture_output=True, text=True, cwd=HERE, check=False
        ).stdout.strip()

    dirty = git("status", "--porcelain", "--untracked-files=no")
    return (git("rev-parse", "--short", "HEAD") or "unknown") + (
        " (with uncommitted changes)" if dirty else ""
    )


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 2**20:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}"


def load_average() -> str:
    try:
        return " / ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def read_articles(path: Path, limit: int) -> list[Article]:
    """The first `limit` records with a body, as articles."""

    found: list[Article] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if isinstance(record.get("text"), str) and record["text"].strip():
                found.append(article_from_record(record))
                if len(found) == limit:
                    break
    return found


@dataclass
class Speed:
    articles: int
    words: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds


class Clock:
    """Counts finished articles from the moment the run starts."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.articles = self.words = 0

    def tick(self, done: list[Article]) -> None:
        self.articles += len(done)
        self.words += sum(len(article.text.split()) for article in done)

    def speed(self) -> Speed:
        return Speed(self.articles, self.words, time.perf_counter() - self.started)


def parse_only(articles: list[Article], workers: int, clock: Clock) -> None:
    """(a): spaCy alone on the texts the pipeline parses."""

    nlp = load_model()
    texts = ((text_for_parsing(article), article) for article in articles)
    done: list[Article] = []
    for _doc, article in nlp.pipe(texts, as_tuples=True, batch_size=BATCH, n_process=workers):
        done.append(article)
        if len(done) == BATCH:
            clock.tick(done)
            done = []
    clock.tick(done)


def extract_only(articles: list[Article], workers: int, clock: Clock) -> None:
    """(b): the whole extraction, nothing stored."""

    with ParallelExtractor(workers) as extractor:
        for outcomes in extractor.run(batched(articles, BATCH)):
            clock.tick([outcome.article for outcome in outcomes])


def ingest_sqlite(articles: list[Article], workers: int, clock: Clock) -> None:
    """(c): extraction and batched writes into a fresh SQLite file."""

    position = 0

    def advance(count: int, _counts: object) -> None:
        nonlocal position
        clock.tick(articles[position : position + count])
        position += count

    with (
        tempfile.TemporaryDirectory() as folder,
        Store(str(Path(folder) / "bench.db")) as store,
        ParallelExtractor(workers) as extractor,
    ):
        ingest_articles(articles, store, extractor, batch_size=BATCH, advance=advance)


MEASURES: dict[str, Callable[[list[Article], int, Clock], None]] = {
    "(a) spaCy nlp.pipe": parse_only,
    "(b) extract, no store": extract_only,
    "(c) ingest into SQLite": ingest_sqlite,
}


def peak_rss(records: int, workers: int, source: Path) -> tuple[float, float, float]:
    """Peak RSS (MiB) of a real `dateline ingest`: parent, largest worker, all summed."""

    with tempfile.TemporaryDirectory() as folder:
        subset = Path(folder) / "articles.jsonl"
        with source.open(encoding="utf-8") as lines, subset.open("w", encoding="utf-8") as out:
            kept = 0
            for line in lines:
                text = json.loads(line).get("text")
                if isinstance(text, str) and text.strip():
                    out.write(line)
                    kept += 1
                    if kept == records:
                        break
        command = [str(DATELINE), "ingest", str(subset), "--db", str(Path(folder) / "rss.db")]
        command += ["--workers", str(workers)]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        peaks: dict[int, float] = {}
        while process.poll() is None:
            for pid in [process.pid, *children(process.pid)]:
                peak = high_water_mib(pid)
                if peak is not None:
                    peaks[pid] = max(peaks.get(pid, 0.0), peak)
            time.sleep(POLL_SECONDS)
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed with status {process.returncode}")
    parent = peaks.pop(process.pid, 0.0)
    largest_worker = max(peaks.values(), default=0.0)
    return parent, largest_worker, parent + sum(peaks.values())


def children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(child) for child in found]


def high_water_mib(pid: int) -> float | None:
    """VmHWM: the most resident memory the process ever had."""

    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500, help="articles per corpus and run")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare")
    parser.add_argument("--rss", default="1000,10000", help="corpus sizes for peak RSS ('' skips)")
    parser.add_argument(
        "--repeats",
        type=int,
        default=2,
        help="runs of each measure, interleaved; the fastest counts (a busy moment slows one)",
    )
    parser.add_argument("--output", type=Path, default=HERE / "THROUGHPUT.md")
    parser.add_argument("--shared", type=Path, default=None, help="the shared/ folder")
    args = parser.parse_args()
    corpora = {name: shared_root(args.shared) / "corpus" / path for name, path in CORPORA.items()}
    worker_counts = [int(n) for n in args.workers.split(",")]
    started = time.perf_counter()
    load_before = load_average()
    warm_up()

    rows: list[str] = []
    ratios: list[str] = []
    for corpus, path in corpora.items():
        articles = read_articles(path, args.articles)
        speeds: dict[tuple[str, int], Speed] = {}
        for _ in range(max(1, args.repeats)):
            for label, measure in MEASURES.items():
                for workers in worker_counts:
                    clock = Clock()
                    measure(articles, workers, clock)
                    speed = clock.speed()
                    print(f"{corpus} {label} {workers}: {speed.per_second:.1f}/s", file=sys.stderr)
                    best = speeds.get((label, workers))
                    if best is None or speed.per_second > best.per_second:
                        speeds[label, workers] = speed
        for label in MEASURES:
            for workers in worker_counts:
                speed = speeds[label, workers]
                rows.append(
                    f"| {corpus} | {label} | {workers} | {speed.articles} "
                    f"| {speed.per_second:.1f} | {speed.words_per_second:,.0f} |"
                )
        for workers in worker_counts:
            parse = speeds["(a) spaCy nlp.pipe", workers].per_second
            extract = speeds["(b) extract, no store", workers].per_second
            ingest = speeds["(c) ingest into SQLite", workers].per_second
            ratios.append(
                f"| {corpus} | {workers} | {extract / parse:.2f} (≥ 0.75) "
                f"| {ingest / parse:.2f} (≥ 0.65) |"
            )
        if len(worker_counts) > 1:
            low, high = worker_counts[0], worker_counts[-1]
            scaling = []
            for label in MEASURES:
                gain = speeds[label, high].per_second / speeds[label, low].per_second
                scaling.append(f"{label.split()[0]} {gain:.2f}×")
            ratios.append(
                f"| {corpus} | {high} vs {low} workers | {', '.join(scaling)} (≥ 1.6×) | |"
            )

    rss_rows: list[str] = []
    sizes = [int(n) for n in args.rss.split(",") if n.strip()]
    fastest = max(worker_counts)
    for size in sizes:
        parent, worker, total = peak_rss(size, fastest, corpora["reuters21578"])
        rss_rows.append(f"| {size:,} | {fastest} | {parent:.0f} | {worker:.0f} | {total:.0f} |")
        print(rss_rows[-1], file=sys.stderr, flush=True)

    lines = [
        "# Throughput",
        "",
        f"- Date: {dt.datetime.now().isoformat(timespec='minutes')}",
        f"- Commit: {current_commit()}",
        f"- Machine: {machine()}",
        f"- Python {platform.python_version()}, spaCy {spacy.__version__}, model {model_name()}",
        f"- Load average (1/5/15 min) before / after: {load_before} — {load_average()}",
        f"- Articles per corpus and run: {args.articles}; batch size {BATCH}; "
        f"best of {max(1, args.repeats)} interleaved runs",
        f"- Run time: {(time.perf_counter() - started) / 60:.1f} min",
        "",
        "Produced by `bench/throughput.py`. Wall time of each whole run (the fastest of the "
        "interleaved repeats), after the model "
        "was loaded and warmed once (forking the workers is included). "
        "1 worker runs in-process; 2 workers are forked processes (spaCy's `n_process=2` "
        "for (a)) while the parent reads and, in (c), writes. Words are white-space "
        "separated tokens of the article text.",
        "",
        "| corpus | measure | workers | articles | articles/s | words/s |",
        "| --- | --- | --- | --- | --- | --- |",
        *rows,
        "",
        "## Against the targets",
        "",
        "| corpus | workers | (b) / (a) | (c) / (a) |",
        "| --- | --- | --- | --- |",
        *ratios,
        "",
        "## Peak memory of `dateline ingest` (Reuters-21578 bodies)",
        "",
        "Peak resident set (VmHWM, MiB) of the parent and of the largest worker, and "
        "the sum over all processes (pages shared by forked workers are counted in "
        "each of them).",
        "",
        "| articles | workers | parent | largest worker | all processes |",
        "| --- | --- | --- | --- | --- |",
        *rss_rows,
        "",
    ]
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
